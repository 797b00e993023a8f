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

/// The money of a pot moved: its version is now `version` (pages showing it refresh).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PotChange {
    pub pot_id: i64,
    pub version: i64,
}

/// Someone moved on, off or around the member map: its version is now `version`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapChange {
    pub version: i64,
}

/// A proposal changed (a stance, a revision, its close): its version is now `version`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProposalChange {
    pub proposal_id: i64,
    pub version: i64,
}

/// Anything committed that live pages may want to look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveNotice {
    Channel(Notice),
    Pot(PotChange),
    Map(MapChange),
    Proposal(ProposalChange),
}

impl LiveNotice {
    pub fn payload(self) -> String {
        match self {
            LiveNotice::Channel(notice) => notice.payload(),
            LiveNotice::Pot(change) => format!("pot:{}:{}", change.pot_id, change.version),
            LiveNotice::Map(change) => format!("map:{}", change.version),
            LiveNotice::Proposal(change) => {
                format!("proposal:{}:{}", change.proposal_id, change.version)
            }
        }
    }

    pub fn parse(payload: &str) -> Option<LiveNotice> {
        if let Some(version) = payload.strip_prefix("map:") {
            return Some(LiveNotice::Map(MapChange {
                version: version.parse().ok()?,
            }));
        }
        if let Some(rest) = payload.strip_prefix("proposal:") {
            let (proposal, version) = id_and_version(rest)?;
            return Some(LiveNotice::Proposal(ProposalChange {
                proposal_id: proposal,
                version,
            }));
        }
        match payload.strip_prefix("pot:") {
            Some(rest) => {
                let (pot, version) = id_and_version(rest)?;
                Some(LiveNotice::Pot(PotChange {
                    pot_id: pot,
                    version,
                }))
            }
            None => Notice::parse(payload).map(LiveNotice::Channel),
        }
    }
}

fn id_and_version(text: &str) -> Option<(i64, i64)> {
    let (id, version) = text.split_once(':')?;
    Some((id.parse().ok()?, version.parse().ok()?))
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
pub struct LiveNotifier(UnboundedSender<LiveNotice>);

impl LiveNotifier {
    pub fn new() -> (LiveNotifier, UnboundedReceiver<LiveNotice>) {
        let (sender, receiver) = unbounded_channel();
        (LiveNotifier(sender), receiver)
    }

    /// After commit: this node's hub looks at once.
    pub fn committed(&self, notice: impl Into<LiveNotice>) {
        let notice = notice.into();
        if self.0.send(notice).is_err() {
            tracing::warn!(
                ?notice,
                "live hub is gone; clients will catch up on reconnect"
            );
        }
    }
}

impl From<Notice> for LiveNotice {
    fn from(notice: Notice) -> LiveNotice {
        LiveNotice::Channel(notice)
    }
}

impl From<PotChange> for LiveNotice {
    fn from(change: PotChange) -> LiveNotice {
        LiveNotice::Pot(change)
    }
}

impl From<ProposalChange> for LiveNotice {
    fn from(change: ProposalChange) -> LiveNotice {
        LiveNotice::Proposal(change)
    }
}

impl From<MapChange> for LiveNotice {
    fn from(change: MapChange) -> LiveNotice {
        LiveNotice::Map(change)
    }
}

/// Inside the transaction, on PostgreSQL: the notification is delivered to every node's listener
/// when (and only if) the transaction commits.
pub async fn notify_in_transaction(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialect: Dialect,
    notice: impl Into<LiveNotice>,
) -> Result<(), sqlx::Error> {
    let notice = notice.into();
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
    use super::{LiveNotice, MapChange, Notice, PotChange, ProposalChange};

    #[test]
    fn pot_map_and_channel_notices_share_the_payload_channel() {
        for notice in [
            LiveNotice::Channel(Notice { channel: 4, seq: 2 }),
            LiveNotice::Pot(PotChange {
                pot_id: 3,
                version: 17,
            }),
            LiveNotice::Map(MapChange { version: 9 }),
            LiveNotice::Proposal(ProposalChange {
                proposal_id: 5,
                version: 40,
            }),
        ] {
            assert_eq!(LiveNotice::parse(&notice.payload()), Some(notice));
        }
        assert_eq!(LiveNotice::parse("pot:3"), None);
        assert_eq!(LiveNotice::parse("pot:x:1"), None);
        assert_eq!(LiveNotice::parse("map:"), None);
        assert_eq!(LiveNotice::parse("proposal:5"), None);
    }

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
