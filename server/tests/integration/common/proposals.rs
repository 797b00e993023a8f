//! Proposals' shared steps: opening one, taking a stance, waiting for its outcome, and finding
//! ordinary members to act.
use super::TestServer;
use app::ui::time::iso_minute;
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;
use std::time::Duration;

/// `YYYY-MM-DDTHH:MM` in UTC, as a datetime-local field sends it when the page has no script.
pub fn local(unix: i64) -> String {
    iso_minute(unix).replace(' ', "T")
}

/// Opens a proposal closing in an hour; answers its id.
pub async fn propose(
    server: &TestServer,
    client: &Client,
    scope: &str,
    kind: &str,
    title: &str,
    options: &str,
) -> i64 {
    let closes = local(server.clock.now() + 3_600);
    let response = server
        .call(
            client,
            "create_proposal",
            &[
                ("scope", scope),
                ("kind", kind),
                ("title", title),
                ("body", "We **propose** this."),
                ("closes_at", &closes),
                ("options", options),
            ],
        )
        .await;
    assert_eq!(response.status(), 200, "{title} on {}", server.backend);
    response.json().await.expect("the new proposal's id")
}

pub async fn stance(
    server: &TestServer,
    client: &Client,
    proposal: i64,
    stance: &str,
    reason: &str,
) -> u16 {
    let id = proposal.to_string();
    server
        .call(
            client,
            "take_stance",
            &[("proposal", &id), ("stance", stance), ("reason", reason)],
        )
        .await
        .status()
        .as_u16()
}

pub async fn status_of(server: &TestServer, proposal: i64) -> String {
    server
        .text(&format!(
            "SELECT status FROM proposals WHERE id = {proposal}"
        ))
        .await
}

/// Waits for the scheduler (woken by the clock) to give the proposal its outcome.
pub async fn outcome(server: &TestServer, proposal: i64) -> String {
    for _ in 0..400 {
        let status = status_of(server, proposal).await;
        if status != "open" {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("proposal {proposal} did not close on {}", server.backend);
}

/// Someone of the city who is neither a demo account nor a connector, the `n`th by id.
pub async fn member_of(server: &TestServer, city: &str, n: usize) -> String {
    server
        .text(&format!(
            "SELECT email FROM users WHERE city_id = (SELECT id FROM cities WHERE slug = '{city}') \
             AND email NOT IN ('{DEMO_ADMIN_EMAIL}', '{DEMO_CONNECTOR_EMAIL}', '{DEMO_MEMBER_EMAIL}') \
             AND id NOT IN (SELECT user_id FROM connectors) AND is_alumni = FALSE \
             ORDER BY id LIMIT 1 OFFSET {n}"
        ))
        .await
}
