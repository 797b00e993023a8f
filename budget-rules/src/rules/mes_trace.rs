//! The MES run behind an outcome, replayed to explain it (see [`crate::explain`]).

use num_bigint::BigInt;
use num_traits::Zero;

use super::exact_int::infallible;
use super::horizon::Horizon;
use super::mes::{add1_raises, free_projects};
use super::mes_engine::Engine;
use super::{Context, Rule};
use crate::amount::{fraction, Amount};
use crate::explain::{
    extra_supporters, max_winning_cost, Contest, Levels, LoserGap, MesExplanation, Payment,
    WinnerSplit,
};

/// How close a loser came, over the rounds seen so far.
#[derive(Default)]
struct Closest {
    /// Highest winning cost, and whether that cost itself wins.
    cost: Option<(Amount, bool)>,
    extra: Option<u64>,
}

impl Closest {
    /// `cost` and `budget` in the units of `scale`, as the levels.
    fn update(&mut self, levels: &Levels, money: (&BigInt, &BigInt, &BigInt), contest: &Contest) {
        let (cost, budget, scale) = money;
        let (c, included) = max_winning_cost(levels, contest);
        let c = fraction(c.num, c.den * scale);
        match &mut self.cost {
            Some((best, best_included)) if *best == c => *best_included |= included,
            Some((best, _)) if *best > c => {}
            _ => self.cost = Some((c, included)),
        }
        if let Some(k) = extra_supporters(levels, cost, budget, contest) {
            self.extra = Some(self.extra.map_or(k, |e| e.min(k)));
        }
    }
}

/// Groups what each supporter paid, largest first.
fn group_payments(mut paid: Vec<(Amount, u64)>) -> Vec<Payment> {
    paid.sort_by(|a, b| b.0.cmp(&a.0));
    let mut grouped: Vec<Payment> = Vec::new();
    for (amount, voters) in paid {
        match grouped.last_mut() {
            Some(last) if last.amount == amount => last.voters += voters,
            _ => grouped.push(Payment { amount, voters }),
        }
    }
    grouped
}

pub(crate) fn explain(ctx: &Context, rule: Rule) -> MesExplanation {
    let n = ctx.election.projects.len();
    let mut winners: Vec<WinnerSplit> = free_projects(ctx)
        .into_iter()
        .map(|p| WinnerSplit {
            project: ctx.election.projects[p].id.clone(),
            cost: ctx.cost(p).clone(),
            round: 0,
            payments: Vec::new(),
            total: Amount::zero(),
        })
        .collect();
    let mut selected = vec![false; n];
    let mut closest: Vec<Closest> = (0..n).map(|_| Closest::default()).collect();
    let mut voter_budget = Amount::zero();
    if let Some(engine) = Engine::new(ctx) {
        let raises = match rule {
            Rule::MesAdd1 | Rule::MesAdd1Greedy => add1_raises(ctx, &engine),
            _ => 0,
        };
        voter_budget = engine.voter_budget(raises);
        let mut rounds = engine.start(raises, Horizon::untracked());
        let mut open: Vec<usize> = (0..n)
            .filter(|&p| ctx.profile.approvals[p] == 0 || engine.candidates.contains(&p))
            .collect();
        for round in 1.. {
            let next = rounds.next_pick(round);
            let money = &mut rounds.money;
            let rho = next
                .as_ref()
                .map(|(p, price)| (&price.full_total.at0, &money.costs[*p] * price.full));
            let budget = engine.voter_budget_scaled(raises, &money.scale);
            for &q in &open {
                let levels = money.supporter_levels(q);
                let wins_tie = next
                    .as_ref()
                    .is_some_and(|(p, _)| ctx.ranks[q] < ctx.ranks[*p]);
                let contest = Contest {
                    rho: rho.as_ref().map(|(n, d)| (*n, d)),
                    wins_tie,
                };
                let scaled = (&money.costs[q], &budget, &money.scale);
                closest[q].update(&levels, scaled, &contest);
            }
            let Some((p, price)) = next else {
                break;
            };
            let share = fraction(price.full_total.at0.clone(), &money.scale * price.full);
            let paid = money
                .supporter_levels(p)
                .into_iter()
                .map(|(m, voters)| (fraction(m, money.scale.clone()).min(share.clone()), voters))
                .collect();
            winners.push(WinnerSplit {
                project: ctx.election.projects[p].id.clone(),
                cost: ctx.cost(p).clone(),
                round,
                payments: group_payments(paid),
                total: ctx.cost(p).clone(),
            });
            selected[p] = true;
            open.retain(|&q| q != p);
            // Every open project's cost is used above, dropped or not (and the active ones
            // are all open).
            infallible(rounds.money.pay(p, price, &[&open]));
        }
    }
    for w in &winners {
        if let Some(p) = ctx.election.project_index(&w.project) {
            selected[p] = true;
        }
    }
    let losers = (0..n)
        .filter(|&p| !selected[p])
        .map(|p| loser_gap(ctx, p, std::mem::take(&mut closest[p])))
        .collect();
    MesExplanation {
        rule,
        voter_budget,
        winners,
        losers,
    }
}

fn loser_gap(ctx: &Context, p: usize, closest: Closest) -> LoserGap {
    let cost = ctx.cost(p).clone();
    // A project nobody approved is never selected, whatever it costs.
    let approved = ctx.profile.approvals[p] > 0;
    let (max_cost, included) = match closest.cost.filter(|_| approved) {
        Some((c, included)) => (Some(c), included),
        None => (None, false),
    };
    LoserGap {
        project: ctx.election.projects[p].id.clone(),
        cost_reduction: max_cost.as_ref().map(|c| &cost - c),
        max_winning_cost: max_cost,
        max_winning_cost_included: included,
        // Even a free project needs one supporter.
        extra_supporters: closest.extra.map(|k| if approved { k } else { k.max(1) }),
        cost,
    }
}
