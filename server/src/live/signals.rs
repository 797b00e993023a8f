//! Typing and presence across nodes (PostgreSQL only). These are passing signals, never stored:
//! each node tells the others through NOTIFY, tagged with its own id so it ignores its echo.
use app::discussion::types::{Author, ServerFrame};
use serde::{Deserialize, Serialize};
use sqlx::postgres::PgPool;
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

pub const SIGNAL_CHANNEL: &str = "edges_signals";
/// A node that stops repeating who is online on it is forgotten after this long.
pub const REMOTE_PRESENCE_SECONDS: u64 = 45;

#[derive(Debug, Serialize, Deserialize)]
pub struct NodeSignal {
    pub node: u64,
    pub frame: ServerFrame,
}

/// Starts the task that sends this node's signals; answers where to put them.
pub fn publisher(pool: PgPool) -> UnboundedSender<String> {
    let (sender, mut payloads) = unbounded_channel::<String>();
    tokio::spawn(async move {
        while let Some(payload) = payloads.recv().await {
            let sent = sqlx::query("SELECT pg_notify($1, $2)")
                .bind(SIGNAL_CHANNEL)
                .bind(&payload)
                .execute(&pool)
                .await;
            if let Err(error) = sent {
                tracing::debug!(%error, "a live signal was not sent to the other nodes");
            }
        }
    });
    sender
}

/// Everyone in `local` and in each other node's list, once each, by name.
pub fn merge<'a>(local: Vec<Author>, remote: impl Iterator<Item = &'a Vec<Author>>) -> Vec<Author> {
    let mut all = local;
    for list in remote {
        for author in list {
            if !all.iter().any(|known| known.id == author.id) {
                all.push(author.clone());
            }
        }
    }
    all.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    all.truncate(100);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn author(id: i64, name: &str) -> Author {
        Author {
            id,
            name: name.into(),
        }
    }

    #[test]
    fn presence_from_several_nodes_counts_each_member_once() {
        let remote = [
            vec![author(2, "Bo"), author(1, "Ana")],
            vec![author(3, "Cy")],
        ];
        let merged = merge(vec![author(1, "Ana")], remote.iter());
        assert_eq!(
            merged,
            vec![author(1, "Ana"), author(2, "Bo"), author(3, "Cy")]
        );
    }

    #[test]
    fn signals_round_trip_as_json() {
        let signal = NodeSignal {
            node: 7,
            frame: ServerFrame::Typing {
                channel: 3,
                user: author(1, "Ana"),
            },
        };
        let json = serde_json::to_string(&signal).unwrap();
        let back: NodeSignal = serde_json::from_str(&json).unwrap();
        assert_eq!(back.node, 7);
        assert_eq!(back.frame, signal.frame);
    }
}
