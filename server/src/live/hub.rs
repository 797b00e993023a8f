//! This node's hub: one feed per channel that has live subscribers here. Told (by a local commit
//! or by PostgreSQL) that a channel moved, it reads the new rows once and fans them out.
use super::frames::{self, Delivery};
use super::map_watch::MapWatch;
use super::rights_checks::RightsChecks;
use super::signals::{self, NodeSignal, REMOTE_PRESENCE_SECONDS};
use super::version_watch::{VersionWatches, POT_VERSION};
use app::discussion::notices::Notice;
use app::discussion::types::{Author, ServerFrame};
use sqlx::AnyPool;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;
use tokio::sync::mpsc::UnboundedSender;

/// How many frames a connection may fall behind on one channel before it is resynced from the
/// table instead.
pub const FEED_CAPACITY: usize = 256;
/// Events read per query when a feed catches up.
const BATCH: usize = 200;

struct Feed {
    last_seq: i64,
    sender: broadcast::Sender<Arc<Delivery>>,
    /// Members with this channel open on this node, by id: (name, open connections).
    online: HashMap<i64, (String, usize)>,
    /// Who other nodes last said is online there, and when they said it.
    remote: HashMap<u64, (Vec<Author>, Instant)>,
    /// Presence is announced at most once a second, not on every arrival.
    presence_changed: bool,
}

pub struct Hub {
    db: AnyPool,
    feeds: Mutex<HashMap<i64, Feed>>,
    /// This node's id among the nodes sharing the database.
    node: u64,
    /// Where typing and presence go to reach the other nodes (PostgreSQL only).
    signals_out: Option<UnboundedSender<String>>,
    /// How often each connection is pinged and its rights checked again.
    connection_check_every: Duration,
    /// Answers those checks together.
    pub rights: RightsChecks,
    /// Pages following pots' money.
    pub pots: VersionWatches,
    /// Pages following proposals' stances.
    pub proposals: VersionWatches,
    /// Pages following the member map.
    pub map: MapWatch,
    /// Turns true when the node is shutting down (see `super::Drain`).
    draining: tokio::sync::watch::Receiver<bool>,
}

impl Hub {
    pub fn new(
        db: AnyPool,
        signals_out: Option<UnboundedSender<String>>,
        connection_check_every: Duration,
        draining: tokio::sync::watch::Receiver<bool>,
    ) -> Hub {
        let rights = RightsChecks::start(db.clone());
        Hub {
            db,
            feeds: Mutex::new(HashMap::new()),
            node: rand::random(),
            signals_out,
            connection_check_every,
            rights,
            pots: VersionWatches::new(POT_VERSION),
            proposals: VersionWatches::new(app::decisions::live::VERSION_SQL),
            map: MapWatch::default(),
            draining,
        }
    }

    pub fn draining(&self) -> tokio::sync::watch::Receiver<bool> {
        self.draining.clone()
    }

    pub fn connection_check_every(&self) -> Duration {
        self.connection_check_every
    }

    /// Tells the other nodes, if there are any.
    fn tell_other_nodes(&self, frame: ServerFrame) {
        let Some(out) = &self.signals_out else { return };
        if let Some(payload) = signals::payload(self.node, frame) {
            let _ = out.send(payload);
        }
    }

    /// A signal from another node: typing is passed on here; presence is remembered and merged.
    pub fn on_remote_signal(&self, payload: &str) {
        let Ok(signal) = serde_json::from_str::<NodeSignal>(payload) else {
            return;
        };
        if signal.node == self.node {
            return;
        }
        match signal.frame {
            ServerFrame::Presence { channel, online } => {
                if let Some(feed) = self.feeds().get_mut(&channel) {
                    // Nodes repeat themselves: only news is passed on to the clients here.
                    let news = feed
                        .remote
                        .get(&signal.node)
                        .is_none_or(|(known, _)| *known != online);
                    feed.remote.insert(signal.node, (online, Instant::now()));
                    feed.presence_changed |= news;
                }
            }
            frame @ ServerFrame::Typing { channel, .. } => self.signal_here(channel, &frame),
            _ => {}
        }
    }

    pub fn db(&self) -> &AnyPool {
        &self.db
    }

    fn feeds(&self) -> MutexGuard<'_, HashMap<i64, Feed>> {
        // A panic while holding this lock would be a bug here, not bad data: keep serving.
        self.feeds
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Joins a channel's feed (creating it at the channel's current sequence number). Answers the
    /// receiver and who is online there now.
    pub async fn subscribe(
        &self,
        channel: i64,
        member: &Author,
    ) -> Result<(broadcast::Receiver<Arc<Delivery>>, Option<Delivery>), sqlx::Error> {
        let (current,): (i64,) = sqlx::query_as("SELECT last_seq FROM channels WHERE id = $1")
            .bind(channel)
            .fetch_one(&self.db)
            .await?;
        let mut feeds = self.feeds();
        let feed = feeds.entry(channel).or_insert_with(|| Feed {
            last_seq: current,
            sender: broadcast::channel(FEED_CAPACITY).0,
            online: HashMap::new(),
            remote: HashMap::new(),
            presence_changed: false,
        });
        let receiver = feed.sender.subscribe();
        feed.online
            .entry(member.id)
            .or_insert_with(|| (member.name.clone(), 0))
            .1 += 1;
        feed.presence_changed = true;
        Ok((receiver, presence(channel, feed)))
    }

    /// Leaves a channel's feed; the feed goes when nobody here listens any more.
    pub fn unsubscribe(&self, channel: i64, member_id: i64) {
        let mut feeds = self.feeds();
        let Some(feed) = feeds.get_mut(&channel) else {
            return;
        };
        if let Some(entry) = feed.online.get_mut(&member_id) {
            entry.1 = entry.1.saturating_sub(1);
            if entry.1 == 0 {
                feed.online.remove(&member_id);
            }
        }
        if feed.online.is_empty() {
            feeds.remove(&channel);
            drop(feeds);
            self.tell_other_nodes(ServerFrame::Presence {
                channel,
                online: Vec::new(),
            });
        } else {
            feed.presence_changed = true;
        }
    }

    /// Passes a signal (typing) to everyone with the channel open, on every node.
    pub fn signal(&self, channel: i64, frame: &ServerFrame) {
        self.signal_here(channel, frame);
        self.tell_other_nodes(frame.clone());
    }

    fn signal_here(&self, channel: i64, frame: &ServerFrame) {
        if let (Some(feed), Some(delivery)) = (self.feeds().get(&channel), Delivery::signal(frame))
        {
            let _ = feed.sender.send(Arc::new(delivery));
        }
    }

    /// A channel moved to `notice.seq`: read and fan out what this node has not sent yet.
    pub async fn on_notice(&self, notice: Notice) {
        loop {
            let Some(after) = self.feeds().get(&notice.channel).map(|feed| feed.last_seq) else {
                return;
            };
            if after >= notice.seq {
                return;
            }
            let deliveries =
                match frames::events_after(&self.db, notice.channel, after, BATCH).await {
                    Ok(deliveries) => deliveries,
                    Err(_) => return, // logged; the periodic check retries
                };
            if deliveries.is_empty() {
                return; // not visible yet from this connection; the periodic check retries
            }
            self.publish(notice.channel, after, deliveries);
        }
    }

    fn publish(&self, channel: i64, after: i64, deliveries: Vec<Delivery>) {
        let mut feeds = self.feeds();
        let Some(feed) = feeds.get_mut(&channel) else {
            return;
        };
        if feed.last_seq != after {
            return; // someone else published meanwhile; the next notice continues from there
        }
        for delivery in deliveries {
            if let Some(seq) = delivery.seq {
                feed.last_seq = seq;
            }
            // No receiver right now is fine: subscribers catch up from the table.
            let _ = feed.sender.send(Arc::new(delivery));
        }
    }

    /// Safety net for lost notifications (a listener that reconnected, a dropped notice): compares
    /// every live feed with the table and publishes what is missing.
    pub async fn check_all(&self) {
        let channels: Vec<(i64, i64)> = self
            .feeds()
            .iter()
            .map(|(channel, feed)| (*channel, feed.last_seq))
            .collect();
        for (channel, last_seq) in channels {
            let current: Result<(i64,), _> =
                sqlx::query_as("SELECT last_seq FROM channels WHERE id = $1")
                    .bind(channel)
                    .fetch_one(&self.db)
                    .await;
            match current {
                Ok((seq,)) if seq > last_seq => self.on_notice(Notice { channel, seq }).await,
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, channel, "live check failed"),
            }
        }
        self.pots.check_all(&self.db).await;
        self.proposals.check_all(&self.db).await;
        self.map.check(&self.db).await;
    }

    /// Tells each channel whose set of online members changed since the last call, here and to
    /// the other nodes; with `repeat`, tells the other nodes again even without a change, so they
    /// know this node is still there.
    pub fn announce_presence(&self, repeat: bool) {
        let mut to_publish = Vec::new();
        for (channel, feed) in self.feeds().iter_mut() {
            let before = feed.remote.len();
            let ttl = Duration::from_secs(REMOTE_PRESENCE_SECONDS);
            feed.remote.retain(|_, (_, heard)| heard.elapsed() < ttl);
            let changed = std::mem::take(&mut feed.presence_changed) || feed.remote.len() != before;
            if changed {
                if let Some(delivery) = presence(*channel, feed) {
                    let _ = feed.sender.send(Arc::new(delivery));
                }
            }
            if changed || repeat {
                // This node's first ones only, so that the notification stays within its size.
                let online = signals::merge(local_online(feed), std::iter::empty());
                to_publish.push((*channel, online));
            }
        }
        for (channel, online) in to_publish {
            self.tell_other_nodes(ServerFrame::Presence { channel, online });
        }
    }

    /// Open live connections' subscriptions on this node, for metrics and the load generator.
    pub fn subscriptions(&self) -> usize {
        self.feeds()
            .values()
            .map(|feed| feed.sender.receiver_count())
            .sum()
    }
}

fn local_online(feed: &Feed) -> Vec<Author> {
    feed.online
        .iter()
        .map(|(id, (name, _))| Author {
            id: *id,
            name: name.clone(),
        })
        .collect()
}

fn presence(channel: i64, feed: &Feed) -> Option<Delivery> {
    let online = signals::merge(
        local_online(feed),
        feed.remote.values().map(|(list, _)| list),
    );
    Delivery::signal(&ServerFrame::Presence { channel, online })
}
