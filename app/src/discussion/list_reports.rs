use super::types::ModerationReport;
use crate::error::AppError;
use leptos::prelude::*;

/// The open reports about messages of the channels this moderator looks after.
#[server(endpoint = "list_reports")]
pub async fn list_reports() -> Result<Vec<ModerationReport>, AppError> {
    use super::{access, moderation, queries, sidebar};
    use crate::accounts::authz;
    use crate::context::{db, fail};

    let viewer = authz::active_member().await?;
    if !viewer.is_admin && viewer.connector_of.is_empty() {
        return Err(fail(AppError::Forbidden));
    }
    let db = db()?;
    let mut moderated = Vec::new();
    for summary in sidebar::channels_of(&db, viewer.id).await? {
        if let Some(channel) = queries::channel(&db, summary.id).await? {
            if access::access(&db, &viewer, &channel).await?.moderate {
                moderated.push(channel.id);
            }
        }
    }
    moderation::open_reports(&db, &moderated).await
}
