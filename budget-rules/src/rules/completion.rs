//! Completing a non-exhaustive result with another rule (pabutools
//! `completion_by_rule_combination`).

use super::outcome::Draft;
use super::Context;
use super::{greedy, mes};

/// True when no unselected project fits in what is left of the budget.
fn is_exhaustive(ctx: &Context, draft: &Draft) -> bool {
    let spent = ctx.money.total(&draft.order);
    (0..ctx.election.projects.len()).all(|p| draft.is_selected(p) || !ctx.money.fits(&spent, p))
}

/// MES with Add1, then greedy over the projects left, with the budget left.
pub(crate) fn add1_then_greedy(ctx: &Context) -> Draft {
    let mut draft = mes::add1(ctx);
    if is_exhaustive(ctx, &draft) {
        return draft;
    }
    for (p, verdict) in greedy::fill(ctx, &mut draft) {
        draft.set_completion(p, verdict);
    }
    draft
}
