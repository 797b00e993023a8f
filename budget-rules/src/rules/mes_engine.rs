//! One run of the Method of Equal Shares with cost utilities, in exact integer arithmetic.
//!
//! Every voter starts with the same budget. In each round, each remaining project has a price
//! per unit of utility `rho`: the smallest value such that, if every supporter pays
//! `min(own money, rho × cost)`, the cost is covered. With cost utilities all supporters who can
//! afford it pay the same `share = rho × cost`; poorer ones pay everything they have. The
//! project with the lowest `rho` is bought (ties by tie-break rank); a project whose supporters
//! together have less than its cost is dropped. The run ends when no project is affordable.
//!
//! Why integers: money is kept as integers over one common denominator (`scale`), so comparing
//! and summing budgets never needs a gcd. When a share is not a whole number of units, every
//! amount is multiplied by the missing factor (at most the number of voters) and the run goes
//! on. Why the lower bounds: a project's `rho` can only grow as voters spend, so projects are
//! tried in order of their last known `rho`, and a round stops looking once that bound exceeds
//! the best price found (the pruning pabutools also does).

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Zero};

use super::Context;
use crate::amount::Amount;

/// A price per unit of utility, `num / den`, kept unreduced (only ever compared).
#[derive(Debug, Clone)]
struct Rho {
    num: BigInt,
    den: BigInt,
}

impl Rho {
    fn cmp(&self, other: &Rho) -> Ordering {
        (&self.num * &other.den).cmp(&(&other.num * &self.den))
    }
}

/// How a project would be paid for right now.
struct Price {
    /// Cost minus what the partial payers have (scaled): the full payers' total.
    full_total: BigInt,
    /// Voters paying a full share, and voters paying all they have.
    full: u64,
    partial: u64,
    rho: Rho,
}

/// A project bought during the run.
#[derive(Debug, Clone)]
pub(crate) struct Pick {
    pub project: usize,
    pub round: usize,
    pub rho: Amount,
    pub share: Amount,
    pub full_payers: u64,
    pub partial_payers: u64,
}

/// The result of a run.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub picks: Vec<Pick>,
    /// Sum of the picked projects' costs.
    pub spent: Amount,
    /// For each project dropped as unaffordable, the round it happened in.
    pub dropped: Vec<Option<usize>>,
    /// For each project, what its supporters had left at the end (only when explaining).
    pub money_left: Vec<Amount>,
}

/// What does not change between runs with different voter budgets.
pub(crate) struct Engine<'c, 'e> {
    ctx: &'c Context<'e>,
    /// Projects MES considers: positive cost and at least one supporter.
    pub candidates: Vec<usize>,
    /// Common denominator of all costs and of budget / voters.
    scale: BigInt,
    /// Cost of each project, times `scale`.
    costs: Vec<BigInt>,
    /// The equal share of the budget, budget / voters, times `scale`.
    base_share: BigInt,
}

impl<'c, 'e> Engine<'c, 'e> {
    /// `None` when there are no voters: there is nobody to share the budget among.
    pub fn new(ctx: &'c Context<'e>) -> Option<Engine<'c, 'e>> {
        let voters = ctx.profile.num_voters;
        if voters == 0 {
            return None;
        }
        let share = ctx.budget() / BigRational::from_integer(BigInt::from(voters));
        let projects = &ctx.election.projects;
        let scale = projects
            .iter()
            .fold(share.denom().clone(), |acc, p| acc.lcm(p.cost.denom()));
        let scaled = |x: &Amount| x.numer() * (&scale / x.denom());
        let costs = projects.iter().map(|p| scaled(&p.cost)).collect();
        let base_share = scaled(&share);
        let candidates = (0..projects.len())
            .filter(|&p| ctx.profile.approvals[p] > 0 && projects[p].cost > Amount::zero())
            .collect();
        Some(Engine {
            ctx,
            candidates,
            scale,
            costs,
            base_share,
        })
    }

    /// The starting budget of each voter after `raises` increments of one unit.
    pub fn voter_budget(&self, raises: u64) -> Amount {
        BigRational::new(&self.base_share + &self.scale * raises, self.scale.clone())
    }

    /// Runs MES with each voter's budget raised by `raises` units. Stops early and returns
    /// `None` once the picked projects cost more than `limit`, since such a run is discarded.
    /// `explain` also records what each project's supporters have left at the end.
    pub fn run(&self, raises: u64, limit: Option<&Amount>, explain: bool) -> Option<Run> {
        let start = &self.base_share + &self.scale * raises;
        let mut state = State::new(self.ctx, self.scale.clone(), start, self.costs.clone());
        let n = self.costs.len();
        let mut bound: Vec<Rho> = (0..n)
            .map(|p| Rho {
                num: BigInt::one(),
                den: BigInt::from(self.ctx.profile.approvals[p].max(1)),
            })
            .collect();
        let mut active = self.candidates.clone();
        let mut dropped = vec![None; n];
        let mut picks = Vec::new();
        let mut spent = Amount::zero();
        for round in 1.. {
            let ranks = &self.ctx.ranks;
            active.sort_by(|&a, &b| bound[a].cmp(&bound[b]).then(ranks[a].cmp(&ranks[b])));
            let Some((p, price)) = state.best(&active, &mut bound, &mut dropped, round) else {
                break;
            };
            active.retain(|&q| q != p && dropped[q].is_none());
            spent += self.ctx.cost(p);
            if limit.is_some_and(|l| spent > *l) {
                return None;
            }
            picks.push(state.pay(p, price, round));
        }
        let money_left = if explain {
            (0..n).map(|p| state.money_of_supporters(p)).collect()
        } else {
            Vec::new()
        };
        Some(Run {
            picks,
            spent,
            dropped,
            money_left,
        })
    }
}

/// Money during one run.
///
/// Voters who paid for the same projects in the same way have the same money left, so money is
/// kept per budget class rather than per voter group: pricing a project then compares a few
/// classes' money instead of hundreds of groups', and buying one only splits the classes of its
/// supporters. Class 0 is "nothing left".
struct State<'c, 'e> {
    ctx: &'c Context<'e>,
    scale: BigInt,
    /// Money left per voter in each class, times `scale`.
    class_money: Vec<BigInt>,
    /// Number of voter groups in each class; empty classes are never used again.
    class_groups: Vec<usize>,
    /// Class of each voter group.
    group_class: Vec<usize>,
    costs: Vec<BigInt>,
    /// Scratch: supporters' weight per class while pricing one project.
    weights: Vec<u64>,
}

impl<'c, 'e> State<'c, 'e> {
    fn new(ctx: &'c Context<'e>, scale: BigInt, start: BigInt, costs: Vec<BigInt>) -> Self {
        let groups = ctx.profile.groups.len();
        State {
            ctx,
            scale,
            class_money: vec![BigInt::zero(), start],
            class_groups: vec![0, groups],
            group_class: vec![1; groups],
            costs,
            weights: vec![0; 2],
        }
    }

    /// The cheapest affordable project among `active` (sorted by bound), dropping the
    /// unaffordable ones it meets and tightening the bounds it computes.
    fn best(
        &mut self,
        active: &[usize],
        bound: &mut [Rho],
        dropped: &mut [Option<usize>],
        round: usize,
    ) -> Option<(usize, Price)> {
        let ranks = &self.ctx.ranks;
        let mut best: Option<(usize, Price)> = None;
        for &p in active {
            if let Some((b, price)) = &best {
                match bound[p].cmp(&price.rho) {
                    // Sorted by bound: no later project can beat the best either.
                    Ordering::Greater => break,
                    // It could at most tie, and would lose the tie.
                    Ordering::Equal if ranks[p] > ranks[*b] => continue,
                    _ => {}
                }
            }
            let Some(price) = self.price(p) else {
                dropped[p] = Some(round);
                continue;
            };
            bound[p] = price.rho.clone();
            let better = match &best {
                None => true,
                Some((b, current)) => match price.rho.cmp(&current.rho) {
                    Ordering::Less => true,
                    Ordering::Equal => ranks[p] < ranks[*b],
                    Ordering::Greater => false,
                },
            };
            if better {
                best = Some((p, price));
            }
        }
        best
    }

    /// `(class, voters)` for the supporters of `p`.
    fn supporter_classes(&mut self, p: usize) -> Vec<(usize, u64)> {
        let groups = &self.ctx.profile.groups;
        self.weights.resize(self.class_money.len(), 0);
        let mut classes = Vec::new();
        for &g in &self.ctx.profile.supporters[p] {
            let c = self.group_class[g];
            if self.weights[c] == 0 {
                classes.push(c);
            }
            self.weights[c] += groups[g].weight;
        }
        classes
            .into_iter()
            .map(|c| (c, std::mem::take(&mut self.weights[c])))
            .collect()
    }

    fn money_of_supporters(&mut self, p: usize) -> Amount {
        let mut total = BigInt::zero();
        for (c, voters) in self.supporter_classes(p) {
            add_weighted(&mut total, &self.class_money[c], voters);
        }
        BigRational::new(total, self.scale.clone())
    }

    /// The price of `p`, or `None` when its supporters cannot afford it together.
    ///
    /// Starts with every supporter paying an equal share, then repeatedly moves the classes
    /// with less money than the share to "pays everything" and recomputes the share from what
    /// is left. The share only grows, so this ends at the exact solution, usually after one or
    /// two passes. If every class ends up paying everything, their money is short of the cost.
    fn price(&mut self, p: usize) -> Option<Price> {
        let mut full_payers = self.supporter_classes(p);
        let cost = &self.costs[p];
        let mut full = self.ctx.profile.approvals[p];
        let mut partial_money = BigInt::zero();
        loop {
            let full_total = cost - &partial_money;
            // money < full_total / full  <=>  money < ceil(full_total / full), as money is whole.
            let threshold = Integer::div_ceil(&full_total, &BigInt::from(full));
            let before = full_payers.len();
            full_payers.retain(|&(c, voters)| {
                let money = &self.class_money[c];
                let poor = *money < threshold;
                if poor {
                    add_weighted(&mut partial_money, money, voters);
                    full -= voters;
                }
                !poor
            });
            if full == 0 {
                return None;
            }
            if full_payers.len() == before {
                let rho = Rho {
                    num: full_total.clone(),
                    den: cost * full,
                };
                let partial = self.ctx.profile.approvals[p] - full;
                return Some(Price {
                    full_total,
                    full,
                    partial,
                    rho,
                });
            }
        }
    }

    /// Buys `p`: full payers pay the share, partial payers pay everything.
    fn pay(&mut self, p: usize, price: Price, round: usize) -> Pick {
        let full = BigInt::from(price.full);
        let share = BigRational::new(price.full_total.clone(), &full * &self.scale);
        let rho = BigRational::new(price.full_total.clone(), &full * &self.costs[p]);
        // Make the share a whole number of units: multiply everything by full / gcd. The
        // remainder is below `full`, so the gcd is taken on machine integers (and the
        // conversion cannot fail).
        let rest = u64::try_from(&price.full_total % price.full).unwrap_or(0);
        let gcd = rest.gcd(&price.full);
        let factor = price.full / gcd;
        if factor != 1 {
            self.scale *= factor;
            self.costs.iter_mut().for_each(|c| *c *= factor);
            for (money, &groups) in self.class_money.iter_mut().zip(&self.class_groups) {
                if groups > 0 {
                    *money *= factor;
                }
            }
        }
        let unit_share = &price.full_total / gcd;
        self.split_classes(p, &unit_share);
        Pick {
            project: p,
            round,
            rho,
            share,
            full_payers: price.full,
            partial_payers: price.partial,
        }
    }

    /// Moves every supporter of `p` to the class "same money minus the share" (or to class 0
    /// when that is all they had), creating each new class once.
    fn split_classes(&mut self, p: usize, unit_share: &BigInt) {
        let mut moved_to: Vec<Option<usize>> = vec![None; self.class_money.len()];
        for &g in &self.ctx.profile.supporters[p] {
            let old = self.group_class[g];
            let new = match moved_to[old] {
                Some(c) => c,
                None => {
                    let c = if self.class_money[old] <= *unit_share {
                        0
                    } else {
                        self.class_money.push(&self.class_money[old] - unit_share);
                        self.class_groups.push(0);
                        self.class_money.len() - 1
                    };
                    moved_to[old] = Some(c);
                    c
                }
            };
            self.group_class[g] = new;
            self.class_groups[old] -= 1;
            self.class_groups[new] += 1;
        }
    }
}

fn add_weighted(total: &mut BigInt, money: &BigInt, weight: u64) {
    if weight == 1 {
        *total += money;
    } else {
        *total += money * weight;
    }
}
