//! The demo members the load is made of: chosen evenly over the cities, logged in, and matched
//! with their city's channel.
use demo_network::{DemoParams, DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use futures::{stream, StreamExt};
use reqwest::header::{ACCEPT, COOKIE, SET_COOKIE};
use serde::Deserialize;
use std::collections::HashMap;

/// A logged-in member, and the channel it posts in and listens to.
#[derive(Debug, Clone)]
pub struct Account {
    pub email: String,
    /// `name=value` of the session cookie, sent as is on every request and handshake.
    pub cookie: String,
    pub channel: i64,
    /// The channel's sequence number before the run: clients subscribe after it, so no history
    /// is replayed to them.
    pub last_seq: i64,
}

/// A demo member picked for the run, before logging in.
struct Candidate {
    email: String,
    city: String,
}

/// Takes `count` members round-robin over the cities (the first member of each city, then the
/// second, …), so that clients and posts spread evenly. The three well-known demo accounts are
/// left alone: people may be using them by hand.
fn candidates(count: usize) -> Vec<Candidate> {
    let network = demo_network::generate(&DemoParams::default());
    let fixed = [DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL];
    let mut by_city: Vec<Vec<&str>> = vec![Vec::new(); network.cities.len()];
    for person in &network.people {
        if fixed.contains(&person.email.as_str()) {
            continue;
        }
        if let Some(members) = by_city.get_mut(person.city) {
            members.push(&person.email);
        }
    }
    let deepest = by_city.iter().map(Vec::len).max().unwrap_or(0);
    let mut picked = Vec::with_capacity(count);
    for round in 0..deepest {
        for (city, members) in network.cities.iter().zip(&by_city) {
            if picked.len() == count {
                return picked;
            }
            if let Some(email) = members.get(round) {
                picked.push(Candidate {
                    email: (*email).to_string(),
                    city: city.name.clone(),
                });
            }
        }
    }
    picked
}

/// Logs in and answers the session cookie as `name=value`.
async fn log_in(http: &reqwest::Client, url: &str, email: &str) -> Result<String, String> {
    let response = http
        .post(format!("{url}/api/log_in"))
        .header(ACCEPT, "application/json")
        .form(&[("email", email), ("password", demo_network::DEMO_PASSWORD)])
        .send()
        .await
        .map_err(|error| format!("log in {email}: {error}"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("log in {email}: HTTP {status}"));
    }
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.split(';').next())
        .find(|pair| {
            pair.split_once('=')
                .is_some_and(|(name, _)| name.trim().ends_with("edges_session"))
        })
        .map(|pair| pair.trim().to_string())
        .ok_or_else(|| format!("log in {email}: no session cookie in the answer"))
}

/// What the load generator needs of a channel in the sidebar list.
#[derive(Debug, Deserialize)]
struct ChannelSummary {
    id: i64,
    kind: String,
    name: String,
    last_seq: i64,
}

async fn city_channels(
    http: &reqwest::Client,
    url: &str,
    cookie: &str,
) -> Result<Vec<ChannelSummary>, String> {
    let response = http
        .post(format!("{url}/api/list_channels"))
        .header(ACCEPT, "application/json")
        .header(COOKIE, cookie)
        .form(&[] as &[(&str, &str)])
        .send()
        .await
        .map_err(|error| format!("list channels: {error}"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("list channels: HTTP {status}"));
    }
    let channels: Vec<ChannelSummary> = response
        .json()
        .await
        .map_err(|error| format!("list channels: {error}"))?;
    Ok(channels
        .into_iter()
        .filter(|channel| channel.kind == "city")
        .collect())
}

/// Picks and logs in `count` accounts, a few at a time, spread over `urls`. Accounts that fail
/// are reported and left out; the run goes on with the rest.
pub async fn log_in_all(
    http: &reqwest::Client,
    urls: &[String],
    count: usize,
    concurrency: usize,
) -> Vec<Account> {
    let picked = candidates(count);
    if picked.len() < count {
        eprintln!(
            "only {} demo members available, using them all",
            picked.len()
        );
    }
    let logins = stream::iter(picked.into_iter().enumerate().map(|(index, candidate)| {
        let url = &urls[index % urls.len()];
        async move {
            let cookie = log_in(http, url, &candidate.email).await;
            (candidate, cookie)
        }
    }))
    .buffered(concurrency)
    .collect::<Vec<_>>()
    .await;

    let mut failures = 0usize;
    let mut logged_in: Vec<(Candidate, String)> = Vec::with_capacity(logins.len());
    for (candidate, cookie) in logins {
        match cookie {
            Ok(cookie) => logged_in.push((candidate, cookie)),
            Err(error) => {
                failures += 1;
                if failures <= 5 {
                    eprintln!("{error}");
                }
            }
        }
    }
    if failures > 0 {
        eprintln!("{failures} logins failed");
    }

    // One listing per city, by one of its own members, since a members-only city channel is
    // listed only for them.
    let mut channels: HashMap<String, (i64, i64)> = HashMap::new();
    for (candidate, cookie) in &logged_in {
        if channels.contains_key(&candidate.city) {
            continue;
        }
        match city_channels(http, &urls[0], cookie).await {
            Ok(list) => {
                for channel in list {
                    channels
                        .entry(channel.name)
                        .or_insert((channel.id, channel.last_seq));
                }
            }
            Err(error) => eprintln!("{error}"),
        }
    }

    let mut accounts = Vec::with_capacity(logged_in.len());
    for (candidate, cookie) in logged_in {
        match channels.get(&candidate.city) {
            Some(&(channel, last_seq)) => accounts.push(Account {
                email: candidate.email,
                cookie,
                channel,
                last_seq,
            }),
            None => eprintln!(
                "{}: no channel named {:?}; is the server seeded with the default demo network?",
                candidate.email, candidate.city
            ),
        }
    }
    accounts
}
