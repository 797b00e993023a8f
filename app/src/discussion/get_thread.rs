use super::types::MessageView;
use crate::error::AppError;
use leptos::prelude::*;

/// A message and the replies in its thread, oldest first.
#[server(endpoint = "get_thread")]
pub async fn get_thread(message: i64) -> Result<Vec<MessageView>, AppError> {
    use super::{access, queries};
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (meta, _, _) = access::readable_message(&db, &viewer, message).await?;
    queries::thread(&db, meta.parent_id.unwrap_or(meta.id)).await
}
