//! A member deletes their account: their profile goes, what they wrote shows as from a former
//! member, and every vote and every cent they moved still counts, under a pseudonym.

use crate::common::money::balances;
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_PASSWORD};
use serde_json::Value;

/// Every total a deletion must leave as it was, keyed by what it counts.
const TOTALS: &[&str] = &[
    "SELECT 'ledger ' || kind, CAST(SUM(amount_cents) AS BIGINT) FROM ledger GROUP BY kind",
    "SELECT 'ledger entries', COUNT(*) FROM ledger",
    "SELECT 'ballots of round ' || CAST(round_id AS TEXT), COUNT(*) FROM ballots GROUP BY round_id",
    "SELECT 'points for project ' || CAST(project_id AS TEXT), CAST(SUM(points) AS BIGINT) \
     FROM ballot_choices GROUP BY project_id",
    "SELECT 'results of round ' || CAST(round_id AS TEXT), LENGTH(outcome) FROM round_results",
    "SELECT 'stances ' || CAST(proposal_id AS TEXT) || ' ' || stance, COUNT(*) FROM stances \
     GROUP BY proposal_id, stance",
    "SELECT 'messages of channel ' || CAST(channel_id AS TEXT), COUNT(*) FROM messages GROUP BY channel_id",
    "SELECT 'reactions', COUNT(*) FROM reactions",
    "SELECT 'buckets', COUNT(*) FROM buckets",
    "SELECT 'proposals', COUNT(*) FROM proposals",
    "SELECT 'audit entries', COUNT(*) FROM budget_audit",
];

async fn totals(server: &TestServer) -> Vec<(String, i64)> {
    let mut all = Vec::new();
    for sql in TOTALS {
        let mut rows: Vec<(String, i64)> = sqlx::query_as(sql)
            .fetch_all(&server.database.any)
            .await
            .unwrap_or_else(|error| panic!("{sql}: {error}"));
        all.append(&mut rows);
    }
    let mut accounts: Vec<(String, i64)> = balances(server)
        .await
        .into_iter()
        .map(|(account, cents)| (format!("balance {account}"), cents))
        .collect();
    all.append(&mut accounts);
    all.sort();
    all
}

/// A seeded member with a ballot, a contribution, a stance and a message: someone whose leaving
/// touches every total.
async fn involved_member(server: &TestServer) -> (i64, String) {
    let (id, email): (i64, String) = sqlx::query_as(
        "SELECT u.id, u.email FROM users u WHERE u.is_admin = FALSE AND u.is_alumni = FALSE \
         AND EXISTS (SELECT 1 FROM ballots b WHERE b.user_id = u.id) \
         AND EXISTS (SELECT 1 FROM ledger l WHERE l.member_id = u.id AND l.kind = 'contribution') \
         AND EXISTS (SELECT 1 FROM stances s WHERE s.user_id = u.id) \
         AND EXISTS (SELECT 1 FROM messages m WHERE m.author_id = u.id) \
         ORDER BY u.id LIMIT 1",
    )
    .fetch_one(&server.database.any)
    .await
    .expect("the demo network has a member who took part in everything");
    (id, email)
}

async fn member_count(server: &TestServer, user_id: i64) -> i64 {
    server
        .scalar(&format!(
            "SELECT COUNT(*) FROM users WHERE is_alumni = FALSE AND city_id = \
             (SELECT city_id FROM users WHERE id = {user_id})"
        ))
        .await
}

async fn city_page_count(server: &TestServer, slug: &str) -> i64 {
    let client = server.client();
    let response = server.call(&client, "get_city", &[("slug", slug)]).await;
    let city: Value = response.json().await.expect("city JSON");
    city["member_count"].as_i64().expect("member count")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_account_leaves_a_pseudonym_and_every_total_unchanged() {
    on_every_backend(|server| async move {
        let (id, email) = involved_member(&server).await;
        let member = server.signed_in(&email).await;
        let channel = server.home_channel_of(&email).await.to_string();
        let posted = server
            .call(
                &member,
                "post_message",
                &[
                    ("channel", &channel),
                    ("body", "Goodbye, and thanks for the soup"),
                ],
            )
            .await;
        assert!(posted.status().is_success(), "{}", posted.status());
        let slug = server
            .text(&format!(
                "SELECT c.slug FROM cities c JOIN users u ON u.city_id = c.id WHERE u.id = {id}"
            ))
            .await;
        let members_before = member_count(&server, id).await;
        let listed_before = city_page_count(&server, &slug).await;
        let messages_of_member = server
            .scalar(&format!(
                "SELECT COUNT(*) FROM messages WHERE author_id = {id}"
            ))
            .await;
        let before = totals(&server).await;

        // Refused without the password, without the tick, and for nobody in particular.
        let anonymous = server
            .call(
                &server.client(),
                "delete_account",
                &[("password", DEMO_PASSWORD), ("understood", "on")],
            )
            .await;
        assert_eq!(anonymous.status(), 401);
        let wrong = server
            .call(
                &member,
                "delete_account",
                &[("password", "not my password"), ("understood", "on")],
            )
            .await;
        assert_eq!(wrong.status(), 422);
        let unticked = server
            .call(&member, "delete_account", &[("password", DEMO_PASSWORD)])
            .await;
        assert_eq!(unticked.status(), 422);
        assert_eq!(
            server
                .scalar(&format!(
                    "SELECT COUNT(*) FROM users WHERE id = {id} AND deleted_at IS NULL"
                ))
                .await,
            1
        );

        let deleted = server
            .call(
                &member,
                "delete_account",
                &[("password", DEMO_PASSWORD), ("understood", "on")],
            )
            .await;
        assert!(
            deleted.status().is_success(),
            "{} on {}",
            deleted.status(),
            server.backend
        );

        assert_eq!(
            totals(&server).await,
            before,
            "every total on {}",
            server.backend
        );
        // Their messages stay, from a former member; their ballots and stances point at the pseudonym.
        assert_eq!(
            server
                .scalar(&format!(
                    "SELECT COUNT(*) FROM messages WHERE author_id = {id}"
                ))
                .await,
            0
        );
        assert!(messages_of_member > 0);
        assert!(
            server
                .scalar(&format!(
                    "SELECT COUNT(*) FROM ballots WHERE user_id = {id}"
                ))
                .await
                > 0
        );
        assert!(
            server
                .scalar(&format!(
                    "SELECT COUNT(*) FROM stances WHERE user_id = {id}"
                ))
                .await
                > 0
        );
        let pseudonym = server
            .text(&format!("SELECT name FROM users WHERE id = {id}"))
            .await;
        assert!(pseudonym.starts_with("Former member "), "{pseudonym}");
        for personal in [
            "user_skills",
            "user_languages",
            "connectors",
            "channel_members",
            "notifications",
        ] {
            assert_eq!(
                server
                    .scalar(&format!(
                        "SELECT COUNT(*) FROM {personal} WHERE user_id = {id}"
                    ))
                    .await,
                0,
                "{personal}"
            );
        }
        assert_eq!(
            server
                .scalar(&format!(
                    "SELECT COUNT(*) FROM users WHERE email = '{email}' OR bio <> '' AND id = {id}"
                ))
                .await,
            0
        );

        // The member is no longer counted, listed or signed in; the email is free again.
        assert_eq!(member_count(&server, id).await, members_before - 1);
        assert_eq!(city_page_count(&server, &slug).await, listed_before - 1);
        let viewer: Value = server
            .call(&member, "get_viewer", &[])
            .await
            .json()
            .await
            .expect("viewer");
        assert!(viewer.is_null(), "still signed in: {viewer}");
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        assert_eq!(
            server
                .call(&admin, "get_profile", &[("id", &id.to_string())])
                .await
                .status(),
            404
        );
        let again = server.client();
        let log_in = server
            .call(
                &again,
                "log_in",
                &[("email", &email), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(log_in.status(), 422);
        let restore = server
            .call(
                &admin,
                "set_alumni",
                &[("user", &id.to_string()), ("alumni", "false")],
            )
            .await;
        assert_eq!(
            restore.status(),
            404,
            "a deleted account cannot be brought back"
        );
        let sign_up = server
            .call(
                &again,
                "sign_up",
                &[
                    ("name", "New Start"),
                    ("email", &email),
                    ("password", "a brand new password"),
                    ("city", &slug),
                ],
            )
            .await;
        assert!(
            sign_up.status().is_success() || sign_up.status().is_redirection(),
            "{}",
            sign_up.status()
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_only_admin_cannot_delete_their_account() {
    on_every_backend(|server| async move {
        server
            .execute(&format!(
                "UPDATE users SET is_admin = FALSE WHERE email <> '{DEMO_ADMIN_EMAIL}'"
            ))
            .await;
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let refused = server
            .call(
                &admin,
                "delete_account",
                &[("password", DEMO_PASSWORD), ("understood", "on")],
            )
            .await;
        assert_eq!(refused.status(), 422);
        let body = refused.text().await.unwrap_or_default();
        assert!(body.contains("LastAdmin"), "{body}");
        assert_eq!(
            server
                .scalar(&format!(
                    "SELECT COUNT(*) FROM users WHERE email = '{DEMO_ADMIN_EMAIL}'"
                ))
                .await,
            1
        );
    })
    .await;
}
