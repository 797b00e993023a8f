//! Every budget server function, called as every kind of person on Paris's round, allows or
//! refuses as the rules say.

use crate::common::money::{fund_pot, ok, open_bucket, open_funding_round, pot_of};
use crate::common::roles::{signed_in_as, Role, ROLES};
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;

/// Who may do it on Paris's funding round, to a bucket the demo member (of Paris) proposed.
pub fn expectation(endpoint: &str, role: Role) -> Option<bool> {
    use Role::*;
    Some(match endpoint {
        "get_budgets" | "get_round" | "get_bucket" | "list_round_ledger" | "list_pot_audit" => {
            role != Anonymous
        }
        "move_money" | "set_budget_consent" => role == Admin,
        "create_round" | "set_round_phase" | "set_round_schedule" | "allocate_equally"
        | "allocate_from_csv" | "withdraw_unspent" | "pay_out_bucket" => {
            matches!(role, Connector | Admin)
        }
        "create_bucket" | "fund_bucket" | "comment_on_bucket" => {
            matches!(role, Member | Connector | Admin)
        }
        "open_bucket" | "cancel_bucket" => matches!(role, Member | Connector | Admin),
        "add_cocreator" => role == Member,
        // On network ballot rounds: everyone takes part, admins manage.
        "get_ballot_round" | "get_round_results" => role != Anonymous,
        "propose_project" | "cast_ballot" => !matches!(role, Anonymous | Alumni),
        "review_project" | "tally_round" => role == Admin,
        _ => return None,
    })
}

async fn client_for(server: &TestServer, role: Role) -> Client {
    signed_in_as(server, role, "paris").await
}

/// Two network ballot rounds: one already tallied, one taking proposals (with one project).
async fn ballot_rounds(server: &TestServer, admin: &Client, member: &Client) -> (i64, (i64, i64)) {
    let network = pot_of(server, None).await.to_string();
    let mut ids = Vec::new();
    for title in ["Counted", "Open"] {
        let form = [
            ("pot", network.as_str()),
            ("mode", "ballot"),
            ("title", title),
            ("budget", "1"),
            ("ballot_kind", "approval"),
            ("rule", "greedy"),
        ];
        ids.push(
            ok(server, admin, "create_round", &form)
                .await
                .as_i64()
                .expect("round"),
        );
    }
    let counted = ids[0].to_string();
    for phase in ["review", "voting"] {
        ok(
            server,
            admin,
            "set_round_phase",
            &[("round", &counted), ("phase", phase)],
        )
        .await;
    }
    ok(server, admin, "tally_round", &[("round", &counted)]).await;
    let open = ids[1].to_string();
    let project = ok(
        server,
        member,
        "propose_project",
        &[("round", &open), ("title", "Ours"), ("cost", "1")],
    )
    .await;
    (ids[0], (ids[1], project.as_i64().expect("project")))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_budget_function_allows_and_refuses_by_role() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let paris = pot_of(&server, Some("paris")).await;
        fund_pot(&server, &admin, paris, "5000").await;
        let round = open_funding_round(&server, &connector, paris, "").await;
        let round_id = round.to_string();
        ok(&server, &connector, "allocate_equally", &[("round", &round_id), ("amount", "20")]).await;
        let bucket = open_bucket(&server, &member, round, "500", "").await.to_string();
        let pot = paris.to_string();
        let network = pot_of(&server, None).await.to_string();
        let csv = format!("{DEMO_MEMBER_EMAIL},1");
        let (tallied, open) = ballot_rounds(&server, &admin, &member).await;
        let (tallied, open_round, project) = (tallied.to_string(), open.0.to_string(), open.1.to_string());
        // Someone the bucket's author invites, who is none of the roles tried.
        let invited = server
            .text(&format!(
                "SELECT email FROM users WHERE city_id = (SELECT id FROM cities WHERE slug = 'paris') \
                 AND is_admin = FALSE AND id NOT IN (SELECT user_id FROM connectors) \
                 AND email <> '{DEMO_MEMBER_EMAIL}' ORDER BY id DESC LIMIT 1"
            ))
            .await;
        for role in ROLES {
            let client = client_for(&server, role).await;
            let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
                ("get_budgets", vec![]),
                ("get_round", vec![("round", &round_id)]),
                ("get_bucket", vec![("bucket", &bucket)]),
                ("list_round_ledger", vec![("round", &round_id)]),
                ("list_pot_audit", vec![("pot", &pot)]),
                ("move_money", vec![("to_pot", &network), ("amount", "1")]),
                ("create_round", vec![("pot", &pot), ("mode", "funding"), ("title", "Another")]),
                ("set_round_phase", vec![("round", &round_id), ("phase", "open")]),
                ("set_round_schedule", vec![("round", &round_id), ("closes_on", "")]),
                ("allocate_equally", vec![("round", &round_id), ("amount", "1")]),
                ("allocate_from_csv", vec![("round", &round_id), ("csv", &csv)]),
                ("create_bucket", vec![("round", &round_id), ("title", "Mine"), ("min", "10")]),
                ("open_bucket", vec![("bucket", &bucket)]),
                ("fund_bucket", vec![("bucket", &bucket), ("amount", "1")]),
                ("comment_on_bucket", vec![("bucket", &bucket), ("body", "Count me in")]),
                ("add_cocreator", vec![("bucket", &bucket), ("email", &invited)]),
                ("pay_out_bucket", vec![("bucket", &bucket)]),
                ("withdraw_unspent", vec![("round", &round_id)]),
                ("cancel_bucket", vec![("bucket", &bucket)]),
                ("get_ballot_round", vec![("round", &open_round)]),
                ("get_round_results", vec![("round", &tallied)]),
                ("propose_project", vec![("round", &open_round), ("title", "Ours"), ("cost", "3")]),
                ("cast_ballot", vec![("round", &open_round), ("approve[]", &project)]),
                ("review_project", vec![("project", &project), ("decision", "accept")]),
                ("tally_round", vec![("round", &open_round)]),
                // The demo's own rules, saved again: nothing changes for the next roles.
                ("set_budget_consent", vec![("payout_above", "3000")]),
            ];
            for (endpoint, form) in calls {
                let status = server.call(&client, endpoint, &form).await.status();
                assert!(status.as_u16() < 500, "{endpoint} as {role:?} on {}: {status}", server.backend);
                let refused = matches!(status.as_u16(), 401 | 403 | 404);
                let expected = expectation(endpoint, role).expect("an expectation");
                assert_eq!(!refused, expected, "{endpoint} as {role:?} on {}: got {status}", server.backend);
            }
        }
    })
    .await;
}
