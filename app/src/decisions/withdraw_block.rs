use crate::error::AppError;
use leptos::prelude::*;

/// The viewer withdraws their own block: they stand aside, and the proposal may pass.
#[server(endpoint = "withdraw_block")]
pub async fn withdraw_block(proposal: i64) -> Result<(), AppError> {
    use super::{access, queries, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::active_member().await?;
    let state = state()?;
    let db = state.db.clone();
    let (found, facts) = queries::facts(&db, &viewer, proposal)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    if !access::rights(&viewer, &facts).withdraw_block {
        return Err(fail(AppError::Forbidden));
    }
    writes::withdraw_block(&db, found.id, viewer.id, now()).await?;
    super::live::announce(&state, found.id).await;
    Ok(())
}
