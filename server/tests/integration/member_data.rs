//! A member downloads their data: a ZIP of JSON files holding their profile, their messages,
//! their stances and their money, and nothing written by anyone else.

use crate::common::on_every_backend;
use crate::common::proposals::{member_of, propose, stance};
use demo_network::{DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use serde_json::Value;
use std::io::Read;

const FILES: &[&str] = &[
    "profile.json",
    "skills.json",
    "languages.json",
    "connector_of.json",
    "channels.json",
    "messages.json",
    "message_edits.json",
    "reactions.json",
    "notifications.json",
    "money.json",
    "buckets.json",
    "bucket_comments.json",
    "projects.json",
    "ballots.json",
    "proposals.json",
    "stances.json",
    "email_settings.json",
    "emails.json",
    "invitations_sent.json",
];

#[tokio::test(flavor = "multi_thread")]
async fn a_member_downloads_everything_of_theirs_and_nothing_of_anyone_else() {
    on_every_backend(|server| async move {
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let neighbour = server.signed_in(&member_of(&server, "paris", 0).await).await;
        let channel = server.home_channel_of(DEMO_MEMBER_EMAIL).await
            .to_string();
        for (client, body) in [(&member, "Mine: the tool library opens at ten"), (&neighbour, "Theirs: bring cake")] {
            let posted = server.call(client, "post_message", &[("channel", &channel), ("body", body)]).await;
            assert!(posted.status().is_success(), "{}", posted.status());
        }
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let proposal = propose(&server, &connector, "paris", "lazy_consent", "Open the tool library on Sundays", "").await;
        assert_eq!(stance(&server, &member, proposal, "agree", "Count me in").await, 200);
        assert_eq!(stance(&server, &neighbour, proposal, "abstain", "Not sure").await, 200);

        let anonymous = server.client().get(format!("{}/me/data.zip", server.base)).send().await.expect("answer");
        assert_eq!(anonymous.status(), 401);
        let response = member.get(format!("{}/me/data.zip", server.base)).send().await.expect("answer");
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/zip");
        assert_eq!(response.headers()["cache-control"], "no-store");
        let bytes = response.bytes().await.expect("the archive");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a ZIP");
        let mut read = |name: &str| -> Value {
            let mut text = String::new();
            archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the archive")).read_to_string(&mut text).expect("text");
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("{name} is JSON"))
        };
        for name in FILES {
            assert!(read(name).is_array(), "{name} on {}", server.backend);
        }
        let profile = read("profile.json");
        assert_eq!(profile[0]["email"], DEMO_MEMBER_EMAIL);
        assert_eq!(profile[0]["city"], "Paris");
        assert!(profile[0].get("password_hash").is_none(), "never the password's hash");
        let messages = read("messages.json").to_string();
        assert!(messages.contains("Mine: the tool library opens at ten"));
        assert!(!messages.contains("Theirs: bring cake"), "nobody else's messages");
        let stances = read("stances.json");
        let stances = stances.as_array().expect("stances");
        assert_eq!(stances.len(), 1, "only the member's own stance: {stances:?}");
        assert_eq!(stances[0]["proposal_id"], proposal);
        assert_eq!(stances[0]["reason"], "Count me in");
        let ids: Vec<i64> = server.texts(&format!(
            "SELECT CAST(id AS TEXT) FROM messages WHERE author_id = (SELECT id FROM users WHERE email = '{DEMO_MEMBER_EMAIL}') ORDER BY id"
        ))
        .await
        .iter()
        .filter_map(|id| id.parse().ok())
        .collect();
        let exported: Vec<i64> = read("messages.json").as_array().expect("messages").iter().filter_map(|m| m["id"].as_i64()).collect();
        assert_eq!(exported, ids, "every message of theirs, the seeded ones too");
    })
    .await;
}
