//! Who may call each map endpoint, and proof that no answer ever names a member who is not on
//! the map: not to any role, under any filter, on any page, in any search, nor in the pages.

use crate::common::roles::{signed_in_as, Role, ROLES};
use crate::common::{on_every_backend, TestServer};
use crate::map::answer;
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;
use serde_json::Value;

/// Who may call it, with the default setting (visitors see counts only).
pub fn expectation(endpoint: &str, role: Role) -> Option<bool> {
    use Role::*;
    Some(match endpoint {
        "get_map" | "list_map_facets" => true,
        "list_map_members" | "search_map_members" => role != Anonymous,
        "set_map_visitors" => role == Admin,
        _ => return None,
    })
}

async fn client_for(server: &TestServer, role: Role) -> Client {
    signed_in_as(server, role, "lyon").await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_map_function_allows_and_refuses_by_role() {
    on_every_backend(|server| async move {
        for role in ROLES {
            let client = client_for(&server, role).await;
            let calls: [(&str, Vec<(&str, &str)>); 5] = [
                ("get_map", vec![]),
                ("list_map_facets", vec![]),
                ("list_map_members", vec![("city", "paris")]),
                ("search_map_members", vec![("query", "a")]),
                // Saving the default leaves the setting as every other role finds it.
                ("set_map_visitors", vec![]),
            ];
            for (endpoint, form) in calls {
                let status = server.call(&client, endpoint, &form).await.status();
                assert!(
                    status.as_u16() < 500,
                    "{endpoint} as {role:?} on {}: {status}",
                    server.backend
                );
                let refused = matches!(status.as_u16(), 401 | 403 | 404);
                let expected = expectation(endpoint, role).expect("an expectation");
                assert_eq!(
                    !refused, expected,
                    "{endpoint} as {role:?} on {}: got {status}",
                    server.backend
                );
            }
        }
    })
    .await;
}

/// Someone the map must never name, made unmistakable: a unique name and a tag nobody else has.
struct Hidden {
    id: i64,
    name: &'static str,
    email: String,
}

async fn hide(server: &TestServer, email: &str, name: &'static str, alumni: bool) -> Hidden {
    let id = server
        .scalar(&format!("SELECT id FROM users WHERE email = '{email}'"))
        .await;
    // An alumni keeps the choice to appear they once made: the map drops them all the same.
    let visible = if alumni { "TRUE" } else { "FALSE" };
    server
        .execute(&format!(
            "UPDATE users SET name = '{name}', name_lower = '{}', map_visible = {visible}, is_alumni = {alumni} WHERE id = {id}",
            name.to_lowercase()
        ))
        .await;
    server
        .execute(&format!(
            "INSERT INTO user_skills (user_id, skill) VALUES ({id}, '{SECRET_TAG}')"
        ))
        .await;
    Hidden {
        id,
        name,
        email: email.to_string(),
    }
}

/// Every id of a member an answer lists (a city's panel or search hits).
fn listed_ids(answer: &Value) -> Vec<i64> {
    let people = answer.get("members").unwrap_or(answer);
    people
        .as_array()
        .map(|people| {
            people
                .iter()
                .filter_map(|person| person["id"].as_i64())
                .collect()
        })
        .unwrap_or_default()
}

const SECRET_TAG: &str = "zq-secret-skill";

fn assert_nameless(body: &str, hidden: &[Hidden], what: &str) {
    assert_nameless_but_for_the_filter(body, hidden, what);
    assert!(
        !body.contains(SECRET_TAG),
        "{what} shows a hidden member's tag"
    );
}

/// A page filtered by the hidden members' tag repeats it in its form and links: there the tag
/// must only never be shown as somebody's.
fn assert_nameless_but_for_the_filter(body: &str, hidden: &[Hidden], what: &str) {
    for person in hidden {
        assert!(!body.contains(person.name), "{what} names {}", person.name);
        assert!(
            !body.contains(&person.email),
            "{what} shows {}",
            person.email
        );
    }
    let as_someones = format!(">{SECRET_TAG}</li>");
    assert!(
        !body.contains(&as_someones),
        "{what} lists a hidden member's tag"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn no_map_answer_names_a_member_who_is_not_on_the_map() {
    on_every_backend(|server| async move {
        let paris_plain = format!(
            "SELECT email FROM users WHERE city_id = (SELECT id FROM cities WHERE slug = 'paris') \
             AND is_admin = FALSE AND id NOT IN (SELECT user_id FROM connectors) \
             AND email NOT IN ('{DEMO_MEMBER_EMAIL}', '{DEMO_ADMIN_EMAIL}') ORDER BY id"
        );
        let emails = server.texts(&paris_plain).await;
        // Not the demo connector: pages name the signed-in viewer in their header.
        let connector = server
            .text(&format!(
                "SELECT u.email FROM users u JOIN connectors k ON k.user_id = u.id \
                 WHERE k.city_id = (SELECT id FROM cities WHERE slug = 'paris') \
                 AND u.email <> '{DEMO_CONNECTOR_EMAIL}' ORDER BY u.id LIMIT 1"
            ))
            .await;
        let hidden = vec![
            // A connector, a member and an alumni of Paris, all recent arrivals.
            hide(&server, &connector, "Zqhidden Connector", false).await,
            hide(&server, &emails[0], "Zqhidden Member", false).await,
            hide(&server, &emails[1], "Zqhidden Alumni", true).await,
        ];
        let ids: Vec<i64> = hidden.iter().map(|person| person.id).collect();
        server
            .execute(&format!(
                "UPDATE users SET created_at = {} WHERE id IN ({}, {}, {})",
                app::context::now(),
                ids[0],
                ids[1],
                ids[2]
            ))
            .await;
        let cities = server.texts("SELECT slug FROM cities ORDER BY slug").await;
        let filters: Vec<Vec<(&str, &str)>> = vec![
            vec![],
            vec![("tag", "zq-secret-skill")],
            vec![("connectors_only", "true")],
            vec![("recent", "true")],
            vec![
                ("tag", "zq-secret-skill"),
                ("connectors_only", "true"),
                ("recent", "true"),
            ],
        ];
        let searches = ["zqhidden", "Zqhidden Connector", "hidden", "zq", "q"];
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        // Every role with the default setting, then visitors once the admins open the map.
        for (role, open) in ROLES
            .iter()
            .map(|role| (*role, false))
            .chain([(Role::Anonymous, true)])
        {
            if open {
                answer(
                    &server,
                    &admin,
                    "set_map_visitors",
                    &[("visitors_see_members", "on")],
                )
                .await;
            }
            let client = client_for(&server, role).await;
            let what = |endpoint: &str| {
                format!(
                    "{endpoint} as {role:?} (open: {open}) on {}",
                    server.backend
                )
            };
            let (_, facets) = server
                .status_and_body(&client, "list_map_facets", &[])
                .await;
            assert_nameless(&facets, &hidden, &what("list_map_facets"));
            for form in &filters {
                let (status, map) = server.status_and_body(&client, "get_map", form).await;
                assert_eq!(status, 200, "{}", what("get_map"));
                assert_nameless(&map, &hidden, &what("get_map"));
                for city in &cities {
                    for page in ["0", "1", "2"] {
                        let mut asked = form.clone();
                        asked.extend([("city", city.as_str()), ("page", page)]);
                        let (status, listed) = server
                            .status_and_body(&client, "list_map_members", &asked)
                            .await;
                        assert_nameless(&listed, &hidden, &what("list_map_members"));
                        if status == 200 {
                            let listed: Value = serde_json::from_str(&listed).expect("JSON");
                            assert!(
                                listed_ids(&listed).iter().all(|id| !ids.contains(id)),
                                "{}",
                                what("list_map_members")
                            );
                        }
                    }
                }
            }
            for search in searches {
                let (status, hits) = server
                    .status_and_body(&client, "search_map_members", &[("query", search)])
                    .await;
                assert_nameless(&hits, &hidden, &what("search_map_members"));
                if status == 200 {
                    let hits: Value = serde_json::from_str(&hits).expect("JSON");
                    assert!(
                        listed_ids(&hits).iter().all(|id| !ids.contains(id)),
                        "{}",
                        what("search_map_members")
                    );
                }
            }
            for path in [
                "/map?city=paris",
                "/map?city=paris&tag=zq-secret-skill&recent=on",
                "/map?q=zqhidden",
            ] {
                let page = client
                    .get(format!("{}{path}", server.base))
                    .send()
                    .await
                    .expect("page");
                assert_eq!(page.status(), 200);
                let html = page.text().await.expect("html");
                if path.contains(SECRET_TAG) {
                    assert_nameless_but_for_the_filter(&html, &hidden, &what(path));
                } else {
                    assert_nameless(&html, &hidden, &what(path));
                }
            }
        }
    })
    .await;
}
