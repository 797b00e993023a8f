//! A connector invites someone into their city by email: the link works once, for two weeks,
//! unless revoked; and a network can make invitations the only way in.

use crate::common::mail::{folder_of, mailing, wait_for_mail};
use crate::common::money::ok;
use crate::common::proposals::member_of;
use crate::common::{on_every_backend_configured, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;
use serde_json::Value;
use std::path::Path;

/// The connector invites `email`; answers the link's secret, read from the email sent.
async fn invite(server: &TestServer, connector: &Client, folder: &Path, email: &str) -> String {
    ok(
        server,
        connector,
        "invite_member",
        &[
            ("city", "paris"),
            ("invitee", email),
            ("note", "Come to Thursday's soup!"),
        ],
    )
    .await;
    let mail = wait_for_mail(folder, email, "invites you to Edges in Paris").await;
    assert!(
        mail.body.contains("> Come to Thursday's soup!"),
        "{}",
        mail.body
    );
    assert!(
        !mail.headers.contains("List-Unsubscribe"),
        "not a member's email: nothing to unsubscribe from"
    );
    let start = mail
        .body
        .find("https://edges.example/join/")
        .expect("the link");
    let link = mail.body[start..]
        .split_whitespace()
        .next()
        .unwrap_or_default();
    link.trim_start_matches("https://edges.example/join/")
        .to_string()
}

async fn status(server: &TestServer, token: &str) -> String {
    let invitation = ok(
        server,
        &server.client(),
        "get_invitation",
        &[("token", token)],
    )
    .await;
    invitation["status"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn sign_up(server: &TestServer, email: &str, token: Option<&str>) -> (u16, String) {
    let mut form = vec![
        ("name", "Invited Person"),
        ("email", email),
        ("password", "a long passphrase"),
        ("city", "lyon"),
    ];
    if let Some(token) = token {
        form.push(("invitation", token));
    }
    let response = server.call(&server.client(), "sign_up", &form).await;
    let code = response.status().as_u16();
    (code, response.text().await.unwrap_or_default())
}

fn joined(code: u16) -> bool {
    (200..400).contains(&code)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invitation_link_works_once_until_it_expires_or_is_revoked() {
    let root = tempfile::tempdir().expect("mail root");
    on_every_backend_configured(mailing(root.path()), |server| {
        let folder = folder_of(root.path(), &server);
        async move {
            let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
            let taken = server.call(&connector, "invite_member", &[("city", "paris"), ("invitee", DEMO_MEMBER_EMAIL), ("note", "")]).await;
            assert_eq!(taken.status(), 422, "members are not invited twice");
            let long = "x".repeat(1_001);
            let too_long = server.call(&connector, "invite_member", &[("city", "paris"), ("invitee", "a@example.org"), ("note", &long)]).await;
            assert_eq!(too_long.status(), 422);

            // Used once: the account joins the invitation's city, whatever the form said.
            let token = invite(&server, &connector, &folder, "ines@example.org").await;
            let shown = ok(&server, &server.client(), "get_invitation", &[("token", &token)]).await;
            assert_eq!((shown["status"].as_str(), shown["city_slug"].as_str(), shown["email"].as_str()), (Some("Pending"), Some("paris"), Some("ines@example.org")));
            let (code, body) = sign_up(&server, "ines@example.org", Some(&token)).await;
            assert!(joined(code), "{code} {body}");
            let city = server.text("SELECT c.slug FROM users u JOIN cities c ON c.id = u.city_id WHERE u.email = 'ines@example.org'").await;
            assert_eq!(city, "paris");
            assert_eq!(status(&server, &token).await, "Accepted");
            let (code, body) = sign_up(&server, "someone.else@example.org", Some(&token)).await;
            assert_eq!(code, 422);
            assert!(body.contains("InvitationInvalid"), "{body}");

            // Revoked before use: refused.
            let revoked = invite(&server, &connector, &folder, "ravi@example.org").await;
            let id = server.scalar("SELECT id FROM invitations WHERE email = 'ravi@example.org'").await.to_string();
            let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
            assert_eq!(server.call(&member, "revoke_invitation", &[("invitation", &id)]).await.status(), 403);
            let lyon_connector_email = server
                .text("SELECT u.email FROM users u JOIN connectors k ON k.user_id = u.id JOIN cities c ON c.id = k.city_id WHERE c.slug = 'lyon' ORDER BY u.id LIMIT 1")
                .await;
            let elsewhere = server.signed_in(&lyon_connector_email).await;
            assert_eq!(server.call(&elsewhere, "revoke_invitation", &[("invitation", &id)]).await.status(), 403);
            ok(&server, &connector, "revoke_invitation", &[("invitation", &id)]).await;
            assert_eq!(server.call(&connector, "revoke_invitation", &[("invitation", &id)]).await.status(), 422);
            assert_eq!(status(&server, &revoked).await, "Revoked");
            assert_eq!(sign_up(&server, "ravi@example.org", Some(&revoked)).await.0, 422);

            // Two weeks later a link no longer works.
            let stale = invite(&server, &connector, &folder, "zoe@example.org").await;
            server.clock.advance(14 * 86_400 + 60);
            assert_eq!(status(&server, &stale).await, "Expired");
            assert_eq!(sign_up(&server, "zoe@example.org", Some(&stale)).await.0, 422);
            let listed = ok(&server, &connector, "list_invitations", &[("city", "paris")]).await;
            let statuses: Vec<&str> = listed.as_array().expect("a list").iter().filter_map(|row| row["status"].as_str()).collect();
            assert_eq!(statuses, ["Expired", "Revoked", "Accepted"]);
            let unknown = server.call(&server.client(), "get_invitation", &[("token", &"0".repeat(64))]).await;
            assert_eq!(unknown.status(), 404);
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_network_can_make_invitations_the_only_way_in() {
    let root = tempfile::tempdir().expect("mail root");
    on_every_backend_configured(mailing(root.path()), |server| {
        let folder = folder_of(root.path(), &server);
        async move {
            let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
            ok(
                &server,
                &admin,
                "set_sign_up_policy",
                &[("invitation_only", "on")],
            )
            .await;
            let policy: Value = ok(&server, &server.client(), "get_sign_up_policy", &[]).await;
            assert_eq!(policy, Value::Bool(true));
            let (code, body) = sign_up(&server, "walk.in@example.org", None).await;
            assert_eq!(code, 422);
            assert!(body.contains("InvitationNeeded"), "{body}");

            let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
            let token = invite(&server, &connector, &folder, "walk.in@example.org").await;
            assert!(joined(
                sign_up(&server, "walk.in@example.org", Some(&token))
                    .await
                    .0
            ));

            // A plain member cannot invite; the admin reopens sign-up.
            let member = server
                .signed_in(&member_of(&server, "paris", 0).await)
                .await;
            let refused = server
                .call(
                    &member,
                    "invite_member",
                    &[
                        ("city", "paris"),
                        ("invitee", "b@example.org"),
                        ("note", ""),
                    ],
                )
                .await;
            assert_eq!(refused.status(), 403);
            ok(&server, &admin, "set_sign_up_policy", &[]).await;
            assert!(joined(
                sign_up(&server, "open.again@example.org", None).await.0
            ));
        }
    })
    .await;
}
