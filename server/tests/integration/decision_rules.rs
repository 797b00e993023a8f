//! Who may do what with Paris's proposals, every decision function called as every kind of person,
//! and what the server refuses in a new proposal.

use crate::common::proposals::{local, propose, stance};
use crate::common::roles::{signed_in_as, Role, ROLES};
use crate::common::{on_every_backend, TestServer};
use app::ui::time::iso_minute;
use demo_network::{DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;

fn allowed(endpoint: &str, role: Role) -> bool {
    expectation(endpoint, role).unwrap_or_else(|| panic!("no expectation for {endpoint}"))
}

/// On a lazy-consent proposal in Paris by the demo member (Paris), blocked by the demo connector
/// of Paris where it says so. The admin lives in Paris but is not a connector.
pub fn expectation(endpoint: &str, role: Role) -> Option<bool> {
    use Role::*;
    Some(match endpoint {
        "list_open_proposals"
        | "get_proposal"
        | "get_live_tally"
        | "list_decision_notices"
        | "mark_decision_notices_read"
        | "search_decision_log" => role != Anonymous,
        "list_proposal_scopes" => !matches!(role, Anonymous | Alumni),
        // Proposing in Paris, and agreeing there: its members and connectors.
        "create_proposal" | "take_stance" => matches!(role, Member | Connector | Admin),
        // Only the one who blocked withdraws the block.
        "withdraw_block" => role == Connector,
        "revise_proposal" | "withdraw_proposal" => role == Member,
        // The outcome statement of a closed proposal: its author and Paris's coordinators.
        "write_outcome" => matches!(role, Member | Connector | Admin),
        _ => return None,
    })
}

async fn client_for(server: &TestServer, role: Role) -> Client {
    signed_in_as(server, role, "paris").await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_decision_function_allows_and_refuses_by_role() {
    on_every_backend(|server| async move {
        let author = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let blocker = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let closes = crate::common::proposals::local(server.clock.now() + 86_400);
        for role in ROLES {
            let client = client_for(&server, role).await;
            let blocked = propose(
                &server,
                &author,
                "paris",
                "lazy_consent",
                "Blocked for the matrix",
                "",
            )
            .await;
            assert_eq!(
                stance(&server, &blocker, blocked, "block", "Not like this").await,
                200
            );
            let open = propose(
                &server,
                &author,
                "paris",
                "lazy_consent",
                "Open for the matrix",
                "",
            )
            .await;
            let closed = propose(
                &server,
                &author,
                "paris",
                "lazy_consent",
                "Closed for the matrix",
                "",
            )
            .await;
            server
                .execute(&format!(
                    "UPDATE proposals SET status = 'passed', closed_at = 1 WHERE id = {closed}"
                ))
                .await;
            let (blocked, open, closed) =
                (blocked.to_string(), open.to_string(), closed.to_string());
            let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
                ("list_open_proposals", vec![]),
                ("get_proposal", vec![("id", &open)]),
                ("get_live_tally", vec![("id", &open)]),
                ("list_decision_notices", vec![]),
                ("mark_decision_notices_read", vec![]),
                ("search_decision_log", vec![("q", "matrix")]),
                ("list_proposal_scopes", vec![]),
                (
                    "create_proposal",
                    vec![
                        ("scope", "paris"),
                        ("kind", "sense_check"),
                        ("title", "Asked by the matrix"),
                        ("body", "Is this fine?"),
                        ("closes_at", &closes),
                    ],
                ),
                (
                    "take_stance",
                    vec![("proposal", &open), ("stance", "agree")],
                ),
                ("withdraw_block", vec![("proposal", &blocked)]),
                (
                    "revise_proposal",
                    vec![
                        ("proposal", &open),
                        ("title", "Open, revised"),
                        ("body", "Better"),
                    ],
                ),
                (
                    "write_outcome",
                    vec![("proposal", &closed), ("statement", "Done.")],
                ),
                ("withdraw_proposal", vec![("proposal", &open)]),
            ];
            for (endpoint, form) in calls {
                let status = server.call(&client, endpoint, &form).await.status();
                assert!(
                    status.as_u16() < 500,
                    "{endpoint} as {role:?} on {}: server error {status}",
                    server.backend
                );
                let refused = status == 401 || status == 403;
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
async fn proposals_are_checked_on_the_server() {
    on_every_backend(|server| async move {
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let now = server.clock.now();
        let attempt = |fields: Vec<(&'static str, String)>| {
            let server = &server;
            let member = member.clone();
            async move {
                let mut form = vec![
                    ("scope", "paris".to_string()),
                    ("kind", "lazy_consent".to_string()),
                    ("title", "A fine proposal".to_string()),
                    ("body", "Details".to_string()),
                    ("closes_at", local(now + 86_400)),
                ];
                for (name, value) in fields {
                    form.retain(|(field, _)| *field != name);
                    form.push((name, value));
                }
                let form: Vec<(&str, &str)> = form
                    .iter()
                    .map(|(name, value)| (*name, value.as_str()))
                    .collect();
                let response = server.call(&member, "create_proposal", &form).await;
                let status = response.status().as_u16();
                let body: serde_json::Value = response.json().await.unwrap_or_default();
                (status, body.to_string())
            }
        };
        let (status, body) = attempt(vec![("title", "Hi".into())]).await;
        assert_eq!(status, 422);
        assert!(body.contains("title"), "{body}");
        let (status, body) = attempt(vec![("closes_at", local(now - 60))]).await;
        assert_eq!(status, 422);
        assert!(body.contains("TooSoon"), "{body}");
        let (status, _) = attempt(vec![("closes_at", local(now + 400 * 86_400))]).await;
        assert_eq!(status, 422, "not absurdly far");
        let (status, _) = attempt(vec![("closes_at", "next week".into())]).await;
        assert_eq!(status, 422);
        let (status, _) = attempt(vec![("body", "x".repeat(20_001))]).await;
        assert_eq!(status, 422);
        let (status, _) = attempt(vec![("kind", "dictatorship".into())]).await;
        assert_eq!(status, 422);
        let (status, _) = attempt(vec![("scope", "atlantis".into())]).await;
        assert_eq!(status, 422);
        let (status, _) = attempt(vec![("scope", "lyon".into())]).await;
        assert_eq!(status, 403, "a Paris member does not propose for Lyon");
        let (status, _) = attempt(vec![("review_on", iso_minute(now)[..10].to_string())]).await;
        assert_eq!(status, 422, "review before closing");
        let day = iso_minute(now + 30 * 86_400)[..10].to_string();
        let (status, id) = attempt(vec![("zone_offset", "-120".into()), ("review_on", day.clone())]).await;
        assert_eq!(status, 200, "{id}");
        // 09:00 in a zone two hours ahead of UTC is 07:00 UTC.
        let expected = app::decisions::validate::local_date(&day).unwrap() + 7 * 3_600;
        let review = server
            .scalar(&format!(
                "SELECT COUNT(*) FROM jobs j JOIN proposals p ON p.id = j.subject_id \
                 WHERE j.kind = 'decision.review' AND j.subject_id = {id} AND j.due_at = {expected} \
                 AND p.review_at = {expected} AND j.done_at IS NULL"
            ))
            .await;
        assert_eq!(review, 1, "the review date is scheduled");
    })
    .await;
}
