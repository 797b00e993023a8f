//! Pages that follow a pot or a proposal over the live socket hear each newer version: a
//! proposal's page when someone takes a stance, revises it or the scheduler closes it; a budget
//! page when its pot's money moves. Versions only go up, and nothing is said twice.

use crate::common::live::LiveClient;
use crate::common::money::{fund_pot, pot_of};
use crate::common::on_every_backend;
use crate::common::proposals::{member_of, outcome, propose, stance};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_MEMBER_EMAIL};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn a_proposal_page_hears_each_stance_and_the_close() {
    on_every_backend(|server| async move {
        let (proposer, cookie) = server.session(DEMO_MEMBER_EMAIL).await;
        let id = propose(
            &server,
            &proposer,
            "paris",
            "lazy_consent",
            "Open the repair café on Sundays",
            "",
        )
        .await;
        let mut page = LiveClient::connect(&server.base, &cookie).await;
        page.send(json!({"type": "watch_proposal", "proposal": id, "version": 0}))
            .await;
        let shown = page.frame_of_type("proposal_changed").await;
        assert_eq!(shown["proposal"], id, "told at once it is newer than 0");
        let mut version = shown["version"].as_i64().expect("a version");

        let neighbour = server
            .signed_in(&member_of(&server, "paris", 0).await)
            .await;
        assert_eq!(stance(&server, &neighbour, id, "agree", "").await, 200);
        let heard = page.frame_of_type("proposal_changed").await;
        assert!(
            heard["version"].as_i64() > Some(version),
            "{heard} after {version}"
        );
        version = heard["version"].as_i64().expect("a version");

        // The reminder and the close both come due; the page hears up to the last of them.
        server.clock.advance(2 * 3_600);
        assert_eq!(outcome(&server, id).await, "passed");
        let latest = server
            .scalar(&format!(
                "SELECT CAST(MAX(id) AS BIGINT) FROM proposal_events WHERE proposal_id = {id}"
            ))
            .await;
        while version < latest {
            let heard = page.frame_of_type("proposal_changed").await;
            let next = heard["version"].as_i64().expect("a version");
            assert!(
                next > version && next <= latest,
                "{next} after {version}, up to {latest}"
            );
            version = next;
        }

        // A page that reconnects showing the latest version is told nothing new.
        let mut again = LiveClient::connect(&server.base, &cookie).await;
        again
            .send(json!({"type": "watch_proposal", "proposal": id, "version": latest}))
            .await;
        again
            .send(json!({"type": "watch_proposal", "proposal": i64::MAX, "version": 0}))
            .await;
        again.subscribe(i64::MAX, 0).await;
        let next = again.significant_frame().await;
        assert_eq!(
            next["type"], "denied",
            "no proposal_changed before it: {next}"
        );
        page.close().await;
        again.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_budget_page_hears_its_pot_move() {
    on_every_backend(|server| async move {
        let (admin, cookie) = server.session(DEMO_ADMIN_EMAIL).await;
        let paris = pot_of(&server, Some("paris")).await;
        let version = server
            .scalar(&format!("SELECT version FROM pots WHERE id = {paris}"))
            .await;
        let mut page = LiveClient::connect(&server.base, &cookie).await;
        page.send(json!({"type": "watch_pot", "pot": paris, "version": version}))
            .await;
        fund_pot(&server, &admin, paris, "25").await;
        let heard = page.frame_of_type("pot_changed").await;
        assert_eq!(heard["pot"], paris);
        assert!(heard["version"].as_i64() > Some(version));
        page.close().await;
    })
    .await;
}
