//! Budgets that wait for the network's word: with the admins' rules on, a round opens and a large
//! payout goes out only citing a passed lazy-consent decision of the pot's own scope.

use crate::common::money::{ok, open_bucket, open_funding_round, pot_of};
use crate::common::proposals::{member_of, outcome, propose};
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;

/// Answers the status and the problem the server named, if any.
async fn attempt(
    server: &TestServer,
    client: &Client,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let response = server.call(client, endpoint, form).await;
    let status = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (status, body["Invalid"]["problem"].clone())
}

/// Three decisions: one passed in Paris, one passed in Lyon, one still open in Paris.
async fn decisions(server: &TestServer) -> (i64, i64, i64) {
    let parisian = server.signed_in(DEMO_MEMBER_EMAIL).await;
    let lyonnais = server.signed_in(&member_of(server, "lyon", 0).await).await;
    let paris = propose(
        server,
        &parisian,
        "paris",
        "lazy_consent",
        "Spend this winter's budget",
        "",
    )
    .await;
    let lyon = propose(
        server,
        &lyonnais,
        "lyon",
        "lazy_consent",
        "Lyon's own budget rules",
        "",
    )
    .await;
    server.clock.advance(2 * 3_600);
    assert_eq!(outcome(server, paris).await, "passed");
    assert_eq!(outcome(server, lyon).await, "passed");
    let open = propose(
        server,
        &parisian,
        "paris",
        "lazy_consent",
        "Not decided yet",
        "",
    )
    .await;
    (paris, lyon, open)
}

#[tokio::test(flavor = "multi_thread")]
async fn rounds_and_large_payouts_wait_for_a_passed_decision_of_their_scope() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let overview = ok(&server, &member, "get_budgets", &[]).await;
        assert_eq!(overview["consent"]["payout_decision_above_cents"], 300_000, "the demo's rule");
        assert_eq!(overview["may_set_consent"], false);

        // A round opened before the admins ask: it waits too, at its next move.
        let pot = pot_of(&server, Some("paris")).await.to_string();
        let earlier = open_funding_round(&server, &connector, pot.parse().expect("id"), "").await.to_string();

        let rules = [("rules_need_decision", "on"), ("payout_above", "100")];
        for (who, client) in [("member", &member), ("connector", &connector)] {
            let (status, _) = attempt(&server, client, "set_budget_consent", &rules).await;
            assert_eq!(status, 403, "a {who} does not set the network's rules");
        }
        let (status, problem) = attempt(&server, &admin, "set_budget_consent", &[("payout_above", "lots")]).await;
        assert_eq!((status, problem.is_null()), (422, false), "not an amount");
        ok(&server, &admin, "set_budget_consent", &rules).await;
        let overview = ok(&server, &member, "get_budgets", &[]).await;
        assert_eq!(overview["consent"]["rules_need_decision"], true);
        assert_eq!(overview["consent"]["payout_decision_above_cents"], 10_000);

        let (paris, lyon, open) = decisions(&server).await;
        let close_earlier = [("round", earlier.as_str()), ("phase", "closed")];
        let (status, problem) = attempt(&server, &connector, "set_round_phase", &close_earlier).await;
        assert_eq!((status, problem.as_str()), (422, Some("NeedsDecision")), "its rules were never agreed");
        let page = ok(&server, &connector, "get_round", &[("round", &earlier)]).await;
        assert!(page["rules_consent"]["needs"]["decisions"].is_array(), "the connector is asked");
        let paris_id = paris.to_string();
        ok(&server, &connector, "set_round_phase", &[close_earlier[0], close_earlier[1], ("decision", &paris_id)]).await;
        assert_eq!(phase_of(&server, &earlier).await, "closed");
        let created = ok(&server, &connector, "create_round", &[("pot", &pot), ("mode", "funding"), ("title", "Spring commons"), ("description", ""), ("cap_per_bucket", "")]).await;
        let round = created.as_i64().expect("round id").to_string();
        let page = ok(&server, &connector, "get_round", &[("round", &round)]).await;
        let offered: Vec<i64> = page["rules_consent"]["needs"]["decisions"]
            .as_array()
            .expect("the connector is offered decisions")
            .iter()
            .filter_map(|decision| decision["id"].as_i64())
            .collect();
        let expected = server
            .texts("SELECT CAST(id AS TEXT) FROM proposals WHERE kind = 'lazy_consent' AND status = 'passed' \
                    AND city_id = (SELECT id FROM cities WHERE slug = 'paris') ORDER BY closed_at DESC, id DESC")
            .await;
        assert_eq!(offered.iter().map(i64::to_string).collect::<Vec<_>>(), expected, "Paris's passed lazy-consent decisions");
        assert_eq!(offered.first(), Some(&paris), "the latest first");
        assert!(!offered.contains(&lyon) && !offered.contains(&open));
        assert_eq!(page["rules_consent"]["needs"]["scope"], "paris");
        let seen = ok(&server, &member, "get_round", &[("round", &round)]).await;
        assert!(seen["rules_consent"]["needs"].is_null(), "members have nothing to choose");

        let open_round = |decision: String| {
            let (server, connector, round) = (&server, &connector, &round);
            async move {
                attempt(server, connector, "set_round_phase", &[("round", round), ("phase", "open"), ("decision", &decision)]).await
            }
        };
        for (why, decision) in [("none", String::new()), ("Lyon's", lyon.to_string()), ("still open", open.to_string()), ("not a number", "x".into())] {
            let (status, problem) = open_round(decision).await;
            assert_eq!((status, problem.as_str()), (422, Some("NeedsDecision")), "{why} on {}", server.backend);
        }
        assert_eq!(phase_of(&server, &round).await, "draft", "nothing opened");
        assert_eq!(open_round(paris.to_string()).await.0, 200);
        assert_eq!(phase_of(&server, &round).await, "open");
        let page = ok(&server, &member, "get_round", &[("round", &round)]).await;
        assert_eq!(page["rules_consent"]["agreed_in"]["id"], paris, "everyone sees what agreed it");
        assert_eq!(
            server.scalar(&format!("SELECT COUNT(*) FROM budget_audit WHERE round_id = {round} AND action = 'rules_agreed'")).await,
            1
        );

        // 50 € each; three members fill a 150 € bucket, above the 100 € threshold.
        ok(&server, &connector, "allocate_equally", &[("round", &round), ("amount", "50")]).await;
        let round_id: i64 = round.parse().expect("id");
        let large = open_bucket(&server, &member, round_id, "100", "150").await.to_string();
        let small = open_bucket(&server, &member, round_id, "20", "20").await.to_string();
        let givers = givers(&server, 4).await;
        for giver in &givers[..3] {
            ok(&server, giver, "fund_bucket", &[("bucket", &large), ("amount", "50")]).await;
        }
        ok(&server, &givers[3], "fund_bucket", &[("bucket", &small), ("amount", "20")]).await;

        let bucket_page = ok(&server, &connector, "get_bucket", &[("bucket", &large)]).await;
        assert_eq!(bucket_page["payout_needs"]["decisions"][0]["id"], paris, "the latest first");
        let pay = |bucket: &str, decision: Option<i64>| {
            let mut form = vec![("bucket", bucket.to_string())];
            form.extend(decision.map(|id| ("decision", id.to_string())));
            let (server, connector) = (&server, &connector);
            async move {
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                attempt(server, connector, "pay_out_bucket", &form).await
            }
        };
        assert_eq!(pay(&large, None).await, (422, "NeedsDecision".into()));
        assert_eq!(pay(&large, Some(lyon)).await, (422, "NeedsDecision".into()));
        assert_eq!(status_of(&server, &large).await, "funded", "nothing was paid");
        assert_eq!(pay(&large, Some(paris)).await.0, 200);
        assert_eq!(status_of(&server, &large).await, "completed");
        let bucket_page = ok(&server, &member, "get_bucket", &[("bucket", &large)]).await;
        assert_eq!(bucket_page["payout_decision"]["id"], paris);
        assert!(bucket_page["payout_needs"].is_null());

        let small_page = ok(&server, &connector, "get_bucket", &[("bucket", &small)]).await;
        assert!(small_page["payout_needs"].is_null(), "20 € is below the threshold");
        assert_eq!(pay(&small, None).await.0, 200);
        assert_eq!(status_of(&server, &small).await, "completed");
    })
    .await;
}

async fn phase_of(server: &TestServer, round: &str) -> String {
    server
        .text(&format!(
            "SELECT phase FROM budget_rounds WHERE id = {round}"
        ))
        .await
}

async fn status_of(server: &TestServer, bucket: &str) -> String {
    server
        .text(&format!("SELECT status FROM buckets WHERE id = {bucket}"))
        .await
}

/// Members of Paris who are neither demo accounts nor connectors, signed in.
async fn givers(server: &TestServer, count: usize) -> Vec<Client> {
    let mut clients = Vec::new();
    for n in 0..count {
        clients.push(server.signed_in(&member_of(server, "paris", n).await).await);
    }
    clients
}
