//! Typing and presence across nodes (PostgreSQL only). These are passing signals, never stored:
//! each node tells the others through NOTIFY, tagged with its own id so it ignores its echo.
use app::discussion::types::{Author, ServerFrame};
use serde::{Deserialize, Serialize};
use sqlx::postgres::PgPool;
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

pub const SIGNAL_CHANNEL: &str = "edges_signals";
/// A node that stops repeating who is online on it is forgotten after this long.
pub const REMOTE_PRESENCE_SECONDS: u64 = 45;
/// Members listed as online in a channel, the first by name.
pub const PRESENCE_SHOWN: usize = 100;
/// PostgreSQL refuses a NOTIFY payload of this many bytes or more.
const NOTIFY_PAYLOAD_LIMIT: usize = 8000;

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

/// A signal as a NOTIFY payload. A presence list whose names are too long to fit loses its
/// last names (halving until it fits): a shorter list of who is online beats none.
pub fn payload(node: u64, frame: ServerFrame) -> Option<String> {
    let mut signal = NodeSignal { node, frame };
    loop {
        let json = serde_json::to_string(&signal).ok()?;
        if json.len() < NOTIFY_PAYLOAD_LIMIT {
            return Some(json);
        }
        match &mut signal.frame {
            ServerFrame::Presence { online, .. } if !online.is_empty() => {
                online.truncate(online.len() / 2)
            }
            _ => return None,
        }
    }
}

/// Everyone in `local` and in each other node's list, once each, by name; the first
/// [`PRESENCE_SHOWN`] of them. Each node sends only its own first ones: the first of everyone
/// are among them.
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
    all.truncate(PRESENCE_SHOWN);
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

    fn presence_of(authors: Vec<Author>) -> ServerFrame {
        ServerFrame::Presence {
            channel: i64::MAX,
            online: merge(authors, std::iter::empty()),
        }
    }

    fn listed(payload: &str) -> Vec<Author> {
        match serde_json::from_str::<NodeSignal>(payload).unwrap().frame {
            ServerFrame::Presence { online, .. } => online,
            other => panic!("not presence: {other:?}"),
        }
    }

    #[test]
    fn a_busy_channel_s_presence_fits_in_one_notification() {
        let name = "Maria-Fernanda de los Ángeles Oliveira-Sánchez";
        let everyone: Vec<Author> = (0..300).map(|id| author(id, name)).collect();
        let json = payload(u64::MAX, presence_of(everyone.clone())).unwrap();
        assert!(json.len() < NOTIFY_PAYLOAD_LIMIT, "{} bytes", json.len());
        assert_eq!(listed(&json), everyone[..PRESENCE_SHOWN]);
    }

    #[test]
    fn names_too_long_for_one_notification_are_left_out_from_the_end() {
        let name = "\u{1F600}\"".repeat(40);
        let everyone: Vec<Author> = (0..300).map(|id| author(id, &name)).collect();
        let json = payload(u64::MAX, presence_of(everyone.clone())).unwrap();
        assert!(json.len() < NOTIFY_PAYLOAD_LIMIT, "{} bytes", json.len());
        let kept = listed(&json);
        assert!(!kept.is_empty() && kept.len() < PRESENCE_SHOWN);
        assert_eq!(kept, everyone[..kept.len()]);
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
