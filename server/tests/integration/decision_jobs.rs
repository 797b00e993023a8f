//! Closing happens once at the closing time, recovered from the database: across a restart of
//! the `edges` process (SQLite and PostgreSQL), and with two nodes racing on one PostgreSQL.
//! The nodes run with `--test-clock`, so time passes by moving their clocks.

use crate::common::process::{edges, start_node_with, Node};
use crate::common::proposals::local;
use demo_network::{DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;
use sqlx::AnyPool;
use std::process::Stdio;
use std::time::Duration;

fn seed(url: &str) {
    let seeded = edges(&[
        "seed",
        "--database-url",
        url,
        "--members",
        "60",
        "--cities",
        "3",
    ])
    .stdout(Stdio::null())
    .status()
    .expect("edges seed runs");
    assert!(seeded.success());
}

async fn start(url: &str) -> Node {
    start_node_with(url, &["--test-clock"]).await
}

async fn signed_in(base: &str, email: &str) -> Client {
    crate::common::process::session_on(base, email).await.0
}

async fn propose(client: &Client, base: &str, title: &str, closes_in: i64) -> i64 {
    let closes = local(app::context::system_now() + closes_in);
    let response = client
        .post(format!("{base}/api/create_proposal"))
        .header("accept", "application/json")
        .form(&[
            ("scope", "paris"),
            ("kind", "lazy_consent"),
            ("title", title),
            ("body", "Let us do it."),
            ("closes_at", closes.as_str()),
        ])
        .send()
        .await
        .expect("propose");
    assert_eq!(response.status(), 200, "{title}");
    response.json().await.expect("id")
}

async fn agree(client: &Client, base: &str, proposal: i64) {
    let id = proposal.to_string();
    let response = client
        .post(format!("{base}/api/take_stance"))
        .header("accept", "application/json")
        .form(&[("proposal", id.as_str()), ("stance", "agree")])
        .send()
        .await
        .expect("stance");
    assert_eq!(response.status(), 200);
}

async fn advance(base: &str, seconds: i64) {
    let response = Client::new()
        .post(format!("{base}/test-clock"))
        .form(&[("advance", seconds.to_string())])
        .send()
        .await
        .expect("test clock");
    assert_eq!(response.status(), 200);
}

async fn scalar(db: &AnyPool, sql: &str) -> i64 {
    let (value,): (i64,) = sqlx::query_as(sql).fetch_one(db).await.expect(sql);
    value
}

/// Waits until the scheduler of a running node has closed the proposal.
async fn closed(db: &AnyPool, proposal: i64) -> String {
    for _ in 0..600 {
        let (status,): (String,) = sqlx::query_as(&format!(
            "SELECT status FROM proposals WHERE id = {proposal}"
        ))
        .fetch_one(db)
        .await
        .expect("status");
        if status != "open" {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("proposal {proposal} was not closed");
}

async fn closes_once(db: &AnyPool, proposal: i64) {
    let events = |kind: &str| {
        format!("SELECT COUNT(*) FROM proposal_events WHERE proposal_id = {proposal} AND kind = '{kind}'")
    };
    assert_eq!(
        scalar(db, &events("closed")).await,
        1,
        "proposal {proposal} closed once"
    );
    assert_eq!(
        scalar(db, &events("closing_soon")).await,
        1,
        "reminded once"
    );
    assert_eq!(
        scalar(
            db,
            &format!("SELECT COUNT(*) FROM jobs WHERE subject_id = {proposal} AND done_at IS NULL")
        )
        .await,
        0
    );
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM jobs WHERE subject_id = {proposal} AND kind = 'decision.close' \
                 AND claimed_by LIKE 'node-%'"
            )
        )
        .await,
        1,
        "one node did the closing job"
    );
    // Nobody was told twice of the same thing.
    assert_eq!(
        scalar(
            db,
            &format!("SELECT COUNT(*) FROM decision_notices WHERE proposal_id = {proposal}")
        )
        .await,
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM (SELECT DISTINCT user_id, kind FROM decision_notices \
                 WHERE proposal_id = {proposal}) d"
            )
        )
        .await
    );
}

async fn restart_scenario(url: &str) {
    seed(url);
    let database = server::db::connect(url).await.expect("database");
    let db = &database.any;

    let first = start(url).await;
    let member = signed_in(&first.base, DEMO_MEMBER_EMAIL).await;
    let proposal = propose(&member, &first.base, "Closes while the server is down", 600).await;
    agree(&member, &first.base, proposal).await;
    // Stopped hard, as a crash would, before the closing time.
    drop(first);

    let second = start(url).await;
    advance(&second.base, 3_600).await;
    assert_eq!(
        closed(db, proposal).await,
        "passed",
        "recovered from the jobs table"
    );
    closes_once(db, proposal).await;
    let member = signed_in(&second.base, DEMO_MEMBER_EMAIL).await;
    let later = propose(
        &member,
        &second.base,
        "Closes after the second restart",
        7_200,
    )
    .await;
    drop(second);

    // Another restart, past both closing times: the new one closes, the old one stays closed once.
    let third = start(url).await;
    advance(&third.base, 3 * 3_600).await;
    assert_eq!(closed(db, later).await, "passed");
    closes_once(db, later).await;
    closes_once(db, proposal).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_proposal_closes_once_across_restarts_on_sqlite() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite://{}", dir.path().join("edges.db").display());
    restart_scenario(&url).await;
}

fn postgres_required() {
    assert!(
        !std::env::var("CI").is_ok_and(|ci| ci == "true"),
        "CI requires PostgreSQL"
    );
    eprintln!("PostgreSQL skipped: DATABASE_URL_PG is not set");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_proposal_closes_once_across_restarts_on_postgres() {
    let Some(url) = crate::common::postgres_url().await else {
        return postgres_required();
    };
    restart_scenario(&url).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_nodes_close_each_proposal_once() {
    let Some(url) = crate::common::postgres_url().await else {
        return postgres_required();
    };
    seed(&url);
    let database = server::db::connect(&url).await.expect("database");
    let db = &database.any;
    let (first, second) = tokio::join!(start(&url), start(&url));
    let member = signed_in(&first.base, DEMO_MEMBER_EMAIL).await;
    let connector = signed_in(&second.base, DEMO_CONNECTOR_EMAIL).await;
    let mut proposals = Vec::new();
    for n in 0..12 {
        let id = propose(&member, &first.base, &format!("Proposal number {n}"), 600).await;
        agree(&connector, &second.base, id).await;
        proposals.push(id);
    }
    // Both nodes reach the closing time together and race for the same jobs.
    tokio::join!(advance(&first.base, 3_600), advance(&second.base, 3_600));
    for &id in &proposals {
        assert_eq!(closed(db, id).await, "passed");
    }
    for &id in &proposals {
        closes_once(db, id).await;
    }
    let nodes = scalar(
        db,
        "SELECT COUNT(DISTINCT claimed_by) FROM jobs WHERE claimed_by LIKE 'node-%'",
    )
    .await;
    eprintln!("closing jobs were shared by {nodes} node(s)");
}
