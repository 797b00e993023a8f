use super::types::Notification;
use crate::error::AppError;
use leptos::prelude::*;

/// The viewer's latest mentions, replies (and, for moderators, reports), newest first.
#[server(endpoint = "list_notifications")]
pub async fn list_notifications() -> Result<Vec<Notification>, AppError> {
    use super::{access, queries};
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let rows: Vec<(i64, String, i64, String, Option<i64>, i64)> = sqlx::query_as(
        "SELECT n.id, n.kind, n.message_id, c.name, n.read_at, c.id FROM notifications n \
         JOIN messages m ON m.id = n.message_id JOIN channels c ON c.id = m.channel_id \
         WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT 50",
    )
    .bind(viewer.id)
    .fetch_all(&db)
    .await?;
    // A notification shows its message: only while the viewer may still read the channel (they
    // may have left a conversation, or a channel may have become members-only since).
    let mut readable = std::collections::BTreeMap::new();
    for row in &rows {
        if let std::collections::btree_map::Entry::Vacant(entry) = readable.entry(row.5) {
            let may_read = match queries::channel(&db, row.5).await? {
                Some(channel) => access::access(&db, &viewer, &channel).await?.read,
                None => false,
            };
            entry.insert(may_read);
        }
    }
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|row| readable.get(&row.5) == Some(&true))
        .collect();
    let ids: Vec<i64> = rows.iter().map(|row| row.2).collect();
    let messages = queries::messages(&db, &ids).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, kind, message_id, channel_name, read_at, _)| {
            let message = messages
                .iter()
                .find(|message| message.id == message_id)?
                .clone();
            Some(Notification {
                id,
                kind,
                channel_name,
                message,
                unread: read_at.is_none(),
            })
        })
        .collect())
}
