use crate::error::AppError;
use leptos::prelude::*;

/// A moderator closes a report (after hiding the message, or deciding it is fine).
#[server(endpoint = "resolve_report")]
pub async fn resolve_report(report: i64) -> Result<(), AppError> {
    use super::{access, moderation};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};

    let viewer = authz::active_member().await?;
    let db = db()?;
    let channel = moderation::report_channel(&db, report)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let (_, rights) = access::readable(&db, &viewer, channel).await?;
    if !rights.moderate {
        return Err(fail(AppError::Forbidden));
    }
    moderation::resolve(&db, report, now()).await
}
