//! The channel list a member sees, with unread and mention counts.
use super::types::{ChannelKind, ChannelSummary};
use crate::context::Flag;
use crate::error::AppError;
use sqlx::{AnyPool, FromRow};

#[derive(FromRow)]
struct SummaryRow {
    id: i64,
    kind: String,
    name: String,
    members_only: Flag,
    last_seq: i64,
    following: Flag,
    muted: Flag,
    read_seq: i64,
}

const SUMMARY_SELECT: &str = "SELECT c.id, c.kind, c.name, c.members_only, c.last_seq, \
     (cm.user_id IS NOT NULL) AS following, COALESCE(cm.muted, FALSE) AS muted, \
     COALESCE(cm.last_read_seq, c.last_seq) AS read_seq \
     FROM channels c LEFT JOIN channel_members cm ON cm.channel_id = c.id AND cm.user_id = $1";

/// Every channel the member may list: all city and topic channels, and their own private
/// conversations. Members-only channels of other cities are filtered by the caller's rules.
pub async fn channels_of(db: &AnyPool, user_id: i64) -> Result<Vec<ChannelSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{SUMMARY_SELECT} WHERE c.kind <> 'direct' OR cm.user_id IS NOT NULL \
         ORDER BY c.kind, c.name"
    ))
    .bind(user_id)
    .fetch_all(db)
    .await?;
    let mut summaries = Vec::with_capacity(rows.len());
    for row in rows {
        summaries.push(summarize(db, user_id, row).await?);
    }
    Ok(summaries)
}

pub async fn summary(
    db: &AnyPool,
    user_id: i64,
    channel_id: i64,
) -> Result<Option<ChannelSummary>, AppError> {
    let row: Option<SummaryRow> = sqlx::query_as(&format!("{SUMMARY_SELECT} WHERE c.id = $2"))
        .bind(user_id)
        .bind(channel_id)
        .fetch_optional(db)
        .await?;
    match row {
        Some(row) => Ok(Some(summarize(db, user_id, row).await?)),
        None => Ok(None),
    }
}

async fn summarize(
    db: &AnyPool,
    user_id: i64,
    row: SummaryRow,
) -> Result<ChannelSummary, AppError> {
    let kind = ChannelKind::parse(&row.kind).ok_or(AppError::Internal)?;
    let (unread, mentions) = if row.following.0 && row.read_seq < row.last_seq {
        unread_counts(db, user_id, row.id, row.read_seq).await?
    } else {
        (0, 0)
    };
    Ok(ChannelSummary {
        id: row.id,
        kind,
        name: row.name,
        members_only: row.members_only.0,
        last_seq: row.last_seq,
        following: row.following.0,
        muted: row.muted.0,
        unread,
        mentions,
    })
}

/// Messages by others, and mentions of the member, after where they left off.
async fn unread_counts(
    db: &AnyPool,
    user_id: i64,
    channel_id: i64,
    read_seq: i64,
) -> Result<(i64, i64), AppError> {
    let (unread,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM messages WHERE channel_id = $1 AND seq > $2 \
         AND deleted_at IS NULL AND (author_id IS NULL OR author_id <> $3)",
    )
    .bind(channel_id)
    .bind(read_seq)
    .bind(user_id)
    .fetch_one(db)
    .await?;
    let (mentions,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM mentions WHERE user_id = $1 AND channel_id = $2 AND seq > $3",
    )
    .bind(user_id)
    .bind(channel_id)
    .bind(read_seq)
    .fetch_one(db)
    .await?;
    Ok((unread, mentions))
}

/// Moves where the member left off forward (never back), for channels they follow.
pub async fn mark_read(
    db: &AnyPool,
    user_id: i64,
    channel_id: i64,
    seq: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE channel_members SET last_read_seq = $3 \
         WHERE channel_id = $1 AND user_id = $2 AND last_read_seq < $3",
    )
    .bind(channel_id)
    .bind(user_id)
    .bind(seq)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn follow(db: &AnyPool, user_id: i64, channel_id: i64, now: i64) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO channel_members (channel_id, user_id, last_read_seq, joined_at) \
         SELECT id, $2, last_seq, $3 FROM channels WHERE id = $1 \
         ON CONFLICT (channel_id, user_id) DO NOTHING",
    )
    .bind(channel_id)
    .bind(user_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn unfollow(db: &AnyPool, user_id: i64, channel_id: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM channel_members WHERE channel_id = $1 AND user_id = $2")
        .bind(channel_id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn set_muted(
    db: &AnyPool,
    user_id: i64,
    channel_id: i64,
    muted: bool,
) -> Result<(), AppError> {
    sqlx::query("UPDATE channel_members SET muted = $3 WHERE channel_id = $1 AND user_id = $2")
        .bind(channel_id)
        .bind(user_id)
        .bind(muted)
        .execute(db)
        .await?;
    Ok(())
}

/// A new member follows their city's channel and the network's general channel, from now on.
pub async fn follow_defaults(
    db: &AnyPool,
    user_id: i64,
    city_id: i64,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO channel_members (channel_id, user_id, last_read_seq, joined_at) \
         SELECT id, $1, last_seq, $3 FROM channels \
         WHERE (kind = 'city' AND city_id = $2) OR slug = 'general' \
         ON CONFLICT (channel_id, user_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(city_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
