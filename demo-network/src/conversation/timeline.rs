//! When people write: more recently than long ago, on weekdays rather than weekends, in the day
//! rather than at night, on their city's clock; and how quickly replies and reactions follow.

use rand::Rng;

use super::HISTORY_DAYS;
use crate::cities::CitySpec;

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;
/// Nothing is dated in the last minute before `now`, so the seed never looks like it is still
/// being written.
const QUIET_BEFORE_NOW: i64 = 60;
/// Relative activity per local hour, midnight first: quiet nights, busy mornings and afternoons,
/// a lunch dip and an evening tail.
const HOURLY: [u32; 24] = [
    4, 2, 1, 1, 1, 2, 5, 12, 24, 36, 40, 40, 28, 28, 36, 36, 36, 32, 28, 20, 20, 20, 16, 8,
];
/// How much of a weekday's activity remains on Saturdays and Sundays, in percent.
const WEEKEND_PERCENT: [u32; 2] = [35, 30];
/// Draws before giving up on landing on a busy time; the last draw is then kept.
const TRIES: usize = 12;

/// The city's offset from UTC in whole hours, from its longitude: close enough for the daily
/// rhythm of a demo, without a time-zone database.
pub(super) fn utc_offset(spec: &CitySpec) -> i64 {
    (spec.lon / 15.0).round() as i64
}

/// Days before today, as a fraction: activity grows over the year, the last days being three
/// times as busy as a year ago (density `1 + 2x` with `x` = how recent, inverted exactly).
fn days_ago<R: Rng>(rng: &mut R) -> f64 {
    let u: f64 = rng.random();
    let recent = ((1.0 + 8.0 * u).sqrt() - 1.0) / 2.0;
    (1.0 - recent) * (HISTORY_DAYS as f64)
}

fn weighted_hour<R: Rng>(rng: &mut R) -> i64 {
    let total: u32 = HOURLY.iter().sum();
    let mut ticket = rng.random_range(0..total);
    for (hour, &weight) in HOURLY.iter().enumerate() {
        if ticket < weight {
            return hour as i64;
        }
        ticket -= weight;
    }
    12
}

/// Day of the week of a Unix day number, Monday = 0 (1 January 1970 was a Thursday).
fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

/// A moment for a new message in a city `offset` hours from UTC, within the history.
pub(super) fn moment<R: Rng>(rng: &mut R, now: i64, offset: i64) -> i64 {
    let today = now.div_euclid(DAY);
    let earliest = now - HISTORY_DAYS * DAY + HOUR;
    let latest = now - QUIET_BEFORE_NOW;
    let mut at = latest;
    for _ in 0..TRIES {
        let day = today - days_ago(rng) as i64;
        let local_midnight = day * DAY - offset * HOUR;
        at = local_midnight + weighted_hour(rng) * HOUR + rng.random_range(0..HOUR);
        let keep_percent = match weekday(day) {
            5 => WEEKEND_PERCENT[0],
            6 => WEEKEND_PERCENT[1],
            _ => 100,
        };
        if (earliest..=latest).contains(&at) && rng.random_range(0..100) < keep_percent {
            return at;
        }
    }
    at.clamp(earliest, latest)
}

/// When an answer comes after `after`: often within the hour, sometimes the next day, rarely
/// days later; squeezed in before `now` when the thread is recent.
pub(super) fn answer_delay<R: Rng>(rng: &mut R) -> i64 {
    match rng.random_range(0..100u32) {
        0..=39 => rng.random_range(60..20 * 60),
        40..=74 => rng.random_range(20 * 60..4 * HOUR),
        75..=93 => rng.random_range(4 * HOUR..DAY + 12 * HOUR),
        _ => rng.random_range(DAY + 12 * HOUR..5 * DAY),
    }
}

/// The times of `count` replies to a message written at `root`: increasing, after it, none
/// after `now`.
pub(super) fn replies<R: Rng>(rng: &mut R, root: i64, count: usize, now: i64) -> Vec<i64> {
    let mut gaps: Vec<i64> = (0..count).map(|_| answer_delay(rng)).collect();
    let room = (now - QUIET_BEFORE_NOW - root).max(0);
    let needed: i64 = gaps.iter().sum();
    if needed > room {
        // A recent thread: the same rhythm, compressed into the time there was.
        for gap in &mut gaps {
            *gap = *gap * room / needed.max(1);
        }
    }
    let mut at = root;
    gaps.into_iter()
        .map(|gap| {
            at += gap.max(1);
            at
        })
        .collect()
}

/// When someone reacts to a message written at `at`.
pub(super) fn reaction<R: Rng>(rng: &mut R, at: i64, now: i64) -> i64 {
    (at + answer_delay(rng)).min(now - 1).max(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    const NOW: i64 = 1_780_000_000;

    #[test]
    fn moments_stay_in_the_history_with_weekday_and_daytime_rhythm() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let times: Vec<i64> = (0..20_000).map(|_| moment(&mut rng, NOW, 1)).collect();
        assert!(times
            .iter()
            .all(|&t| t <= NOW - QUIET_BEFORE_NOW && t > NOW - HISTORY_DAYS * DAY));
        let weekend = times
            .iter()
            .filter(|&&t| weekday(t.div_euclid(DAY)) >= 5)
            .count();
        // Two days of seven would be 29 % without the rhythm.
        assert!(weekend * 100 < times.len() * 15, "{weekend}");
        let night = times
            .iter()
            .filter(|&&t| (t + HOUR).rem_euclid(DAY) < 6 * HOUR)
            .count();
        assert!(night * 100 < times.len() * 4, "{night}");
        let recent = times.iter().filter(|&&t| t > NOW - 90 * DAY).count();
        let old = times.iter().filter(|&&t| t < NOW - 275 * DAY).count();
        assert!(recent > old * 2, "{recent} recent, {old} old");
    }

    #[test]
    fn replies_follow_their_root_and_never_pass_now() {
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        for root in [NOW - 400 * DAY, NOW - DAY, NOW - 600, NOW - 61] {
            let times = replies(&mut rng, root, 30, NOW);
            assert!(times.windows(2).all(|w| w[0] < w[1]));
            assert!(times.first().is_some_and(|&t| t > root));
            assert!(times.iter().all(|&t| t <= NOW));
        }
    }
}
