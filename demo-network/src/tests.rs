//! Properties of whole generated networks.

use super::*;
use std::collections::{HashMap, HashSet};

fn default_network() -> DemoNetwork {
    generate(&DemoParams::default())
}

fn people_per_city(net: &DemoNetwork) -> Vec<usize> {
    let mut counts = vec![0; net.cities.len()];
    for p in &net.people {
        counts[p.city] += 1;
    }
    counts
}

fn city_index(net: &DemoNetwork, slug: &str) -> usize {
    net.cities
        .iter()
        .position(|c| c.slug == slug)
        .unwrap_or(usize::MAX)
}

#[test]
fn same_seed_same_network_and_other_seed_other_network() {
    let a = default_network();
    assert_eq!(a, default_network());
    let b = generate(&DemoParams {
        seed: 2027,
        ..DemoParams::default()
    });
    assert_ne!(a.people, b.people);
    // The cities are the table's, whatever the seed.
    assert_eq!(a.cities, b.cities);
}

#[test]
fn default_network_matches_the_brief() {
    let net = default_network();
    let slugs: Vec<&str> = net.cities.iter().map(|c| c.slug.as_str()).collect();
    let expected = [
        "paris",
        "lyon",
        "marseille",
        "barcelona",
        "madrid",
        "lisbon",
        "rome",
        "milan",
        "berlin",
        "brussels",
        "amsterdam",
        "london",
        "copenhagen",
        "montreal",
        "quebec",
        "mexico-city",
        "sao-paulo",
        "rio-de-janeiro",
        "buenos-aires",
        "santiago",
    ];
    assert_eq!(slugs, expected);
    let continents: HashSet<&str> = net.cities.iter().map(|c| c.continent.as_str()).collect();
    let expected = HashSet::from(["europe", "north-america", "south-america"]);
    assert_eq!(continents, expected);
    assert_eq!(net.people.len(), 8000);
    let connectors = net
        .people
        .iter()
        .filter(|p| p.role == DemoRole::Connector)
        .count();
    assert_eq!(connectors, 60);
    let mut per_city = vec![0; net.cities.len()];
    for p in net.people.iter().filter(|p| p.role == DemoRole::Connector) {
        per_city[p.city] += 1;
    }
    assert!(
        per_city.iter().all(|&n| n == CONNECTORS_PER_CITY),
        "{per_city:?}"
    );
}

#[test]
fn demo_accounts_come_first_in_paris() {
    let net = default_network();
    let head: Vec<(&str, DemoRole, usize)> = net
        .people
        .iter()
        .take(3)
        .map(|p| (p.email.as_str(), p.role, p.city))
        .collect();
    assert_eq!(
        head,
        [
            (DEMO_ADMIN_EMAIL, DemoRole::Member, 0),
            (DEMO_CONNECTOR_EMAIL, DemoRole::Connector, 0),
            (DEMO_MEMBER_EMAIL, DemoRole::Member, 0),
        ]
    );
    assert!(net.people[2].map_visible);
    assert_eq!(net.cities[0].name, "Paris");
    let demo_emails = [DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL];
    assert!(net.people[3..]
        .iter()
        .all(|p| !demo_emails.contains(&p.email.as_str())));
}

#[test]
fn emails_are_unique_lowercase_ascii() {
    let net = default_network();
    let emails: HashSet<&str> = net.people.iter().map(|p| p.email.as_str()).collect();
    assert_eq!(emails.len(), net.people.len());
    for (i, p) in net.people.iter().enumerate().skip(3) {
        assert!(p.email.is_ascii(), "{}", p.email);
        let ok = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.@".contains(&b);
        assert!(p.email.bytes().all(ok), "{}", p.email);
        assert!(
            p.email.ends_with(&format!(".{i}@edges.demo")),
            "{}",
            p.email
        );
        assert!(
            !p.email.starts_with('.') && !p.email.contains(".."),
            "{}",
            p.email
        );
    }
}

#[test]
fn people_are_well_formed() {
    let net = default_network();
    for p in &net.people {
        assert!(p.city < net.cities.len());
        assert!(p.name.split(' ').count() >= 2, "{}", p.name);
        assert!((2..=5).contains(&p.skills.len()), "{:?}", p.skills);
        assert_eq!(
            p.skills.iter().collect::<HashSet<_>>().len(),
            p.skills.len()
        );
        assert!((1..=3).contains(&p.languages.len()), "{:?}", p.languages);
        assert_eq!(
            p.languages.iter().collect::<HashSet<_>>().len(),
            p.languages.len()
        );
        assert!(p
            .languages
            .iter()
            .all(|l| l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase())));
        assert!(p.joined_days_ago <= 3650);
        assert!(
            !p.bio.is_empty() && !p.bio.contains(['<', '>', '{']),
            "{}",
            p.bio
        );
    }
}

#[test]
fn names_look_international_with_real_diacritics() {
    let net = default_network();
    let accented = net.people.iter().filter(|p| !p.name.is_ascii()).count();
    assert!(
        accented > net.people.len() / 5,
        "only {accented} names with diacritics"
    );
    // Lisbon's people mostly have Portuguese names, but not all of them.
    let lisbon = city_index(&net, "lisbon");
    let lisboetas: Vec<&DemoPerson> = net.people.iter().filter(|p| p.city == lisbon).collect();
    let local = lisboetas
        .iter()
        .filter(|p| names::LUSOPHONE.last.iter().any(|l| p.name.ends_with(l)))
        .count();
    let share = local as f64 / lisboetas.len() as f64;
    assert!((0.6..0.95).contains(&share), "{share}");
}

#[test]
fn map_visibility_is_about_sixty_percent() {
    let net = default_network();
    let visible = net.people.iter().filter(|p| p.map_visible).count();
    let ratio = visible as f64 / net.people.len() as f64;
    assert!((0.55..=0.65).contains(&ratio), "{ratio}");
}

#[test]
fn city_sizes_are_uneven() {
    let net = default_network();
    let sizes = people_per_city(&net);
    let size = |slug: &str| sizes[city_index(&net, slug)];
    assert!(size("paris") > size("quebec") * 5);
    assert!(size("barcelona") > size("quebec") * 5);
    assert!(sizes.iter().all(|&n| n > CONNECTORS_PER_CITY));
}

#[test]
fn every_default_city_has_a_recent_member() {
    for seed in [1, 2026, 99] {
        let net = generate(&DemoParams {
            seed,
            ..DemoParams::default()
        });
        for (i, city) in net.cities.iter().enumerate() {
            let recent = net
                .people
                .iter()
                .any(|p| p.city == i && p.role == DemoRole::Member && p.joined_days_ago <= 30);
            assert!(recent, "seed {seed}: nobody new in {}", city.slug);
        }
    }
}

#[test]
fn skills_filters_matter() {
    let net = default_network();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for tag in net.people.iter().flat_map(|p| &p.skills) {
        *counts.entry(tag.as_str()).or_default() += 1;
    }
    let most = counts.values().copied().max().unwrap_or(0);
    let least = counts.values().copied().min().unwrap_or(0);
    assert!(counts.len() >= 60, "only {} tags in use", counts.len());
    assert!(most > 5 * least, "most {most}, least {least}");
    assert!(most < net.people.len() / 2, "no tag should be on everybody");
}

#[test]
fn large_network_works() {
    let net = generate(&DemoParams {
        members: 80_000,
        cities: 200,
        seed: 5,
    });
    assert_eq!(net.people.len(), 80_000);
    assert_eq!(net.cities.len(), 200);
    let slugs: HashSet<&str> = net.cities.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(slugs.len(), 200);
    let continents: HashSet<Continent> = net.cities.iter().map(|c| c.continent).collect();
    assert_eq!(continents.len(), 6);
    let emails: HashSet<&str> = net.people.iter().map(|p| p.email.as_str()).collect();
    assert_eq!(emails.len(), 80_000);
    assert!(net
        .people
        .iter()
        .all(|p| p.city < 200 && p.email.is_ascii()));
    let connectors = net
        .people
        .iter()
        .filter(|p| p.role == DemoRole::Connector)
        .count();
    assert_eq!(connectors, 600);
}

#[test]
fn city_count_is_capped_at_the_table() {
    let net = generate(&DemoParams {
        members: 5000,
        cities: 10_000,
        seed: 1,
    });
    assert_eq!(net.cities.len(), MAX_CITIES);
    assert_eq!(net.people.len(), 5000);
    let fewer = generate(&DemoParams {
        members: 100,
        cities: 5,
        seed: 1,
    });
    assert_eq!(fewer.cities.len(), 5);
    assert_eq!(fewer.cities[4].slug, "madrid");
}

#[test]
fn degenerate_sizes_do_not_panic() {
    assert_eq!(
        generate(&DemoParams {
            members: 8000,
            cities: 0,
            seed: 1
        }),
        DemoNetwork::default()
    );
    for members in [0, 1, 2, 3, 4, 10, 59, 60, 61, 62] {
        let net = generate(&DemoParams {
            members,
            cities: 20,
            seed: 3,
        });
        assert_eq!(net.people.len(), members);
        assert_eq!(net.cities.len(), 20);
        let connectors = net
            .people
            .iter()
            .filter(|p| p.role == DemoRole::Connector)
            .count();
        assert!(connectors <= 60 && connectors <= members);
        if members >= 2 {
            assert_eq!(net.people[1].email, DEMO_CONNECTOR_EMAIL);
        }
    }
    // Scarce members: connectors go one per city before any city gets a second.
    let net = generate(&DemoParams {
        members: 10,
        cities: 20,
        seed: 3,
    });
    let cities: HashSet<usize> = net.people.iter().map(|p| p.city).collect();
    assert_eq!(cities.len(), 8);
    let one = generate(&DemoParams {
        members: 1,
        cities: 1,
        seed: 3,
    });
    assert_eq!(one.people[0].email, DEMO_ADMIN_EMAIL);
}

#[test]
fn apportion_is_exact() {
    assert_eq!(apportion(10, &[1, 1, 1]), vec![4, 3, 3]);
    assert_eq!(apportion(0, &[5, 2]), vec![0, 0]);
    assert_eq!(apportion(7, &[0, 0]), vec![0, 0]);
    let shares = apportion(7_937, &[18_000, 6_100, 4_020, 14_500, 1_150]);
    assert_eq!(shares.iter().sum::<usize>(), 7_937);
}
