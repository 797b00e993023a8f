//! One live client: a WebSocket on `/live` with a member's session, subscribed to one channel,
//! counting what it receives. Thousands run at once, so each keeps little: a small read buffer,
//! a bitset of the messages seen and the latencies measured.
use crate::report::Latencies;
use crate::tally::{now_micros, RunToken, Tally};
use futures::{SinkExt, StreamExt};
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::sync::{watch, Semaphore};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::header::COOKIE;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// A handshake that takes longer than this counts as a failed connection.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(30);
/// Frames are a few kilobytes at most (presence lists 100 names); the buffer grows if needed.
const READ_BUFFER_BYTES: usize = 4 * 1024;
const MAX_FRAME_BYTES: usize = 1024 * 1024;
/// Connection errors printed in full; the rest are only counted.
const ERRORS_SHOWN: u64 = 5;

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Where one client connects and what it listens to.
pub struct ClientPlan {
    /// `ws://host:port/live`.
    pub live_url: Arc<str>,
    /// Index of that node among the `--url`s.
    pub node: usize,
    pub cookie: Arc<str>,
    pub channel: i64,
    pub after: i64,
}

/// What every client shares.
pub struct Shared {
    pub tally: Arc<Tally>,
    pub token: RunToken,
    /// Limits handshakes in flight, so connections open in waves.
    pub handshakes: Arc<Semaphore>,
    /// Reconnect after a lost connection (`--reconnect`) instead of stopping.
    pub reconnect: bool,
}

/// What one client measured.
#[derive(Default)]
pub struct Measured {
    pub latencies: Latencies,
    /// From noticing a lost connection to hearing the channel again, once per reconnection.
    pub reconnect_micros: Vec<u32>,
}

/// First wait before reconnecting; it doubles on each failed attempt, up to the maximum.
const RECONNECT_FIRST_WAIT: Duration = Duration::from_millis(50);
const RECONNECT_MAX_WAIT: Duration = Duration::from_secs(1);

/// The fields of a server frame this client looks at; the rest (HTML, reactions, who is online)
/// is skipped without being stored.
#[derive(Deserialize)]
struct Frame<'a> {
    #[serde(rename = "type", borrow)]
    frame_type: Cow<'a, str>,
    #[serde(default)]
    channel: i64,
    #[serde(default)]
    seq: i64,
    #[serde(default, borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    message: Option<MessageBody<'a>>,
}

#[derive(Deserialize)]
struct MessageBody<'a> {
    #[serde(borrow)]
    body: Cow<'a, str>,
}

/// What this client got of the run's messages.
#[derive(Default)]
struct Receipts {
    /// Bit `n` is set once message number `n` arrived.
    seen: Vec<u64>,
    /// Sequence number of the last event received in the channel.
    last_seq: Option<i64>,
    /// Receive time minus send time, one per receipt.
    latencies: Latencies,
    /// A frame of the client's channel arrived since this was last cleared.
    heard_channel: bool,
}

impl Receipts {
    /// Marks message `number` as seen; answers whether it is the first time.
    fn first_time(&mut self, number: u64) -> bool {
        let word = usize::try_from(number / 64).unwrap_or(usize::MAX);
        let bit = 1u64 << (number % 64);
        if word >= self.seen.len() {
            // Message numbers are dense and small (rate × duration), so this stays tiny.
            self.seen.resize(word.saturating_add(1), 0);
        }
        let fresh = self.seen[word] & bit == 0;
        self.seen[word] |= bit;
        fresh
    }
}

/// What to do after a frame.
enum Next {
    Continue,
    /// The server asked for a reload: resubscribe after this sequence number.
    Resubscribe(i64),
    Stop,
}

async fn connect(plan: &ClientPlan) -> Result<Socket, String> {
    let mut request = plan
        .live_url
        .as_ref()
        .into_client_request()
        .map_err(|error| error.to_string())?;
    let cookie = HeaderValue::from_str(&plan.cookie).map_err(|error| error.to_string())?;
    request.headers_mut().insert(COOKIE, cookie);
    let config = WebSocketConfig::default()
        .read_buffer_size(READ_BUFFER_BYTES)
        .write_buffer_size(0)
        .max_message_size(Some(MAX_FRAME_BYTES))
        .max_frame_size(Some(MAX_FRAME_BYTES));
    let (socket, _) = tokio_tungstenite::connect_async_with_config(request, Some(config), true)
        .await
        .map_err(|error| error.to_string())?;
    Ok(socket)
}

fn subscribe_frame(channel: i64, after: i64) -> Message {
    Message::text(format!(
        r#"{{"type":"subscribe","channel":{channel},"after":{after}}}"#
    ))
}

fn failed_to_connect(tally: &Tally, error: &str) {
    tally.connect_failures.inc();
    tally.settled.inc();
    if tally.connect_failures.get() <= ERRORS_SHOWN {
        eprintln!("connection failed: {error}");
    }
}

/// One handshake, within the handshake limit and its timeout; `None` once `stop` turned true.
async fn handshake(
    plan: &ClientPlan,
    shared: &Shared,
    stop: &mut watch::Receiver<bool>,
) -> Option<Result<Socket, String>> {
    let permit = tokio::select! {
        permit = shared.handshakes.clone().acquire_owned() => permit.ok()?,
        _ = stop.wait_for(|stopped| *stopped) => return None,
    };
    let connected = match tokio::time::timeout(HANDSHAKE_TIMEOUT, connect(plan)).await {
        Ok(result) => result,
        Err(_) => Err("handshake timed out".to_string()),
    };
    drop(permit);
    Some(connected)
}

/// Connects again after a lost connection, waiting longer after each failure, and resubscribes
/// after the last event seen. `None` once `stop` turned true.
async fn reconnect(
    plan: &ClientPlan,
    shared: &Shared,
    after: i64,
    stop: &mut watch::Receiver<bool>,
) -> Option<Socket> {
    let mut wait = RECONNECT_FIRST_WAIT;
    loop {
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = stop.wait_for(|stopped| *stopped) => return None,
        }
        if let Ok(mut socket) = handshake(plan, shared, stop).await? {
            if socket
                .send(subscribe_frame(plan.channel, after))
                .await
                .is_ok()
            {
                shared.tally.reconnects.inc();
                return Some(socket);
            }
        }
        wait = (wait * 2).min(RECONNECT_MAX_WAIT);
    }
}

/// Runs one client until `stop` turns true or the server closes the connection (with
/// `--reconnect`, only until `stop`), and answers what it measured.
pub async fn run(
    plan: ClientPlan,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
) -> Measured {
    let tally = &shared.tally;
    let mut socket = match handshake(&plan, &shared, &mut stop).await {
        None => return Measured::default(),
        Some(Ok(socket)) => socket,
        Some(Err(error)) => {
            failed_to_connect(tally, &error);
            return Measured::default();
        }
    };
    tally.connected.inc();
    if socket
        .send(subscribe_frame(plan.channel, plan.after))
        .await
        .is_err()
    {
        tally.dropped.inc();
        tally.settled.inc();
        return Measured::default();
    }

    let mut receipts = Receipts::default();
    let mut reconnect_micros = Vec::new();
    let mut lost_at: Option<std::time::Instant> = None;
    let mut listening = false;
    loop {
        let received = tokio::select! {
            _ = stop.wait_for(|stopped| *stopped) => break,
            received = socket.next() => received,
        };
        let next = match received {
            Some(Ok(Message::Text(text))) => {
                let next = on_text(&text, &plan, &shared, &mut receipts, &mut listening);
                if receipts.heard_channel {
                    if let Some(lost) = lost_at.take() {
                        reconnect_micros
                            .push(u32::try_from(lost.elapsed().as_micros()).unwrap_or(u32::MAX));
                    }
                }
                next
            }
            Some(Ok(Message::Close(_))) | Some(Err(_)) | None => {
                tally.dropped.inc();
                if !shared.reconnect {
                    Next::Stop
                } else {
                    // Kept when the connection is lost again before the channel was heard.
                    lost_at.get_or_insert_with(std::time::Instant::now);
                    let after = receipts.last_seq.unwrap_or(plan.after);
                    match reconnect(&plan, &shared, after, &mut stop).await {
                        Some(again) => {
                            socket = again;
                            receipts.heard_channel = false;
                            Next::Continue
                        }
                        None => Next::Stop,
                    }
                }
            }
            Some(Ok(_)) => Next::Continue,
        };
        match next {
            Next::Continue => {}
            Next::Resubscribe(after) => {
                if socket
                    .send(subscribe_frame(plan.channel, after))
                    .await
                    .is_err()
                {
                    tally.dropped.inc();
                    break;
                }
            }
            Next::Stop => break,
        }
    }
    if listening {
        tally.stopped_listening(plan.channel);
    } else {
        tally.settled.inc();
    }
    Measured {
        latencies: receipts.latencies,
        reconnect_micros,
    }
}

fn on_text(
    text: &str,
    plan: &ClientPlan,
    shared: &Shared,
    receipts: &mut Receipts,
    listening: &mut bool,
) -> Next {
    let tally = &shared.tally;
    let Ok(frame) = serde_json::from_str::<Frame>(text) else {
        return Next::Continue;
    };
    if frame.channel != plan.channel {
        return Next::Continue;
    }
    receipts.heard_channel = true;
    match frame.frame_type.as_ref() {
        // The server answers a subscription with who is online (after any replay): from the
        // first frame of the channel on, this client is listening.
        "presence" | "event" if !*listening => {
            *listening = true;
            tally.listening(plan.channel);
        }
        "refetch" => {
            tally.refetches.inc();
            return Next::Resubscribe(frame.seq);
        }
        "denied" => {
            tally.denied.inc();
            return Next::Stop;
        }
        _ => {}
    }
    if frame.frame_type != "event" {
        return Next::Continue;
    }
    let previous = receipts.last_seq.replace(frame.seq);
    if frame.kind.as_deref() != Some("posted") {
        return Next::Continue;
    }
    let Some(stamp) = frame
        .message
        .and_then(|message| shared.token.parse(&message.body))
    else {
        return Next::Continue;
    };
    let latency = now_micros().saturating_sub(stamp.sent_micros);
    tally.received_after(latency);
    if latency > 1_000_000 {
        tally.delayed.inc();
    }
    let across_nodes = stamp.node != plan.node;
    receipts
        .latencies
        .push(u32::try_from(latency).unwrap_or(u32::MAX), across_nodes);
    if receipts.first_time(stamp.number) {
        tally.delivered.inc();
        if across_nodes {
            tally.delivered_across_nodes.inc();
        }
    } else {
        tally.duplicated.inc();
    }
    if previous.is_some_and(|previous| frame.seq <= previous) {
        tally.out_of_order.inc();
    }
    Next::Continue
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_tell_first_arrivals_from_repeats() {
        let mut receipts = Receipts::default();
        assert!(receipts.first_time(0));
        assert!(receipts.first_time(130));
        assert!(!receipts.first_time(130));
        assert!(receipts.first_time(129));
        assert_eq!(receipts.seen.len(), 3);
    }

    #[test]
    fn frames_are_read_without_their_bulky_fields() {
        let text = r#"{"type":"event","channel":3,"seq":8,"kind":"posted","message":{"id":1,
            "channel_id":3,"seq":8,"author":{"id":2,"name":"A"},"parent_id":null,"body":"lg x 1 2",
            "html":"<p>lg</p>","created_at":0,"edited":false,"deleted":false,"hidden":false,
            "reply_count":0,"reactions":[]}}"#;
        let frame: Frame = serde_json::from_str(text).expect("an event frame");
        assert_eq!(frame.seq, 8);
        assert_eq!(
            frame.message.map(|m| m.body.into_owned()).as_deref(),
            Some("lg x 1 2")
        );
        let presence = r#"{"type":"presence","channel":3,"online":[{"id":1,"name":"A"}]}"#;
        let frame: Frame = serde_json::from_str(presence).expect("a presence frame");
        assert_eq!(frame.frame_type, "presence");
    }
}
