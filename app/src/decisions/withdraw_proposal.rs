use crate::error::AppError;
use leptos::prelude::*;

/// The author withdraws an open proposal; `statement` says why and becomes its outcome statement.
#[server(endpoint = "withdraw_proposal")]
pub async fn withdraw_proposal(
    proposal: i64,
    #[server(default)] statement: String,
) -> Result<(), AppError> {
    use super::{access, queries, validate, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::active_member().await?;
    let state = state()?;
    let db = state.db.clone();
    let (found, facts) = queries::facts(&db, &viewer, proposal)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    if !access::rights(&viewer, &facts).withdraw {
        return Err(fail(AppError::Forbidden));
    }
    let statement = validate::note("statement", &statement).map_err(fail)?;
    writes::withdraw(&db, found.id, viewer.id, &statement, now()).await?;
    super::live::announce(&state, found.id).await;
    Ok(())
}
