//! The demo network's channels: one per city, the network-wide topics, and who follows them.
use super::{rows_per_insert, value_rows};
use demo_network::{unread_backlog, DemoChannel, DemoNetwork, DemoParams, DEMO_TOPICS};
use sqlx::{Any, Transaction};
use std::collections::HashMap;

/// Creates the channels; answers their ids by slug.
pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    now: i64,
) -> Result<HashMap<String, i64>, sqlx::Error> {
    sqlx::query(
        "INSERT INTO channels (kind, city_id, slug, name, created_at) \
         SELECT 'city', id, slug, name, $1 FROM cities",
    )
    .bind(now)
    .execute(&mut **tx)
    .await?;
    for topic in DEMO_TOPICS {
        sqlx::query(
            "INSERT INTO channels (kind, slug, name, description, created_by, created_at) \
             SELECT 'topic', $1, $2, $3, MIN(id), $4 FROM users WHERE is_admin = TRUE",
        )
        .bind(topic.slug)
        .bind(topic.name)
        .bind(topic.description)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, slug FROM channels WHERE slug IS NOT NULL")
            .fetch_all(&mut **tx)
            .await?;
    Ok(rows.into_iter().map(|(id, slug)| (slug, id)).collect())
}

/// One `channel_members` row.
struct Follower {
    channel_id: i64,
    user_id: i64,
    last_read_seq: i64,
}

/// Where `person` stands in a channel of `last_seq` messages: their demo backlog behind the end,
/// but never before their own last message there (writing implies having read).
fn read_position(
    params: &DemoParams,
    network: &DemoNetwork,
    channel: &DemoChannel,
    own_last: &HashMap<usize, i64>,
    person: usize,
) -> i64 {
    let last_seq = channel.messages.len() as i64;
    let backlog =
        i64::try_from(unread_backlog(params, network, person, &channel.slug)).unwrap_or(last_seq);
    let own = own_last.get(&person).copied().unwrap_or(0);
    (last_seq - backlog).max(own).max(0)
}

/// Makes every member follow their city's channel and `general`, and the other topics they
/// wrote in, each having read as far as the demo says.
pub async fn follow(
    tx: &mut Transaction<'_, Any>,
    params: &DemoParams,
    network: &DemoNetwork,
    conversation: &[DemoChannel],
    person_ids: &[Option<i64>],
    channel_ids: &HashMap<String, i64>,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let mut followers: Vec<Follower> = Vec::new();
    for channel in conversation {
        let Some(&channel_id) = channel_ids.get(&channel.slug) else {
            continue;
        };
        // Sequence numbers are positions, from 1.
        let own_last: HashMap<usize, i64> = (1..)
            .zip(&channel.messages)
            .map(|(seq, message)| (message.author, seq))
            .collect();
        let city = network.cities.iter().position(|c| c.slug == channel.slug);
        let mut people: Vec<usize> = match city {
            Some(city) => (0..network.people.len())
                .filter(|&p| network.people[p].city == city)
                .collect(),
            None if channel.slug == "general" => (0..network.people.len()).collect(),
            None => own_last.keys().copied().collect(),
        };
        people.sort_unstable();
        for person in people {
            let Some(user_id) = person_ids.get(person).copied().flatten() else {
                continue;
            };
            followers.push(Follower {
                channel_id,
                user_id,
                last_read_seq: read_position(params, network, channel, &own_last, person),
            });
        }
    }
    for batch in followers.chunks(rows_per_insert(tx, 4)) {
        let sql = format!(
            "INSERT INTO channel_members (channel_id, user_id, last_read_seq, joined_at) VALUES {}",
            value_rows(batch.len(), 4)
        );
        let mut query = sqlx::query(&sql);
        for follower in batch {
            query = query
                .bind(follower.channel_id)
                .bind(follower.user_id)
                .bind(follower.last_read_seq)
                .bind(now);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(followers.len())
}
