//! Signing up, logging in and out, sessions and profiles, through HTTP like the app does.

use crate::common::on_every_backend;
use demo_network::{DEMO_MEMBER_EMAIL, DEMO_PASSWORD};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn a_newcomer_signs_up_edits_the_profile_and_logs_out() {
    on_every_backend(|server| async move {
        let client = server.client();
        let signed_up = server
            .call(
                &client,
                "sign_up",
                &[
                    ("name", "  Inès Duarte "),
                    ("email", "Ines@Example.org"),
                    ("password", "a long passphrase"),
                    ("city", "lyon"),
                ],
            )
            .await;
        assert!(signed_up.status().is_success() || signed_up.status().is_redirection());
        let cookie = signed_up
            .headers()
            .get("set-cookie")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_string();
        eprintln!("SIGNUP {:?} {}", signed_up.status(), cookie);
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");

        let viewer: Value = server.call(&client, "get_viewer", &[]).await.json().await.unwrap();
        assert_eq!(viewer["name"], "Inès Duarte");
        assert_eq!(viewer["city"]["slug"], "lyon");
        assert_eq!(viewer["is_admin"], false);

        let saved = server
            .call(
                &client,
                "update_profile",
                &[
                    ("name", "Inès Duarte"),
                    ("city", "paris"),
                    ("bio", "I *love* commons <script>alert(1)</script>"),
                    ("skills", "Open Source, facilitation"),
                    ("languages", "pt, fr"),
                    ("map_visible", "on"),
                ],
            )
            .await;
        assert!(saved.status().is_success() || saved.status().is_redirection(), "{}", saved.status());
        let id = viewer["id"].as_i64().unwrap().to_string();
        let profile: Value = server.call(&client, "get_profile", &[("id", &id)]).await.json().await.unwrap();
        assert_eq!(profile["city"]["slug"], "paris");
        assert_eq!(profile["skills"], serde_json::json!(["facilitation", "open-source"]));
        assert_eq!(profile["languages"], serde_json::json!(["fr", "pt"]));
        let bio = profile["bio_html"].as_str().unwrap();
        assert!(bio.contains("<em>love</em>") && !bio.contains("<script"), "{bio}");
        let visible = server
            .scalar("SELECT COUNT(*) FROM users WHERE email = 'ines@example.org' AND map_visible = TRUE")
            .await;
        assert_eq!(visible, 1);

        server.call(&client, "log_out", &[]).await;
        let viewer: Value = server.call(&client, "get_viewer", &[]).await.json().await.unwrap();
        assert!(viewer.is_null());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_sign_ups_get_field_errors_and_create_nothing() {
    on_every_backend(|server| async move {
        let before = server.scalar("SELECT COUNT(*) FROM users").await;
        let cases: [(&[(&str, &str)], &str); 4] = [
            (
                &[
                    ("name", "A"),
                    ("email", "not-an-email"),
                    ("password", "long enough"),
                    ("city", "paris"),
                ],
                "email",
            ),
            (
                &[
                    ("name", "A"),
                    ("email", "a@example.org"),
                    ("password", "short"),
                    ("city", "paris"),
                ],
                "password",
            ),
            (
                &[
                    ("name", "A"),
                    ("email", "a@example.org"),
                    ("password", "long enough"),
                    ("city", "atlantis"),
                ],
                "city",
            ),
            (
                &[
                    ("name", "A"),
                    ("email", DEMO_MEMBER_EMAIL),
                    ("password", "long enough"),
                    ("city", "paris"),
                ],
                "email",
            ),
        ];
        for (form, field) in cases {
            let response = server.call(&server.client(), "sign_up", form).await;
            assert_eq!(response.status(), 422, "{form:?}");
            let error: Value = response.json().await.unwrap();
            assert_eq!(error["Invalid"]["field"], field, "{error}");
        }
        let missing = server
            .call(&server.client(), "sign_up", &[("name", "A")])
            .await;
        assert!(missing.status().is_client_error() || missing.status() == 500);
        assert_eq!(server.scalar("SELECT COUNT(*) FROM users").await, before);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn login_gives_a_new_session_id_and_failures_are_limited() {
    on_every_backend(|server| async move {
        let client = server.client();
        let first = client
            .get(format!("{}/login", server.base))
            .send()
            .await
            .unwrap();
        let before = first
            .headers()
            .get("set-cookie")
            .map(|v| v.to_str().unwrap_or("").to_string());
        let login = server
            .call(
                &client,
                "log_in",
                &[("email", DEMO_MEMBER_EMAIL), ("password", DEMO_PASSWORD)],
            )
            .await;
        let after = login
            .headers()
            .get("set-cookie")
            .map(|v| v.to_str().unwrap_or("").to_string());
        assert!(after.is_some(), "login sets a session cookie");
        assert_ne!(before, after);

        let attacker = server.client();
        for attempt in 1..=5 {
            let response = server
                .call(
                    &attacker,
                    "log_in",
                    &[("email", DEMO_MEMBER_EMAIL), ("password", "wrong password")],
                )
                .await;
            assert_eq!(response.status(), 422, "attempt {attempt}");
        }
        let blocked = server
            .call(
                &attacker,
                "log_in",
                &[("email", DEMO_MEMBER_EMAIL), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(blocked.status(), 429);
        let error: Value = blocked.json().await.unwrap();
        assert_eq!(error["RateLimited"]["retry_after_minutes"], 15);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn over_https_the_session_cookie_is_secure_with_a_host_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("edges.db").display());
    let config = server::http::HttpConfig {
        https: true,
        ..server::http::HttpConfig::default()
    };
    let server = crate::common::TestServer::start_with(&url, "sqlite", config).await;
    let response = server
        .call(
            &server.client(),
            "log_in",
            &[("email", DEMO_MEMBER_EMAIL), ("password", DEMO_PASSWORD)],
        )
        .await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("__Host-edges_session="), "{cookie}");
    assert!(
        cookie.contains("Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_creates_an_admin_who_connects_a_city() {
    use server::users::{create, CreateUserError, NewAccount};
    on_every_backend(|server| async move {
        let account = |email: &str, city: &str| NewAccount {
            name: "Ada Operator".into(),
            email: email.into(),
            city: city.into(),
            password: "operator passphrase".into(),
            admin: true,
            connector_of: vec!["lyon".into()],
        };
        create(&server.database.any, account("ada@edges.example", "paris"))
            .await
            .expect("account created");
        let taken = create(&server.database.any, account("ADA@edges.example", "paris")).await;
        assert!(
            matches!(taken, Err(CreateUserError::EmailTaken)),
            "{taken:?}"
        );
        let nowhere = create(
            &server.database.any,
            account("bo@edges.example", "atlantis"),
        )
        .await;
        assert!(
            matches!(nowhere, Err(CreateUserError::NoSuchCity(_))),
            "{nowhere:?}"
        );

        let client = server.client();
        let logged_in = server
            .call(
                &client,
                "log_in",
                &[
                    ("email", "ada@edges.example"),
                    ("password", "operator passphrase"),
                ],
            )
            .await;
        assert!(logged_in.status().is_success(), "{}", logged_in.status());
        let viewer: Value = server
            .call(&client, "get_viewer", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(viewer["is_admin"], true);
        assert_eq!(viewer["city"]["slug"], "paris");
        assert_eq!(viewer["connector_of"][0]["slug"], "lyon");
        assert_eq!(
            server
                .scalar("SELECT COUNT(*) FROM users WHERE email LIKE 'bo@%'")
                .await,
            0
        );
    })
    .await;
}
