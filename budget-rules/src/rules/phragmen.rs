//! Sequential Phragmén (pabutools `sequential_phragmen`).
//!
//! Voters carry a load, starting at 0. Buying a project spreads its cost over its supporters so
//! that they all end at the same load, `(their current loads + cost) / supporters`. Each round
//! buys the project giving the lowest such load (ties by tie-break rank). The count stops as
//! soon as a project with the lowest load does not fit in the budget left: Phragmén does not
//! skip over it, unlike greedy. Projects costing more than the whole budget never take part.
//! A project nobody approves has an infinite load, so it can only come last.
//!
//! Loads are kept as integers over one common denominator, which grows by at most the number
//! of supporters per round; that avoids a gcd in every addition (see `mes_engine` for the same
//! idea). Loads are reported as exact rationals.

use std::cmp::Ordering;
use std::collections::HashMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::Zero;

use super::outcome::{Draft, Reason};
use super::Context;
use crate::amount::Amount;

/// A candidate load `num / supporters` in units of `1 / scale`; `supporters == 0` is infinite.
struct NewLoad {
    num: BigInt,
    supporters: u64,
}

impl NewLoad {
    fn cmp(&self, other: &NewLoad) -> Ordering {
        match (self.supporters, other.supporters) {
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Greater,
            (_, 0) => Ordering::Less,
            (a, b) => (&self.num * b).cmp(&(&other.num * a)),
        }
    }
}

struct Loads<'c, 'e> {
    ctx: &'c Context<'e>,
    scale: BigInt,
    /// Cost of each project, times `scale`.
    costs: Vec<BigInt>,
    /// Distinct loads reached so far, times `scale`; index 0 is the starting load 0.
    levels: Vec<BigInt>,
    /// Current level of each voter group.
    group_level: Vec<usize>,
    /// For each project, the total load of its supporters, times `scale`.
    supporters_load: Vec<BigInt>,
}

impl<'c, 'e> Loads<'c, 'e> {
    fn new(ctx: &'c Context<'e>) -> Self {
        let projects = &ctx.election.projects;
        let scale = projects
            .iter()
            .fold(BigInt::from(1u8), |acc, p| acc.lcm(p.cost.denom()));
        let costs = projects
            .iter()
            .map(|p| p.cost.numer() * (&scale / p.cost.denom()))
            .collect();
        Loads {
            ctx,
            scale,
            costs,
            levels: vec![BigInt::zero()],
            group_level: vec![0; ctx.profile.groups.len()],
            supporters_load: vec![BigInt::zero(); projects.len()],
        }
    }

    fn new_load(&self, p: usize) -> NewLoad {
        NewLoad {
            num: &self.supporters_load[p] + &self.costs[p],
            supporters: self.ctx.profile.approvals[p],
        }
    }

    fn as_amount(&self, load: &NewLoad) -> Option<Amount> {
        (load.supporters > 0)
            .then(|| BigRational::new(load.num.clone(), &self.scale * load.supporters))
    }

    /// Raises the load of `p`'s supporters to `load` and updates every project's total.
    fn raise(&mut self, p: usize, load: NewLoad) {
        let supporters = load.supporters;
        if supporters == 0 {
            return;
        }
        // Make the new load a whole number of units: multiply everything by supporters / gcd.
        // The remainder is below `supporters`, so the gcd is taken on machine integers.
        let rest = u64::try_from(&load.num % supporters).unwrap_or(0);
        let gcd = rest.gcd(&supporters);
        let factor = supporters / gcd;
        if factor != 1 {
            self.scale *= factor;
            let all = self
                .costs
                .iter_mut()
                .chain(&mut self.levels)
                .chain(&mut self.supporters_load);
            all.for_each(|x| *x *= factor);
        }
        let level = &load.num / gcd;
        self.move_supporters(p, level);
    }

    /// Changes are grouped by (project, old level) so each costs one big-integer operation.
    fn move_supporters(&mut self, p: usize, level: BigInt) {
        let new = self.levels.len();
        let mut moved: HashMap<(usize, usize), u64> = HashMap::new();
        for &g in &self.ctx.profile.supporters[p] {
            let old = self.group_level[g];
            self.group_level[g] = new;
            let group = &self.ctx.profile.groups[g];
            for &q in &group.projects {
                *moved.entry((q, old)).or_insert(0) += group.weight;
            }
        }
        for ((q, old), weight) in moved {
            let rise = &level - &self.levels[old];
            self.supporters_load[q] += rise * weight;
        }
        self.levels.push(level);
    }
}

pub(crate) fn run(ctx: &Context) -> Draft {
    let n = ctx.election.projects.len();
    let mut draft = Draft::new(n, Reason::OverBudget);
    let mut remaining: Vec<usize> = (0..n).filter(|&p| ctx.cost(p) <= ctx.budget()).collect();
    let mut loads = Loads::new(ctx);
    let mut spent = Amount::zero();
    for round in 1.. {
        let candidates: Vec<(usize, NewLoad)> =
            remaining.iter().map(|&p| (p, loads.new_load(p))).collect();
        let Some(lowest) = candidates.iter().map(|(_, l)| l).min_by(|a, b| a.cmp(b)) else {
            break;
        };
        let tied: Vec<usize> = candidates
            .iter()
            .filter(|(_, l)| l.cmp(lowest) == Ordering::Equal)
            .map(|(p, _)| *p)
            .collect();
        let fits = |p: usize| &spent + ctx.cost(p) <= *ctx.budget();
        if tied.iter().any(|&p| !fits(p)) {
            for (p, load) in &candidates {
                let load = loads.as_amount(load);
                draft.reasons[*p] = if tied.contains(p) && !fits(*p) {
                    Reason::StoppedCount { load }
                } else if ctx.profile.approvals[*p] == 0 {
                    Reason::NoSupporters
                } else {
                    Reason::NotReached { load }
                };
            }
            break;
        }
        let Some(&chosen) = tied.iter().min_by_key(|&&p| ctx.ranks[p]) else {
            break;
        };
        let Some((_, load)) = candidates.into_iter().find(|(p, _)| *p == chosen) else {
            break;
        };
        let reported = loads.as_amount(&load);
        spent += ctx.cost(chosen);
        remaining.retain(|&p| p != chosen);
        loads.raise(chosen, load);
        draft.select(
            chosen,
            Reason::Loaded {
                round,
                load: reported,
            },
        );
    }
    draft
}
