//! Live scenarios' shared steps: members of the demo member's city posting into its channel, and
//! what the events that arrived say.
use super::TestServer;
use demo_network::DEMO_MEMBER_EMAIL;
use reqwest::Client;
use serde_json::Value;
use std::collections::BTreeSet;

/// The demo member's city channel, and that channel's current sequence number.
pub async fn home_channel(server: &TestServer) -> (i64, i64) {
    let channel = server.home_channel_of(DEMO_MEMBER_EMAIL).await;
    let seq = server
        .scalar(&format!(
            "SELECT last_seq FROM channels WHERE id = {channel}"
        ))
        .await;
    (channel, seq)
}

/// Signed-in members of the demo member's city who may post there.
pub async fn neighbours(server: &TestServer, count: usize) -> Vec<(Client, String)> {
    let emails = server
        .texts(&format!(
            "SELECT email FROM users WHERE is_alumni = FALSE AND city_id = \
             (SELECT city_id FROM users WHERE email = '{DEMO_MEMBER_EMAIL}') ORDER BY id LIMIT {count}"
        ))
        .await;
    let mut sessions = Vec::new();
    for email in emails {
        sessions.push(server.session(&email).await);
    }
    sessions
}

pub async fn post(server: &TestServer, client: &Client, channel: i64, body: &str) -> i64 {
    let response = server
        .call(
            client,
            "post_message",
            &[("channel", &channel.to_string()), ("body", body)],
        )
        .await;
    assert!(
        response.status().is_success(),
        "post: {}",
        response.status()
    );
    response.json::<i64>().await.expect("message id")
}

/// Posts `per_member` messages from each member at once; answers the new message ids.
pub async fn burst(
    server: &TestServer,
    members: &[(Client, String)],
    channel: i64,
    per_member: usize,
    label: &str,
) -> BTreeSet<i64> {
    let posts = members.iter().enumerate().flat_map(|(index, (client, _))| {
        (0..per_member).map(move |n| {
            let body = format!("{label} {index}.{n}");
            async move { post(server, client, channel, &body).await }
        })
    });
    futures::future::join_all(posts).await.into_iter().collect()
}

pub fn seqs(events: &[Value]) -> Vec<i64> {
    events
        .iter()
        .map(|event| event["seq"].as_i64().expect("seq"))
        .collect()
}

pub fn posted_ids(events: &[Value]) -> BTreeSet<i64> {
    events
        .iter()
        .filter(|event| event["kind"] == "posted")
        .map(|event| event["message"]["id"].as_i64().expect("id"))
        .collect()
}
