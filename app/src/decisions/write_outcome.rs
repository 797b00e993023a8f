use crate::error::AppError;
use leptos::prelude::*;

/// Writes the outcome statement of a closed proposal: its author, or a coordinator of its scope.
#[server(endpoint = "write_outcome")]
pub async fn write_outcome(proposal: i64, statement: String) -> Result<(), AppError> {
    use super::{access, queries, validate, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let state = state()?;
    let db = state.db.clone();
    let (found, facts) = queries::facts(&db, &viewer, proposal)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    if !access::rights(&viewer, &facts).write_outcome {
        return Err(fail(AppError::Forbidden));
    }
    let statement = validate::note("statement", &statement).map_err(fail)?;
    if statement.is_empty() {
        return Err(fail(AppError::invalid("statement", Problem::Required)));
    }
    writes::write_outcome(&db, found.id, viewer.id, &statement, now()).await?;
    super::live::announce(&state, found.id).await;
    Ok(())
}
