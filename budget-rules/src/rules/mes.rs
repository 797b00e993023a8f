//! Method of Equal Shares drivers: the plain rule and the "Add1" completion.
//!
//! Both follow pabutools' `method_of_equal_shares(sat_class=Cost_Sat)`: approved free projects
//! are taken up front, unapproved projects never, and every other project goes through the
//! rounds of [`super::mes_engine`] with the budget split equally among all voters (voters who
//! approved nothing included).

use num_bigint::BigInt;
use num_traits::Zero;

use super::mes_engine::Engine;
use super::mes_explained::Explained;
use super::outcome::{Draft, Reason};
use super::Context;

/// Approved free projects, taken before any round, in tie-break order.
pub(crate) fn free_projects(ctx: &Context) -> Vec<usize> {
    let n = ctx.election.projects.len();
    let mut free: Vec<usize> = (0..n)
        .filter(|&p| ctx.profile.approvals[p] > 0 && ctx.cost(p).is_zero())
        .collect();
    free.sort_by_key(|&p| ctx.ranks[p]);
    free
}

/// Free approved projects selected, unapproved ones marked; the rest is left to a run.
fn base_draft(ctx: &Context) -> Draft {
    let mut draft = Draft::new(ctx, Reason::NoSupporters);
    for p in free_projects(ctx) {
        draft.select(p, Reason::Free);
    }
    draft
}

/// Records a run's picks and, for every candidate it did not pick, why.
fn apply(engine: &Engine, draft: &mut Draft, run: Explained, raises: u64) {
    let mut picked = vec![false; draft.num_projects()];
    for pick in run.picks {
        picked[pick.project] = true;
        let reason = Reason::Bought {
            round: pick.round,
            rho: pick.rho,
            share: pick.share,
            full_payers: pick.full_payers,
            partial_payers: pick.partial_payers,
        };
        draft.select(pick.project, reason);
    }
    let mut money_left = run.money_left;
    for &p in &engine.candidates {
        if picked[p] {
            continue;
        }
        let reason = Reason::Unaffordable {
            // Every candidate left at the end was found unaffordable in some round.
            round: run.dropped[p].unwrap_or(0),
            supporters_money: money_left[p].take().unwrap_or_default(),
        };
        draft.set_reason(p, reason);
    }
    draft.voter_budget = Some(engine.voter_budget(raises));
}

/// Plain MES: one run with the budget split equally.
pub(crate) fn plain(ctx: &Context) -> Draft {
    let mut draft = base_draft(ctx);
    if let Some(engine) = Engine::new(ctx) {
        apply(&engine, &mut draft, engine.explain(0), 0);
    }
    draft
}

/// No candidate left out of the run could still be added within the real budget.
fn is_exhaustive(ctx: &Context, engine: &Engine, picked: &[usize], spent: &BigInt) -> bool {
    engine
        .candidates
        .iter()
        .all(|p| picked.contains(p) || !ctx.money.fits(spent, *p))
}

/// The raise MES with Add1 completion keeps (pabutools `voter_budget_increment=1`): run MES
/// with each voter's budget raised by 0, 1, 2, … units, stopping at the first result that is
/// exhaustive (keep it) or that overspends the real budget (keep the one before).
///
/// A run also tells how many further raises provably pick the same projects (its horizon, see
/// `mes_search`): those are neither exhaustive nor overspending either, so the search jumps
/// past them, and the next run takes over the rounds it shares with this one. A run that
/// overspends is abandoned as soon as it does. The search ends: from the
/// engine's cap on, each voter alone could pay for every candidate, so a run buys them all.
pub(crate) fn add1_raises(ctx: &Context, engine: &Engine) -> u64 {
    let mut kept = 0;
    let mut raises = 0u64;
    let mut resume = None;
    let mut tracking = Backoff::default();
    // The first run (an equal split of the real budget) can never overspend.
    loop {
        let tracked = tracking.now();
        let Some(run) = engine.search(raises, tracked, resume.as_ref()) else {
            break;
        };
        if is_exhaustive(ctx, engine, &run.picked, &run.spent) {
            return raises;
        }
        if tracked {
            tracking.record(run.horizon > 0);
        }
        kept = raises.saturating_add(run.horizon);
        match kept.checked_add(1) {
            Some(next) => raises = next,
            None => break,
        }
        resume = run.resume;
    }
    kept
}

/// Whether the next search run tracks its horizon. Tracking costs about a third more per run
/// and pays only when runs can be skipped, as in elections where few votes decide each pick;
/// where every raise changes something it is tried again after 1, 3, 7, … plain runs.
#[derive(Default)]
struct Backoff {
    failures: u32,
    /// Plain runs left before tracking is tried again.
    wait: u64,
}

impl Backoff {
    fn now(&mut self) -> bool {
        if self.wait == 0 {
            return true;
        }
        self.wait -= 1;
        false
    }

    /// After a tracked run: whether it let the search skip raises.
    fn record(&mut self, skipped: bool) {
        if skipped {
            self.failures = 0;
        } else {
            self.failures = (self.failures + 1).min(16);
            self.wait = (1 << self.failures) - 1;
        }
    }
}

/// MES with Add1 completion. The kept run is repeated once with explanations, which are not
/// worth their cost in every run of the search.
pub(crate) fn add1(ctx: &Context) -> Draft {
    let mut draft = base_draft(ctx);
    let Some(engine) = Engine::new(ctx) else {
        return draft;
    };
    if let Some(run) = plain_run_if_it_buys_all(ctx, &engine) {
        apply(&engine, &mut draft, run, 0);
        draft.budget_increments = Some(0);
        return draft;
    }
    let raises = add1_raises(ctx, &engine);
    apply(&engine, &mut draft, engine.explain(raises), raises);
    draft.budget_increments = Some(raises);
    draft
}

/// When all candidates fit in the budget together, a run is exhaustive exactly when it buys
/// them all, and the plain run often does: then the search would stop at its first run, and
/// that run, explained, is the result. Trying it first spares the search run.
fn plain_run_if_it_buys_all(ctx: &Context, engine: &Engine) -> Option<Explained> {
    if ctx.money.total(&engine.candidates) > ctx.money.budget {
        return None;
    }
    let run = engine.explain(0);
    (run.picks.len() == engine.candidates.len()).then_some(run)
}
