//! The state of one live connection: which channels it follows and the last event it was sent in
//! each. Every event passes through `deliver`, which is what makes delivery exactly-once and
//! in-order: old numbers are dropped, a gap is filled from the table before going on.
use super::client_reader::{ClientReader, FromClient};
use super::follows::{Followed, Follows};
use super::frames::{self, Delivery};
use super::hub::Hub;
use super::map_watch::MapFollower;
use super::rights_checks::Answer;
use crate::http::metrics::METRICS;
use app::accounts::types::Viewer;
use app::discussion::access_check::{Asked, Checked};
use app::discussion::types::{Author, ClientFrame, ServerFrame};
use app::discussion::{access, queries};
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket};
use futures::stream::SplitSink;
use futures::{FutureExt, SinkExt, StreamExt};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamMap;

/// Further behind than this, a client reloads the channel instead of replaying event by event.
pub const REPLAY_LIMIT: i64 = 1000;
const REPLAY_BATCH: usize = 200;
const MAX_CHANNELS: usize = 200;
const TYPING_EVERY: Duration = Duration::from_secs(2);
/// Frames gathered into one write when several are ready at once.
const BATCH_LIMIT: usize = 64;
/// The WebSocket close code for "the server is restarting": clients reconnect.
const SERVICE_RESTART: u16 = 1012;

struct Subscription {
    last_seq: i64,
    may_post: bool,
    last_typing: Option<Instant>,
    /// When it began, counted in subscriptions made on this connection: a rights check asked
    /// before then says nothing about it (the subscription was checked itself).
    made: u64,
}

/// A rights check on its way: its answer, and how many subscriptions had been made when it
/// was asked.
struct PendingCheck {
    answer: tokio::sync::oneshot::Receiver<Answer>,
    made_before: u64,
}

pub struct Connection {
    hub: Arc<Hub>,
    viewer: Viewer,
    subscriptions: HashMap<i64, Subscription>,
    feeds: StreamMap<i64, BroadcastStream<Arc<Delivery>>>,
    /// Pots and proposals this client follows.
    follows: Follows,
    map: MapFollower,
    /// Subscriptions made so far.
    subscriptions_made: u64,
    check: Option<PendingCheck>,
}

/// What to send next, in order.
type Outbox = Vec<Utf8Bytes>;

impl Connection {
    pub fn new(hub: Arc<Hub>, viewer: Viewer) -> Connection {
        Connection {
            hub,
            viewer,
            subscriptions: HashMap::new(),
            feeds: StreamMap::new(),
            follows: Follows::default(),
            map: MapFollower::default(),
            subscriptions_made: 0,
            check: None,
        }
    }

    fn author(&self) -> Author {
        Author {
            id: self.viewer.id,
            name: self.viewer.name.clone(),
        }
    }

    pub async fn run(mut self, socket: WebSocket) {
        let (mut sink, incoming) = socket.split();
        METRICS.live_connections.inc();
        // Every period the client is pinged and its rights checked again (a conversation left, a
        // channel made members-only, a member made alumni).
        let every = self.hub.connection_check_every();
        let mut client = ClientReader::spawn(incoming, every, self.hub.draining());
        loop {
            let mut outbox = tokio::select! {
                // The client first, so that a busy channel cannot hold back its requests.
                biased;
                said = client.events.recv() => match said {
                    Some(FromClient::Frame(text)) => self.on_frame(text.as_str()).await,
                    Some(FromClient::Check) => {
                        if sink.send(Message::Ping(Default::default())).await.is_err() {
                            break;
                        }
                        self.ask_rights();
                        Vec::new()
                    }
                    Some(FromClient::Draining) => {
                        let _ = sink.send(Message::Close(Some(CloseFrame {
                            code: SERVICE_RESTART,
                            reason: "this node is restarting; reconnect".into(),
                        }))).await;
                        break;
                    }
                    Some(FromClient::Gone) | None => break,
                },
                Some((channel, item)) = self.feeds.next(), if !self.feeds.is_empty() => {
                    self.on_feed_item(channel, item).await
                }
                Some(item) = self.follows.next(), if !self.follows.is_empty() => {
                    let told = self.follows.on_item(&self.hub, item).await;
                    told.and_then(|told| frame(&told)).into_iter().collect()
                }
                Some(answer) = async { Some((&mut self.check.as_mut()?.answer).await) }, if self.check.is_some() => {
                    match self.on_rights(answer.ok().flatten()) {
                        Some(outbox) => outbox,
                        None => break,
                    }
                }
                Some(item) = self.map.next_item(), if self.map.is_watching() => {
                    let told = self.map.on_item(item, self.hub.db()).await;
                    told.and_then(|told| frame(&told)).into_iter().collect()
                }
            };
            // Whatever else is already waiting goes out in the same write.
            for _ in 0..BATCH_LIMIT {
                match self.feeds.next().now_or_never() {
                    Some(Some((channel, item))) => {
                        outbox.extend(self.on_feed_item(channel, item).await)
                    }
                    _ => break,
                }
            }
            if send_all(&mut sink, outbox).await.is_err() {
                break;
            }
        }
        drop(client);
        for channel in self.subscriptions.keys() {
            self.hub.unsubscribe(*channel, self.viewer.id);
        }
        METRICS.live_connections.dec();
    }

    /// Asks for the member's rights in every channel followed, unless a check is on its way.
    fn ask_rights(&mut self) {
        if self.check.is_some() {
            return;
        }
        let asked = Asked {
            user_id: self.viewer.id,
            channels: self.subscriptions.keys().copied().collect(),
        };
        self.check = Some(PendingCheck {
            answer: self.hub.rights.ask(asked),
            made_before: self.subscriptions_made,
        });
    }

    /// Drops the subscriptions the member may no longer read, telling the client so. Answers None
    /// when the account is gone; no answer (the database was away) changes nothing.
    fn on_rights(&mut self, answer: Answer) -> Option<Outbox> {
        let made_before = self.check.take().map_or(0, |check| check.made_before);
        let (viewer, channels) = match answer {
            None => return Some(Vec::new()),
            Some(Checked::Gone) => return None,
            Some(Checked::Now { viewer, channels }) => (viewer, channels),
        };
        self.viewer = viewer;
        let mut outbox = Vec::new();
        for (channel, rights) in channels {
            let Some(subscription) = self.subscriptions.get_mut(&channel) else {
                continue; // left meanwhile
            };
            if subscription.made >= made_before {
                continue; // subscribed again since the question
            }
            match rights {
                Some(rights) if rights.read => subscription.may_post = rights.post,
                _ => {
                    self.unsubscribe(channel);
                    outbox.extend(frame(&ServerFrame::Denied { channel }));
                }
            }
        }
        Some(outbox)
    }

    async fn on_feed_item(
        &mut self,
        channel: i64,
        item: Result<Arc<Delivery>, BroadcastStreamRecvError>,
    ) -> Outbox {
        match item {
            Ok(delivery) => self.deliver(channel, &delivery).await,
            // This client fell behind its feed: resync from the table, lose nothing.
            Err(BroadcastStreamRecvError::Lagged(_)) => self.catch_up(channel).await,
        }
    }

    async fn on_frame(&mut self, text: &str) -> Outbox {
        match serde_json::from_str::<ClientFrame>(text) {
            Ok(ClientFrame::Subscribe { channel, after }) => self.subscribe(channel, after).await,
            Ok(ClientFrame::Unsubscribe { channel }) => {
                self.unsubscribe(channel);
                Vec::new()
            }
            Ok(ClientFrame::Typing { channel }) => {
                self.typing(channel);
                Vec::new()
            }
            // Every signed-in member may follow any pot or proposal: both are public to members,
            // and what is sent is only a version number.
            Ok(ClientFrame::WatchPot { pot, version }) => {
                self.follow(Followed::Pot(pot), version).await
            }
            Ok(ClientFrame::WatchProposal { proposal, version }) => {
                self.follow(Followed::Proposal(proposal), version).await
            }
            Ok(ClientFrame::WatchMap { version }) => {
                let told = self.map.watch(&self.hub.map, self.hub.db(), version).await;
                told.and_then(|told| frame(&told)).into_iter().collect()
            }
            Err(_) => Vec::new(), // a frame we do not understand changes nothing
        }
    }

    async fn subscribe(&mut self, channel: i64, after: i64) -> Outbox {
        self.unsubscribe(channel);
        let denied = || {
            frame(&ServerFrame::Denied { channel })
                .into_iter()
                .collect()
        };
        if self.subscriptions.len() >= MAX_CHANNELS {
            return denied();
        }
        let db = self.hub.db().clone();
        let Ok(Some(found)) = queries::channel(&db, channel).await else {
            return denied();
        };
        let Ok(rights) = access::access(&db, &self.viewer, &found).await else {
            return denied();
        };
        if !rights.read {
            return denied();
        }
        let Ok((receiver, presence)) = self.hub.subscribe(channel, &self.author()).await else {
            return denied();
        };
        self.feeds.insert(channel, BroadcastStream::new(receiver));
        self.subscriptions.insert(
            channel,
            Subscription {
                last_seq: after.max(0),
                may_post: rights.post,
                last_typing: None,
                made: self.subscriptions_made,
            },
        );
        self.subscriptions_made += 1;
        let mut outbox = self.catch_up(channel).await;
        outbox.extend(presence.map(|delivery| delivery.json));
        outbox
    }

    async fn follow(&mut self, followed: Followed, version: i64) -> Outbox {
        let told = self.follows.follow(&self.hub, followed, version).await;
        told.and_then(|told| frame(&told)).into_iter().collect()
    }

    fn unsubscribe(&mut self, channel: i64) {
        if self.subscriptions.remove(&channel).is_some() {
            self.feeds.remove(&channel);
            self.hub.unsubscribe(channel, self.viewer.id);
        }
    }

    fn typing(&mut self, channel: i64) {
        let author = self.author();
        let Some(subscription) = self.subscriptions.get_mut(&channel) else {
            return;
        };
        let recent = subscription
            .last_typing
            .is_some_and(|at| at.elapsed() < TYPING_EVERY);
        if subscription.may_post && !recent {
            subscription.last_typing = Some(Instant::now());
            self.hub.signal(
                channel,
                &ServerFrame::Typing {
                    channel,
                    user: author,
                },
            );
        }
    }

    /// Sends a feed's frame unless it was sent already; fills a gap first.
    async fn deliver(&mut self, channel: i64, delivery: &Delivery) -> Outbox {
        let Some(subscription) = self.subscriptions.get_mut(&channel) else {
            return Vec::new();
        };
        match delivery.seq {
            None => vec![delivery.json.clone()],
            Some(seq) if seq <= subscription.last_seq => Vec::new(),
            Some(seq) if seq == subscription.last_seq + 1 => {
                subscription.last_seq = seq;
                vec![delivery.json.clone()]
            }
            Some(_) => self.catch_up(channel).await,
        }
    }

    /// Replays from the table every event after the last one sent, or tells the client to reload
    /// when it is too far behind.
    async fn catch_up(&mut self, channel: i64) -> Outbox {
        let db = self.hub.db().clone();
        let Some(subscription) = self.subscriptions.get_mut(&channel) else {
            return Vec::new();
        };
        let current = match queries::channel(&db, channel).await {
            Ok(Some(found)) => found.last_seq,
            _ => return Vec::new(),
        };
        if current - subscription.last_seq > REPLAY_LIMIT || subscription.last_seq > current {
            subscription.last_seq = current;
            return frame(&ServerFrame::Refetch {
                channel,
                seq: current,
            })
            .into_iter()
            .collect();
        }
        let mut outbox = Vec::new();
        while subscription.last_seq < current {
            let Ok(batch) =
                frames::events_after(&db, channel, subscription.last_seq, REPLAY_BATCH).await
            else {
                break;
            };
            if batch.is_empty() {
                break;
            }
            for delivery in batch {
                if let Some(seq) = delivery.seq {
                    subscription.last_seq = seq;
                }
                outbox.push(delivery.json);
            }
        }
        outbox
    }
}

async fn send_all(
    sink: &mut SplitSink<WebSocket, Message>,
    outbox: Outbox,
) -> Result<(), axum::Error> {
    if outbox.is_empty() {
        return Ok(());
    }
    METRICS.live_frames_sent.inc_by(outbox.len() as u64);
    for json in outbox {
        sink.feed(Message::Text(json)).await?;
    }
    sink.flush().await
}

fn frame(frame: &ServerFrame) -> Option<Utf8Bytes> {
    Delivery::signal(frame).map(|delivery| delivery.json)
}
