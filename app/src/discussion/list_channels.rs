use super::types::ChannelSummary;
use crate::error::AppError;
use leptos::prelude::*;

/// The channels the viewer may read, with their unread and mention counts.
#[server(endpoint = "list_channels")]
pub async fn list_channels() -> Result<Vec<ChannelSummary>, AppError> {
    use super::{access, queries, sidebar};
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let mut readable = Vec::new();
    for summary in sidebar::channels_of(&db, viewer.id).await? {
        if !summary.members_only {
            readable.push(summary);
            continue;
        }
        if let Some(channel) = queries::channel(&db, summary.id).await? {
            if access::access(&db, &viewer, &channel).await?.read {
                readable.push(summary);
            }
        }
    }
    Ok(readable)
}
