//! Where members left off reading: most are up to date, many have a few unread messages, some
//! have been away for weeks, so that unread counts look like a living network's.

use crate::{DemoNetwork, DemoParams, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};

/// SplitMix64's finaliser: a well-mixed 64-bit value from any input.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a, to turn a channel's slug into a number independent of the platform.
fn slug_hash(slug: &str) -> u64 {
    slug.bytes().fold(0xCBF2_9CE4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3)
    })
}

/// How many of the latest messages of channel `slug` that `person` (an index into
/// `network.people`) has not read, counting from the channel's last message. The reader of a
/// channel has in any case read up to their own last message there; applying that is up to the
/// caller. The demo accounts have a fixed, small backlog in their city and in `general`, so that
/// the unread badges can be shown right after seeding.
pub fn unread_backlog(
    params: &DemoParams,
    network: &DemoNetwork,
    person: usize,
    slug: &str,
) -> u64 {
    let email = network.people.get(person).map_or("", |p| p.email.as_str());
    let in_general = slug == "general";
    match email {
        DEMO_MEMBER_EMAIL => return if in_general { 12 } else { 4 },
        DEMO_CONNECTOR_EMAIL => return if in_general { 0 } else { 2 },
        _ => {}
    }
    let h = mix(params.seed ^ mix(person as u64) ^ slug_hash(slug));
    let depth = mix(h);
    match h % 100 {
        0..=54 => 0,
        55..=79 => 1 + depth % 5,
        80..=92 => 6 + depth % 25,
        93..=97 => 31 + depth % 90,
        _ => 121 + depth % 480,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    #[test]
    fn most_members_are_nearly_up_to_date_and_a_few_far_behind() {
        let params = DemoParams {
            members: 2000,
            cities: 5,
            seed: 11,
        };
        let network = generate(&params);
        let backlogs: Vec<u64> = (0..network.people.len())
            .map(|p| unread_backlog(&params, &network, p, "paris"))
            .collect();
        let up_to_date = backlogs.iter().filter(|&&b| b == 0).count();
        let far = backlogs.iter().filter(|&&b| b > 30).count();
        assert!(up_to_date > 900 && up_to_date < 1300, "{up_to_date}");
        assert!(far > 40 && far < 250, "{far}");
        assert_eq!(
            unread_backlog(&params, &network, 2, "general"),
            12,
            "demo member"
        );
        let again = unread_backlog(&params, &network, 500, "paris");
        assert_eq!(again, backlogs[500]);
        assert_ne!(
            (0..50)
                .map(|p| unread_backlog(&params, &network, p, "lyon"))
                .collect::<Vec<_>>(),
            backlogs[..50].to_vec()
        );
    }
}
