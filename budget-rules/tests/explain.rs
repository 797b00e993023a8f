//! MES explanations: hand-checked small elections, and on random ones the claims each
//! explanation makes, checked by re-counting with the change it describes.

mod common;

use budget_rules::{
    amount, explain_mes, tally, Amount, Election, PreparedElection, Project, Rule, TieBreak,
};
use common::random::{approval_election, Rng};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;

fn ratio(n: i64, d: i64) -> Amount {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

/// The example of the crate docs: the bench costs its two supporters 5 each, the park's two
/// supporters cannot raise 60.
fn park_and_bench() -> Election {
    let projects = vec![
        Project::new("park", amount(60)),
        Project::new("bench", amount(10)),
    ];
    let ballots = [vec!["park"], vec!["park", "bench"], vec!["bench"]];
    Election::approval(amount(60), projects, ballots).unwrap()
}

#[test]
fn winner_split_and_loser_gaps_by_hand() {
    let e = park_and_bench();
    let prepared = PreparedElection::new(&e, TieBreak::default());
    let x = explain_mes(&prepared, Rule::Mes).unwrap();
    assert_eq!(x.voter_budget, amount(20));
    assert_eq!(x.winners.len(), 1);
    let bench = &x.winners[0];
    assert_eq!((bench.project.as_str(), bench.round), ("bench", 1));
    assert_eq!(bench.total, amount(10));
    assert_eq!(bench.payments.len(), 1);
    assert_eq!(
        (bench.payments[0].amount.clone(), bench.payments[0].voters),
        (amount(5), 2)
    );
    let park = &x.losers[0];
    assert_eq!(park.project, "park");
    // Round 1: its supporters would pay half the cost each, tying the bench's price and losing
    // the tie ("bench" < "park"). After the bench they have 20 + 15 = 35: at 35 it is bought.
    assert_eq!(park.max_winning_cost, Some(amount(35)));
    assert!(park.max_winning_cost_included);
    assert_eq!(park.cost_reduction, Some(amount(25)));
    // One more supporter with 20: the three pay 20 each, a price of 1/3 beats the bench's 1/2.
    assert_eq!(park.extra_supporters, Some(1));
}

#[test]
fn partial_payers_show_in_the_split() {
    // Voter budget 4. "a" costs 9 and has 3 supporters: 3 each, rho 1/3. "b" costs 2 and has
    // 2 supporters: 1 each, rho 1/2. So "a" goes first, then "b", whose supporter who paid for
    // "a" has exactly the 1 left that it pays.
    let projects = vec![Project::new("a", amount(9)), Project::new("b", amount(2))];
    let ballots = [vec!["a"], vec!["a"], vec!["a", "b"], vec!["b"]];
    let e = Election::approval(amount(16), projects, ballots).unwrap();
    let prepared = PreparedElection::new(&e, TieBreak::default());
    let x = explain_mes(&prepared, Rule::Mes).unwrap();
    let ids: Vec<&str> = x.winners.iter().map(|w| w.project.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(x.winners[0].payments[0].amount, amount(3));
    assert_eq!(x.winners[0].payments[0].voters, 3);
    let b = &x.winners[1];
    assert_eq!(b.payments.len(), 1, "{b:?}");
    assert_eq!(
        (b.payments[0].amount.clone(), b.payments[0].voters),
        (amount(1), 2)
    );
    assert!(x.losers.is_empty());

    // Make "b" cost 3: the voter who paid for "a" has 1 left and pays all of it, the other
    // pays 2: a partial payer.
    let mut e = e;
    e.projects[1].cost = amount(3);
    let prepared = PreparedElection::new(&e, TieBreak::default());
    let x = explain_mes(&prepared, Rule::Mes).unwrap();
    let b = &x.winners[1];
    let split: Vec<(Amount, u64)> = b
        .payments
        .iter()
        .map(|p| (p.amount.clone(), p.voters))
        .collect();
    assert_eq!(split, [(amount(2), 1), (amount(1), 1)]);
    assert_eq!(b.total, amount(3));
}

#[test]
fn other_rules_have_no_mes_explanation() {
    let e = park_and_bench();
    let prepared = PreparedElection::new(&e, TieBreak::default());
    assert!(explain_mes(&prepared, Rule::Greedy).is_none());
    assert!(explain_mes(&prepared, Rule::Phragmen).is_none());
    let add1 = explain_mes(&prepared, Rule::MesAdd1).unwrap();
    let outcome = prepared.tally(Rule::MesAdd1);
    assert_eq!(Some(add1.voter_budget), outcome.voter_budget);
    let winners: Vec<String> = add1.winners.iter().map(|w| w.project.clone()).collect();
    assert_eq!(winners, outcome.selected);
}

fn selected_with_cost(e: &Election, p: usize, cost: Amount) -> bool {
    let mut changed = e.clone();
    changed.projects[p].cost = cost;
    tally(&changed, Rule::Mes, TieBreak::default()).is_selected(&e.projects[p].id)
}

/// `extra` more voters approving only project `p`, with the budget grown so that every voter
/// still starts with `voter_budget`.
fn selected_with_supporters(e: &Election, p: usize, extra: u64, voter_budget: &Amount) -> bool {
    let mut changed = e.clone();
    let id = e.projects[p].id.clone();
    for k in 0..extra {
        changed
            .ballots
            .push(budget_rules::Ballot::new(format!("extra{k}"), vec![p]));
    }
    changed.budget = voter_budget * BigRational::from_integer(BigInt::from(changed.ballots.len()));
    tally(&changed, Rule::Mes, TieBreak::default()).is_selected(&id)
}

#[test]
fn explanations_hold_when_recounted() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let tiny = ratio(1, 1_000_000_007);
    let mut checked = 0;
    for _ in 0..400 {
        let e = approval_election(&mut rng);
        if e.ballots.is_empty() {
            continue;
        }
        let prepared = PreparedElection::new(&e, TieBreak::default());
        let x = explain_mes(&prepared, Rule::Mes).unwrap();
        let outcome = prepared.tally(Rule::Mes);
        let winners: Vec<String> = x.winners.iter().map(|w| w.project.clone()).collect();
        assert_eq!(winners, outcome.selected, "{e:?}");
        for w in &x.winners {
            let paid: Amount = w
                .payments
                .iter()
                .map(|p| &p.amount * BigRational::from_integer(BigInt::from(p.voters)))
                .sum();
            assert_eq!(paid, w.total, "{e:?}");
            assert_eq!(w.total, w.cost);
        }
        for gap in &x.losers {
            let p = e.project_index(&gap.project).unwrap();
            if let Some(max) = &gap.max_winning_cost {
                let above = max + &tiny;
                assert!(!selected_with_cost(&e, p, above), "{gap:?} {e:?}");
                assert_eq!(
                    selected_with_cost(&e, p, max.clone()),
                    gap.max_winning_cost_included || max.is_zero(),
                    "{gap:?} {e:?}"
                );
                if max > &tiny {
                    assert!(selected_with_cost(&e, p, max - &tiny), "{gap:?} {e:?}");
                }
                checked += 1;
            }
            if let Some(k) = gap.extra_supporters {
                assert!(
                    selected_with_supporters(&e, p, k, &x.voter_budget),
                    "{gap:?} {e:?}"
                );
                if k > 0 {
                    assert!(
                        !selected_with_supporters(&e, p, k - 1, &x.voter_budget),
                        "{gap:?} {e:?}"
                    );
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} losers checked");
}

#[test]
fn real_elections_are_explained_consistently() {
    let dir = common::pabulib_dir();
    for file in [
        "poland_gdynia_2020_maly-kack-large.pb",
        "poland_warszawa_2019_grochow-polnocny.pb",
    ] {
        let e = common::load(&dir, file);
        let prepared = PreparedElection::new(&e, TieBreak::default());
        for rule in [Rule::Mes, Rule::MesAdd1] {
            let x = explain_mes(&prepared, rule).unwrap();
            let outcome = prepared.tally(rule);
            let winners: Vec<String> = x.winners.iter().map(|w| w.project.clone()).collect();
            assert_eq!(winners, outcome.selected, "{file} {rule}");
            assert_eq!(x.winners.len() + x.losers.len(), e.projects.len());
            for w in &x.winners {
                let voters: u64 = w.payments.iter().map(|p| p.voters).sum();
                let approvals = outcome.project(&w.project).unwrap().approvals;
                assert!(voters <= approvals, "{file} {rule} {w:?}");
            }
            for gap in &x.losers {
                if let (Some(max), Some(cut)) = (&gap.max_winning_cost, &gap.cost_reduction) {
                    assert!(*max < gap.cost || !gap.max_winning_cost_included);
                    assert_eq!(max + cut, gap.cost);
                }
            }
        }
    }
}
