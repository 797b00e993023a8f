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
//! of supporters per round; that avoids a gcd in every addition (see `mes_money` for the same
//! idea). Loads are reported as exact rationals.
//!
//! Why it is fast: a voter's load is always one of the few levels reached so far, so when a
//! project is bought its supporters are taken level by level (sorted by counting, as levels are
//! few), and each other project's total changes by one product per level (the voters' weights
//! are added as machine integers). Projects are kept in order of their new load; only those
//! sharing a supporter with the one bought move. With few projects, each group's projects are a
//! bit mask and a project's rise is summed over the supporters directly, without that sort.
//!
//! The count runs on machine integers while the next round surely fits them, then goes on with
//! big integers from that round on: the rounds already counted are not counted again (see
//! `exact_int`).

mod loads;
#[cfg(test)]
mod tests;

use num_bigint::BigInt;

use super::exact_int::{infallible, ExactInt, Overflow};
use super::outcome::{Draft, Reason};
use super::Context;
use loads::{reorder, Loads};

/// A count in progress, between two rounds.
struct Count<'c, 'e, N> {
    ctx: &'c Context<'e>,
    costs: Vec<N>,
    budget: N,
    /// What is left of the budget: a project fits when it costs at most this.
    left: N,
    loads: Loads<'c, 'e, N>,
    draft: Draft,
    /// The projects still in the count, by new load, then rank.
    order: Vec<usize>,
    /// Scratch for [`reorder`].
    marked: Vec<bool>,
    /// The round about to be counted (1-based).
    round: usize,
}

/// Where a count stopped.
#[derive(Debug, PartialEq, Eq)]
enum Stopped {
    Finished,
    /// The next round might not fit the integers counted with.
    TooWide,
}

pub(crate) fn run(ctx: &Context) -> Draft {
    let mut wide = match Count::<i128>::new(ctx) {
        Ok(mut narrow) => match narrow.rounds() {
            Ok(Stopped::Finished) => return narrow.draft,
            Ok(Stopped::TooWide) => narrow.widen(),
            // Never: `round_factor` rules it out.
            Err(Overflow) => infallible(Count::<BigInt>::new(ctx)),
        },
        // The costs themselves do not fit.
        Err(Overflow) => infallible(Count::<BigInt>::new(ctx)),
    };
    infallible(wide.rounds());
    wide.draft
}

impl<'c, 'e, N: ExactInt> Count<'c, 'e, N> {
    fn new(ctx: &'c Context<'e>) -> Result<Self, N::Error> {
        let n = ctx.election.projects.len();
        let mut costs = Vec::with_capacity(n);
        for cost in &ctx.money.costs {
            costs.push(N::from_big(cost)?);
        }
        let budget = N::from_big(&ctx.money.budget)?;
        let loads = Loads::<N>::new(ctx, costs.clone())?;
        let mut order = Vec::with_capacity(n);
        order.extend((0..n).filter(|&p| costs[p] <= budget));
        order.sort_by(|&a, &b| loads.cmp(a, b).then(ctx.ranks[a].cmp(&ctx.ranks[b])));
        Ok(Count {
            ctx,
            left: budget.clone(),
            costs,
            budget,
            loads,
            draft: Draft::new(ctx, Reason::OverBudget),
            order,
            marked: Vec::with_capacity(n),
            round: 1,
        })
    }

    /// Counts rounds until the count ends or the next round might not fit `N`.
    fn rounds(&mut self) -> Result<Stopped, N::Error> {
        let approvals = &self.ctx.profile.approvals;
        while let Some(&chosen) = self.order.first() {
            // The tied projects come first; the first has the best rank.
            let tied = self
                .order
                .iter()
                .take_while(|&&p| self.loads.cmp(p, chosen).is_eq())
                .count();
            if self.order[..tied].iter().any(|&p| !self.fits(p)) {
                self.report_stop(tied);
                break;
            }
            // Nobody's load changes for a project without supporters.
            let factor = match approvals[chosen] {
                0 => None,
                _ => match self.loads.round_factor(chosen) {
                    Some(factor) => Some(factor),
                    None => return Ok(Stopped::TooWide),
                },
            };
            let load = self.loads.load(chosen);
            self.left = self.left.sub(&self.costs[chosen])?;
            self.order.remove(0);
            if let Some(factor) = factor {
                self.loads.raise(chosen, factor)?;
                let (costs, budget, draft) = (&self.costs, &self.budget, &self.draft);
                let stays = |q: usize| costs[q] <= *budget && !draft.is_selected(q);
                reorder(&mut self.order, &self.loads, &mut self.marked, stays);
            }
            let round = self.round;
            self.draft.select(chosen, Reason::Loaded { round, load });
            self.round += 1;
        }
        Ok(Stopped::Finished)
    }

    fn fits(&self, p: usize) -> bool {
        self.costs[p] <= self.left
    }

    /// The count ends: one of the `tied` projects with the lowest load does not fit.
    fn report_stop(&mut self, tied: usize) {
        for (i, &p) in self.order.iter().enumerate() {
            let load = self.loads.load(p);
            let reason = if i < tied && !self.fits(p) {
                Reason::StoppedCount { load }
            } else if self.ctx.profile.approvals[p] == 0 {
                Reason::NoSupporters
            } else {
                Reason::NotReached { load }
            };
            self.draft.set_reason(p, reason);
        }
    }
}

impl<'c, 'e> Count<'c, 'e, i128> {
    /// The same count on big integers.
    fn widen(self) -> Count<'c, 'e, BigInt> {
        Count {
            ctx: self.ctx,
            costs: self.costs.iter().map(ExactInt::to_big).collect(),
            budget: self.budget.to_big(),
            left: self.left.to_big(),
            loads: self.loads.widen(),
            draft: self.draft,
            order: self.order,
            marked: self.marked,
            round: self.round,
        }
    }
}
