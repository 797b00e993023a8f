//! Private conversations: a channel whose members are exactly its participants.
use crate::error::AppError;
use sqlx::AnyPool;

/// The viewer included.
pub const MAX_PEOPLE: usize = super::types::MAX_CONVERSATION_PEOPLE;

/// Names of those among `ids` who are active members, sorted by name.
pub async fn active_names(db: &AnyPool, ids: &[i64]) -> Result<Vec<String>, AppError> {
    let mut names = Vec::with_capacity(ids.len());
    for id in ids {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT name FROM users WHERE id = $1 AND is_alumni = FALSE")
                .bind(id)
                .fetch_optional(db)
                .await?;
        names.extend(row.map(|(name,)| name));
    }
    names.sort();
    Ok(names)
}

/// The conversation these exact people already share, if any.
pub async fn find(db: &AnyPool, people: &[i64]) -> Result<Option<i64>, AppError> {
    let mut wanted = people.to_vec();
    wanted.sort_unstable();
    let candidates: Vec<(i64,)> = sqlx::query_as(
        "SELECT c.id FROM channels c JOIN channel_members m ON m.channel_id = c.id \
         WHERE c.kind = 'direct' AND m.user_id = $1",
    )
    .bind(people[0])
    .fetch_all(db)
    .await?;
    for (channel,) in candidates {
        let members: Vec<(i64,)> = sqlx::query_as(
            "SELECT user_id FROM channel_members WHERE channel_id = $1 ORDER BY user_id",
        )
        .bind(channel)
        .fetch_all(db)
        .await?;
        if members
            .into_iter()
            .map(|(id,)| id)
            .eq(wanted.iter().copied())
        {
            return Ok(Some(channel));
        }
    }
    Ok(None)
}

pub async fn create(
    db: &AnyPool,
    people: &[i64],
    names: &[String],
    creator: i64,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let (channel,): (i64,) = sqlx::query_as(
        "INSERT INTO channels (kind, name, created_by, created_at) \
         VALUES ('direct', $1, $2, $3) RETURNING id",
    )
    .bind(names.join(", "))
    .bind(creator)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    for person in people {
        sqlx::query(
            "INSERT INTO channel_members (channel_id, user_id, last_read_seq, joined_at) \
             VALUES ($1, $2, 0, $3)",
        )
        .bind(channel)
        .bind(person)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(channel)
}
