use super::super::test_elections;
use super::super::Context;
use super::*;
use crate::amount::amount;
use crate::election::{Election, Project};
use crate::tie_break::TieBreak;

/// Fifty projects whose money's scale grows past 128 bits within the run.
fn overlapping_election() -> Election {
    test_elections::overlapping(50, 900, (100, 7), 9000)
}

#[test]
fn a_run_widened_midway_equals_one_on_big_integers_throughout() {
    let election = overlapping_election();
    let ctx = Context::new(&election, &TieBreak::default());
    let engine = Engine::new(&ctx).expect("there are voters");
    let start = i128::from_big(&engine.share_after(0)).expect("the share fits");
    let mut narrow = engine
        .rounds_from(start, Horizon::untracked())
        .expect("costs fit 128 bits");
    let mut picks = Vec::new();
    assert_eq!(narrow.explained_rounds(&mut picks), Ok(Stopped::TooWide));
    assert!(picks.len() > 2, "widened after a few rounds, not at once");
    let wide = engine.explain_wide(engine.start(0, Horizon::untracked()), Vec::new());
    let explained = engine.explain(0);
    assert!(explained.picks.len() > picks.len(), "rounds after widening");
    assert_eq!(explained, wide);
}

#[test]
fn a_run_that_fits_machine_integers_equals_one_on_big_integers() {
    let projects = ["a", "b", "c"].map(|id| Project::new(id.to_string(), amount(30)));
    let ballots = [
        vec!["a", "b"],
        vec!["a"],
        vec!["b", "c"],
        vec!["c"],
        vec!["a"],
    ];
    let ballots = ballots.map(|b| b.into_iter().map(String::from).collect::<Vec<_>>());
    let election = Election::approval(amount(100), projects.to_vec(), ballots).expect("valid");
    let ctx = Context::new(&election, &TieBreak::default());
    let engine = Engine::new(&ctx).expect("there are voters");
    let wide = engine.explain_wide(engine.start(0, Horizon::untracked()), Vec::new());
    let explained = engine.explain(0);
    assert_eq!(explained, wide);
    assert!(explained.picks.len() >= 2);
}
