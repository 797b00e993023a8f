use super::types::Status;
use crate::error::AppError;
use leptos::prelude::*;

/// Takes or changes the viewer's own stance on an open proposal: `stance` is agree, abstain,
/// object, block or choice (with `option`, in a poll). Answers the proposal's status afterwards
/// (a third connector's agreement passes a 3-connector proposal at once).
#[server(endpoint = "take_stance")]
pub async fn take_stance(
    proposal: i64,
    stance: String,
    #[server(default)] reason: String,
    #[server(default)] option: Option<i64>,
) -> Result<Status, AppError> {
    use super::types::Stance;
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
    let stance = Stance::parse(stance.trim())
        .ok_or_else(|| fail(AppError::invalid("stance", Problem::Required)))?;
    if !access::rights(&viewer, &facts).stances.contains(&stance) {
        return Err(fail(AppError::Forbidden));
    }
    let reason = validate::note("reason", &reason).map_err(fail)?;
    let answer = writes::take_stance(
        &db,
        found.id,
        writes::StanceDraft {
            user_id: viewer.id,
            scope_connector: access::is_scope_connector(&viewer, found.scope),
            stance,
            option_id: option,
            reason: &reason,
            now: now(),
        },
    )
    .await?;
    super::live::announce(&state, found.id).await;
    Ok(answer)
}
