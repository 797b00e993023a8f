use super::super::test_elections;
use super::*;
use crate::election::Election;
use crate::tie_break::TieBreak;

/// Thirty projects whose loads' common denominator grows past 128 bits within the count.
fn overlapping_election() -> Election {
    test_elections::overlapping(30, 600, (1000, 37), 1000 * 30 + 37 * 29 * 15)
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
