//! Collaborative funding through HTTP, as connectors and members use it: money comes in, is
//! split, allocated, given to buckets, paid out or refunded, and every cent is accounted for.

use crate::common::money::{
    assert_money_conserved, balance, fund_pot, ok, open_bucket, open_funding_round, pot_of,
};
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use reqwest::Client;

/// Signed-in members of Paris other than the demo accounts, with their ids.
async fn parisians(server: &TestServer, count: usize) -> Vec<(Client, i64)> {
    let ids = server
        .texts(&format!(
            "SELECT CAST(id AS TEXT) FROM users WHERE city_id = (SELECT id FROM cities WHERE slug = 'paris') \
             AND is_alumni = FALSE AND is_admin = FALSE AND id NOT IN (SELECT user_id FROM connectors) AND email NOT IN ('{DEMO_ADMIN_EMAIL}', '{DEMO_CONNECTOR_EMAIL}', '{DEMO_MEMBER_EMAIL}') \
             ORDER BY id LIMIT {count}"
        ))
        .await;
    let mut people = Vec::new();
    for id in ids {
        let email = server
            .text(&format!("SELECT email FROM users WHERE id = {id}"))
            .await;
        people.push((server.signed_in(&email).await, id.parse().unwrap()));
    }
    people
}

async fn bucket_status(server: &TestServer, bucket: i64) -> String {
    server
        .text(&format!("SELECT status FROM buckets WHERE id = {bucket}"))
        .await
}

fn refused_with(body: &serde_json::Value, problem: &str) -> bool {
    body["Invalid"]["problem"].get(problem).is_some() || body["Invalid"]["problem"] == problem
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bucket_is_funded_past_its_minimum_up_to_its_maximum_and_paid_out() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let paris = pot_of(&server, Some("paris")).await;
        // The demo network already holds money: everything below is measured from here.
        let held = assert_money_conserved(&server).await;
        let paris_before = balance(&server, &format!("pot:{paris}")).await;
        fund_pot(&server, &admin, paris, "2000").await;
        assert_eq!(assert_money_conserved(&server).await, held + 200_000);

        let round = open_funding_round(&server, &connector, paris, "").await;
        let allocated = ok(&server, &connector, "allocate_equally", &[("round", &round.to_string()), ("amount", "50")]).await;
        let members = server
            .scalar("SELECT COUNT(*) FROM users WHERE is_alumni = FALSE AND city_id = (SELECT id FROM cities WHERE slug = 'paris')")
            .await;
        assert_eq!(allocated.as_i64(), Some(members * 5_000));
        assert_eq!(
            balance(&server, &format!("pot:{paris}")).await,
            paris_before + 200_000 - members * 5_000
        );

        let people = parisians(&server, 4).await;
        let bucket = open_bucket(&server, &people[0].0, round, "100", "150").await;
        let bucket_id = bucket.to_string();
        let give = |client: &Client, euros: &str| {
            let (server, bucket_id) = (&server, &bucket_id);
            let client = client.clone();
            let euros = euros.to_string();
            async move {
                let response = server.call(&client, "fund_bucket", &[("bucket", bucket_id), ("amount", &euros)]).await;
                let status = response.status().as_u16();
                (status, response.json::<serde_json::Value>().await.unwrap_or_default())
            }
        };

        let (code, body) = give(&people[0].0, "60").await;
        assert_eq!(code, 422, "beyond one's balance");
        assert!(refused_with(&body, "NotEnoughMoney"), "{body}");
        assert_eq!(give(&people[0].0, "50").await.0, 200);
        assert_eq!(bucket_status(&server, bucket).await, "open");
        assert_eq!(give(&people[1].0, "50").await.0, 200);
        assert_eq!(bucket_status(&server, bucket).await, "funded", "funded at its minimum");
        let (code, body) = give(&people[2].0, "50.01").await;
        assert_eq!(code, 422);
        assert_eq!(body["Invalid"]["problem"]["OverMaximum"]["room_cents"], 5_000, "{body}");
        assert_eq!(give(&people[2].0, "50").await.0, 200);
        assert_eq!(give(&people[3].0, "1").await.0, 422, "full at its maximum");

        let page = ok(&server, &people[3].0, "get_bucket", &[("bucket", &bucket_id)]).await;
        assert_eq!(page["bucket"]["received_cents"], 15_000);
        assert_eq!(page["bucket"]["contributors"], 3);
        assert_eq!(page["lines"].as_array().map(Vec::len), Some(2));
        assert!(page["bucket"]["description_html"].as_str().unwrap().contains("<strong>everyone</strong>"));

        assert_eq!(server.call(&people[0].0, "pay_out_bucket", &[("bucket", &bucket_id)]).await.status(), 403);
        let paid = ok(&server, &connector, "pay_out_bucket", &[("bucket", &bucket_id)]).await;
        assert_eq!(paid.as_i64(), Some(15_000));
        assert_eq!(bucket_status(&server, bucket).await, "completed");
        assert_eq!(assert_money_conserved(&server).await, held + 200_000 - 15_000);

        let withdrawn = ok(&server, &connector, "withdraw_unspent", &[("round", &round.to_string())]).await;
        assert_eq!(withdrawn.as_i64(), Some(members * 5_000 - 15_000));
        assert_eq!(
            balance(&server, &format!("pot:{paris}")).await,
            paris_before + 200_000 - 15_000
        );

        let csv = server
            .client()
            .get(format!("{}/budgets/rounds/{round}/ledger.csv", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(csv.status(), 401, "the ledger is for members");
        let csv = people[3].0
            .get(format!("{}/budgets/rounds/{round}/ledger.csv", server.base))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(csv.starts_with("id,time_utc,kind,amount,from,to,member,bucket,by\n"));
        assert_eq!(csv.lines().filter(|line| line.contains(",payout,150.00,")).count(), 1, "{csv}");
        let audit = ok(&server, &people[3].0, "list_pot_audit", &[("pot", &paris.to_string())]).await;
        let actions: Vec<&str> = audit.as_array().unwrap().iter().filter_map(|line| line["action"].as_str()).collect();
        for action in ["transfer", "create_round", "phase", "allocate", "payout", "withdraw"] {
            assert!(actions.contains(&action), "{action} missing from {actions:?}");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cancelling_a_bucket_returns_every_contribution() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let paris = pot_of(&server, Some("paris")).await;
        let held = assert_money_conserved(&server).await;
        fund_pot(&server, &admin, paris, "3000").await;
        let round = open_funding_round(&server, &connector, paris, "30").await;
        ok(
            &server,
            &connector,
            "allocate_equally",
            &[("round", &round.to_string()), ("amount", "40")],
        )
        .await;
        let people = parisians(&server, 3).await;
        let bucket = open_bucket(&server, &people[0].0, round, "500", "").await;
        let bucket_id = bucket.to_string();
        for (client, _) in &people[..2] {
            ok(
                &server,
                client,
                "fund_bucket",
                &[("bucket", &bucket_id), ("amount", "30")],
            )
            .await;
        }
        let over_cap = server
            .call(
                &people[2].0,
                "fund_bucket",
                &[("bucket", &bucket_id), ("amount", "31")],
            )
            .await;
        assert_eq!(
            over_cap.status(),
            422,
            "the round caps each member's gift at 30"
        );
        assert_eq!(
            server
                .call(&people[1].0, "cancel_bucket", &[("bucket", &bucket_id)])
                .await
                .status(),
            403,
            "only its co-creators or managers"
        );
        let refunded = ok(
            &server,
            &people[0].0,
            "cancel_bucket",
            &[("bucket", &bucket_id)],
        )
        .await;
        assert_eq!(refunded.as_i64(), Some(6_000));
        for (_, id) in &people[..2] {
            assert_eq!(
                balance(&server, &format!("member:{round}:{id}")).await,
                4_000,
                "refunded in full"
            );
        }
        assert_eq!(
            server
                .call(
                    &people[2].0,
                    "fund_bucket",
                    &[("bucket", &bucket_id), ("amount", "5")]
                )
                .await
                .status(),
            422
        );
        assert_eq!(assert_money_conserved(&server).await, held + 300_000);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_right_people_move_money() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let paris = pot_of(&server, Some("paris")).await;
        let lyon = pot_of(&server, Some("lyon")).await;
        let held = assert_money_conserved(&server).await;
        let paris_holds = balance(&server, &format!("pot:{paris}")).await;
        fund_pot(&server, &admin, lyon, "500").await;
        let lyon_connector = server
            .text("SELECT u.email FROM users u JOIN connectors k ON k.user_id = u.id JOIN cities c ON c.id = k.city_id WHERE c.slug = 'lyon' ORDER BY u.id LIMIT 1")
            .await;
        let lyon_connector = server.signed_in(&lyon_connector).await;
        let lyon_round = open_funding_round(&server, &lyon_connector, lyon, "").await.to_string();

        let network = pot_of(&server, None).await.to_string();
        assert_eq!(server.call(&member, "move_money", &[("to_pot", &network), ("amount", "10")]).await.status(), 403, "a member cannot change a pot");
        assert_eq!(server.call(&connector, "move_money", &[("to_pot", &network), ("amount", "10")]).await.status(), 403, "nor a connector");
        assert_eq!(server.call(&connector, "allocate_equally", &[("round", &lyon_round), ("amount", "10")]).await.status(), 403, "Paris's connector cannot manage Lyon's round");
        assert_eq!(server.call(&connector, "create_round", &[("pot", &lyon.to_string()), ("mode", "funding"), ("title", "Not mine")]).await.status(), 403);
        assert_eq!(server.call(&member, "create_bucket", &[("round", &lyon_round), ("title", "Elsewhere"), ("min", "10")]).await.status(), 403, "a Paris member takes no part in Lyon's round");
        let (code, problem) = {
            let response = server.call(&admin, "move_money", &[("from_pot", &paris.to_string()), ("to_pot", &network), ("amount", "100000000")]).await;
            (response.status().as_u16(), response.json::<serde_json::Value>().await.unwrap())
        };
        assert_eq!(code, 422, "a pot never hands out more than it holds: {problem}");
        assert_eq!(problem["Invalid"]["problem"]["NotEnoughMoney"]["available_cents"], paris_holds);
        for bad in ["", "-5", "abc", "0"] {
            let status = server.call(&admin, "move_money", &[("to_pot", &network), ("amount", bad)]).await.status();
            assert_eq!(status, 422, "amount {bad:?}");
        }
        assert_eq!(assert_money_conserved(&server).await, held + 50_000);
    })
    .await;
}
