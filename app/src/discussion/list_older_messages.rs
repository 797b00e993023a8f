use super::types::MessageView;
use crate::error::AppError;
use leptos::prelude::*;

/// The page of top-level messages just before message `before`, oldest first.
#[server(endpoint = "list_older_messages")]
pub async fn list_older_messages(channel: i64, before: i64) -> Result<Vec<MessageView>, AppError> {
    use super::types::PAGE_SIZE;
    use super::{access, queries};
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (found, _) = access::readable(&db, &viewer, channel).await?;
    queries::top_level_page(&db, found.id, Some(before), PAGE_SIZE).await
}
