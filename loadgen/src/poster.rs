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

    async fn post(&self, number: u64, node: usize) {
        let account = self.account(number);
        let url = &self.urls[node];
        let body = self.token.body(Stamp {
            number,
            node,
            sent_micros: now_micros(),
        });
        let channel = account.channel.to_string();
        let answer = self
            .http
            .post(format!("{url}/api/post_message"))
            .header(ACCEPT, "application/json")
            .header(COOKIE, &account.cookie)
            .form(&[("channel", channel.as_str()), ("body", body.as_str())])
            .send()
            .await;
        match answer {
            Ok(response) if response.status().is_success() => {
                self.tally.accepted(account.channel);
            }
            Ok(response) if response.status() == StatusCode::TOO_MANY_REQUESTS => {
                self.tally.refused.inc();
                if self.tally.refused.get() <= ERRORS_SHOWN {
                    eprintln!("post refused (429) for {}", account.email);
                }
            }
            Ok(response) => {
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                self.failed(&format!("post by {}: HTTP {status} {text}", account.email));
            }
            Err(error) => self.failed(&format!("post by {}: {error}", account.email)),
        }
    }

    fn failed(&self, error: &str) {
        self.tally.post_failures.inc();
        if self.tally.post_failures.get() <= ERRORS_SHOWN {
            eprintln!("{error}");
        }
    }
}
