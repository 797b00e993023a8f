//! The channels a member may read, as the sidebar lists them.
use super::types::ChannelSummary;
use super::{access, queries, sidebar};
use crate::accounts::types::Viewer;
use crate::error::AppError;
use sqlx::AnyPool;

pub async fn readable_channels(
    db: &AnyPool,
    viewer: &Viewer,
) -> Result<Vec<ChannelSummary>, AppError> {
    let mut readable = Vec::new();
    for summary in sidebar::channels_of(db, viewer.id).await? {
        if !summary.members_only {
            readable.push(summary);
            continue;
        }
        if let Some(channel) = queries::channel(db, summary.id).await? {
            if access::access(db, viewer, &channel).await?.read {
                readable.push(summary);
            }
        }
    }
    Ok(readable)
}
