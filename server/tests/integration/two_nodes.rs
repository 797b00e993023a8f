//! Two `edges` processes on one PostgreSQL database, a live client on each: messages posted on
//! either node reach both, in order, once; a stance taken on one node moves the proposal's page
//! open on the other.

use crate::common::live::LiveClient;
use crate::common::process::{edges, session_on, start_node};
use demo_network::{DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;
use std::process::Stdio;

async fn call(client: &Client, base: &str, endpoint: &str, form: &[(&str, &str)]) {
    let response = client
        .post(format!("{base}/api/{endpoint}"))
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .expect("answer");
    assert!(
        response.status().is_success(),
        "{endpoint} on {base}: {}",
        response.status()
    );
}

async fn post(client: &Client, base: &str, channel: i64, body: &str) {
    let channel = channel.to_string();
    call(
        client,
        base,
        "post_message",
        &[("channel", &channel), ("body", body)],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn messages_cross_between_two_nodes_both_ways() {
    let Some(url) = crate::common::postgres_url().await else {
        assert!(
            !std::env::var("CI").is_ok_and(|ci| ci == "true"),
            "CI requires PostgreSQL"
        );
        eprintln!("PostgreSQL skipped: DATABASE_URL_PG is not set");
        return;
    };
    let seeded = edges(&[
        "seed",
        "--database-url",
        &url,
        "--members",
        "60",
        "--cities",
        "3",
    ])
    .stdout(Stdio::null())
    .status()
    .expect("edges seed runs");
    assert!(seeded.success());
    let (first, second) = tokio::join!(start_node(&url), start_node(&url));

    let database = sqlx::PgPool::connect(&url).await.expect("database");
    let (channel, start): (i64, i64) = sqlx::query_as(
        "SELECT c.id, c.last_seq FROM channels c JOIN users u ON u.city_id = c.city_id \
         WHERE c.kind = 'city' AND u.email = $1",
    )
    .bind(DEMO_MEMBER_EMAIL)
    .fetch_one(&database)
    .await
    .expect("the member's city channel");

    let (alice, alice_cookie) = session_on(&first.base, DEMO_MEMBER_EMAIL).await;
    let (bob, bob_cookie) = session_on(&second.base, DEMO_CONNECTOR_EMAIL).await;
    let mut on_first = LiveClient::connect(&first.base, &alice_cookie).await;
    let mut on_second = LiveClient::connect(&second.base, &bob_cookie).await;
    on_first.subscribe(channel, start).await;
    on_second.subscribe(channel, start).await;
    // Subscriptions are in place once each node has answered with who is online.
    on_first.frame_of_type("presence").await;
    on_second.frame_of_type("presence").await;

    post(&alice, &first.base, channel, "posted on the first node").await;
    post(&bob, &second.base, channel, "posted on the second node").await;

    for client in [&mut on_first, &mut on_second] {
        let events = client.events(2).await;
        let seqs: Vec<i64> = events
            .iter()
            .map(|event| event["seq"].as_i64().unwrap())
            .collect();
        assert_eq!(seqs, vec![start + 1, start + 2]);
        let bodies: Vec<&str> = events
            .iter()
            .map(|event| event["message"]["body"].as_str().unwrap())
            .collect();
        assert_eq!(
            bodies,
            ["posted on the first node", "posted on the second node"]
        );
    }

    // Typing and presence cross too: each node sees both members online, and who types.
    on_second
        .send(serde_json::json!({"type": "typing", "channel": channel}))
        .await;
    let typing = on_first.frame_of_type("typing").await;
    assert!(typing["user"]["name"].is_string(), "{typing}");
    loop {
        let presence = on_first.frame_of_type("presence").await;
        if presence["online"]
            .as_array()
            .is_some_and(|online| online.len() == 2)
        {
            break;
        }
    }

    // An open proposal of the member's city, on the connector's screen on the second node.
    let (proposal,): (i64,) = sqlx::query_as(
        "SELECT p.id FROM proposals p JOIN users u ON u.city_id = p.city_id \
         WHERE u.email = $1 AND p.status = 'open' AND p.kind = 'lazy_consent' \
         AND p.id NOT IN (SELECT proposal_id FROM stances WHERE user_id = u.id) ORDER BY p.id LIMIT 1",
    )
    .bind(DEMO_MEMBER_EMAIL)
    .fetch_one(&database)
    .await
    .expect("an open proposal the member has not answered");
    let (shown,): (i64,) = sqlx::query_as(app::decisions::live::VERSION_SQL)
        .bind(proposal)
        .fetch_one(&database)
        .await
        .expect("its version");
    on_second
        .send(serde_json::json!({"type": "watch_proposal", "proposal": proposal, "version": shown}))
        .await;
    // Frames are handled in order: once this is denied, the second node follows the proposal.
    on_second.subscribe(i64::MAX, 0).await;
    on_second.frame_of_type("denied").await;
    let id = proposal.to_string();
    call(
        &alice,
        &first.base,
        "take_stance",
        &[("proposal", &id), ("stance", "agree")],
    )
    .await;
    let heard = on_second.frame_of_type("proposal_changed").await;
    assert_eq!(heard["proposal"], proposal);
    assert!(
        heard["version"].as_i64() > Some(shown),
        "{heard} after {shown}"
    );
}
