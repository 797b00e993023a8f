//! A round's planned dates: managers plan them in order, the trail records the change, pages show
//! them, and the two deadlines hold: no project after proposals close, no ballot or
//! contribution after the round closes.

use crate::common::money::{fund_pot, ok, open_bucket, open_funding_round, pot_of, set_phase};
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;
use serde_json::Value;

/// A moment `seconds` from the server's now, as a date-time field types it (in UTC).
fn typed(server: &TestServer, seconds: i64) -> String {
    app::ui::time::iso_minute(server.clock.now() + seconds).replace(' ', "T")
}

/// Asserts the call is refused as a bad form (422) whose answer names `problem`.
async fn assert_refused(
    server: &TestServer,
    client: &Client,
    endpoint: &str,
    form: &[(&str, &str)],
    problem: &str,
) {
    let (status, body) = server.status_and_body(client, endpoint, form).await;
    assert_eq!(
        (status, body.contains(problem)),
        (422, true),
        "{endpoint}: {body}"
    );
}

async fn schedule_of(server: &TestServer, client: &Client, endpoint: &str, round: &str) -> Value {
    ok(server, client, endpoint, &[("round", round)]).await["round"]["schedule"].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_funding_round_takes_no_contribution_after_it_closes() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let paris = pot_of(&server, Some("paris")).await;
        fund_pot(&server, &admin, paris, "500").await;
        let round_id = open_funding_round(&server, &connector, paris, "").await;
        let round = round_id.to_string();
        ok(
            &server,
            &connector,
            "allocate_equally",
            &[("round", &round), ("amount", "20")],
        )
        .await;
        let bucket = open_bucket(&server, &member, round_id, "10", "50")
            .await
            .to_string();

        let (opens, closes) = (typed(&server, 3_600), typed(&server, 2 * 3_600));
        // Closing before opening is refused on the later date's field, and nothing is saved.
        let (status, body) = server
            .status_and_body(
                &connector,
                "set_round_schedule",
                &[
                    ("round", &round),
                    ("opens_on", &closes),
                    ("closes_on", &opens),
                ],
            )
            .await;
        assert_eq!(
            (
                status,
                body.contains("OutOfOrder"),
                body.contains("closes_on")
            ),
            (422, true, true),
            "{body}"
        );
        assert_refused(
            &server,
            &connector,
            "set_round_schedule",
            &[("round", &round), ("closes_on", &typed(&server, -3_600))],
            "TooSoon",
        )
        .await;
        assert_eq!(
            schedule_of(&server, &member, "get_round", &round).await["closes_at"],
            Value::Null
        );

        ok(
            &server,
            &connector,
            "set_round_schedule",
            &[
                ("round", &round),
                ("opens_on", &opens),
                ("closes_on", &closes),
            ],
        )
        .await;
        let planned = schedule_of(&server, &member, "get_round", &round).await;
        let closes_at = planned["closes_at"].as_i64().expect("a closing time");
        assert_eq!(planned["opens_at"].as_i64(), Some(closes_at - 3_600));
        let trail = server
            .scalar(
                &format!(
            "SELECT COUNT(*) FROM budget_audit WHERE round_id = {round} AND action = 'schedule'"),
            )
            .await;
        assert_eq!(trail, 1);

        ok(
            &server,
            &member,
            "fund_bucket",
            &[("bucket", &bucket), ("amount", "5")],
        )
        .await;
        server.clock.advance(2 * 3_600);
        assert_refused(
            &server,
            &member,
            "fund_bucket",
            &[("bucket", &bucket), ("amount", "5")],
            "NotOpen",
        )
        .await;
        // A date already passed may stay as it is while another changes.
        let later = typed(&server, 3_600);
        let passed = app::ui::time::iso_minute(closes_at - 3_600).replace(' ', "T");
        ok(
            &server,
            &connector,
            "set_round_schedule",
            &[
                ("round", &round),
                ("opens_on", &passed),
                ("closes_on", &later),
            ],
        )
        .await;
        ok(
            &server,
            &member,
            "fund_bucket",
            &[("bucket", &bucket), ("amount", "5")],
        )
        .await;
        let given = server
            .scalar(&format!(
                "SELECT COUNT(*) FROM ledger WHERE kind = 'contribution' AND bucket_id = {bucket}"
            ))
            .await;
        assert_eq!(given, 2);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ballot_round_stops_proposals_and_ballots_at_their_dates() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let network = pot_of(&server, None).await;
        fund_pot(&server, &admin, network, "100").await;
        let round = ok(
            &server,
            &admin,
            "create_round",
            &[
                ("pot", &network.to_string()),
                ("mode", "ballot"),
                ("title", "Dated"),
                ("budget", "50"),
                ("ballot_kind", "approval"),
                ("rule", "greedy"),
            ],
        )
        .await
        .as_i64()
        .expect("round")
        .to_string();
        let (review, voting, closes) = (
            typed(&server, 3_600),
            typed(&server, 2 * 3_600),
            typed(&server, 3 * 3_600),
        );
        ok(
            &server,
            &admin,
            "set_round_schedule",
            &[
                ("round", &round),
                ("review_on", &review),
                ("voting_on", &voting),
                ("closes_on", &closes),
            ],
        )
        .await;
        let planned = schedule_of(&server, &member, "get_ballot_round", &round).await;
        assert!(planned["review_at"].as_i64() < planned["voting_at"].as_i64());

        let project = ok(
            &server,
            &member,
            "propose_project",
            &[("round", &round), ("title", "Benches"), ("cost", "20")],
        )
        .await
        .to_string();
        server.clock.advance(3_600);
        assert_refused(
            &server,
            &member,
            "propose_project",
            &[("round", &round), ("title", "Late"), ("cost", "5")],
            "NotOpen",
        )
        .await;

        set_phase(&server, &admin, &round, "review").await;
        ok(
            &server,
            &admin,
            "review_project",
            &[("project", &project), ("decision", "accept")],
        )
        .await;
        set_phase(&server, &admin, &round, "voting").await;
        ok(
            &server,
            &member,
            "cast_ballot",
            &[("round", &round), ("approve[]", &project)],
        )
        .await;
        server.clock.advance(2 * 3_600);
        assert_refused(
            &server,
            &member,
            "cast_ballot",
            &[("round", &round), ("approve[]", &project)],
            "NotOpen",
        )
        .await;
        // The count still happens, by a manager, after the close; then the dates are final.
        ok(&server, &admin, "tally_round", &[("round", &round)]).await;
        let (status, _) = server
            .status_and_body(&admin, "set_round_schedule", &[("round", &round)])
            .await;
        assert_eq!(status, 422);
    })
    .await;
}
