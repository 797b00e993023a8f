//! Counters shared by the clients and the poster, and the token that marks this run's messages.
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Microseconds since the Unix epoch. Send and receive times are taken on the same machine, so
/// their difference is the delivery latency.
pub fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// One of this run's messages, as read back from its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub number: u64,
    /// Index of the node (`--url`) it was posted through.
    pub node: usize,
    pub sent_micros: u64,
}

/// What a message body carries so that receivers recognise it:
/// `lg <run> <number> <node> <sent µs>`.
#[derive(Debug, Clone)]
pub struct RunToken {
    run: String,
}

impl RunToken {
    /// A run id unlikely to repeat: clock and process id, in hex.
    pub fn new() -> RunToken {
        let run = format!("{:x}{:x}", now_micros(), std::process::id());
        RunToken { run }
    }

    pub fn body(&self, stamp: Stamp) -> String {
        format!(
            "lg {} {} {} {}",
            self.run, stamp.number, stamp.node, stamp.sent_micros
        )
    }

    /// The stamp, when the body is one of this run's messages.
    pub fn parse(&self, body: &str) -> Option<Stamp> {
        let mut words = body.split_ascii_whitespace();
        if words.next() != Some("lg") || words.next() != Some(self.run.as_str()) {
            return None;
        }
        Some(Stamp {
            number: words.next()?.parse().ok()?,
            node: words.next()?.parse().ok()?,
            sent_micros: words.next()?.parse().ok()?,
        })
    }
}

#[derive(Default)]
pub struct Counter(AtomicU64);

impl Counter {
    pub fn add(&self, amount: u64) {
        self.0.fetch_add(amount, Ordering::Relaxed);
    }

    pub fn inc(&self) {
        self.add(1);
    }

    pub fn dec(&self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Everything counted during a run. Clients and posts update it concurrently.
#[derive(Default)]
pub struct Tally {
    /// WebSocket handshakes that succeeded.
    pub connected: Counter,
    /// Handshakes that failed or timed out.
    pub connect_failures: Counter,
    /// Clients whose subscription the server confirmed.
    pub subscribed: Counter,
    /// Clients that are listening or gave up: once every client is, posting can start.
    pub settled: Counter,
    /// Connections the server closed (or that broke) before the end.
    pub dropped: Counter,
    pub denied: Counter,
    pub refetches: Counter,
    /// Posts the server accepted.
    pub sent: Counter,
    /// Posts refused with 429 (posting allowance exceeded).
    pub refused: Counter,
    /// Posts that failed otherwise (error status, timeout, broken connection).
    pub post_failures: Counter,
    /// Receipts that should arrive: for each accepted post, the clients listening to its channel.
    pub expected: Counter,
    pub delivered: Counter,
    /// Deliveries to a client of another node than the one the message was posted through.
    pub delivered_across_nodes: Counter,
    pub duplicated: Counter,
    pub out_of_order: Counter,
    /// With `--reconnect`: connections opened again after one was lost, and posts tried again.
    pub reconnects: Counter,
    pub post_retries: Counter,
    /// Receipts that arrived more than a second after their post was first tried.
    pub delayed: Counter,
    /// The slowest receipt since the last progress line, in microseconds: where in the run
    /// latency rises.
    slowest_micros: AtomicU64,
    /// Clients currently subscribed, per channel.
    listeners: HashMap<i64, Counter>,
}

impl Tally {
    pub fn new(channels: impl IntoIterator<Item = i64>) -> Tally {
        Tally {
            listeners: channels
                .into_iter()
                .map(|channel| (channel, Counter::default()))
                .collect(),
            ..Tally::default()
        }
    }

    pub fn listening(&self, channel: i64) {
        self.subscribed.inc();
        self.settled.inc();
        if let Some(count) = self.listeners.get(&channel) {
            count.inc();
        }
    }

    pub fn stopped_listening(&self, channel: i64) {
        if let Some(count) = self.listeners.get(&channel) {
            count.dec();
        }
    }

    /// The server accepted a post in `channel`: everyone listening there should get it.
    pub fn accepted(&self, channel: i64) {
        self.sent.inc();
        let listening = self.listeners.get(&channel).map_or(0, Counter::get);
        self.expected.add(listening);
    }

    pub fn received_after(&self, micros: u64) {
        self.slowest_micros.fetch_max(micros, Ordering::Relaxed);
    }

    pub fn lost(&self) -> u64 {
        self.expected.get().saturating_sub(self.delivered.get())
    }

    /// One line for standard error.
    pub fn progress(&self) -> String {
        format!(
            "connected {} (failed {}, dropped {}), subscribed {}, sent {} (refused {}, failed {}), \
             delivered {}/{} ({} across nodes), duplicated {}, out of order {}, refetch {}, \
             slowest since last line {:.1} ms",
            self.connected.get(),
            self.connect_failures.get(),
            self.dropped.get(),
            self.subscribed.get(),
            self.sent.get(),
            self.refused.get(),
            self.post_failures.get(),
            self.delivered.get(),
            self.expected.get(),
            self.delivered_across_nodes.get(),
            self.duplicated.get(),
            self.out_of_order.get(),
            self.refetches.get(),
            self.slowest_micros.swap(0, Ordering::Relaxed) as f64 / 1000.0,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_runs_bodies_are_recognised() {
        let token = RunToken::new();
        let stamp = Stamp {
            number: 42,
            node: 1,
            sent_micros: 1_700_000,
        };
        assert_eq!(token.parse(&token.body(stamp)), Some(stamp));
        let other = RunToken {
            run: "other".into(),
        };
        assert_eq!(token.parse(&other.body(stamp)), None);
        assert_eq!(token.parse("hello"), None);
        assert_eq!(token.parse(&format!("lg {} x 0 1", token.run)), None);
    }

    #[test]
    fn expected_receipts_follow_the_listeners_of_the_channel() {
        let tally = Tally::new([1, 2]);
        tally.listening(1);
        tally.listening(1);
        tally.listening(2);
        tally.accepted(1);
        tally.accepted(3);
        assert_eq!(tally.expected.get(), 2);
        tally.delivered.inc();
        assert_eq!(tally.lost(), 1);
    }
}
