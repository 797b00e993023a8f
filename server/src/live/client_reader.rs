//! The client's half of a live connection, read in a task of its own.
//!
//! Clients say little (a subscription, a typing signal, a pong) while events flow to them all
//! the time. Reading in the task that forwards events would try the socket, and the timers, on
//! every event sent; read here, the forwarding task is woken by what it has to forward and by
//! what the client actually said.
use axum::extract::ws::{Message, Utf8Bytes, WebSocket};
use futures::stream::SplitStream;
use futures::StreamExt;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

/// A client silent for this many check periods (not even answering pings) is gone: its
/// connection is closed, and with it its presence in the channels.
const SILENT_CHECKS_LIMIT: u32 = 2;
/// Client frames read ahead of the forwarding task; beyond this, reading waits.
const QUEUE: usize = 16;

/// What the reader tells the forwarding task, in the order it happened.
#[derive(Debug)]
pub enum FromClient {
    /// A text frame from the client.
    Frame(Utf8Bytes),
    /// Time to ping the client and check its rights again.
    Check,
    /// This node is shutting down: tell the client to reconnect elsewhere.
    Draining,
    /// The client closed, the connection broke, or the client stopped answering.
    Gone,
}

/// The reading task; it stops when dropped.
pub struct ClientReader {
    pub events: mpsc::Receiver<FromClient>,
    task: JoinHandle<()>,
}

impl Drop for ClientReader {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl ClientReader {
    /// Reads `incoming` until the client goes; checks are due every `every`.
    pub fn spawn(
        incoming: SplitStream<WebSocket>,
        every: Duration,
        draining: watch::Receiver<bool>,
    ) -> ClientReader {
        let (sender, events) = mpsc::channel(QUEUE);
        let task = tokio::spawn(read(incoming, every, draining, sender));
        ClientReader { events, task }
    }
}

async fn read(
    mut incoming: SplitStream<WebSocket>,
    every: Duration,
    mut draining: watch::Receiver<bool>,
    events: mpsc::Sender<FromClient>,
) {
    let mut checks = tokio::time::interval_at(first_check(every), every);
    let mut last_heard = Instant::now();
    loop {
        let event = tokio::select! {
            // (The guard `wait_for` answers is dropped inside, before anything is awaited.)
            () = async { drop(draining.wait_for(|draining| *draining).await) } => {
                FromClient::Draining
            }
            received = incoming.next() => {
                last_heard = Instant::now();
                match received {
                    Some(Ok(Message::Text(text))) => FromClient::Frame(text),
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => FromClient::Gone,
                    Some(Ok(_)) => continue, // pongs and the like: only proof of life
                }
            }
            _ = checks.tick() => {
                if last_heard.elapsed() > every * SILENT_CHECKS_LIMIT + every / 2 {
                    FromClient::Gone
                } else {
                    FromClient::Check
                }
            }
        };
        let last = matches!(event, FromClient::Draining | FromClient::Gone);
        if events.send(event).await.is_err() || last {
            return;
        }
    }
}

/// When a new connection is first checked: somewhere in its first period, at random, so that
/// connections opened together (a node restarting, a crowd arriving) are not all checked in the
/// same instant every period after.
fn first_check(every: Duration) -> tokio::time::Instant {
    let offset = every.mul_f64(rand::random_range(0.5..1.0));
    tokio::time::Instant::now() + offset
}
