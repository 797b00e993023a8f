//! A node asked to stop (SIGTERM, as a deployment stops it) tells its live clients to reconnect
//! elsewhere, with WebSocket code 1012 ("service restart"), and exits cleanly.

use crate::common::live::LiveClient;
use crate::common::process::{edges, session_on, start_node};
use demo_network::DEMO_MEMBER_EMAIL;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
async fn a_stopping_node_tells_its_live_clients_to_reconnect_and_exits() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite://{}", dir.path().join("edges.db").display());
    let seeded = edges(&[
        "seed",
        "--members",
        "60",
        "--cities",
        "3",
        "--database-url",
        &url,
    ])
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .status()
    .expect("edges seed runs");
    assert!(seeded.success());
    let database = server::db::connect(&url).await.expect("the database");
    let (channel,): (i64,) = sqlx::query_as(
        "SELECT c.id FROM channels c JOIN users u ON u.city_id = c.city_id \
         WHERE c.kind = 'city' AND u.email = $1",
    )
    .bind(DEMO_MEMBER_EMAIL)
    .fetch_one(&database.any)
    .await
    .expect("the member's city channel");

    let mut node = start_node(&url).await;
    let (_, cookie) = session_on(&node.base, DEMO_MEMBER_EMAIL).await;
    let mut live = LiveClient::connect(&node.base, &cookie).await;
    live.subscribe(channel, 0).await;
    live.frame_of_type("presence").await;

    let stopping = std::process::Command::new("kill")
        .args(["-TERM", &node.process.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(stopping.success());
    assert_eq!(
        live.close_code().await,
        1012,
        "service restart: reconnect elsewhere"
    );
    let deadline = Instant::now() + Duration::from_secs(15);
    let exit = loop {
        if let Some(status) = node.process.try_wait().expect("the node's status") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the node did not exit after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(exit.success(), "{exit:?}");
}
