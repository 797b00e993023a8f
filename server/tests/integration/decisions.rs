//! Proposals through the server functions, as members use them: every kind from proposal to
//! outcome, on SQLite and PostgreSQL, with the clock moved to reach closing times.

use crate::common::proposals::{local, member_of, outcome, propose, stance, status_of};
use crate::common::{on_every_backend, TestServer};
use app::decisions::queries::passed_lazy_consent;
use app::decisions::types::Scope;
use demo_network::{DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;

async fn count(server: &TestServer, sql: &str) -> i64 {
    server.scalar(sql).await
}

#[tokio::test(flavor = "multi_thread")]
async fn lazy_consent_from_block_through_revision_to_passed() {
    on_every_backend(|server| async move {
        let proposer = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let first = server.signed_in(&member_of(&server, "paris", 0).await).await;
        let second = server.signed_in(&member_of(&server, "paris", 1).await).await;
        let lyon = server.signed_in(&member_of(&server, "lyon", 0).await).await;
        let id = propose(&server, &proposer, "paris", "lazy_consent", "A community garden on the roof", "").await;
        assert_eq!(
            count(&server, &format!("SELECT COUNT(*) FROM proposals WHERE id = {id} AND thread_message_id IS NOT NULL")).await,
            1,
            "the proposal has its discussion thread"
        );

        assert_eq!(stance(&server, &lyon, id, "agree", "").await, 403, "not Lyon's decision");
        assert_eq!(stance(&server, &first, id, "block", "no").await, 403, "members do not block");
        assert_eq!(stance(&server, &connector, id, "block", "").await, 422, "a block needs a reason");
        assert_eq!(stance(&server, &first, id, "object", " ").await, 422, "so does an objection");
        assert_eq!(stance(&server, &first, id, "agree", "").await, 200);
        assert_eq!(stance(&server, &second, id, "agree", "").await, 200);
        assert_eq!(
            stance(&server, &connector, id, "block", "The roof is not ours to use").await,
            200
        );
        assert_eq!(
            count(&server, &format!("SELECT COUNT(*) FROM decision_notices WHERE proposal_id = {id} AND kind = 'blocked'")).await,
            1,
            "the proposer is told of the block"
        );

        // Nobody lifts another's block.
        let proposal = id.to_string();
        let refused = server.call(&first, "withdraw_block", &[("proposal", &proposal)]).await;
        assert_eq!(refused.status(), 403);
        assert_eq!(
            server.text(&format!("SELECT s.stance FROM stances s JOIN users u ON u.id = s.user_id WHERE s.proposal_id = {id} AND u.email = '{DEMO_CONNECTOR_EMAIL}'")).await,
            "block"
        );

        let revise = |client: Client, title: &'static str| {
            let server = &server;
            let proposal = proposal.clone();
            async move {
                server
                    .call(
                        &client,
                        "revise_proposal",
                        &[
                            ("proposal", &proposal),
                            ("title", title),
                            ("body", "With the owners' written agreement first."),
                            ("note", "Asked the owners"),
                        ],
                    )
                    .await
                    .status()
            }
        };
        assert_eq!(revise(first.clone(), "Not mine").await, 403, "only the proposer revises");
        assert_eq!(revise(proposer.clone(), "A community garden, with the owners").await, 200);
        assert_eq!(count(&server, &format!("SELECT revision FROM proposals WHERE id = {id}")).await, 2);
        assert_eq!(
            count(&server, &format!("SELECT COUNT(*) FROM proposal_revisions WHERE proposal_id = {id}")).await,
            1,
            "the first text is kept"
        );
        assert_eq!(
            count(&server, &format!("SELECT COUNT(*) FROM decision_notices WHERE proposal_id = {id} AND kind = 'revised'")).await,
            3,
            "everyone who took a stance is told"
        );
        assert_eq!(status_of(&server, id).await, "open", "a revision does not lift the block");

        let lifted = server.call(&connector, "withdraw_block", &[("proposal", &proposal)]).await;
        assert_eq!(lifted.status(), 200);
        let again = server.call(&connector, "withdraw_block", &[("proposal", &proposal)]).await;
        assert_eq!(again.status(), 403, "there is no block left to withdraw");

        server.clock.advance(2 * 3_600);
        assert_eq!(outcome(&server, id).await, "passed");
        assert_eq!(
            count(&server, &format!("SELECT COUNT(*) FROM proposal_events WHERE proposal_id = {id} AND kind = 'closed'")).await,
            1
        );
        // "Closing soon" went to those of Paris without a stance (the proposer among them), not
        // to those who took one.
        let reminded = |condition: &str| {
            format!(
                "SELECT COUNT(*) FROM decision_notices n JOIN users u ON u.id = n.user_id \
                 WHERE n.proposal_id = {id} AND n.kind = 'closing_soon' AND {condition}"
            )
        };
        assert_eq!(count(&server, &reminded(&format!("u.email = '{DEMO_MEMBER_EMAIL}'"))).await, 1);
        assert_eq!(
            count(&server, &reminded(&format!("u.id IN (SELECT user_id FROM stances WHERE proposal_id = {id})"))).await,
            0
        );
        assert_eq!(
            count(&server, &reminded("u.city_id <> (SELECT id FROM cities WHERE slug = 'paris')")).await,
            0,
            "Lyon is not asked"
        );
        let scope = Scope::City(server.scalar("SELECT id FROM cities WHERE slug = 'paris'").await);
        let db = &server.database.any;
        assert!(passed_lazy_consent(db, id, scope).await.unwrap().is_some());
        assert!(passed_lazy_consent(db, id, Scope::Network).await.unwrap().is_none());
        assert!(passed_lazy_consent(db, id + 1_000, scope).await.unwrap().is_none());

        assert_eq!(stance(&server, &second, id, "object", "late").await, 403, "closed");
        let statement = [("proposal", proposal.as_str()), ("statement", "Planting starts in April.")];
        assert_eq!(server.call(&lyon, "write_outcome", &statement).await.status(), 403);
        assert_eq!(server.call(&proposer, "write_outcome", &statement).await.status(), 200);

        let found: serde_json::Value = server
            .call(&lyon, "search_decision_log", &[("q", "garden, with"), ("scope", "paris")])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(found["total"], 1, "{found}");
        assert_eq!(found["decisions"][0]["status"], "passed");
        let csv = lyon
            .get(format!("{}/decisions/log.csv?kind=lazy_consent&q=planting", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(csv.status(), 200);
        let csv = csv.text().await.unwrap();
        assert!(csv.contains("A community garden, with the owners"), "{csv}");
        assert!(csv.contains("Planting starts in April."), "{csv}");
        let anonymous = server.client().get(format!("{}/decisions/log.md", server.base)).send().await.unwrap();
        assert_eq!(anonymous.status(), 401);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn three_connectors_pass_at_once_an_objection_blocks_and_silence_lapses() {
    on_every_backend(|server| async move {
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let emails = server
            .texts(
                "SELECT u.email FROM users u JOIN connectors c ON c.user_id = u.id \
                 WHERE c.city_id = (SELECT id FROM cities WHERE slug = 'paris') ORDER BY u.id",
            )
            .await;
        assert!(emails.len() >= 3, "Paris has three connectors: {emails:?}");
        let mut connectors = Vec::new();
        for email in &emails[..3] {
            connectors.push(server.signed_in(email).await);
        }

        let meetup = propose(&server, &member, "paris", "three_connector", "A meetup in Versailles", "").await;
        assert_eq!(stance(&server, &member, meetup, "agree", "").await, 403, "connectors decide");
        assert_eq!(stance(&server, &connectors[0], meetup, "block", "x").await, 403, "no blocks here");
        assert_eq!(stance(&server, &connectors[0], meetup, "agree", "").await, 200);
        assert_eq!(stance(&server, &connectors[1], meetup, "agree", "").await, 200);
        assert_eq!(stance(&server, &connectors[2], meetup, "object", "").await, 422);
        assert_eq!(stance(&server, &connectors[2], meetup, "object", "Same day as the assembly").await, 200);
        assert_eq!(status_of(&server, meetup).await, "open", "an objection holds it");
        assert_eq!(stance(&server, &connectors[2], meetup, "agree", "").await, 200);
        assert_eq!(status_of(&server, meetup).await, "passed", "three connectors agree: passed at once");
        assert_eq!(
            server.scalar(&format!("SELECT COUNT(*) FROM jobs WHERE subject_id = {meetup} AND done_at IS NULL")).await,
            0,
            "its closing jobs are done with"
        );

        let objected = propose(&server, &member, "paris", "three_connector", "A second newsletter", "").await;
        assert_eq!(stance(&server, &connectors[0], objected, "agree", "").await, 200);
        assert_eq!(stance(&server, &connectors[1], objected, "object", "One is enough").await, 200);
        let silent = propose(&server, &member, "paris", "three_connector", "Move the drinks to Friday", "").await;
        server.clock.advance(2 * 3_600);
        assert_eq!(outcome(&server, objected).await, "blocked");
        assert_eq!(outcome(&server, silent).await, "lapsed");
        assert_eq!(status_of(&server, meetup).await, "passed", "closing time changes nothing once passed");
        assert_eq!(
            server.scalar(&format!("SELECT COUNT(*) FROM proposal_events WHERE proposal_id = {meetup} AND kind = 'closed'")).await,
            1
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sense_checks_and_polls_close_with_their_results_and_the_author_may_withdraw() {
    on_every_backend(|server| async move {
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let other = server.signed_in(&member_of(&server, "lyon", 0).await).await;
        let alumni_email = member_of(&server, "lyon", 1).await;
        let alumni = server.signed_in(&alumni_email).await;
        server
            .execute(&format!(
                "UPDATE users SET is_alumni = TRUE WHERE email = '{alumni_email}'"
            ))
            .await;

        let check = propose(
            &server,
            &member,
            "network",
            "sense_check",
            "Should we meet twice a year?",
            "",
        )
        .await;
        assert_eq!(
            stance(&server, &other, check, "object", "").await,
            200,
            "disagreeing needs no reason"
        );
        assert_eq!(
            stance(&server, &alumni, check, "agree", "").await,
            403,
            "alumni take no stances"
        );

        let refused = server
            .call(
                &member,
                "create_proposal",
                &[
                    ("scope", "network"),
                    ("kind", "poll"),
                    ("title", "Which weekday?"),
                    ("body", "Pick one."),
                    ("closes_at", &local(server.clock.now() + 3_600)),
                    ("options", "Tuesday"),
                ],
            )
            .await;
        assert_eq!(refused.status(), 422, "a poll needs two options");
        let poll = propose(
            &server,
            &member,
            "network",
            "poll",
            "Which weekday?",
            "Tuesday\nThursday",
        )
        .await;
        let thursday = server
            .scalar(&format!(
                "SELECT id FROM proposal_options WHERE proposal_id = {poll} AND label = 'Thursday'"
            ))
            .await
            .to_string();
        let id = poll.to_string();
        let vote = |client: Client, option: String| {
            let server = &server;
            let id = id.clone();
            async move {
                server
                    .call(
                        &client,
                        "take_stance",
                        &[("proposal", &id), ("stance", "choice"), ("option", &option)],
                    )
                    .await
                    .status()
                    .as_u16()
            }
        };
        assert_eq!(
            vote(other.clone(), "999999".into()).await,
            422,
            "an option of this poll"
        );
        assert_eq!(vote(other.clone(), thursday.clone()).await, 200);
        assert_eq!(vote(member.clone(), thursday.clone()).await, 200);
        assert_eq!(
            stance(&server, &other, poll, "agree", "").await,
            403,
            "polls take votes"
        );

        let withdrawn = propose(
            &server,
            &member,
            "network",
            "lazy_consent",
            "A network-wide logo change",
            "",
        )
        .await;
        let withdraw = |client: Client| {
            let server = &server;
            let id = withdrawn.to_string();
            async move {
                server
                    .call(
                        &client,
                        "withdraw_proposal",
                        &[("proposal", &id), ("statement", "Too early")],
                    )
                    .await
                    .status()
                    .as_u16()
            }
        };
        assert_eq!(
            withdraw(other.clone()).await,
            403,
            "only the author withdraws"
        );
        assert_eq!(withdraw(member.clone()).await, 200);
        assert_eq!(status_of(&server, withdrawn).await, "withdrawn");
        assert_eq!(stance(&server, &other, withdrawn, "agree", "").await, 403);

        server.clock.advance(2 * 3_600);
        assert_eq!(outcome(&server, check).await, "closed");
        assert_eq!(outcome(&server, poll).await, "closed");
        let tally: serde_json::Value = server
            .call(&other, "get_live_tally", &[("id", &id)])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(tally["tally"]["options"][1]["votes"], 2, "{tally}");
        assert_eq!(tally["tally"]["options"][0]["votes"], 0, "{tally}");
        assert_eq!(
            server
                .text(&format!(
                    "SELECT outcome_statement FROM proposals WHERE id = {withdrawn}"
                ))
                .await,
            "Too early"
        );
    })
    .await;
}
