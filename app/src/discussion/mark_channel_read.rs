use crate::error::AppError;
use leptos::prelude::*;

/// The viewer has read a followed channel up to sequence number `seq`.
#[server(endpoint = "mark_channel_read")]
pub async fn mark_channel_read(channel: i64, seq: i64) -> Result<(), AppError> {
    use super::{access, sidebar};
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (found, _) = access::readable(&db, &viewer, channel).await?;
    sidebar::mark_read(&db, viewer.id, found.id, seq.clamp(0, found.last_seq)).await
}
