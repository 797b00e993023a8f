//! Posts messages at a steady rate, each account in turn, each node in turn.
use crate::accounts::Account;
use crate::spread::NodeSpread;
use crate::tally::{now_micros, RunToken, Stamp, Tally};
use reqwest::header::{ACCEPT, COOKIE};
use reqwest::StatusCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::Instant;

/// Post errors printed in full; the rest are only counted.
const ERRORS_SHOWN: u64 = 5;

pub struct Poster {
    pub http: reqwest::Client,
    pub urls: Vec<String>,
    pub accounts: Arc<Vec<Account>>,
    pub token: RunToken,
    pub tally: Arc<Tally>,
    /// Try a failed post again (`--reconnect`) until it is accepted or this much time passed.
    pub retry_for: Option<Duration>,
}

/// First wait before trying a failed post again; it doubles each time, up to the maximum.
const RETRY_FIRST_WAIT: Duration = Duration::from_millis(200);
const RETRY_MAX_WAIT: Duration = Duration::from_secs(2);

/// How one attempt at a post ended.
enum Attempt {
    Accepted,
    Refused,
    Failed(String),
}

impl Poster {
    /// Posts `rate` messages a second for `duration`, then waits for the answers still pending.
    /// Message `n` is due at `n / rate` seconds: a late post goes out at once, so the total stays
    /// `rate × duration` even when the machine hiccups. Message `n` is posted by account
    /// `n mod accounts`, through the nodes in turn within its channel.
    pub async fn run(self: Arc<Self>, rate: f64, duration: Duration) {
        let total = (rate * duration.as_secs_f64()).round() as u64;
        let start = Instant::now();
        let mut posts = JoinSet::new();
        let mut spread = NodeSpread::new(self.urls.len());
        for number in 0..total {
            let account = self.account(number);
            let node = spread.node_for(account.channel);
            tokio::time::sleep_until(start + Duration::from_secs_f64(number as f64 / rate)).await;
            let poster = self.clone();
            posts.spawn(async move { poster.post(number, node).await });
            // Reap finished posts as we go so the set stays small.
            while posts.try_join_next().is_some() {}
        }
        while posts.join_next().await.is_some() {}
    }

    fn account(&self, number: u64) -> &Account {
        let index = usize::try_from(number).unwrap_or(usize::MAX);
        &self.accounts[index % self.accounts.len()]
    }

    /// Posts message `number`; with retries, the same message (same body, same send time) is
    /// tried again after a failure, so its latency counts from the first attempt.
    async fn post(&self, number: u64, node: usize) {
        let account = self.account(number);
        let body = self.token.body(Stamp {
            number,
            node,
            sent_micros: now_micros(),
        });
        let give_up = self.retry_for.map(|patience| Instant::now() + patience);
        let mut wait = RETRY_FIRST_WAIT;
        loop {
            let attempt = self.attempt(account, node, &body).await;
            let retry = give_up.is_some_and(|deadline| Instant::now() + wait < deadline);
            match attempt {
                Attempt::Accepted => {
                    self.tally.accepted(account.channel);
                    return;
                }
                _ if retry => {
                    self.tally.post_retries.inc();
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(RETRY_MAX_WAIT);
                }
                Attempt::Refused => {
                    self.tally.refused.inc();
                    if self.tally.refused.get() <= ERRORS_SHOWN {
                        eprintln!("post refused (429) for {}", account.email);
                    }
                    return;
                }
                Attempt::Failed(error) => {
                    self.failed(&error);
                    return;
                }
            }
        }
    }

    async fn attempt(&self, account: &Account, node: usize, body: &str) -> Attempt {
        let channel = account.channel.to_string();
        let answer = self
            .http
            .post(format!("{}/api/post_message", self.urls[node]))
            .header(ACCEPT, "application/json")
            .header(COOKIE, &account.cookie)
            .form(&[("channel", channel.as_str()), ("body", body)])
            .send()
            .await;
        match answer {
            Ok(response) if response.status().is_success() => Attempt::Accepted,
            Ok(response) if response.status() == StatusCode::TOO_MANY_REQUESTS => Attempt::Refused,
            Ok(response) => {
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                Attempt::Failed(format!("post by {}: HTTP {status} {text}", account.email))
            }
            Err(error) => Attempt::Failed(format!("post by {}: {error}", account.email)),
        }
    }

    fn failed(&self, error: &str) {
        self.tally.post_failures.inc();
        if self.tally.post_failures.get() <= ERRORS_SHOWN {
            eprintln!("{error}");
        }
    }
}
