//! Reading channels, their members and their mutes. Written once for both SQLite and PostgreSQL.
use crate::context::{placeholders, Flag, IDS_PER_QUERY};
use crate::discussion::types::ChannelKind;
use crate::error::AppError;
use sqlx::{AnyPool, FromRow};
use std::collections::{HashMap, HashSet};

/// A channel with what authorization needs to know about it.
#[derive(Clone, Debug)]
pub struct Channel {
    pub id: i64,
    pub kind: ChannelKind,
    pub city_id: Option<i64>,
    pub name: String,
    pub members_only: bool,
    pub last_seq: i64,
}

#[derive(FromRow)]
struct ChannelRow {
    id: i64,
    kind: String,
    city_id: Option<i64>,
    name: String,
    members_only: Flag,
    last_seq: i64,
}

impl ChannelRow {
    fn into_channel(self) -> Result<Channel, AppError> {
        let kind = ChannelKind::parse(&self.kind).ok_or_else(|| {
            tracing::error!(kind = %self.kind, channel = self.id, "unknown channel kind");
            AppError::Internal
        })?;
        Ok(Channel {
            id: self.id,
            kind,
            city_id: self.city_id,
            name: self.name,
            members_only: self.members_only.0,
            last_seq: self.last_seq,
        })
    }
}

const CHANNEL_COLUMNS: &str = "id, kind, city_id, name, members_only, last_seq";

pub async fn channel(db: &AnyPool, id: i64) -> Result<Option<Channel>, AppError> {
    let row: Option<ChannelRow> = sqlx::query_as(&format!(
        "SELECT {CHANNEL_COLUMNS} FROM channels WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db)
    .await?;
    row.map(ChannelRow::into_channel).transpose()
}

pub async fn city_channel(db: &AnyPool, city_id: i64) -> Result<Option<Channel>, AppError> {
    let row: Option<ChannelRow> = sqlx::query_as(&format!(
        "SELECT {CHANNEL_COLUMNS} FROM channels WHERE kind = 'city' AND city_id = $1"
    ))
    .bind(city_id)
    .fetch_optional(db)
    .await?;
    row.map(ChannelRow::into_channel).transpose()
}

/// Whether this member follows the channel (for a private conversation: takes part in it).
pub async fn is_member(db: &AnyPool, channel_id: i64, user_id: i64) -> Result<bool, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT user_id FROM channel_members WHERE channel_id = $1 AND user_id = $2",
    )
    .bind(channel_id)
    .bind(user_id)
    .fetch_optional(db)
    .await?;
    Ok(row.is_some())
}

/// Until when a connector muted this member in this city's channels, if the mute still runs.
pub async fn muted_until(
    db: &AnyPool,
    city_id: i64,
    user_id: i64,
    now: i64,
) -> Result<Option<i64>, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT until FROM city_mutes WHERE city_id = $1 AND user_id = $2 AND until > $3",
    )
    .bind(city_id)
    .bind(user_id)
    .bind(now)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(until,)| until))
}

/// The channels with these ids, by id (those that no longer exist are absent).
pub async fn channels(db: &AnyPool, ids: &[i64]) -> Result<HashMap<i64, Channel>, AppError> {
    let mut found = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(IDS_PER_QUERY) {
        let sql = format!(
            "SELECT {CHANNEL_COLUMNS} FROM channels WHERE id IN ({})",
            placeholders(chunk.len(), 1)
        );
        let mut query = sqlx::query_as::<_, ChannelRow>(&sql);
        for id in chunk {
            query = query.bind(id);
        }
        for row in query.fetch_all(db).await? {
            let channel = row.into_channel()?;
            found.insert(channel.id, channel);
        }
    }
    Ok(found)
}

/// Who takes part in these channels, as (channel, member) pairs. Meant for private
/// conversations, which have nine members at most.
pub async fn members_of(
    db: &AnyPool,
    channel_ids: &[i64],
) -> Result<HashSet<(i64, i64)>, AppError> {
    let mut pairs = HashSet::new();
    for chunk in channel_ids.chunks(IDS_PER_QUERY) {
        let sql = format!(
            "SELECT channel_id, user_id FROM channel_members WHERE channel_id IN ({})",
            placeholders(chunk.len(), 1)
        );
        let mut query = sqlx::query_as::<_, (i64, i64)>(&sql);
        for id in chunk {
            query = query.bind(id);
        }
        pairs.extend(query.fetch_all(db).await?);
    }
    Ok(pairs)
}

/// The mutes still running at `now` of these members, as (city, member) pairs.
pub async fn running_mutes(
    db: &AnyPool,
    user_ids: &[i64],
    now: i64,
) -> Result<HashSet<(i64, i64)>, AppError> {
    let mut pairs = HashSet::new();
    for chunk in user_ids.chunks(IDS_PER_QUERY) {
        let sql = format!(
            "SELECT city_id, user_id FROM city_mutes WHERE until > $1 AND user_id IN ({})",
            placeholders(chunk.len(), 2)
        );
        let mut query = sqlx::query_as::<_, (i64, i64)>(&sql).bind(now);
        for id in chunk {
            query = query.bind(id);
        }
        pairs.extend(query.fetch_all(db).await?);
    }
    Ok(pairs)
}
