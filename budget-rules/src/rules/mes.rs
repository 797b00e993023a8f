//! Method of Equal Shares drivers: the plain rule and the "Add1" completion.
//!
//! Both follow pabutools' `method_of_equal_shares(sat_class=Cost_Sat)`: approved free projects
//! are taken up front, unapproved projects never, and every other project goes through the
//! rounds of [`super::mes_engine`] with the budget split equally among all voters (voters who
//! approved nothing included).

use num_traits::Zero;

use super::mes_engine::{Engine, Run};
use super::outcome::{Draft, Reason};
use super::Context;

/// Free approved projects selected, unapproved ones marked; the rest is left to a run.
fn base_draft(ctx: &Context) -> Draft {
    let n = ctx.election.projects.len();
    let mut draft = Draft::new(n, Reason::NoSupporters);
    let mut free: Vec<usize> = (0..n)
        .filter(|&p| ctx.profile.approvals[p] > 0 && ctx.cost(p).is_zero())
        .collect();
    free.sort_by_key(|&p| ctx.ranks[p]);
    for p in free {
        draft.select(p, Reason::Free);
    }
    draft
}

/// Records a run's picks and, for every candidate it did not pick, why.
fn apply(engine: &Engine, draft: &mut Draft, run: Run, raises: u64) {
    for pick in &run.picks {
        let reason = Reason::Bought {
            round: pick.round,
            rho: pick.rho.clone(),
            share: pick.share.clone(),
            full_payers: pick.full_payers,
            partial_payers: pick.partial_payers,
        };
        draft.select(pick.project, reason);
    }
    for &p in &engine.candidates {
        if run.picks.iter().any(|pick| pick.project == p) {
            continue;
        }
        draft.reasons[p] = Reason::Unaffordable {
            // Every candidate left at the end was found unaffordable in some round.
            round: run.dropped[p].unwrap_or(0),
            supporters_money: run.money_left.get(p).cloned().unwrap_or_default(),
        };
    }
    draft.voter_budget = Some(engine.voter_budget(raises));
}

/// Plain MES: one run with the budget split equally.
pub(crate) fn plain(ctx: &Context) -> Draft {
    let mut draft = base_draft(ctx);
    let Some(engine) = Engine::new(ctx) else {
        return draft;
    };
    // Without a spending limit a run always completes.
    if let Some(run) = engine.run(0, None, true) {
        apply(&engine, &mut draft, run, 0);
    }
    draft
}

/// No candidate left out of the run could still be added within the real budget.
fn is_exhaustive(ctx: &Context, engine: &Engine, run: &Run) -> bool {
    let picked = |p: usize| run.picks.iter().any(|pick| pick.project == p);
    engine
        .candidates
        .iter()
        .all(|&p| picked(p) || &run.spent + ctx.cost(p) > *ctx.budget())
}

/// MES with Add1 completion (pabutools `voter_budget_increment=1`): run MES with each voter's
/// budget raised by 0, 1, 2, … units, stopping at the first result that is exhaustive (return
/// it) or that overspends the real budget (return the previous one).
///
/// Each run is independent, but a run that overspends is abandoned as soon as it does, and
/// runs are exact integer arithmetic over merged ballots, which is what keeps this fast
/// (hundreds of runs take well under a second on the shared pabulib files). The number of runs
/// is bounded by the total cost of the projects in currency units: once each voter alone could
/// pay for all of them, MES buys them all and the result is exhaustive or overspends.
pub(crate) fn add1(ctx: &Context) -> Draft {
    let mut draft = base_draft(ctx);
    let Some(engine) = Engine::new(ctx) else {
        return draft;
    };
    let mut last = None;
    for raises in 0u64.. {
        let Some(run) = engine.run(raises, Some(ctx.budget()), false) else {
            break;
        };
        last = Some(raises);
        if is_exhaustive(ctx, &engine, &run) {
            break;
        }
    }
    // The first run (an equal split of the real budget) can never overspend, so `last` is set.
    // The kept run is repeated once with explanations, which are not worth their cost in every
    // run of the search.
    if let Some(raises) = last {
        if let Some(run) = engine.run(raises, None, true) {
            apply(&engine, &mut draft, run, raises);
        }
        draft.budget_increments = Some(raises);
    }
    draft
}
