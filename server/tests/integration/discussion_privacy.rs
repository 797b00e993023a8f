//! What a member may no longer see stays out of their reach: mentions, open live connections,
//! and a rate limit that parallel requests cannot get around.

use crate::common::live::LiveClient;
use crate::common::{on_every_backend, on_every_backend_with, TestServer};
use demo_network::DEMO_MEMBER_EMAIL;
use server::http::HttpConfig;
use std::time::Duration;

/// Two members of the demo member's city (the demo member first), and one of another city.
pub(crate) async fn three_people(server: &TestServer) -> (String, String, String) {
    let city = format!("(SELECT city_id FROM users WHERE email = '{DEMO_MEMBER_EMAIL}')");
    let plain =
        "is_alumni = FALSE AND is_admin = FALSE AND id NOT IN (SELECT user_id FROM connectors)";
    let partner = server
        .text(&format!(
            "SELECT email FROM users WHERE {plain} AND city_id = {city} \
             AND email <> '{DEMO_MEMBER_EMAIL}' ORDER BY id LIMIT 1"
        ))
        .await;
    let outsider = server
        .text(&format!(
            "SELECT email FROM users WHERE {plain} AND city_id <> {city} ORDER BY id LIMIT 1"
        ))
        .await;
    (DEMO_MEMBER_EMAIL.to_string(), partner, outsider)
}

pub(crate) async fn user_field(server: &TestServer, email: &str, field: &str) -> String {
    server
        .text(&format!(
            "SELECT CAST({field} AS TEXT) FROM users WHERE email = '{email}'"
        ))
        .await
}

pub(crate) async fn open_conversation(
    server: &TestServer,
    client: &reqwest::Client,
    with: &str,
) -> i64 {
    let opened = server
        .call(client, "open_conversation", &[("with", with)])
        .await;
    assert!(opened.status().is_success(), "{}", opened.status());
    opened.json().await.expect("conversation id")
}

#[tokio::test(flavor = "multi_thread")]
async fn mentioning_someone_who_cannot_read_the_channel_tells_them_nothing() {
    on_every_backend(|server| async move {
        let (author_email, partner_email, outsider_email) = three_people(&server).await;
        let author = server.signed_in(&author_email).await;
        let outsider = server.signed_in(&outsider_email).await;
        let partner = server.signed_in(&partner_email).await;
        let partner_id = user_field(&server, &partner_email, "id").await;
        let outsider_id = user_field(&server, &outsider_email, "id").await;
        let outsider_name = user_field(&server, &outsider_email, "name").await;
        let partner_name = user_field(&server, &partner_email, "name").await;
        let conversation = open_conversation(&server, &author, &partner_id).await;

        let body = format!("a secret for @**{partner_name}**, not for @**{outsider_name}**");
        let posted = server
            .call(
                &author,
                "post_message",
                &[("channel", &conversation.to_string()), ("body", &body)],
            )
            .await;
        assert!(posted.status().is_success(), "{}", posted.status());
        let message: i64 = posted.json().await.unwrap();

        let notified = |id: &str| format!("SELECT COUNT(*) FROM notifications WHERE user_id = {id} AND message_id = {message}");
        assert_eq!(server.scalar(&notified(&partner_id)).await, 1, "the reader is told");
        assert_eq!(server.scalar(&notified(&outsider_id)).await, 0, "the outsider is not");

        // A notification kept from before someone lost access shows nothing either.
        server
            .execute(&format!(
                "INSERT INTO notifications (user_id, kind, message_id, created_at) \
                 VALUES ({outsider_id}, 'mention', {message}, 0)"
            ))
            .await;
        let listed: serde_json::Value = server
            .call(&outsider, "list_notifications", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(listed, serde_json::json!([]), "{listed}");
        let listed: serde_json::Value = server
            .call(&partner, "list_notifications", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(listed[0]["message"]["id"], message, "{listed}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn parallel_posts_cannot_slip_past_the_rate_limit() {
    on_every_backend(|server| async move {
        let channel = server.home_channel_of(DEMO_MEMBER_EMAIL).await.to_string();
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let before = server.scalar("SELECT COUNT(*) FROM messages").await;
        let attempts = (0..20).map(|n| {
            let (server, member, channel) = (&server, &member, &channel);
            async move {
                let body = format!("all at once {n}");
                server
                    .call(
                        member,
                        "post_message",
                        &[("channel", channel), ("body", &body)],
                    )
                    .await
                    .status()
                    .as_u16()
            }
        });
        let statuses = futures::future::join_all(attempts).await;
        let accepted = statuses.iter().filter(|status| **status == 200).count();
        let slowed = statuses.iter().filter(|status| **status == 429).count();
        assert_eq!((accepted, slowed), (10, 10), "{statuses:?}");
        assert_eq!(
            server.scalar("SELECT COUNT(*) FROM messages").await,
            before + 10
        );
    })
    .await;
}

fn quick_checks() -> HttpConfig {
    HttpConfig {
        live_check_every: Duration::from_millis(300),
        ..HttpConfig::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_who_leaves_a_conversation_stops_hearing_it_on_an_open_connection() {
    on_every_backend_with(quick_checks(), |server| async move {
        let (author_email, partner_email, _) = three_people(&server).await;
        let author = server.signed_in(&author_email).await;
        let (partner, partner_cookie) = server.session(&partner_email).await;
        let partner_id = user_field(&server, &partner_email, "id").await;
        let conversation = open_conversation(&server, &author, &partner_id).await;

        let mut tab = LiveClient::connect(&server.base, &partner_cookie).await;
        tab.subscribe(conversation, 0).await;
        let left = server
            .call(
                &partner,
                "follow_channel",
                &[("channel", &conversation.to_string()), ("follow", "false")],
            )
            .await;
        assert!(left.status().is_success(), "{}", left.status());
        let denied = tab.frame_of_type("denied").await;
        assert_eq!(denied["channel"], conversation);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_that_stops_answering_pings_is_disconnected() {
    on_every_backend_with(quick_checks(), |server| async move {
        let (_, cookie) = server.session(DEMO_MEMBER_EMAIL).await;
        let mut tab = LiveClient::connect(&server.base, &cookie).await;
        // Not reading leaves the server's pings unanswered for well over two check periods.
        tokio::time::sleep(Duration::from_secs(2)).await;
        tab.until_closed_by_server().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_muted_member_cannot_post_until_the_mute_is_lifted() {
    on_every_backend(|server| async move {
        let channel = server.home_channel_of(DEMO_MEMBER_EMAIL).await.to_string();
        let member_id = user_field(&server, DEMO_MEMBER_EMAIL, "id").await;
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let connector = server.signed_in(demo_network::DEMO_CONNECTOR_EMAIL).await;
        let mute = |hours: &'static str| {
            let (server, connector, channel, member_id) =
                (&server, &connector, &channel, &member_id);
            async move {
                server
                    .call(
                        connector,
                        "mute_member",
                        &[
                            ("channel", channel),
                            ("member", member_id),
                            ("hours", hours),
                            ("reason", "Cooling off"),
                        ],
                    )
                    .await
                    .status()
            }
        };
        let post = |body: &'static str| {
            let (server, member, channel) = (&server, &member, &channel);
            async move {
                server
                    .call(
                        member,
                        "post_message",
                        &[("channel", channel), ("body", body)],
                    )
                    .await
                    .status()
            }
        };

        assert!(mute("2").await.is_success());
        assert_eq!(post("Let me speak").await, 403);
        assert_eq!(mute("721").await, 422, "a mute lasts 30 days at most");
        assert!(mute("0").await.is_success());
        assert!(post("Thank you").await.is_success());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn private_conversations_hold_two_to_nine_people() {
    on_every_backend(|server| async move {
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let me = user_field(&server, DEMO_MEMBER_EMAIL, "id").await;
        let others: Vec<String> = server
            .texts(&format!(
                "SELECT CAST(id AS TEXT) FROM users WHERE is_alumni = FALSE AND id <> {me} \
                 ORDER BY id LIMIT 9"
            ))
            .await;
        let with = |count: usize| others[..count].join(",");
        assert!(
            open_status(&server, &member, &with(8)).await.is_success(),
            "nine in all"
        );
        assert_eq!(
            open_status(&server, &member, &with(9)).await,
            422,
            "ten is too many"
        );
        assert_eq!(
            open_status(&server, &member, &me).await,
            422,
            "alone is not a conversation"
        );
    })
    .await;
}

async fn open_status(
    server: &TestServer,
    client: &reqwest::Client,
    with: &str,
) -> reqwest::StatusCode {
    server
        .call(client, "open_conversation", &[("with", with)])
        .await
        .status()
}
