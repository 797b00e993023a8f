//! The demo network's channels: one per city, a few network-wide topics, and who follows them.
use sqlx::{Any, Transaction};

/// Network-wide topics every demo member can join: (slug, name, description).
pub const TOPICS: [(&str, &str, &str); 5] = [
    ("general", "General", "Network-wide news and questions"),
    (
        "commons",
        "Commons & open source",
        "Shared resources, open tools and licences",
    ),
    (
        "events",
        "Events",
        "Festivals, meetups and gatherings across the network",
    ),
    (
        "funding",
        "Funding & budgets",
        "Grants, pots and how we spend together",
    ),
    ("random", "Random", "Everything else"),
];

/// Creates the channels, then makes every member follow their city's channel and `general`.
pub async fn insert(tx: &mut Transaction<'_, Any>, now: i64) -> Result<usize, sqlx::Error> {
    sqlx::query(
        "INSERT INTO channels (kind, city_id, slug, name, created_at) \
         SELECT 'city', id, slug, name, $1 FROM cities",
    )
    .bind(now)
    .execute(&mut **tx)
    .await?;
    for (slug, name, description) in TOPICS {
        sqlx::query(
            "INSERT INTO channels (kind, slug, name, description, created_by, created_at) \
             SELECT 'topic', $1, $2, $3, MIN(id), $4 FROM users WHERE is_admin = TRUE",
        )
        .bind(slug)
        .bind(name)
        .bind(description)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO channel_members (channel_id, user_id, last_read_seq, joined_at) \
         SELECT c.id, u.id, 0, $1 FROM users u \
         JOIN channels c ON (c.kind = 'city' AND c.city_id = u.city_id) OR c.slug = 'general'",
    )
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM channels")
        .fetch_one(&mut **tx)
        .await?;
    Ok(count as usize)
}
