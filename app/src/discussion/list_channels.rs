use super::types::ChannelSummary;
use crate::error::AppError;
use leptos::prelude::*;

/// The channels the viewer may read, with their unread and mention counts.
#[server(endpoint = "list_channels")]
pub async fn list_channels() -> Result<Vec<ChannelSummary>, AppError> {
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    super::readable_channels::readable_channels(&db()?, &viewer).await
}
