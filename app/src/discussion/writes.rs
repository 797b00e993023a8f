//! Changing a channel: every change stores its rows and a numbered event in one transaction, so
//! the event log and the messages never disagree, then wakes the live hubs.
use super::notices::{notify_in_transaction, Notice};
use super::types::{EventKind, POSTS_PER_WINDOW, POST_WINDOW_SECONDS};
use crate::context::ServerState;
use crate::error::AppError;
use sqlx::{Any, Transaction};

type Tx<'c> = Transaction<'c, Any>;

/// Takes the channel's next sequence number. This write comes first in every transaction here,
/// so the channel row is locked (PostgreSQL) or the database's write lock taken (SQLite) before
/// anything is read, and concurrent writers of one channel queue up instead of colliding.
async fn next_seq(tx: &mut Tx<'_>, channel_id: i64) -> Result<i64, AppError> {
    let (seq,): (i64,) = sqlx::query_as(
        "UPDATE channels SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq",
    )
    .bind(channel_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(seq)
}

async fn record_event(
    tx: &mut Tx<'_>,
    channel_id: i64,
    seq: i64,
    kind: EventKind,
    message_id: i64,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO channel_events (channel_id, seq, kind, message_id, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(channel_id)
    .bind(seq)
    .bind(kind.as_str())
    .bind(message_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Stores one event about a message with the channel's next sequence number.
async fn append(
    tx: &mut Tx<'_>,
    channel_id: i64,
    kind: EventKind,
    message_id: i64,
    now: i64,
) -> Result<i64, AppError> {
    let seq = next_seq(tx, channel_id).await?;
    record_event(tx, channel_id, seq, kind, message_id, now).await?;
    Ok(seq)
}

/// Commits, after queueing the cross-node notification inside the transaction, then wakes this
/// node's hub.
async fn commit(state: &ServerState, mut tx: Tx<'_>, notice: Notice) -> Result<(), AppError> {
    notify_in_transaction(&mut tx, state.dialect, notice).await?;
    tx.commit().await?;
    state.live.committed(notice);
    Ok(())
}

/// Records the change's event under the sequence number it took, then commits.
async fn finish(
    state: &ServerState,
    mut tx: Tx<'_>,
    channel_id: i64,
    seq: i64,
    kind: EventKind,
    message_id: i64,
    now: i64,
) -> Result<(), AppError> {
    record_event(&mut tx, channel_id, seq, kind, message_id, now).await?;
    let notice = Notice {
        channel: channel_id,
        seq,
    };
    commit(state, tx, notice).await
}

/// A message about to be stored: already validated and rendered.
pub struct Draft<'a> {
    pub channel_id: i64,
    pub author_id: i64,
    pub parent: Option<ParentRef>,
    pub body: &'a str,
    pub html: &'a str,
    pub mentioned: &'a [i64],
    pub now: i64,
    /// Refused (with nothing stored) when the author already posted this much in the window.
    pub limit: Option<PostLimit>,
}

/// At most `posts` messages per author in any `seconds`.
#[derive(Clone, Copy, Debug)]
pub struct PostLimit {
    pub posts: i64,
    pub seconds: i64,
}

/// What members may post through the app.
pub const MEMBER_POST_LIMIT: PostLimit = PostLimit {
    posts: POSTS_PER_WINDOW,
    seconds: POST_WINDOW_SECONDS,
};

/// The thread a reply goes into.
#[derive(Clone, Copy, Debug)]
pub struct ParentRef {
    pub id: i64,
    pub author_id: Option<i64>,
}

pub async fn post(state: &ServerState, draft: Draft<'_>) -> Result<i64, AppError> {
    let mut tx = state.db.begin().await?;
    if draft.limit.is_some() && state.dialect == crate::context::Dialect::Postgres {
        // One member's posts take turns, so parallel requests cannot all slip under the limit.
        // (SQLite has one writer: the sequence update below already makes them take turns.)
        sqlx::query("SELECT id FROM users WHERE id = $1 FOR UPDATE")
            .bind(draft.author_id)
            .execute(&mut *tx)
            .await?;
    }
    let seq = next_seq(&mut tx, draft.channel_id).await?;
    if let Some(limit) = draft.limit {
        if recent_posts(&mut tx, draft.author_id, draft.now - limit.seconds).await? >= limit.posts {
            return Err(crate::context::fail(AppError::SlowDown {
                retry_after_seconds: limit.seconds as u32,
            }));
        }
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO messages (channel_id, seq, author_id, parent_id, body, body_html, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(draft.channel_id)
    .bind(seq)
    .bind(draft.author_id)
    .bind(draft.parent.map(|parent| parent.id))
    .bind(draft.body)
    .bind(draft.html)
    .bind(draft.now)
    .fetch_one(&mut *tx)
    .await?;
    record_event(
        &mut tx,
        draft.channel_id,
        seq,
        EventKind::Posted,
        id,
        draft.now,
    )
    .await?;
    let mut last = seq;
    if let Some(parent) = draft.parent {
        sqlx::query("UPDATE messages SET reply_count = reply_count + 1 WHERE id = $1")
            .bind(parent.id)
            .execute(&mut *tx)
            .await?;
        last = append(
            &mut tx,
            draft.channel_id,
            EventKind::Replied,
            parent.id,
            draft.now,
        )
        .await?;
        if let Some(root_author) = parent.author_id.filter(|author| *author != draft.author_id) {
            notify_member(&mut tx, root_author, "reply", id, draft.now).await?;
        }
    }
    for user in draft
        .mentioned
        .iter()
        .filter(|user| **user != draft.author_id)
    {
        sqlx::query(
            "INSERT INTO mentions (message_id, user_id, channel_id, seq) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(user)
        .bind(draft.channel_id)
        .bind(seq)
        .execute(&mut *tx)
        .await?;
        notify_member(&mut tx, *user, "mention", id, draft.now).await?;
    }
    let notice = Notice {
        channel: draft.channel_id,
        seq: last,
    };
    commit(state, tx, notice).await?;
    Ok(id)
}

async fn notify_member(
    tx: &mut Tx<'_>,
    user_id: i64,
    kind: &str,
    message_id: i64,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO notifications (user_id, kind, message_id, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(kind)
    .bind(message_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Replaces a message's text, keeping the text it replaces in its history.
pub async fn edit(
    state: &ServerState,
    channel_id: i64,
    message_id: i64,
    body: &str,
    html: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let seq = next_seq(&mut tx, channel_id).await?;
    sqlx::query(
        "INSERT INTO message_edits (message_id, body, replaced_at) \
         SELECT id, body, $2 FROM messages WHERE id = $1",
    )
    .bind(message_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE messages SET body = $2, body_html = $3, edited_at = $4 WHERE id = $1")
        .bind(message_id)
        .bind(body)
        .bind(html)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    finish(
        state,
        tx,
        channel_id,
        seq,
        EventKind::Edited,
        message_id,
        now,
    )
    .await
}

/// Deletes a message's content; a tombstone stays so replies and links keep their place.
pub async fn delete(
    state: &ServerState,
    channel_id: i64,
    message_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let seq = next_seq(&mut tx, channel_id).await?;
    sqlx::query("UPDATE messages SET body = '', body_html = '', deleted_at = $2 WHERE id = $1")
        .bind(message_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    for table in ["message_edits", "reactions", "mentions"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE message_id = $1"))
            .bind(message_id)
            .execute(&mut *tx)
            .await?;
    }
    finish(
        state,
        tx,
        channel_id,
        seq,
        EventKind::Deleted,
        message_id,
        now,
    )
    .await
}

/// Adds the member's reaction, or takes it back if it was there. Answers whether it is now there.
pub async fn toggle_reaction(
    state: &ServerState,
    channel_id: i64,
    message_id: i64,
    user_id: i64,
    emoji: &str,
    now: i64,
) -> Result<bool, AppError> {
    let mut tx = state.db.begin().await?;
    let seq = next_seq(&mut tx, channel_id).await?;
    let removed =
        sqlx::query("DELETE FROM reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3")
            .bind(message_id)
            .bind(user_id)
            .bind(emoji)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if removed == 0 {
        sqlx::query(
            "INSERT INTO reactions (message_id, user_id, emoji, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(message_id)
        .bind(user_id)
        .bind(emoji)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    finish(
        state,
        tx,
        channel_id,
        seq,
        EventKind::Reacted,
        message_id,
        now,
    )
    .await?;
    Ok(removed == 0)
}

/// A moderator hides a message; its text stays stored, with the reason, for moderators.
pub async fn hide(
    state: &ServerState,
    channel_id: i64,
    message_id: i64,
    moderator_id: i64,
    reason: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let seq = next_seq(&mut tx, channel_id).await?;
    sqlx::query(
        "UPDATE messages SET hidden_at = $2, hidden_by = $3, hidden_reason = $4 WHERE id = $1",
    )
    .bind(message_id)
    .bind(now)
    .bind(moderator_id)
    .bind(reason)
    .execute(&mut *tx)
    .await?;
    finish(
        state,
        tx,
        channel_id,
        seq,
        EventKind::Hidden,
        message_id,
        now,
    )
    .await
}

/// How many messages this member posted since `since`, counted inside the transaction that would
/// store one more.
async fn recent_posts(tx: &mut Tx<'_>, author_id: i64, since: i64) -> Result<i64, AppError> {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM messages WHERE author_id = $1 AND created_at > $2")
            .bind(author_id)
            .bind(since)
            .fetch_one(&mut **tx)
            .await?;
    Ok(count)
}
