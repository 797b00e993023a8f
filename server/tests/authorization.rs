//! Every server function, called as every kind of person, allows or refuses as the rules say.
mod common;

use common::roles::{Role, ROLES};
use common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;

/// Who may call it. "Home" is Paris, the first city; "elsewhere" is Lyon.
fn allowed(endpoint: &str, role: Role) -> bool {
    use Role::*;
    match endpoint {
        "get_viewer" | "list_cities" | "get_city" | "log_out" => true,
        "get_profile" | "get_profile_draft" | "list_city_members" => role != Anonymous,
        "update_profile" => !matches!(role, Anonymous | Alumni),
        "list_newcomers" => matches!(role, Connector | Admin),
        "appoint_connector" | "remove_connector" => role == Admin,
        "sign_up" => role == Anonymous,
        other => panic!("no expectation for {other}"),
    }
}

struct People {
    member_elsewhere: String,
    connector_elsewhere: String,
    alumni: String,
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
        for role in ROLES {
            let client = client_for(&server, &people, role).await;
            let sign_up_email =
                format!("new.{role:?}.{}@example.org", server.backend).to_lowercase();
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
