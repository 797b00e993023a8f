//! Who may read, write and moderate where in the discussion, and what the server refuses.

use crate::common::roles::{signed_in_as, Role, ROLES};
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;

/// Who may do it in Paris's channel, to a message the demo member (of Paris) wrote.
fn allowed(endpoint: &str, role: Role) -> bool {
    expectation(endpoint, role).unwrap_or_else(|| panic!("no expectation for {endpoint}"))
}

pub fn expectation(endpoint: &str, role: Role) -> Option<bool> {
    use Role::*;
    Some(match endpoint {
        "list_channels"
        | "get_channel_page"
        | "list_older_messages"
        | "get_thread"
        | "mark_channel_read"
        | "follow_channel"
        | "mute_channel" => role != Anonymous,
        "post_message" | "toggle_reaction" => matches!(role, Member | Connector | Admin),
        "edit_message" => role == Member,
        "hide_message" | "set_members_only" => matches!(role, Connector | Admin),
        "delete_message" => matches!(role, Member | Connector | Admin),
        "open_conversation" => !matches!(role, Anonymous | Alumni),
        "search_messages"
        | "list_notifications"
        | "mark_notifications_read"
        | "get_message_history"
        | "suggest_members" => role != Anonymous,
        "report_message" => !matches!(role, Anonymous | Alumni),
        "list_reports" | "create_topic" => matches!(role, Connector | ConnectorElsewhere | Admin),
        "resolve_report" | "mute_member" => matches!(role, Connector | Admin),
        _ => return None,
    })
}

async fn client_for(server: &TestServer, role: Role) -> Client {
    signed_in_as(server, role, "paris").await
}

async fn paris_channel(server: &TestServer) -> String {
    server
        .scalar(
            "SELECT c.id FROM channels c JOIN cities k ON k.id = c.city_id WHERE k.slug = 'paris'",
        )
        .await
        .to_string()
}

async fn post(
    server: &TestServer,
    client: &Client,
    channel: &str,
    body: &str,
) -> reqwest::Response {
    server
        .call(
            client,
            "post_message",
            &[("channel", channel), ("body", body)],
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_discussion_function_allows_and_refuses_by_role() {
    on_every_backend(|server| async move {
        let channel = paris_channel(&server).await;
        let author = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let partner = server
            .scalar(&format!(
                "SELECT id FROM users WHERE email = '{DEMO_CONNECTOR_EMAIL}'"
            ))
            .await
            .to_string();
        for role in ROLES {
            let client = client_for(&server, role).await;
            let message: i64 = post(&server, &author, &channel, "A message to act on")
                .await
                .json()
                .await
                .unwrap();
            let message = message.to_string();
            let reported = server
                .call(
                    &author,
                    "report_message",
                    &[("message", &message), ("reason", "Check this")],
                )
                .await;
            assert!(reported.status().is_success(), "{}", reported.status());
            let report = server
                .scalar("SELECT MAX(id) FROM message_reports")
                .await
                .to_string();
            let topic = format!("Topic {role:?} {}", server.backend);
            let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
                (
                    "mute_channel",
                    vec![("channel", &channel), ("muted", "false")],
                ),
                ("search_messages", vec![("query", "festival")]),
                ("list_notifications", vec![]),
                ("mark_notifications_read", vec![]),
                ("get_message_history", vec![("message", &message)]),
                ("suggest_members", vec![("prefix", "a")]),
                (
                    "report_message",
                    vec![("message", &message), ("reason", "Spam")],
                ),
                ("list_reports", vec![]),
                ("resolve_report", vec![("report", &report)]),
                (
                    "mute_member",
                    vec![
                        ("channel", &channel),
                        ("member", &partner),
                        ("hours", "0"),
                        ("reason", "Calm down"),
                    ],
                ),
                ("create_topic", vec![("name", &topic), ("description", "")]),
                ("list_channels", vec![]),
                ("get_channel_page", vec![("channel", &channel)]),
                (
                    "list_older_messages",
                    vec![("channel", &channel), ("before", &message)],
                ),
                ("get_thread", vec![("message", &message)]),
                (
                    "mark_channel_read",
                    vec![("channel", &channel), ("seq", "1")],
                ),
                (
                    "follow_channel",
                    vec![("channel", &channel), ("follow", "true")],
                ),
                (
                    "post_message",
                    vec![("channel", &channel), ("body", "Hello Paris")],
                ),
                (
                    "toggle_reaction",
                    vec![("message", &message), ("emoji", "👍")],
                ),
                (
                    "edit_message",
                    vec![("message", &message), ("body", "Edited")],
                ),
                (
                    "hide_message",
                    vec![("message", &message), ("reason", "Off topic")],
                ),
                (
                    "set_members_only",
                    vec![("channel", &channel), ("members_only", "false")],
                ),
                ("open_conversation", vec![("with", &partner)]),
                ("delete_message", vec![("message", &message)]),
            ];
            for (endpoint, form) in calls {
                let status = server.call(&client, endpoint, &form).await.status();
                assert!(
                    status.as_u16() < 500,
                    "{endpoint} as {role:?} on {}: {status}",
                    server.backend
                );
                let refused = matches!(status.as_u16(), 401 | 403 | 404);
                assert_eq!(
                    !refused,
                    allowed(endpoint, role),
                    "{endpoint} as {role:?} on {}: got {status}",
                    server.backend
                );
            }
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bursts_and_oversized_messages_are_refused_and_nothing_is_half_stored() {
    on_every_backend(|server| async move {
        let channel = paris_channel(&server).await;
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let before = server.scalar("SELECT COUNT(*) FROM messages").await;

        let too_long = "é".repeat(10_001);
        let refused = post(&server, &member, &channel, &too_long).await;
        assert_eq!(refused.status(), 422);
        let error: serde_json::Value = refused.json().await.unwrap();
        assert_eq!(error["Invalid"]["field"], "body");
        assert_eq!(post(&server, &member, &channel, " \n ").await.status(), 422);
        assert_eq!(server.scalar("SELECT COUNT(*) FROM messages").await, before);

        for n in 0..10 {
            let accepted = post(&server, &member, &channel, &format!("message {n}")).await;
            assert!(
                accepted.status().is_success(),
                "message {n}: {}",
                accepted.status()
            );
        }
        let slowed = post(&server, &member, &channel, "one too many").await;
        assert_eq!(slowed.status(), 429);
        let error: serde_json::Value = slowed.json().await.unwrap();
        assert!(
            error["SlowDown"]["retry_after_seconds"].as_u64().is_some(),
            "{error}"
        );
        assert_eq!(
            server.scalar("SELECT COUNT(*) FROM messages").await,
            before + 10
        );
        let channel_id: i64 = channel.parse().unwrap();
        let (events, last_seq) = (
            server
                .scalar(&format!(
                    "SELECT COUNT(*) FROM channel_events WHERE channel_id = {channel_id}"
                ))
                .await,
            server
                .scalar(&format!(
                    "SELECT last_seq FROM channels WHERE id = {channel_id}"
                ))
                .await,
        );
        assert_eq!(events, last_seq, "every sequence number has its event");
    })
    .await;
}

/// Markdown that tries to smuggle script into the page.
const XSS_CORPUS: [&str; 12] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<svg onload=alert(1)>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "![x](https://evil.example/x.png\" onerror=\"alert(1))",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<details open ontoggle=alert(1)>",
    "`<script>` is **fine** as code",
];

#[tokio::test(flavor = "multi_thread")]
async fn no_script_survives_in_a_stored_message() {
    on_every_backend(|server| async move {
        let channel = paris_channel(&server).await;
        let posters = [DEMO_MEMBER_EMAIL, DEMO_CONNECTOR_EMAIL];
        for (index, attack) in XSS_CORPUS.iter().enumerate() {
            let client = server.signed_in(posters[index % 2]).await;
            let response = post(&server, &client, &channel, attack).await;
            assert!(response.status().is_success(), "{attack}: {}", response.status());
            let id: i64 = response.json().await.unwrap();
            let html = server.text(&format!("SELECT body_html FROM messages WHERE id = {id}")).await;
            for tag in tags(&html) {
                let tag = tag.to_lowercase();
                for forbidden in ["script", "javascript:", "onerror", "onload", "ontoggle", "iframe", "svg", "img", "style", "data:"] {
                    assert!(!tag.contains(forbidden), "{attack:?} became {html:?}");
                }
            }
        }
        let code = server
            .text("SELECT body_html FROM messages WHERE body LIKE '%is **fine** as code' ORDER BY id DESC LIMIT 1")
            .await;
        assert!(code.contains("<code>&lt;script&gt;</code>"), "{code}");
        let link = server
            .text("SELECT body_html FROM messages WHERE body LIKE '%data:text%' ORDER BY id DESC LIMIT 1")
            .await;
        assert!(!link.contains("href"), "{link}");
    })
    .await;
}

/// The markup of every tag in sanitized HTML (text has its `<` escaped, so each `<` opens a tag).
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn search_finds_words_in_readable_channels_only() {
    on_every_backend(|server| async move {
        let channel = paris_channel(&server).await;
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let word = format!("zebracorn{}", server.backend);
        let posted = post(&server, &member, &channel, &format!("Who saw the **{word}** at the festival?")).await;
        assert!(posted.status().is_success());
        let partner = server
            .scalar(&format!("SELECT id FROM users WHERE email = '{DEMO_CONNECTOR_EMAIL}'"))
            .await
            .to_string();
        let private: i64 = server
            .call(&member, "open_conversation", &[("with", &partner)])
            .await
            .json()
            .await
            .unwrap();
        let secret = post(&server, &member, &private.to_string(), &format!("secret {word} plans")).await;
        assert!(secret.status().is_success());

        let search = |client: Client, query: String| {
            let server = &server;
            async move {
                let response = server.call(&client, "search_messages", &[("query", &query)]).await;
                assert!(response.status().is_success(), "{}", response.status());
                response.json::<serde_json::Value>().await.unwrap()
            }
        };
        let found = search(member.clone(), format!("festival {word}")).await;
        let bodies: Vec<&str> = found.as_array().unwrap().iter().map(|hit| hit["message"]["body"].as_str().unwrap()).collect();
        assert_eq!(bodies.len(), 1, "{bodies:?}");
        assert!(bodies[0].contains("festival"));
        assert_eq!(search(member.clone(), word.clone()).await.as_array().unwrap().len(), 2);

        let outsider = server
            .text("SELECT email FROM users WHERE city_id = (SELECT id FROM cities WHERE slug = 'lyon') \
                   AND id NOT IN (SELECT user_id FROM connectors) AND is_admin = FALSE ORDER BY id LIMIT 1")
            .await;
        let outsider = server.signed_in(&outsider).await;
        let seen = search(outsider, word.clone()).await;
        assert_eq!(seen.as_array().unwrap().len(), 1, "the private message stays private: {seen}");
        assert_eq!(search(member, "\"unbalanced OR *".to_string()).await.as_array().map(Vec::len), Some(0));
    })
    .await;
}
