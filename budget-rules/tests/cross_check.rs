//! The fast engine against the literal reference implementations, on thousands of random small
//! elections (where exact ties are frequent), under every tie-breaking mode.

mod common;
mod reference;

use budget_rules::{tally, Election, Outcome, Rule, TieBreak};
use common::random::{approval_election, with_dear_projects, Rng};
use num_bigint::BigInt;
use num_rational::BigRational;

fn ids(e: &Election, ps: &[usize]) -> Vec<String> {
    ps.iter().map(|&p| e.projects[p].id.clone()).collect()
}

/// The outcome's picks, without the free projects MES takes before its rounds.
fn paid_picks(e: &Election, o: &Outcome) -> Vec<String> {
    o.selected
        .iter()
        .filter(|id| {
            e.projects
                .iter()
                .any(|p| &p.id == *id && p.cost > num_traits::Zero::zero())
        })
        .cloned()
        .collect()
}

fn tie_breaks(e: &Election) -> Vec<TieBreak> {
    let mut reversed: Vec<String> = e.projects.iter().map(|p| p.id.clone()).collect();
    reversed.sort();
    reversed.reverse();
    vec![
        TieBreak::LexicographicId,
        TieBreak::FileOrder,
        TieBreak::MinCost,
        TieBreak::MaxCost,
        TieBreak::Priority(reversed),
    ]
}

#[test]
fn engine_matches_reference_on_random_elections() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..1500 {
        let e = approval_election(&mut rng);
        for tb in tie_breaks(&e) {
            let ranks = tb.ranks(&e);
            let context = || format!("case {case} with {tb:?}: {e:?}");

            let mes = tally(&e, Rule::Mes, tb.clone());
            let want = if e.ballots.is_empty() {
                Vec::new()
            } else {
                let share = &e.budget / reference::int(e.ballots.len() as u64);
                reference::mes(&e, &ranks, &share)
            };
            assert_eq!(paid_picks(&e, &mes), ids(&e, &want), "mes, {}", context());

            let add1 = tally(&e, Rule::MesAdd1, tb.clone());
            let want = reference::mes_add1(&e, &ranks);
            assert_eq!(
                paid_picks(&e, &add1),
                ids(&e, &want),
                "mes-add1, {}",
                context()
            );

            let phragmen = tally(&e, Rule::Phragmen, tb.clone());
            let want = reference::phragmen(&e, &ranks);
            assert_eq!(phragmen.selected, ids(&e, &want), "phragmen, {}", context());

            let add1u = tally(&e, Rule::MesAdd1Greedy, tb.clone());
            assert!(
                add1.selected.iter().all(|id| add1u.is_selected(id)),
                "add1u keeps add1, {}",
                context()
            );
            for o in [
                &mes,
                &add1,
                &add1u,
                &phragmen,
                &tally(&e, Rule::Greedy, tb.clone()),
            ] {
                assert!(
                    o.total_cost <= o.budget,
                    "{} overspends, {}",
                    o.rule,
                    context()
                );
            }
            // Greedy completion leaves nothing that would still fit.
            for p in &e.projects {
                if !add1u.is_selected(&p.id) {
                    assert!(
                        p.cost > add1u.remaining(),
                        "add1u not exhaustive, {}",
                        context()
                    );
                }
            }
        }
    }
}

/// Phragmén moves supporters one way when an election has few projects and another when it has
/// many (see `phragmen`). Sixteen more projects, approved at random but too dear to be taken,
/// send the same elections down the other way: the choice must be the reference's, and the
/// same as without them.
#[test]
fn phragmen_with_many_projects_matches_reference() {
    let mut rng = Rng(0x5eed_f00d);
    for case in 0..1500 {
        let small = approval_election(&mut rng);
        let e = with_dear_projects(&mut rng, &small, 16);
        for tb in tie_breaks(&small) {
            let context = || format!("case {case} with {tb:?}: {e:?}");
            let got = tally(&e, Rule::Phragmen, tb.clone()).selected;
            let want = reference::phragmen(&e, &tb.ranks(&e));
            assert_eq!(got, ids(&e, &want), "{}", context());
            let without = tally(&small, Rule::Phragmen, tb.clone()).selected;
            assert_eq!(got, without, "{}", context());
        }
    }
}

#[test]
fn tally_is_deterministic() {
    let mut rng = Rng(42);
    for _ in 0..200 {
        let e = approval_election(&mut rng);
        for rule in Rule::ALL {
            assert_eq!(
                tally(&e, rule, TieBreak::default()),
                tally(&e, rule, TieBreak::default())
            );
        }
    }
}

/// Multiplying every cost and the budget by the same factor changes what greedy, MES and
/// Phragmén choose in no way (the Add1 rules raise budgets by one unit of money, so they do
/// depend on the unit). With a huge factor the counts outgrow machine integers part way (or
/// from the start) and go on in big integers, which must not change anything either.
#[test]
fn scaling_all_money_changes_nothing() {
    let mut rng = Rng(0x0dd_ba11);
    for factor_digits in [12u32, 20, 30, 37] {
        let factor = BigRational::from_integer(BigInt::from(10u8).pow(factor_digits));
        for case in 0..300 {
            let e = approval_election(&mut rng);
            let mut scaled = e.clone();
            scaled.budget = &e.budget * &factor;
            for p in &mut scaled.projects {
                p.cost = &p.cost * &factor;
            }
            for rule in [Rule::Greedy, Rule::Mes, Rule::Phragmen] {
                let want = tally(&e, rule, TieBreak::default()).selected;
                let got = tally(&scaled, rule, TieBreak::default()).selected;
                assert_eq!(got, want, "{rule} ×10^{factor_digits}, case {case}: {e:?}");
            }
        }
    }
}
