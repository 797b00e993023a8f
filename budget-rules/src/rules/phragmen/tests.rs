use super::*;
use crate::amount::amount;
use crate::election::{Election, Project};
use crate::tie_break::TieBreak;

/// Thirty projects whose supporters overlap and come in many different numbers, so that the
/// common denominator of the loads grows past 128 bits within the count.
fn overlapping_election() -> Election {
    let primes: Vec<usize> = (31..)
        .filter(|n| (2..*n).all(|d| n % d != 0))
        .take(30)
        .collect();
    let projects: Vec<Project> = (0..30)
        .map(|p| Project::new(format!("p{p}"), amount(1000 + 37 * p as i64)))
        .collect();
    // Project p's supporters are a window of voters, as long as its prime, starting at 13 p.
    let ballots = (0..600).map(|v: usize| {
        (0..30)
            .filter(|&p| (13 * p..13 * p + primes[p]).contains(&v))
            .map(|p| format!("p{p}"))
            .collect::<Vec<_>>()
    });
    let budget = amount(1000 * 30 + 37 * 29 * 15);
    Election::approval(budget, projects, ballots).expect("ids are the projects'")
}

#[test]
fn a_count_widened_midway_equals_one_on_big_integers_throughout() {
    let election = overlapping_election();
    let ctx = Context::new(&election, &TieBreak::default());
    let mut narrow = Count::<i128>::new(&ctx).expect("costs fit 128 bits");
    let stopped = narrow.rounds();
    assert_eq!(stopped, Ok(Stopped::TooWide));
    assert!(narrow.round > 2, "widened after a few rounds, not at once");
    let mut big = infallible(Count::<BigInt>::new(&ctx));
    infallible(big.rounds());
    let counted = run(&ctx).finish(&ctx, super::super::Rule::Phragmen, TieBreak::default());
    let reference = big
        .draft
        .finish(&ctx, super::super::Rule::Phragmen, TieBreak::default());
    assert_eq!(counted, reference);
    assert_eq!(counted.selected.len(), 30);
}
