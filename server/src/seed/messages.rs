//! The demo conversation, stored the way live posting stores messages: within a channel each
//! message takes the next sequence number in time order and has its 'posted' event with that
//! number, the channel's `last_seq` is its last message's, and every thread's first message
//! counts its replies. Ids are given here, in global time order, so that replies can point at
//! their thread and events at their message without reading anything back.
use super::{rows_per_insert, value_rows};
use demo_network::DemoChannel;
use indicatif::ProgressBar;
use sqlx::{Any, Transaction};
use std::collections::HashMap;

/// What was stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoredConversation {
    pub messages: usize,
    pub reactions: usize,
    pub mentions: usize,
}

/// A message's place: (channel index, message index) in the conversation.
type Place = (usize, usize);

/// Ids from `first_id` on, given to every message in time order over the whole network, so that
/// a channel's ids grow with its sequence numbers (pages are keyed on the id) and a reply's
/// thread is always stored before it.
fn number(conversation: &[DemoChannel], first_id: i64) -> (Vec<Place>, Vec<Vec<i64>>) {
    let mut order: Vec<(i64, Place)> = conversation
        .iter()
        .enumerate()
        .flat_map(|(c, channel)| {
            (0..)
                .zip(&channel.messages)
                .map(move |(m, message)| (message.created_at, (c, m)))
        })
        .collect();
    order.sort_unstable();
    let mut ids: Vec<Vec<i64>> = conversation
        .iter()
        .map(|channel| vec![0; channel.messages.len()])
        .collect();
    for (id, &(_, (c, m))) in (first_id..).zip(&order) {
        ids[c][m] = id;
    }
    (order.into_iter().map(|(_, place)| place).collect(), ids)
}

/// Every message's HTML, per channel, rendered on all cores: rendering 100,000 messages is a
/// good part of seeding time.
fn render_all(conversation: &[DemoChannel]) -> Vec<Vec<String>> {
    let bodies: Vec<&str> = conversation
        .iter()
        .flat_map(|channel| channel.messages.iter().map(|m| m.body.as_str()))
        .collect();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = bodies.len().div_ceil(workers).max(1);
    let mut rendered = std::thread::scope(|scope| {
        let parts: Vec<_> = bodies
            .chunks(share)
            .map(|part| {
                scope.spawn(|| {
                    part.iter()
                        .map(|body| app::markdown::render(body))
                        .collect::<Vec<String>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|part| {
                part.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect::<Vec<String>>()
            .into_iter()
    });
    conversation
        .iter()
        .map(|channel| rendered.by_ref().take(channel.messages.len()).collect())
        .collect()
}

fn reply_counts(channel: &DemoChannel) -> Vec<i64> {
    let mut counts = vec![0; channel.messages.len()];
    for parent in channel.messages.iter().filter_map(|m| m.parent) {
        if let Some(count) = counts.get_mut(parent) {
            *count += 1;
        }
    }
    counts
}

/// Stores the conversation. `person_ids` are the users' ids by index into the demo people;
/// `channel_ids` the channels' by slug. A channel without an id is left out.
pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    conversation: &[DemoChannel],
    person_ids: &[Option<i64>],
    channel_ids: &HashMap<String, i64>,
    progress: &ProgressBar,
) -> Result<StoredConversation, sqlx::Error> {
    let (max_id,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM messages")
        .fetch_one(&mut **tx)
        .await?;
    let (order, ids) = number(conversation, max_id.unwrap_or(0) + 1);
    let channels: Vec<Option<i64>> = conversation
        .iter()
        .map(|channel| channel_ids.get(&channel.slug).copied())
        .collect();
    let order: Vec<Place> = order
        .into_iter()
        .filter(|&(c, _)| channels[c].is_some())
        .collect();
    let replies: Vec<Vec<i64>> = conversation.iter().map(reply_counts).collect();
    let html = render_all(conversation);
    let author = |c: usize, m: usize| {
        person_ids
            .get(conversation[c].messages[m].author)
            .copied()
            .flatten()
    };

    progress.set_message("messages");
    progress.set_length(order.len() as u64);
    progress.set_position(0);
    for batch in order.chunks(rows_per_insert(tx, 9)) {
        let sql = format!(
            "INSERT INTO messages (id, channel_id, seq, author_id, parent_id, body, body_html, \
             created_at, reply_count) VALUES {}",
            value_rows(batch.len(), 9)
        );
        let mut query = sqlx::query(&sql);
        for &(c, m) in batch {
            let message = &conversation[c].messages[m];
            query = query
                .bind(ids[c][m])
                .bind(channels[c])
                .bind(m as i64 + 1)
                .bind(author(c, m))
                .bind(message.parent.map(|parent| ids[c][parent]))
                .bind(message.body.as_str())
                .bind(html[c][m].as_str())
                .bind(message.created_at)
                .bind(replies[c][m]);
        }
        query.execute(&mut **tx).await?;
        progress.inc(batch.len() as u64);
    }

    for batch in order.chunks(rows_per_insert(tx, 5)) {
        let sql = format!(
            "INSERT INTO channel_events (channel_id, seq, kind, message_id, created_at) VALUES {}",
            value_rows(batch.len(), 5)
        );
        let mut query = sqlx::query(&sql);
        for &(c, m) in batch {
            query = query
                .bind(channels[c])
                .bind(m as i64 + 1)
                .bind("posted")
                .bind(ids[c][m])
                .bind(conversation[c].messages[m].created_at);
        }
        query.execute(&mut **tx).await?;
    }

    let mut reactions: Vec<(i64, i64, &str, i64)> = Vec::new();
    let mut mentions: Vec<(i64, i64, i64, i64)> = Vec::new();
    for &(c, m) in &order {
        let (message, id) = (&conversation[c].messages[m], ids[c][m]);
        for reaction in &message.reactions {
            if let Some(user) = person_ids.get(reaction.person).copied().flatten() {
                reactions.push((id, user, reaction.emoji, reaction.created_at));
            }
        }
        for &person in &message.mentions {
            if let (Some(user), Some(channel)) =
                (person_ids.get(person).copied().flatten(), channels[c])
            {
                mentions.push((id, user, channel, m as i64 + 1));
            }
        }
    }
    for batch in reactions.chunks(rows_per_insert(tx, 4)) {
        let sql = format!(
            "INSERT INTO reactions (message_id, user_id, emoji, created_at) VALUES {}",
            value_rows(batch.len(), 4)
        );
        let mut query = sqlx::query(&sql);
        for &(message, user, emoji, at) in batch {
            query = query.bind(message).bind(user).bind(emoji).bind(at);
        }
        query.execute(&mut **tx).await?;
    }
    for batch in mentions.chunks(rows_per_insert(tx, 4)) {
        let sql = format!(
            "INSERT INTO mentions (message_id, user_id, channel_id, seq) VALUES {}",
            value_rows(batch.len(), 4)
        );
        let mut query = sqlx::query(&sql);
        for &(message, user, channel, seq) in batch {
            query = query.bind(message).bind(user).bind(channel).bind(seq);
        }
        query.execute(&mut **tx).await?;
    }

    for (channel, id) in conversation.iter().zip(&channels) {
        let Some(id) = id else { continue };
        sqlx::query("UPDATE channels SET last_seq = $1 WHERE id = $2")
            .bind(channel.messages.len() as i64)
            .bind(*id)
            .execute(&mut **tx)
            .await?;
    }
    // Explicit ids leave PostgreSQL's identity sequence behind; the next live post must not
    // collide with them. SQLite takes MAX(id) + 1 by itself.
    if tx.backend_name() == "PostgreSQL" && !order.is_empty() {
        sqlx::query("SELECT setval(pg_get_serial_sequence('messages', 'id'), (SELECT MAX(id) FROM messages))")
            .execute(&mut **tx)
            .await?;
    }
    Ok(StoredConversation {
        messages: order.len(),
        reactions: reactions.len(),
        mentions: mentions.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use demo_network::DemoMessage;

    fn message(created_at: i64, parent: Option<usize>) -> DemoMessage {
        DemoMessage {
            author: 0,
            created_at,
            parent,
            body: "hello".to_owned(),
            language: "en",
            mentions: Vec::new(),
            reactions: Vec::new(),
        }
    }

    #[test]
    fn ids_follow_time_across_channels_and_replies_are_counted() {
        let channels = vec![
            DemoChannel {
                slug: "paris".to_owned(),
                messages: vec![
                    message(10, None),
                    message(30, Some(0)),
                    message(40, Some(0)),
                ],
            },
            DemoChannel {
                slug: "general".to_owned(),
                messages: vec![message(20, None)],
            },
        ];
        let (order, ids) = number(&channels, 101);
        assert_eq!(order, vec![(0, 0), (1, 0), (0, 1), (0, 2)]);
        assert_eq!(ids, vec![vec![101, 103, 104], vec![102]]);
        assert_eq!(reply_counts(&channels[0]), vec![2, 0, 0]);
        let html = render_all(&channels);
        assert_eq!(html.iter().map(Vec::len).collect::<Vec<_>>(), vec![3, 1]);
        assert_eq!(html[1][0], "<p>hello</p>\n");
    }
}
