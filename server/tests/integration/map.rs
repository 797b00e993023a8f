//! The member map's figures: per-city counts and filters agree with the database, a city's panel
//! pages through its members on the map, search finds them, and opting in or out shows live.

use crate::common::live::LiveClient;
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;
use serde_json::{json, Value};
use std::collections::HashMap;

const ON_MAP: &str = "u.map_visible = TRUE AND u.is_alumni = FALSE";

pub async fn answer(
    server: &TestServer,
    client: &Client,
    endpoint: &str,
    form: &[(&str, &str)],
) -> Value {
    let response = server.call(client, endpoint, form).await;
    let status = response.status();
    let body = response.text().await.expect("body");
    assert!(
        status.is_success(),
        "{endpoint} {form:?} on {}: {status} {body}",
        server.backend
    );
    serde_json::from_str(&body).expect("JSON")
}

/// Each city's (shown, connectors, not shown) as the map answers.
fn counts(map: &Value) -> HashMap<String, (i64, i64, i64)> {
    map["cities"]
        .as_array()
        .expect("cities")
        .iter()
        .map(|city| {
            let number = |field: &str| city[field].as_i64().expect(field);
            let slug = city["slug"].as_str().expect("slug").to_string();
            (
                slug,
                (number("shown"), number("connectors"), number("not_shown")),
            )
        })
        .collect()
}

/// The same figures counted straight from the tables, with extra conditions on `u`.
async fn counted(server: &TestServer, condition: &str) -> HashMap<String, (i64, i64, i64)> {
    let slugs = server.texts("SELECT slug FROM cities ORDER BY slug").await;
    let mut figures = HashMap::new();
    for slug in slugs {
        let city = format!("u.city_id = (SELECT id FROM cities WHERE slug = '{slug}')");
        let connector = "u.id IN (SELECT user_id FROM connectors)";
        let shown = server
            .scalar(&format!(
                "SELECT COUNT(*) FROM users u WHERE {city} AND {ON_MAP} {condition}"
            ))
            .await;
        let connectors = server
            .scalar(&format!(
                "SELECT COUNT(*) FROM users u WHERE {city} AND {ON_MAP} AND {connector} {condition}"
            ))
            .await;
        let not_shown = server
            .scalar(&format!(
                "SELECT COUNT(*) FROM users u WHERE {city} AND u.map_visible = FALSE AND u.is_alumni = FALSE"
            ))
            .await;
        figures.insert(slug, (shown, connectors, not_shown));
    }
    figures
}

#[tokio::test(flavor = "multi_thread")]
async fn counts_follow_every_filter_and_agree_with_the_tables() {
    on_every_backend(|server| async move {
        // An alumni who had chosen to appear is no longer shown, nor counted as hidden.
        server
            .execute(&format!(
                "UPDATE users SET is_alumni = TRUE, map_visible = TRUE WHERE id = (SELECT MAX(id) FROM users \
                 WHERE email <> '{DEMO_MEMBER_EMAIL}' AND id NOT IN (SELECT user_id FROM connectors))"
            ))
            .await;
        let visitor = server.client();
        let all = counts(&answer(&server, &visitor, "get_map", &[]).await);
        assert_eq!(all, counted(&server, "").await, "no filter on {}", server.backend);
        let shown: i64 = all.values().map(|(shown, _, _)| shown).sum();
        let total = server.scalar(&format!("SELECT COUNT(*) FROM users u WHERE {ON_MAP}")).await;
        assert_eq!(shown, total);
        assert!(all.values().all(|(shown, _, hidden)| *shown > 0 && *hidden > 0), "{all:?}");

        let tag = server
            .text(&format!(
                "SELECT s.skill FROM user_skills s JOIN users u ON u.id = s.user_id WHERE {ON_MAP} \
                 GROUP BY s.skill ORDER BY COUNT(*) DESC, s.skill LIMIT 1"
            ))
            .await;
        let recent_since = app::context::now() - 30 * 86_400;
        let cases: Vec<(Vec<(&str, &str)>, String)> = vec![
            (vec![("tag", tag.as_str())], format!("AND u.id IN (SELECT user_id FROM user_skills WHERE skill = '{tag}')")),
            (vec![("language", "fr")], "AND u.id IN (SELECT user_id FROM user_languages WHERE language = 'fr')".into()),
            (vec![("connectors_only", "true")], "AND u.id IN (SELECT user_id FROM connectors)".into()),
            (vec![("recent", "true")], format!("AND u.created_at >= {recent_since}")),
            (
                vec![("tag", tag.as_str()), ("language", "en"), ("recent", "false")],
                format!("AND u.id IN (SELECT user_id FROM user_skills WHERE skill = '{tag}') \
                         AND u.id IN (SELECT user_id FROM user_languages WHERE language = 'en')"),
            ),
        ];
        for (form, condition) in cases {
            let filtered = counts(&answer(&server, &visitor, "get_map", &form).await);
            assert_eq!(filtered, counted(&server, &condition).await, "{form:?} on {}", server.backend);
            let narrowed: i64 = filtered.values().map(|(shown, _, _)| shown).sum();
            assert!(narrowed < shown, "{form:?} narrows the map");
        }
        // Tags are matched as profiles store them; nonsense is refused, not searched.
        let spaced = counts(&answer(&server, &visitor, "get_map", &[("tag", &tag.replace('-', " ").to_uppercase())]).await);
        assert_eq!(spaced, counts(&answer(&server, &visitor, "get_map", &[("tag", &tag)]).await));
        for bad in [vec![("tag", "<b>")], vec![("tag", &*"x".repeat(40))], vec![("language", "french")]] {
            let status = server.call(&visitor, "get_map", &bad).await.status();
            assert_eq!(status, 422, "{bad:?}");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_city_panel_lists_its_members_on_the_map_connectors_first_page_by_page() {
    on_every_backend(|server| async move {
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let paris = "(SELECT id FROM cities WHERE slug = 'paris')";
        // Enough members on the map to need two pages.
        server.execute(&format!("UPDATE users SET map_visible = TRUE WHERE city_id = {paris} AND id % 7 <> 0")).await;
        let expected = server.scalar(&format!("SELECT COUNT(*) FROM users u WHERE u.city_id = {paris} AND {ON_MAP}")).await;
        assert!(expected > 20, "the small network's Paris has {expected} on the map");
        let first = answer(&server, &member, "list_map_members", &[("city", "paris")]).await;
        assert_eq!(first["total"].as_i64(), Some(expected));
        assert_eq!(first["name"], "Paris");
        assert!(first["channel_id"].as_i64().is_some(), "the city channel is linked");
        let second = answer(&server, &member, "list_map_members", &[("city", "paris"), ("page", "1")]).await;
        let mut listed: Vec<Value> = first["members"].as_array().expect("members").clone();
        assert_eq!(listed.len(), 20);
        listed.extend(second["members"].as_array().expect("members").iter().cloned());
        assert_eq!(listed.len() as i64, expected);
        let connector_flags: Vec<bool> = listed.iter().map(|m| m["is_connector"].as_bool().expect("flag")).collect();
        let connectors = server.scalar(&format!(
            "SELECT COUNT(*) FROM users u WHERE u.city_id = {paris} AND {ON_MAP} AND u.id IN (SELECT user_id FROM connectors)"
        )).await;
        assert_eq!(connector_flags.iter().filter(|flag| **flag).count() as i64, connectors);
        assert!(connector_flags.windows(2).all(|pair| pair[0] || !pair[1]), "connectors come first");
        for shown in &listed {
            let id = shown["id"].as_i64().expect("id");
            let on_map = server.scalar(&format!("SELECT COUNT(*) FROM users u WHERE u.id = {id} AND {ON_MAP}")).await;
            assert_eq!(on_map, 1, "{shown}");
        }
        let someone = &listed[0];
        let id = someone["id"].as_i64().expect("id");
        let skills = server.texts(&format!("SELECT skill FROM user_skills WHERE user_id = {id} ORDER BY skill")).await;
        let languages = server.texts(&format!("SELECT language FROM user_languages WHERE user_id = {id} ORDER BY language")).await;
        assert_eq!(someone["skills"], json!(skills));
        assert_eq!(someone["languages"], json!(languages));

        let beyond = answer(&server, &member, "list_map_members", &[("city", "paris"), ("page", "50")]).await;
        assert_eq!(beyond["members"], json!([]));
        let lyon_connectors = answer(&server, &member, "list_map_members", &[("city", "lyon"), ("connectors_only", "true")]).await;
        assert!(lyon_connectors["members"].as_array().expect("members").iter().all(|m| m["is_connector"] == true));
        assert_eq!(server.call(&member, "list_map_members", &[("city", "atlantis")]).await.status(), 404);
        assert_eq!(server.call(&member, "list_map_members", &[("city", "paris"), ("page", "10000")]).await.status(), 400);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn searching_by_name_finds_members_on_the_map_and_their_city() {
    on_every_backend(|server| async move {
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let (id, name) = {
            let id = server
                .scalar(&format!(
                    "SELECT id FROM users WHERE email = '{DEMO_MEMBER_EMAIL}'"
                ))
                .await;
            (
                id,
                server
                    .text(&format!("SELECT name FROM users WHERE id = {id}"))
                    .await,
            )
        };
        let first_word = name
            .split_whitespace()
            .next()
            .expect("a name")
            .to_lowercase();
        let hits = answer(
            &server,
            &member,
            "search_map_members",
            &[("query", &first_word)],
        )
        .await;
        let hits = hits.as_array().expect("hits");
        assert!(
            hits.iter()
                .any(|hit| hit["id"] == id && hit["city_slug"] == "paris"),
            "{hits:?}"
        );
        assert!(hits.len() <= 8);
        for hit in hits {
            assert!(hit["name"]
                .as_str()
                .expect("name")
                .to_lowercase()
                .contains(&first_word));
        }
        assert_eq!(
            answer(&server, &member, "search_map_members", &[("query", "  ")]).await,
            json!([])
        );
        assert_eq!(
            answer(&server, &member, "search_map_members", &[("query", "%")]).await,
            json!([]),
            "% is no wildcard"
        );
        let long = "x".repeat(81);
        assert_eq!(
            server
                .call(&member, "search_map_members", &[("query", &long)])
                .await
                .status(),
            422
        );
    })
    .await;
}

async fn save_profile(server: &TestServer, client: &Client, name: &str, visible: bool) {
    let mut form = vec![
        ("name", name),
        ("city", "paris"),
        ("bio", ""),
        ("skills", "cartography, facilitation"),
        ("languages", "fr, en"),
    ];
    if visible {
        form.push(("map_visible", "on"));
    }
    let saved = server.call(client, "update_profile", &form).await;
    assert!(
        saved.status().is_success() || saved.status().is_redirection(),
        "{}",
        saved.status()
    );
}

fn paris_shown(map: &Value) -> i64 {
    counts(map)
        .get("paris")
        .map(|(shown, _, _)| *shown)
        .expect("Paris")
}

#[tokio::test(flavor = "multi_thread")]
async fn opting_out_and_back_in_moves_a_member_off_and_onto_open_maps() {
    on_every_backend(|server| async move {
        let (watcher, cookie) = server.session(DEMO_ADMIN_EMAIL).await;
        let (member, _) = server.session(DEMO_MEMBER_EMAIL).await;
        let before = answer(&server, &watcher, "get_map", &[]).await;
        let version = before["version"].as_i64().expect("version");
        let mut live = LiveClient::connect(&server.base, &cookie).await;
        live.send(json!({"type": "watch_map", "version": version}))
            .await;

        save_profile(&server, &member, "Mapped Person", false).await;
        let changed = live.frame_of_type("map_changed").await;
        let after_out = changed["version"].as_i64().expect("version");
        assert!(after_out > version);
        let hidden = answer(&server, &watcher, "get_map", &[]).await;
        assert_eq!(paris_shown(&hidden), paris_shown(&before) - 1);
        assert!(hidden["version"].as_i64() >= Some(after_out));
        let tagged = answer(&server, &watcher, "get_map", &[("tag", "cartography")]).await;
        assert_eq!(
            paris_shown(&tagged),
            0,
            "the opted-out member's new tag shows nobody"
        );

        save_profile(&server, &member, "Mapped Person", true).await;
        let changed = live.frame_of_type("map_changed").await;
        assert!(changed["version"].as_i64().expect("version") > after_out);
        let back = answer(&server, &watcher, "get_map", &[("tag", "cartography")]).await;
        assert_eq!(paris_shown(&back), 1);
        let listed = answer(
            &server,
            &watcher,
            "list_map_members",
            &[("city", "paris"), ("tag", "cartography")],
        )
        .await;
        assert_eq!(listed["members"][0]["name"], "Mapped Person");

        // A newcomer is counted at once, hidden until they choose to appear.
        let newcomer = server.client();
        let joined = server
            .call(
                &newcomer,
                "sign_up",
                &[
                    ("name", "New Person"),
                    ("email", "new.person@example.org"),
                    ("password", "long enough password"),
                    ("city", "paris"),
                ],
            )
            .await;
        assert!(
            joined.status().is_success() || joined.status().is_redirection(),
            "{}",
            joined.status()
        );
        live.frame_of_type("map_changed").await;
        let counted = counts(&answer(&server, &watcher, "get_map", &[]).await);
        let before_counts = counts(&back);
        assert_eq!(counted["paris"].2, before_counts["paris"].2 + 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn visitors_see_counts_only_until_the_admins_open_the_map() {
    on_every_backend(|server| async move {
        let visitor = server.client();
        let map = answer(&server, &visitor, "get_map", &[]).await;
        assert_eq!(
            (
                map["sees_members"].as_bool(),
                map["may_configure"].as_bool()
            ),
            (Some(false), Some(false))
        );
        assert_eq!(
            server
                .call(&visitor, "list_map_members", &[("city", "paris")])
                .await
                .status(),
            401
        );
        assert_eq!(
            server
                .call(&visitor, "search_map_members", &[("query", "a")])
                .await
                .status(),
            401
        );

        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        assert_eq!(
            answer(&server, &admin, "get_map", &[]).await["may_configure"],
            true
        );
        answer(
            &server,
            &admin,
            "set_map_visitors",
            &[("visitors_see_members", "on")],
        )
        .await;
        let open = answer(&server, &visitor, "get_map", &[]).await;
        assert_eq!(
            (
                open["sees_members"].as_bool(),
                open["visitors_see_members"].as_bool()
            ),
            (Some(true), Some(true))
        );
        let listed = answer(&server, &visitor, "list_map_members", &[("city", "paris")]).await;
        assert!(listed["total"].as_i64() > Some(0));

        answer(&server, &admin, "set_map_visitors", &[]).await;
        assert_eq!(
            server
                .call(&visitor, "list_map_members", &[("city", "paris")])
                .await
                .status(),
            401
        );
    })
    .await;
}
