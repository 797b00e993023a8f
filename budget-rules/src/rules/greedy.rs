//! Greedy by support: the most approved project first (most points for cumulative and scoring
//! ballots); a project that no longer fits is skipped and the count goes on.
//!
//! This is pabutools' `greedy_utilitarian_welfare` with cost satisfaction: a project's total
//! satisfaction is approvals × cost, so its satisfaction per unit of cost is its approvals.
//! (pabutools gives a free project density 0 instead; a free project always fits, so the
//! selected set is the same.)

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::outcome::{Draft, Reason};
use super::Context;

/// Projects in greedy order: support descending, then tie-break rank.
fn order(ctx: &Context) -> Vec<usize> {
    let n = ctx.election.projects.len();
    let mut order: Vec<usize> = (0..n).collect();
    let by_support = |a: usize, b: usize| -> Ordering {
        match &ctx.points {
            Some(points) => points[b].cmp(&points[a]),
            None => ctx.profile.approvals[b].cmp(&ctx.profile.approvals[a]),
        }
    };
    order.sort_by(|&a, &b| by_support(a, b).then(ctx.ranks[a].cmp(&ctx.ranks[b])));
    order
}

/// Walks the greedy order over projects not yet in `draft`, adding each one that fits in the
/// budget left. Returns the verdict for every project walked.
pub(crate) fn fill(ctx: &Context, draft: &mut Draft) -> Vec<(usize, Reason)> {
    let money = &ctx.money;
    let mut remaining: BigInt = &money.budget - money.total(&draft.order);
    let mut verdicts = Vec::new();
    for p in order(ctx) {
        if draft.is_selected(p) {
            continue;
        }
        let cost = &money.costs[p];
        let verdict = if *cost > money.budget {
            Reason::OverBudget
        } else if *cost <= remaining {
            let remaining_before = money.amount(remaining.clone());
            remaining -= cost;
            draft.push(p);
            Reason::Fitted { remaining_before }
        } else {
            Reason::DidNotFit {
                remaining: money.amount(remaining.clone()),
            }
        };
        verdicts.push((p, verdict));
    }
    verdicts
}

pub(crate) fn run(ctx: &Context) -> Draft {
    let mut draft = Draft::new(ctx, Reason::NoSupporters);
    for (p, verdict) in fill(ctx, &mut draft) {
        draft.set_reason(p, verdict);
    }
    draft
}
