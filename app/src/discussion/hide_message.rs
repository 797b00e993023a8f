use crate::error::AppError;
use leptos::prelude::*;

/// A moderator (the city's connectors, or an admin) hides a message, giving a reason.
#[server(endpoint = "hide_message")]
pub async fn hide_message(message: i64, reason: String) -> Result<(), AppError> {
    use super::{access, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let state = state()?;
    let (meta, _, rights) = access::readable_message(&state.db, &viewer, message).await?;
    if !rights.moderate {
        return Err(fail(AppError::Forbidden));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(fail(AppError::invalid("reason", Problem::Required)));
    }
    if reason.chars().count() > 500 {
        return Err(fail(AppError::invalid(
            "reason",
            Problem::TooLong { max: 500 },
        )));
    }
    writes::hide(&state, meta.channel_id, meta.id, viewer.id, reason, now()).await
}
