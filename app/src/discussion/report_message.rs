use crate::error::AppError;
use leptos::prelude::*;

/// Any member who can read a message reports it; the channel's moderators are told.
#[server(endpoint = "report_message")]
pub async fn report_message(message: i64, reason: String) -> Result<(), AppError> {
    use super::{access, moderation};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let db = db()?;
    let (meta, channel, _) = access::readable_message(&db, &viewer, message).await?;
    if channel.kind == super::types::ChannelKind::Direct {
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
    moderation::report(&db, &meta, channel.city_id, viewer.id, reason, now()).await
}
