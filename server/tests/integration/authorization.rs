//! Every server function, called as every kind of person, allows or refuses as the rules say.

use crate::common::roles::{Role, ROLES};
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;

/// Who may call it. "Home" is Paris, the first city; "elsewhere" is Lyon.
fn allowed(endpoint: &str, role: Role) -> bool {
    expectation(endpoint, role).unwrap_or_else(|| panic!("no expectation for {endpoint}"))
}

fn expectation(endpoint: &str, role: Role) -> Option<bool> {
    use Role::*;
    Some(match endpoint {
        "get_viewer" | "list_cities" | "get_city" | "log_out" => true,
        "get_profile" | "get_profile_draft" | "list_city_members" => role != Anonymous,
        "update_profile" => !matches!(role, Anonymous | Alumni),
        "list_newcomers" | "invite_member" | "list_invitations" => {
            matches!(role, Connector | Admin)
        }
        "get_email_preferences" | "update_email_preferences" => role != Anonymous,
        "get_invitation" | "get_sign_up_policy" => true,
        "set_sign_up_policy" => role == Admin,
        "appoint_connector" | "remove_connector" | "set_alumni" => role == Admin,
        "sign_up" => role == Anonymous,
        _ => return None,
    })
}

/// Logging in is tried by everyone in the accounts scenarios, throttle included; deleting one's
/// account in its own scenarios (it cannot be undone, so the matrix does not try it).
/// Revoking needs an invitation, and unsubscribing a link's secret: their own scenarios try them.
const TESTED_ELSEWHERE: &[&str] = &[
    "log_in",
    "delete_account",
    "revoke_invitation",
    "unsubscribe",
];

#[test]
fn every_registered_server_function_has_a_role_expectation() {
    let mut missing = Vec::new();
    for (path, _) in leptos::server_fn::axum::server_fn_paths() {
        let endpoint = path.trim_start_matches("/api/");
        let known = TESTED_ELSEWHERE.contains(&endpoint)
            || expectation(endpoint, Role::Member).is_some()
            || crate::discussion_rules::expectation(endpoint, Role::Member).is_some()
            || crate::budget_roles::expectation(endpoint, Role::Member).is_some()
            || crate::decision_rules::expectation(endpoint, Role::Member).is_some()
            || crate::map_privacy::expectation(endpoint, Role::Member).is_some();
        if !known {
            missing.push(endpoint.to_string());
        }
    }
    assert!(missing.is_empty(), "not in any role matrix: {missing:?}");
}

struct People {
    member_elsewhere: String,
    connector_elsewhere: String,
    alumni: String,
    /// Someone the admin makes alumni (and the matrix then welcomes back).
    outgoing_id: i64,
    member_id: i64,
    connector_id: i64,
}

async fn people(server: &TestServer) -> People {
    let lyon = "(SELECT id FROM cities WHERE slug = 'lyon')";
    let alumni = server
        .text(&format!(
            "SELECT email FROM users WHERE city_id = (SELECT id FROM cities WHERE slug = 'paris') \
             AND email NOT IN ('{DEMO_ADMIN_EMAIL}', '{DEMO_CONNECTOR_EMAIL}', '{DEMO_MEMBER_EMAIL}') \
             AND id NOT IN (SELECT user_id FROM connectors) ORDER BY id LIMIT 1"
        ))
        .await;
    server
        .execute(&format!(
            "UPDATE users SET is_alumni = TRUE WHERE email = '{alumni}'"
        ))
        .await;
    People {
        member_elsewhere: server
            .text(&format!(
                "SELECT email FROM users WHERE city_id = {lyon} \
                 AND id NOT IN (SELECT user_id FROM connectors) ORDER BY id LIMIT 1"
            ))
            .await,
        connector_elsewhere: server
            .text(&format!(
                "SELECT u.email FROM users u JOIN connectors k ON k.user_id = u.id \
                 WHERE k.city_id = {lyon} ORDER BY u.id LIMIT 1"
            ))
            .await,
        alumni,
        outgoing_id: server
            .scalar(&format!(
                "SELECT id FROM users WHERE city_id = {lyon} AND is_admin = FALSE \
                 AND id NOT IN (SELECT user_id FROM connectors) ORDER BY id DESC LIMIT 1"
            ))
            .await,
        member_id: server
            .scalar(&format!(
                "SELECT id FROM users WHERE email = '{DEMO_MEMBER_EMAIL}'"
            ))
            .await,
        connector_id: server
            .scalar(&format!(
                "SELECT id FROM users WHERE email = '{DEMO_CONNECTOR_EMAIL}'"
            ))
            .await,
    }
}

async fn client_for(server: &TestServer, people: &People, role: Role) -> Client {
    match role {
        Role::Anonymous => server.client(),
        Role::Member => server.signed_in(DEMO_MEMBER_EMAIL).await,
        Role::MemberElsewhere => server.signed_in(&people.member_elsewhere).await,
        Role::Connector => server.signed_in(DEMO_CONNECTOR_EMAIL).await,
        Role::ConnectorElsewhere => server.signed_in(&people.connector_elsewhere).await,
        Role::Alumni => server.signed_in(&people.alumni).await,
        Role::Admin => server.signed_in(DEMO_ADMIN_EMAIL).await,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_server_function_allows_and_refuses_by_role() {
    on_every_backend(|server| async move {
        let people = people(&server).await;
        let member_id = people.member_id.to_string();
        let connector_id = people.connector_id.to_string();
        let outgoing_id = people.outgoing_id.to_string();
        for role in ROLES {
            let client = client_for(&server, &people, role).await;
            let sign_up_email =
                format!("new.{role:?}.{}@example.org", server.backend).to_lowercase();
            let invitee_email = format!("invited.{role:?}@example.org").to_lowercase();
            let unknown_token = "ab".repeat(32);
            let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
                ("get_viewer", vec![]),
                ("list_cities", vec![]),
                ("get_city", vec![("slug", "paris")]),
                ("get_profile", vec![("id", &member_id)]),
                ("get_profile_draft", vec![]),
                (
                    "list_city_members",
                    vec![("slug", "paris"), ("query", ""), ("page", "0")],
                ),
                ("list_newcomers", vec![("slug", "paris")]),
                ("get_email_preferences", vec![]),
                ("update_email_preferences", vec![("digest", "weekly")]),
                (
                    "invite_member",
                    vec![("city", "paris"), ("invitee", &invitee_email), ("note", "")],
                ),
                ("list_invitations", vec![("city", "paris")]),
                ("get_invitation", vec![("token", &unknown_token)]),
                ("get_sign_up_policy", vec![]),
                ("set_sign_up_policy", vec![]),
                (
                    "update_profile",
                    vec![
                        ("name", "Renamed Person"),
                        ("city", "paris"),
                        ("bio", "Hello"),
                        ("skills", "facilitation"),
                        ("languages", "fr, en"),
                    ],
                ),
                (
                    "appoint_connector",
                    vec![("city", "paris"), ("email", DEMO_MEMBER_EMAIL)],
                ),
                (
                    "remove_connector",
                    vec![("city", "paris"), ("user_id", &connector_id)],
                ),
                (
                    "sign_up",
                    vec![
                        ("name", "New Person"),
                        ("email", &sign_up_email),
                        ("password", "long enough password"),
                        ("city", "paris"),
                    ],
                ),
                (
                    "set_alumni",
                    vec![("user", &outgoing_id), ("alumni", "true")],
                ),
                ("log_out", vec![]),
            ];
            for (endpoint, form) in calls {
                let status = server.call(&client, endpoint, &form).await.status();
                let refused = status == 401 || status == 403 || status == 409;
                assert!(
                    status.as_u16() < 500,
                    "{endpoint} as {role:?} on {}: server error {status}",
                    server.backend
                );
                assert_eq!(
                    !refused,
                    allowed(endpoint, role),
                    "{endpoint} as {role:?} on {}: got {status}",
                    server.backend
                );
            }
            // The admin's appointment and removal above change roles: put them back.
            if role == Role::Admin {
                server
                    .execute(&format!(
                        "UPDATE users SET is_alumni = FALSE WHERE id = {outgoing_id}"
                    ))
                    .await;
                server
                    .call(
                        &client,
                        "remove_connector",
                        &[("city", "paris"), ("user_id", &member_id)],
                    )
                    .await;
                let connector = server.signed_in(DEMO_ADMIN_EMAIL).await;
                server
                    .call(
                        &connector,
                        "appoint_connector",
                        &[("city", "paris"), ("email", DEMO_CONNECTOR_EMAIL)],
                    )
                    .await;
            }
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admins_role_changes_take_effect() {
    on_every_backend(|server| async move {
        let people = people(&server).await;
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let member_id = people.member_id.to_string();
        let viewer = |client: Client| {
            let server = &server;
            async move {
                let answer: serde_json::Value = server
                    .call(&client, "get_viewer", &[])
                    .await
                    .json()
                    .await
                    .unwrap();
                answer
            }
        };
        let connector_of = |viewer: &serde_json::Value| -> Vec<String> {
            viewer["connector_of"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|city| city["slug"].as_str().map(String::from))
                .collect()
        };

        let appointed = server
            .call(
                &admin,
                "appoint_connector",
                &[("city", "lyon"), ("email", DEMO_MEMBER_EMAIL)],
            )
            .await;
        assert!(appointed.status().is_success(), "{}", appointed.status());
        assert_eq!(connector_of(&viewer(member.clone()).await), ["lyon"]);
        let again = server
            .call(
                &admin,
                "appoint_connector",
                &[("city", "lyon"), ("email", DEMO_MEMBER_EMAIL)],
            )
            .await;
        assert_eq!(again.status(), 422, "appointing twice says so");
        let removed = server
            .call(
                &admin,
                "remove_connector",
                &[("city", "lyon"), ("user_id", &member_id)],
            )
            .await;
        assert!(removed.status().is_success(), "{}", removed.status());
        assert!(connector_of(&viewer(member.clone()).await).is_empty());

        // A connector made alumni keeps their history, stops acting, and coordinates nowhere.
        let connector_id = server
            .scalar(&format!(
                "SELECT id FROM users WHERE email = '{}'",
                people.connector_elsewhere
            ))
            .await
            .to_string();
        let outgoing = server.signed_in(&people.connector_elsewhere).await;
        let made = server
            .call(
                &admin,
                "set_alumni",
                &[("user", &connector_id), ("alumni", "true")],
            )
            .await;
        assert!(made.status().is_success(), "{}", made.status());
        let seen = viewer(outgoing.clone()).await;
        assert_eq!(seen["is_alumni"], true, "{seen}");
        assert!(connector_of(&seen).is_empty(), "{seen}");
        let edit = [
            ("name", "Still Here"),
            ("city", "lyon"),
            ("bio", ""),
            ("skills", ""),
            ("languages", "fr"),
        ];
        assert_eq!(
            server
                .call(&outgoing, "update_profile", &edit)
                .await
                .status(),
            403
        );
        let back = server
            .call(
                &admin,
                "set_alumni",
                &[("user", &connector_id), ("alumni", "false")],
            )
            .await;
        assert!(back.status().is_success(), "{}", back.status());
        assert!(server
            .call(&outgoing, "update_profile", &edit)
            .await
            .status()
            .is_success());

        let admin_id = server
            .scalar(&format!(
                "SELECT id FROM users WHERE email = '{DEMO_ADMIN_EMAIL}'"
            ))
            .await
            .to_string();
        let own = server
            .call(
                &admin,
                "set_alumni",
                &[("user", &admin_id), ("alumni", "true")],
            )
            .await;
        assert_eq!(own.status(), 403, "an admin cannot retire themselves");
        let nobody = server
            .call(
                &admin,
                "set_alumni",
                &[("user", "999999"), ("alumni", "true")],
            )
            .await;
        assert_eq!(nobody.status(), 404);
    })
    .await;
}
