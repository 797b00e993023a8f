//! Each rule on small hand-made elections whose outcomes are worked out in the comments,
//! including ties and the per-project explanations.

use budget_rules::{
    amount, tally, Amount, Ballot, Election, Project, Reason, Rule, TieBreak, VoteType,
};
use num_bigint::BigInt;
use num_rational::BigRational;

fn ratio(n: i64, d: i64) -> Amount {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

fn election(budget: i64, projects: &[(&str, i64)], ballots: &[(usize, &[&str])]) -> Election {
    let projects = projects
        .iter()
        .map(|(id, cost)| Project::new(*id, amount(*cost)))
        .collect();
    let ballots = ballots
        .iter()
        .flat_map(|(copies, ids)| std::iter::repeat_n(ids.to_vec(), *copies));
    Election::approval(amount(budget), projects, ballots).unwrap()
}

fn run(e: &Election, rule: Rule) -> Vec<String> {
    tally(e, rule, TieBreak::default()).selected
}

/// 6 voters want A1..A5, 4 want B1..B5; everything costs 2, budget 10.
fn sixty_forty() -> Election {
    let a: &[&str] = &["A1", "A2", "A3", "A4", "A5"];
    let b: &[&str] = &["B1", "B2", "B3", "B4", "B5"];
    let projects: Vec<(&str, i64)> = a.iter().chain(b).map(|id| (*id, 2)).collect();
    election(10, &projects, &[(6, a), (4, b)])
}

#[test]
fn greedy_gives_everything_to_the_majority() {
    assert_eq!(
        run(&sixty_forty(), Rule::Greedy),
        ["A1", "A2", "A3", "A4", "A5"]
    );
}

#[test]
fn mes_splits_proportionally() {
    // Each voter gets 1. An A project costs each A voter 1/3 (rho 1/6), a B project each
    // B voter 1/2 (rho 1/4): three A projects exhaust the A voters, then two B projects.
    let e = sixty_forty();
    let o = tally(&e, Rule::Mes, TieBreak::default());
    assert_eq!(o.selected, ["A1", "A2", "A3", "B1", "B2"]);
    assert_eq!(o.voter_budget, Some(amount(1)));
    let a1 = o.project("A1").unwrap();
    assert_eq!(
        a1.reason,
        Reason::Bought {
            round: 1,
            rho: ratio(1, 6),
            share: ratio(1, 3),
            full_payers: 6,
            partial_payers: 0
        }
    );
    match &o.project("A4").unwrap().reason {
        Reason::Unaffordable {
            supporters_money, ..
        } => assert_eq!(*supporters_money, amount(0)),
        other => panic!("A4: {other:?}"),
    }
    // Ties between equally priced projects go to the smallest id; another order changes them.
    let lot = TieBreak::Priority(vec!["A5".into(), "B4".into()]);
    assert_eq!(
        tally(&e, Rule::Mes, lot).selected,
        ["A5", "A1", "A2", "B4", "B1"]
    );
}

#[test]
fn ties_compare_ids_as_strings() {
    // "10" < "9" as strings, so project 10 wins every tie, as in pabutools.
    let e = election(5, &[("9", 5), ("10", 5)], &[(2, &["9", "10"])]);
    for rule in Rule::ALL {
        assert_eq!(run(&e, rule), ["10"], "{rule}");
    }
    assert_eq!(tally(&e, Rule::Greedy, TieBreak::FileOrder).selected, ["9"]);
}

#[test]
fn greedy_skips_what_no_longer_fits_and_goes_on() {
    // P (3 votes, 6) fits; Q (2 votes, 5) does not fit in the 4 left; R (1 vote, 3) does.
    let e = election(
        10,
        &[("P", 6), ("Q", 5), ("R", 3)],
        &[(3, &["P"]), (2, &["Q"]), (1, &["R"])],
    );
    let o = tally(&e, Rule::Greedy, TieBreak::default());
    assert_eq!(o.selected, ["P", "R"]);
    assert_eq!(
        o.project("Q").unwrap().reason,
        Reason::DidNotFit {
            remaining: amount(4)
        }
    );
    assert_eq!(
        o.project("R").unwrap().reason,
        Reason::Fitted {
            remaining_before: amount(4)
        }
    );
    assert_eq!(o.total_cost, amount(9));
}

/// Budget 100, 4 voters. A (60) is wanted by v1..v3, B (40) by v4, C (30) by everyone.
fn small_town() -> Election {
    election(
        100,
        &[("A", 60), ("B", 40), ("C", 30)],
        &[(3, &["A", "C"]), (1, &["B", "C"])],
    )
}

#[test]
fn mes_then_add1_then_greedy_completion() {
    let e = small_town();
    // Voters get 25. C costs everyone 7.5 (rho 1/4) and goes first; then A's supporters have
    // 3 × 17.5 = 52.5 < 60 and B's has 17.5 < 40: plain MES stops at C.
    let mes = tally(&e, Rule::Mes, TieBreak::default());
    assert_eq!(mes.selected, ["C"]);
    assert_eq!(
        mes.project("A").unwrap().reason,
        Reason::Unaffordable {
            round: 2,
            supporters_money: ratio(105, 2)
        }
    );
    // Add1: with 25 + k each, A's supporters have 3 × (17.5 + k) >= 60 from k = 3. Then C, A
    // cost 90 and B no longer fits: exhaustive, so k = 3 is kept.
    let add1 = tally(&e, Rule::MesAdd1, TieBreak::default());
    assert_eq!(add1.selected, ["C", "A"]);
    assert_eq!(add1.budget_increments, Some(3));
    assert_eq!(add1.voter_budget, Some(amount(28)));
    assert_eq!(run(&e, Rule::MesAdd1Greedy), ["C", "A"]);
}

#[test]
fn add1_stops_before_overspending_and_greedy_fills_the_rest() {
    // Budget 10, two voters. X (6) is wanted by both, Y (5) and Z (4) by voter 2 only.
    // k = 0: 5 each; X costs 3 each; then Y, Z are out of reach. Not exhaustive (Z fits).
    // k = 1: 6 each; X, then voter 2 has 3: nothing more. k = 2: X, then Z (voter 2 has 4).
    // Total 10 and Y does not fit: exhaustive.
    let e = election(
        10,
        &[("X", 6), ("Y", 5), ("Z", 4)],
        &[(1, &["X"]), (1, &["X", "Y", "Z"])],
    );
    let add1 = tally(&e, Rule::MesAdd1, TieBreak::default());
    assert_eq!(add1.selected, ["X", "Z"]);
    assert_eq!(add1.budget_increments, Some(2));
    // Raise the budget so that the next raise would overspend: the last result that fits wins.
    let e = election(
        11,
        &[("X", 6), ("Y", 5), ("Z", 4)],
        &[(1, &["X"]), (1, &["X", "Y", "Z"])],
    );
    // k = 0: 5.5 each, X, then voter 2 has 2.5. k = 1: 6.5, X, 3.5 left. k = 2: 7.5, X, then
    // Z (4 <= 4.5): 10, and Y (5) does not fit in 1: exhaustive.
    assert_eq!(run(&e, Rule::MesAdd1), ["X", "Z"]);
    // With greedy completion a project MES cannot reach is still added when it fits.
    let e = election(20, &[("X", 6), ("W", 9)], &[(3, &["X"]), (1, &["W"])]);
    let o = tally(&e, Rule::MesAdd1Greedy, TieBreak::default());
    assert!(o.is_selected("X") && o.is_selected("W"), "{:?}", o.selected);
}

#[test]
fn phragmen_stops_at_the_first_project_that_does_not_fit() {
    // P: 10 supporters, load 0.8. Then Q: (3 × 0.8 + 5) / 3 = 37/15 beats R: (0.8 + 2) / 1,
    // but 8 + 5 > 10, so the count stops although R would fit. Greedy takes R.
    let e = election(
        10,
        &[("P", 8), ("Q", 5), ("R", 2)],
        &[(6, &["P"]), (3, &["P", "Q"]), (1, &["P", "R"])],
    );
    let o = tally(&e, Rule::Phragmen, TieBreak::default());
    assert_eq!(o.selected, ["P"]);
    assert_eq!(
        o.project("P").unwrap().reason,
        Reason::Loaded {
            round: 1,
            load: Some(ratio(4, 5))
        }
    );
    assert_eq!(
        o.project("Q").unwrap().reason,
        Reason::StoppedCount {
            load: Some(ratio(37, 15))
        }
    );
    assert_eq!(
        o.project("R").unwrap().reason,
        Reason::NotReached {
            load: Some(ratio(14, 5))
        }
    );
    assert_eq!(run(&e, Rule::Greedy), ["P", "R"]);
}

#[test]
fn phragmen_spreads_load() {
    let e = small_town();
    // C: 30/4 = 7.5; then A: (3 × 7.5 + 60)/3 = 27.5 < B: (7.5 + 40)/1; B then does not fit.
    let o = tally(&e, Rule::Phragmen, TieBreak::default());
    assert_eq!(o.selected, ["C", "A"]);
    assert_eq!(
        o.project("A").unwrap().reason,
        Reason::Loaded {
            round: 2,
            load: Some(ratio(55, 2))
        }
    );
}

#[test]
fn free_unsupported_and_too_expensive_projects() {
    let e = election(
        10,
        &[("free", 0), ("nobody", 1), ("huge", 11), ("ok", 4)],
        &[(2, &["free", "ok", "huge"])],
    );
    let mes = tally(&e, Rule::Mes, TieBreak::default());
    assert_eq!(mes.selected, ["free", "ok"]);
    assert_eq!(mes.project("free").unwrap().reason, Reason::Free);
    assert_eq!(mes.project("nobody").unwrap().reason, Reason::NoSupporters);
    let greedy = tally(&e, Rule::Greedy, TieBreak::default());
    assert_eq!(greedy.project("huge").unwrap().reason, Reason::OverBudget);
    // Greedy and Phragmén may still take an unapproved project that fits, as pabutools does.
    assert!(greedy.is_selected("nobody"));
    let phragmen = tally(&e, Rule::Phragmen, TieBreak::default());
    assert_eq!(phragmen.project("huge").unwrap().reason, Reason::OverBudget);
}

#[test]
fn decimal_costs_are_exact() {
    let projects = vec![
        Project::new("a", ratio(1001, 100)),
        Project::new("b", ratio(999, 100)),
    ];
    let e = Election::approval(
        amount(20),
        projects,
        vec![vec!["a"], vec!["b"], vec!["a", "b"]],
    )
    .unwrap();
    for rule in [Rule::Greedy, Rule::MesAdd1Greedy, Rule::Phragmen] {
        let o = tally(&e, rule, TieBreak::default());
        assert_eq!(o.total_cost, amount(20), "{rule}");
    }
    // MES: 20/3 each; a and b both cost their two supporters half each (a tie, a wins); then
    // b's supporters have 20/3 + (20/3 - 10.01/2) = 8.3283… < 9.99.
    let mes = tally(&e, Rule::Mes, TieBreak::default());
    assert_eq!(mes.selected, ["a"]);
    assert_eq!(mes.total_cost, ratio(1001, 100));
    let left = amount(40) / amount(3) - ratio(1001, 200);
    assert_eq!(
        mes.project("b").unwrap().reason,
        Reason::Unaffordable {
            round: 2,
            supporters_money: left
        }
    );
}

#[test]
fn cumulative_greedy_counts_points() {
    // X has more supporters, Y more points: greedy over points takes Y first.
    let mut e = election(5, &[("X", 5), ("Y", 5)], &[]);
    e.vote_type = VoteType::Cumulative;
    let ballot = |id: &str, projects: Vec<usize>, points: Vec<i64>| Ballot {
        points: Some(points.into_iter().map(amount).collect()),
        ..Ballot::new(id, projects)
    };
    e.ballots = vec![
        ballot("1", vec![0], vec![1]),
        ballot("2", vec![0], vec![1]),
        ballot("3", vec![1], vec![5]),
    ];
    let o = tally(&e, Rule::Greedy, TieBreak::default());
    assert_eq!(o.selected, ["Y"]);
    assert_eq!(o.project("Y").unwrap().points, Some(amount(5)));
    // The other rules read the ballots as approvals: X has two supporters, Y one.
    assert_eq!(run(&e, Rule::Phragmen), ["X"]);
}
