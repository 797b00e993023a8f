//! How a committed change tells this node's live hub to look at the table. The notice carries
//! only where to look; the rows are the truth, so a lost notice costs latency, never data.
use crate::context::Dialect;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

/// PostgreSQL channel on which every node hears every other node's commits.
pub const PG_CHANNEL: &str = "edges_events";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notice {
    pub channel: i64,
    pub seq: i64,
}

impl Notice {
    pub fn payload(self) -> String {
        format!("{}:{}", self.channel, self.seq)
    }

    pub fn parse(payload: &str) -> Option<Notice> {
        let (channel, seq) = payload.split_once(':')?;
        Some(Notice {
            channel: channel.parse().ok()?,
            seq: seq.parse().ok()?,
        })
    }
}

#[derive(Clone, Debug)]
pub struct LiveNotifier(UnboundedSender<Notice>);

impl LiveNotifier {
    pub fn new() -> (LiveNotifier, UnboundedReceiver<Notice>) {
        let (sender, receiver) = unbounded_channel();
        (LiveNotifier(sender), receiver)
    }

    /// After commit: this node's hub looks at once.
    pub fn committed(&self, notice: Notice) {
        if self.0.send(notice).is_err() {
            tracing::warn!(
                ?notice,
                "live hub is gone; clients will catch up on reconnect"
            );
        }
    }
}

/// Inside the transaction, on PostgreSQL: the notification is delivered to every node's listener
/// when (and only if) the transaction commits.
pub async fn notify_in_transaction(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialect: Dialect,
    notice: Notice,
) -> Result<(), sqlx::Error> {
    if dialect == Dialect::Postgres {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(PG_CHANNEL)
            .bind(notice.payload())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Notice;

    #[test]
    fn payloads_round_trip_and_garbage_is_ignored() {
        let notice = Notice {
            channel: 12,
            seq: 9001,
        };
        assert_eq!(Notice::parse(&notice.payload()), Some(notice));
        assert_eq!(Notice::parse("12"), None);
        assert_eq!(Notice::parse("a:b"), None);
    }
}
