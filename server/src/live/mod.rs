//! Live delivery: the hub that fans committed events out to this node's connections, the
//! WebSocket endpoint, and (on PostgreSQL) the listener that hears other nodes' commits.
mod client_reader;
mod connection;
mod follows;
mod frames;
pub mod hub;
mod map_watch;
mod pg_listener;
mod rights_checks;
mod signals;
mod socket;
mod version_watch;

use crate::db::{Database, NativePool};
use app::discussion::notices::{LiveNotice, LiveNotifier, Notice};
use hub::Hub;
pub use socket::live_socket;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::UnboundedReceiver;

/// How often feeds are compared with the table, in case a notification was lost.
const CHECK_EVERY: Duration = Duration::from_secs(2);
const PRESENCE_EVERY: Duration = Duration::from_secs(1);
/// How often a node repeats to the others who is online on it.
const PRESENCE_REPEAT_EVERY: Duration = Duration::from_secs(15);

/// How often a live connection is pinged and its rights to each channel are checked again.
pub const CONNECTION_CHECK_EVERY: Duration = Duration::from_secs(30);

pub struct Live {
    pub hub: Arc<Hub>,
    pub notifier: LiveNotifier,
}

/// Tells this node's live connections that the node is going away: each closes with "service
/// restart" (1012), so clients reconnect at once, through the proxy, to another node, and catch
/// up from their last sequence number there.
#[derive(Clone, Debug)]
pub struct Drain(Arc<tokio::sync::watch::Sender<bool>>);

impl Default for Drain {
    fn default() -> Self {
        Drain(Arc::new(tokio::sync::watch::Sender::new(false)))
    }
}

impl Drain {
    pub fn start(&self) {
        self.0.send_replace(true);
    }

    pub fn watch(&self) -> tokio::sync::watch::Receiver<bool> {
        self.0.subscribe()
    }

    /// Resolves once this node holds no live connection, or after `patience`.
    pub async fn finished(&self, patience: Duration) {
        let deadline = tokio::time::Instant::now() + patience;
        while crate::http::metrics::METRICS.live_connections.get() > 0
            && tokio::time::Instant::now() < deadline
        {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Starts this node's hub and its background tasks.
pub fn start(database: &Database, connection_check_every: Duration, drain: &Drain) -> Live {
    let (notifier, notices) = LiveNotifier::new();
    let signals_out = match &database.native {
        NativePool::Postgres(pool) => Some(signals::publisher(pool.clone())),
        NativePool::Sqlite(_) => None,
    };
    let hub = Arc::new(Hub::new(
        database.any.clone(),
        signals_out,
        connection_check_every,
        drain.watch(),
    ));
    tokio::spawn(fan_out(hub.clone(), notices));
    tokio::spawn(housekeeping(hub.clone()));
    if let NativePool::Postgres(pool) = &database.native {
        tokio::spawn(pg_listener::run(
            pool.clone(),
            notifier.clone(),
            hub.clone(),
        ));
    }
    Live { hub, notifier }
}

/// Handles notices as they come, folding a burst into one read per channel.
async fn fan_out(hub: Arc<Hub>, mut notices: UnboundedReceiver<LiveNotice>) {
    while let Some(first) = notices.recv().await {
        let mut latest: HashMap<i64, i64> = HashMap::new();
        let mut next = Some(first);
        while let Some(notice) = next {
            match notice {
                LiveNotice::Channel(notice) => {
                    let seq = latest.entry(notice.channel).or_insert(notice.seq);
                    *seq = (*seq).max(notice.seq);
                }
                LiveNotice::Pot(change) => hub.pots.on_change(change.pot_id, change.version),
                LiveNotice::Proposal(change) => {
                    hub.proposals.on_change(change.proposal_id, change.version)
                }
                LiveNotice::Map(change) => hub.map.on_change(change.version),
            }
            next = notices.try_recv().ok();
        }
        for (channel, seq) in latest {
            hub.on_notice(Notice { channel, seq }).await;
        }
    }
}

async fn housekeeping(hub: Arc<Hub>) {
    let mut presence = tokio::time::interval(PRESENCE_EVERY);
    let mut check = tokio::time::interval(CHECK_EVERY);
    let mut repeat = tokio::time::interval(PRESENCE_REPEAT_EVERY);
    loop {
        tokio::select! {
            _ = presence.tick() => hub.announce_presence(false),
            _ = repeat.tick() => hub.announce_presence(true),
            _ = check.tick() => hub.check_all().await,
        }
    }
}
