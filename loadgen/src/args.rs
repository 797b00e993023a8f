//! Command-line options.
use clap::Parser;

/// Opens many live clients on a server seeded with the demo network, posts a steady stream of
/// messages in the city channels, and prints one JSON line saying what arrived, and how fast.
#[derive(Debug, Parser)]
#[command(name = "loadgen", version)]
pub struct Args {
    /// Base URL of a node, e.g. http://127.0.0.1:3000. Repeat it to spread clients and posts
    /// over several nodes sharing one database (in turn, within each channel).
    #[arg(long = "url", required = true)]
    pub urls: Vec<String>,
    /// Live (WebSocket) clients to hold open.
    #[arg(long)]
    pub clients: usize,
    /// Messages posted per second, all accounts together.
    #[arg(long)]
    pub rate: f64,
    /// Seconds of posting.
    #[arg(long)]
    pub duration: f64,
    /// Server process whose resident memory is reported; repeat it for several nodes. Without it,
    /// the servers' `/metrics` say how much memory they hold.
    #[arg(long = "server-pid")]
    pub server_pids: Vec<u32>,
    /// Demo accounts to log in (default: clients, at most 400). Raised when the rate needs more
    /// posters than that to stay under the per-member posting limit.
    #[arg(long)]
    pub accounts: Option<usize>,
    /// Seconds to wait after the last post for deliveries still on their way.
    #[arg(long, default_value_t = 10.0)]
    pub drain: f64,
    /// Seconds allowed for every client to connect and subscribe before posting starts anyway.
    #[arg(long, default_value_t = 180.0)]
    pub connect_timeout: f64,
    /// Seconds between the last client subscribing and the first post: the wave of joins
    /// ends with each channel's presence announcement (once a second), and posting measures
    /// the connections held, not the joining.
    #[arg(long, default_value_t = 2.0)]
    pub settle: f64,
    /// WebSocket handshakes in flight at once.
    #[arg(long, default_value_t = 200)]
    pub handshakes: usize,
    /// Logins in flight at once (each costs the server a password hash).
    #[arg(long, default_value_t = 6)]
    pub logins: usize,
    /// Ride out faults (a node killed or drained, the database restarted): a client that loses
    /// its connection reconnects to the same URL (a proxy in front of the nodes) and resubscribes
    /// after the last event it saw; a post that fails is tried again until it is accepted. The
    /// line then also reports reconnections and retries.
    #[arg(long)]
    pub reconnect: bool,
}

/// The posting allowance is 10 messages in 10 seconds per member; each account posts at most
/// once every 1.25 s so that scheduling jitter never trips it.
pub const POSTS_PER_ACCOUNT_PER_SECOND: f64 = 0.8;
/// Accounts logged in when `--accounts` is not given, at most: logins are deliberately slow.
pub const DEFAULT_MAX_ACCOUNTS: usize = 400;

impl Args {
    /// Checks what clap cannot: positive numbers and http URLs.
    pub fn validate(&self) -> Result<(), String> {
        if !(self.rate > 0.0 && self.rate.is_finite()) {
            return Err("--rate must be a positive number".into());
        }
        if !(self.duration > 0.0 && self.duration.is_finite()) {
            return Err("--duration must be a positive number of seconds".into());
        }
        if !(self.drain >= 0.0 && self.drain.is_finite()) {
            return Err("--drain must be zero or more seconds".into());
        }
        if !(self.settle >= 0.0 && self.settle.is_finite()) {
            return Err("--settle must be zero or more seconds".into());
        }
        if !(self.connect_timeout > 0.0 && self.connect_timeout.is_finite()) {
            return Err("--connect-timeout must be a positive number of seconds".into());
        }
        if self.handshakes == 0 || self.logins == 0 {
            return Err("--handshakes and --logins must be at least 1".into());
        }
        if let Some(url) = self.urls.iter().find(|url| !url.starts_with("http://")) {
            return Err(format!("{url}: only http:// URLs are supported"));
        }
        Ok(())
    }

    /// Accounts to log in: as asked (or the default), but never fewer than the rate needs.
    pub fn account_count(&self) -> usize {
        let asked = self
            .accounts
            .unwrap_or_else(|| self.clients.min(DEFAULT_MAX_ACCOUNTS));
        let needed = (self.rate / POSTS_PER_ACCOUNT_PER_SECOND).ceil() as usize;
        asked.max(needed).max(1)
    }

    /// The URLs without a trailing slash, so paths can be appended.
    pub fn base_urls(&self) -> Vec<String> {
        self.urls
            .iter()
            .map(|url| url.trim_end_matches('/').to_string())
            .collect()
    }
}
