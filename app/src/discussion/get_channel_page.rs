use super::types::ChannelPage;
use crate::error::AppError;
use leptos::prelude::*;

/// A channel with its latest messages (or those before message `before`, for reading back without
/// JavaScript), and the viewer's rights and read position in it.
#[server(endpoint = "get_channel_page")]
pub async fn get_channel_page(
    channel: i64,
    #[server(default)] before: Option<i64>,
) -> Result<ChannelPage, AppError> {
    use super::types::PAGE_SIZE;
    use super::{access, queries, sidebar};
    use crate::accounts::authz;
    use crate::context::{db, fail};

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (found, rights) = access::readable(&db, &viewer, channel).await?;
    let summary = sidebar::summary(&db, viewer.id, found.id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let mut messages = queries::top_level_page(&db, found.id, before, PAGE_SIZE + 1).await?;
    let has_older = messages.len() > PAGE_SIZE;
    if has_older {
        messages.remove(0);
    }
    let has_newer = match (before, messages.last()) {
        (Some(_), Some(newest)) => queries::has_top_level_after(&db, found.id, newest.id).await?,
        (Some(before), None) => queries::has_top_level_after(&db, found.id, before - 1).await?,
        (None, _) => false,
    };
    let last_read_seq = if summary.following {
        read_position(&db, viewer.id, found.id).await?
    } else {
        found.last_seq
    };
    Ok(ChannelPage {
        channel: summary,
        messages,
        has_older,
        has_newer,
        last_read_seq,
        may_post: rights.post,
        may_moderate: rights.moderate,
    })
}

#[cfg(feature = "ssr")]
async fn read_position(db: &sqlx::AnyPool, user_id: i64, channel_id: i64) -> Result<i64, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT last_read_seq FROM channel_members WHERE channel_id = $1 AND user_id = $2",
    )
    .bind(channel_id)
    .bind(user_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(seq,)| seq).unwrap_or(0))
}
