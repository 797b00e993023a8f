//! Participatory budgeting by ballot, as a network round goes: proposals, review, voting with
//! one secret ballot per member, the tally that pays the winners, and its published result.

use crate::common::money::{assert_money_conserved, balance, fund_pot, ok, pot_of, set_phase};
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;
use serde_json::Value;

async fn voters(server: &TestServer, count: usize) -> Vec<Client> {
    let emails = server
        .texts(&format!(
            "SELECT email FROM users WHERE is_alumni = FALSE AND is_admin = FALSE ORDER BY id DESC LIMIT {count}"
        ))
        .await;
    let mut clients = Vec::new();
    for email in emails {
        clients.push(server.signed_in(&email).await);
    }
    clients
}

async fn propose(
    server: &TestServer,
    client: &Client,
    round: &str,
    title: &str,
    cost: &str,
) -> String {
    ok(
        server,
        client,
        "propose_project",
        &[("round", round), ("title", title), ("cost", cost)],
    )
    .await
    .as_i64()
    .expect("project id")
    .to_string()
}

async fn vote(server: &TestServer, round: &str, client: &Client, projects: &[&str]) -> u16 {
    let mut form: Vec<(&str, &str)> = vec![("round", round)];
    form.extend(projects.iter().map(|project| ("approve[]", *project)));
    status(server.call(client, "cast_ballot", &form).await)
}

fn status(response: reqwest::Response) -> u16 {
    response.status().as_u16()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ballot_round_goes_from_proposals_to_published_results() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let network = pot_of(&server, None).await;
        let held = assert_money_conserved(&server).await;
        fund_pot(&server, &admin, network, "1000").await;
        let pot_before = balance(&server, &format!("pot:{network}")).await;
        let created = ok(
            &server,
            &admin,
            "create_round",
            &[
                ("pot", &network.to_string()),
                ("mode", "ballot"),
                ("title", "Network projects 2027"),
                ("budget", "100"),
                ("ballot_kind", "approval"),
                ("max_projects", "2"),
                ("rule", "mes"),
            ],
        )
        .await;
        let round = created.as_i64().expect("round id").to_string();
        let people = voters(&server, 6).await;

        let garden = propose(&server, &people[0], &round, "Shared garden", "60").await;
        let radio = propose(&server, &people[1], &round, "Network radio", "40").await;
        let statue = propose(&server, &people[2], &round, "A statue of ourselves", "30").await;
        set_phase(&server, &admin, &round, "review").await;
        assert_eq!(
            status(
                server
                    .call(
                        &people[3],
                        "propose_project",
                        &[("round", &round), ("title", "Late"), ("cost", "5")]
                    )
                    .await
            ),
            422,
            "proposals are closed during review"
        );
        assert_eq!(
            status(
                server
                    .call(
                        &admin,
                        "review_project",
                        &[("project", &statue), ("decision", "reject")]
                    )
                    .await
            ),
            422,
            "a rejection needs a reason"
        );
        ok(
            &server,
            &admin,
            "review_project",
            &[
                ("project", &statue),
                ("decision", "reject"),
                ("reason", "Not a commons"),
            ],
        )
        .await;
        ok(
            &server,
            &admin,
            "review_project",
            &[("project", &garden), ("decision", "accept"), ("cost", "50")],
        )
        .await;
        ok(
            &server,
            &admin,
            "review_project",
            &[("project", &radio), ("decision", "accept")],
        )
        .await;

        set_phase(&server, &admin, &round, "voting").await;
        assert_eq!(
            balance(&server, &format!("pot:{network}")).await,
            pot_before - 10_000,
            "the budget is set aside"
        );
        assert_eq!(vote(&server, &round, &people[0], &[&garden]).await, 200);
        assert_eq!(
            vote(&server, &round, &people[0], &[&garden, &radio]).await,
            200,
            "a ballot can be changed"
        );
        assert_eq!(
            vote(&server, &round, &people[1], &[&garden, &radio, &statue]).await,
            422,
            "a rejected project is not on the ballot"
        );
        assert_eq!(vote(&server, &round, &people[1], &[&radio]).await, 200);
        assert_eq!(vote(&server, &round, &people[2], &[&garden]).await, 200);
        assert_eq!(vote(&server, &round, &people[3], &[&garden]).await, 200);
        assert_eq!(
            server
                .scalar(&format!(
                    "SELECT COUNT(*) FROM ballots WHERE round_id = {round}"
                ))
                .await,
            4,
            "one ballot each"
        );

        let page = ok(
            &server,
            &people[4],
            "get_ballot_round",
            &[("round", &round)],
        )
        .await;
        assert_eq!(page["counts_shown"], false);
        assert!(
            page["projects"]
                .as_array()
                .unwrap()
                .iter()
                .all(|project| project["votes"].is_null()),
            "no running counts: {page}"
        );
        assert_eq!(
            page["my_ballot"],
            serde_json::json!([]),
            "nobody sees another's ballot"
        );
        let own = ok(
            &server,
            &people[0],
            "get_ballot_round",
            &[("round", &round)],
        )
        .await;
        assert_eq!(own["my_ballot"].as_array().map(Vec::len), Some(2));

        assert_eq!(
            status(
                server
                    .call(&people[0], "tally_round", &[("round", &round)])
                    .await
            ),
            403
        );
        let spent = ok(&server, &admin, "tally_round", &[("round", &round)]).await;
        assert_eq!(
            status(
                server
                    .call(&admin, "tally_round", &[("round", &round)])
                    .await
            ),
            422,
            "counted once"
        );
        assert_eq!(
            vote(&server, &round, &people[5], &[&garden]).await,
            422,
            "no ballot after the close"
        );

        let results: Value = ok(
            &server,
            &people[5],
            "get_round_results",
            &[("round", &round)],
        )
        .await;
        let selected: Vec<i64> = results["tally"]["lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|line| line["selected"] == true)
            .map(|line| line["id"].as_i64().unwrap())
            .collect();
        // Four voters share 100: the garden's three supporters have 75 for its 50; the radio's
        // two then have 12.50 + 25 left, not 40.
        assert_eq!(selected, [garden.parse::<i64>().unwrap()]);
        assert_eq!(spent.as_i64(), Some(5_000));
        assert_eq!(
            results["tally"]["winners"][0]["project"]
                .as_i64()
                .map(|id| id.to_string()),
            Some(garden.clone())
        );
        assert_eq!(
            results["election"]["ballots"].as_array().map(Vec::len),
            Some(4)
        );
        assert_eq!(
            balance(&server, &format!("pot:{network}")).await,
            pot_before - 5_000,
            "the rest returned"
        );
        assert_eq!(balance(&server, &format!("round:{round}")).await, 0);
        assert_eq!(
            server
                .scalar(&format!(
                    "SELECT COUNT(*) FROM ledger WHERE kind = 'payout' AND project_id = {garden}"
                ))
                .await,
            1
        );
        assert_eq!(
            assert_money_conserved(&server).await,
            held + 100_000 - 5_000
        );
        let tallied = ok(
            &server,
            &people[4],
            "get_ballot_round",
            &[("round", &round)],
        )
        .await;
        assert_eq!(tallied["counts_shown"], true);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_city_ballot_is_for_its_members_and_a_pot_cannot_promise_what_it_lacks() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let lyon = pot_of(&server, Some("lyon")).await;
        let lyon_holds = balance(&server, &format!("pot:{lyon}")).await;
        let too_much = format!("{}", lyon_holds / 100 + 1);
        let created = ok(
            &server,
            &admin,
            "create_round",
            &[
                ("pot", &lyon.to_string()),
                ("mode", "ballot"),
                ("title", "Lyon points"),
                ("budget", &too_much),
                ("ballot_kind", "cumulative"),
                ("max_points", "10"),
                ("max_per_project", "6"),
                ("rule", "greedy"),
            ],
        )
        .await;
        let round = created.as_i64().unwrap().to_string();
        let lyonnais = server
            .text("SELECT email FROM users WHERE is_alumni = FALSE AND city_id = (SELECT id FROM cities WHERE slug = 'lyon') ORDER BY id LIMIT 1")
            .await;
        let lyonnais = server.signed_in(&lyonnais).await;
        let project = propose(&server, &lyonnais, &round, "Bike repair corner", "20").await;
        let parisian = server.signed_in(DEMO_MEMBER_EMAIL).await;
        assert_eq!(
            status(server.call(&parisian, "propose_project", &[("round", &round), ("title", "Mine"), ("cost", "5")]).await),
            403,
            "Lyon's ballot belongs to Lyon's members"
        );
        set_phase(&server, &admin, &round, "review").await;
        ok(&server, &admin, "review_project", &[("project", &project), ("decision", "accept")]).await;
        let refused = server.call(&admin, "set_round_phase", &[("round", &round), ("phase", "voting")]).await;
        assert_eq!(refused.status(), 422, "the budget is more than the pot holds");
        assert_eq!(balance(&server, &format!("pot:{lyon}")).await, lyon_holds, "nothing moved");
        let page = ok(&server, &admin, "get_ballot_round", &[("round", &round)]).await;
        assert_eq!(page["round"]["phase"], "Review", "still in review");
        assert_money_conserved(&server).await;
        let _ = parisian;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn public_counts_move_with_each_ballot_and_tell_open_pages() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let network = pot_of(&server, None).await;
        fund_pot(&server, &admin, network, "100").await;
        let form = [
            ("pot", network.to_string()),
            ("mode", "ballot".into()),
            ("title", "Open counts".into()),
            ("budget", "50".into()),
            ("ballot_kind", "approval".into()),
            ("rule", "greedy".into()),
            ("counts_public", "on".into()),
        ];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let round = ok(&server, &admin, "create_round", &form).await;
        let round = round.as_i64().expect("round id").to_string();
        let people = voters(&server, 2).await;
        let bench = propose(&server, &people[0], &round, "Bench", "20").await;
        set_phase(&server, &admin, &round, "review").await;
        ok(
            &server,
            &admin,
            "review_project",
            &[("project", &bench), ("decision", "accept")],
        )
        .await;
        set_phase(&server, &admin, &round, "voting").await;

        let pot_version = || async {
            server
                .text(&format!(
                    "SELECT CAST(version AS TEXT) FROM pots WHERE id = {network}"
                ))
                .await
                .parse::<i64>()
                .expect("a version")
        };
        let before = pot_version().await;
        assert_eq!(vote(&server, &round, &people[1], &[&bench]).await, 200);
        // A newer version is what open pages of the pot's rounds refresh on.
        assert!(
            pot_version().await > before,
            "the ballot moved the pot's version"
        );
        let page = ok(
            &server,
            &people[0],
            "get_ballot_round",
            &[("round", &round)],
        )
        .await;
        assert_eq!(page["counts_shown"], true);
        assert_eq!(page["projects"][0]["votes"], 1);
    })
    .await;
}
