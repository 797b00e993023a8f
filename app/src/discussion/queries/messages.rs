//! Reading messages, their reactions, threads and pages. Written once for both SQLite and PostgreSQL.
use crate::context::{placeholders, Flag};
use crate::discussion::types::{Author, EventKind, MessageView, Reaction};
use crate::error::AppError;
use sqlx::{AnyPool, FromRow};
use std::collections::HashMap;

#[derive(FromRow)]
struct MessageRow {
    id: i64,
    channel_id: i64,
    seq: i64,
    author_id: Option<i64>,
    author_name: Option<String>,
    parent_id: Option<i64>,
    body: String,
    body_html: String,
    created_at: i64,
    edited_at: Option<i64>,
    deleted_at: Option<i64>,
    hidden_at: Option<i64>,
    reply_count: i64,
    /// Whether anyone reacted: reactions are read only for those messages.
    reacted: Flag,
}

impl MessageRow {
    fn into_view(self, reactions: Vec<Reaction>) -> MessageView {
        let withheld = self.deleted_at.is_some() || self.hidden_at.is_some();
        MessageView {
            id: self.id,
            channel_id: self.channel_id,
            seq: self.seq,
            author: self
                .author_id
                .zip(self.author_name)
                .map(|(id, name)| Author { id, name }),
            parent_id: self.parent_id,
            body: if withheld { String::new() } else { self.body },
            html: if withheld {
                String::new()
            } else {
                self.body_html
            },
            created_at: self.created_at,
            edited: self.edited_at.is_some(),
            deleted: self.deleted_at.is_some(),
            hidden: self.hidden_at.is_some(),
            reply_count: self.reply_count,
            reactions: if withheld { Vec::new() } else { reactions },
        }
    }
}

const MESSAGE_SELECT: &str =
    "SELECT m.id, m.channel_id, m.seq, m.author_id, u.name AS author_name, \
     m.parent_id, m.body, m.body_html, m.created_at, m.edited_at, m.deleted_at, m.hidden_at, \
     m.reply_count, EXISTS (SELECT 1 FROM reactions r WHERE r.message_id = m.id) AS reacted \
     FROM messages m LEFT JOIN users u ON u.id = m.author_id";

/// The messages with these ids as they are now, in the order of `ids`.
pub async fn messages(db: &AnyPool, ids: &[i64]) -> Result<Vec<MessageView>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{MESSAGE_SELECT} WHERE m.id IN ({})",
        placeholders(ids.len(), 1)
    );
    let mut query = sqlx::query_as::<_, MessageRow>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let rows = query.fetch_all(db).await?;
    // Most messages have no reaction (every new one, for a start): skip the query for them.
    let reacted: Vec<i64> = rows
        .iter()
        .filter(|row| row.reacted.0)
        .map(|row| row.id)
        .collect();
    let mut reactions = if reacted.is_empty() {
        HashMap::new()
    } else {
        reactions(db, &reacted).await?
    };
    let mut by_id: HashMap<i64, MessageView> = rows
        .into_iter()
        .map(|row| {
            let id = row.id;
            (id, row.into_view(reactions.remove(&id).unwrap_or_default()))
        })
        .collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

async fn reactions(db: &AnyPool, ids: &[i64]) -> Result<HashMap<i64, Vec<Reaction>>, AppError> {
    let sql = format!(
        "SELECT message_id, emoji, user_id FROM reactions WHERE message_id IN ({}) \
         ORDER BY message_id, created_at, emoji, user_id",
        placeholders(ids.len(), 1)
    );
    let mut query = sqlx::query_as::<_, (i64, String, i64)>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let mut grouped: HashMap<i64, Vec<Reaction>> = HashMap::new();
    for (message_id, emoji, user_id) in query.fetch_all(db).await? {
        let list = grouped.entry(message_id).or_default();
        match list.iter_mut().find(|reaction| reaction.emoji == emoji) {
            Some(reaction) => reaction.user_ids.push(user_id),
            None => list.push(Reaction {
                emoji,
                user_ids: vec![user_id],
            }),
        }
    }
    Ok(grouped)
}

/// Up to `limit` top-level messages of a channel before message `before` (or the latest),
/// oldest first: keyset pagination on the message id.
pub async fn top_level_page(
    db: &AnyPool,
    channel_id: i64,
    before: Option<i64>,
    limit: usize,
) -> Result<Vec<MessageView>, AppError> {
    let ids: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM messages WHERE channel_id = $1 AND parent_id IS NULL AND id < $2 \
         ORDER BY id DESC LIMIT $3",
    )
    .bind(channel_id)
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit as i64)
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = ids.into_iter().rev().map(|(id,)| id).collect();
    messages(db, &ids).await
}

/// Whether the channel has a top-level message after message `id`.
pub async fn has_top_level_after(db: &AnyPool, channel_id: i64, id: i64) -> Result<bool, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM messages WHERE channel_id = $1 AND parent_id IS NULL AND id > $2 LIMIT 1",
    )
    .bind(channel_id)
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(row.is_some())
}

/// A thread: its first message, then every reply in order.
pub async fn thread(db: &AnyPool, root_id: i64) -> Result<Vec<MessageView>, AppError> {
    let ids: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM messages WHERE id = $1 OR parent_id = $1 ORDER BY id LIMIT 1001",
    )
    .bind(root_id)
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = ids.into_iter().map(|(id,)| id).collect();
    messages(db, &ids).await
}

/// A stored event, before its message is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventRef {
    pub seq: i64,
    pub kind: EventKind,
    pub message_id: i64,
}

/// The channel's events after `after`, in order, at most `limit`.
pub async fn events_after(
    db: &AnyPool,
    channel_id: i64,
    after: i64,
    limit: usize,
) -> Result<Vec<EventRef>, AppError> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT seq, kind, message_id FROM channel_events WHERE channel_id = $1 AND seq > $2 \
         ORDER BY seq LIMIT $3",
    )
    .bind(channel_id)
    .bind(after)
    .bind(limit as i64)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(seq, kind, message_id)| {
            let kind = EventKind::parse(&kind).ok_or(AppError::Internal)?;
            Ok(EventRef {
                seq,
                kind,
                message_id,
            })
        })
        .collect()
}

/// Who wrote a message, where, and whether it can still change.
#[derive(Clone, Copy, Debug)]
pub struct MessageMeta {
    pub id: i64,
    pub channel_id: i64,
    pub author_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub withdrawn: bool,
}

/// id, channel, author, parent, deleted at, hidden at.
type MetaRow = (i64, i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

pub async fn message_meta(db: &AnyPool, id: i64) -> Result<Option<MessageMeta>, AppError> {
    let row: Option<MetaRow> = sqlx::query_as(
        "SELECT id, channel_id, author_id, parent_id, deleted_at, hidden_at \
             FROM messages WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(
        |(id, channel_id, author_id, parent_id, deleted_at, hidden_at)| MessageMeta {
            id,
            channel_id,
            author_id,
            parent_id,
            withdrawn: deleted_at.is_some() || hidden_at.is_some(),
        },
    ))
}

/// User ids of the active members whose lower-cased names are among `names`.
pub async fn users_named(db: &AnyPool, names: &[String]) -> Result<Vec<i64>, AppError> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id FROM users WHERE is_alumni = FALSE AND name_lower IN ({}) LIMIT 50",
        placeholders(names.len(), 1)
    );
    let mut query = sqlx::query_as::<_, (i64,)>(&sql);
    for name in names {
        query = query.bind(name);
    }
    Ok(query
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|(id,)| id)
        .collect())
}
