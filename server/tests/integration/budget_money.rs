//! Money under pressure: parallel gifts that would overfill a bucket or overdraw a balance are
//! refused, never lost; and random sequences of every operation, some of them concurrent, keep
//! the ledger's books balanced after each step.

use crate::common::money::{
    assert_money_conserved, balance, fund_pot, ok, open_bucket, open_funding_round, pot_of,
};
use crate::common::{on_every_backend, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use futures::future::join_all;
use rand::{Rng, SeedableRng};
use reqwest::Client;

async fn paris_members(server: &TestServer) -> Vec<(Client, i64)> {
    let rows = server
        .texts(
            "SELECT email FROM users WHERE is_alumni = FALSE \
             AND city_id = (SELECT id FROM cities WHERE slug = 'paris') ORDER BY id",
        )
        .await;
    let mut people = Vec::new();
    for email in rows {
        let id = server
            .scalar(&format!("SELECT id FROM users WHERE email = '{email}'"))
            .await;
        people.push((server.signed_in(&email).await, id));
    }
    people
}

async fn statuses(results: Vec<reqwest::Response>) -> Vec<u16> {
    results
        .iter()
        .map(|response| response.status().as_u16())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn parallel_gifts_never_overfill_a_bucket_or_overdraw_a_balance() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let paris = pot_of(&server, Some("paris")).await;
        let held = assert_money_conserved(&server).await;
        fund_pot(&server, &admin, paris, "10000").await;
        let round = open_funding_round(&server, &connector, paris, "").await;
        ok(
            &server,
            &connector,
            "allocate_equally",
            &[("round", &round.to_string()), ("amount", "50")],
        )
        .await;
        let people = paris_members(&server).await;
        let givers = people.len().min(16) / 2 * 2;
        let room = (givers / 2 * 10).to_string();
        let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let bucket = open_bucket(&server, &member, round, &room, &room)
            .await
            .to_string();

        let gift = [("bucket", bucket.as_str()), ("amount", "10")];
        let gifts = people[..givers]
            .iter()
            .map(|(client, _)| server.call(client, "fund_bucket", &gift));
        let codes = statuses(join_all(gifts).await).await;
        let accepted = codes.iter().filter(|code| **code == 200).count();
        assert_eq!(
            accepted,
            givers / 2,
            "exactly the room was taken: {codes:?}"
        );
        assert!(
            codes.iter().all(|code| matches!(code, 200 | 422)),
            "{codes:?}"
        );
        assert_eq!(
            balance(&server, &format!("bucket:{bucket}")).await,
            (givers / 2 * 1_000) as i64
        );

        let (spender, spender_id) = &people[givers];
        let wide = open_bucket(&server, &member, round, "1000", "")
            .await
            .to_string();
        let gift = [("bucket", wide.as_str()), ("amount", "10")];
        let spending = (0..10).map(|_| server.call(spender, "fund_bucket", &gift));
        let codes = statuses(join_all(spending).await).await;
        assert_eq!(
            codes.iter().filter(|code| **code == 200).count(),
            5,
            "a balance of 50 pays five gifts of 10: {codes:?}"
        );
        assert_eq!(
            balance(&server, &format!("member:{round}:{spender_id}")).await,
            0
        );
        assert_eq!(assert_money_conserved(&server).await, held + 1_000_000);
    })
    .await;
}

/// Who and what the random operations act on.
struct Books<'a> {
    server: &'a TestServer,
    people: &'a [(Client, i64)],
    admin: &'a Client,
    connector: &'a Client,
    pots: &'a [i64],
    round: i64,
    buckets: &'a [i64],
}

/// One random operation on the round, by a random person, with a random amount.
async fn random_step(books: &Books<'_>, rng: &mut rand_chacha::ChaCha8Rng) -> reqwest::Response {
    let Books {
        server,
        people,
        admin,
        connector,
        pots,
        round,
        buckets,
    } = *books;
    let euros = rng.random_range(1..=80).to_string();
    let bucket = buckets[rng.random_range(0..buckets.len())].to_string();
    let round = round.to_string();
    let person = &people[rng.random_range(0..people.len())].0;
    match rng.random_range(0..10) {
        0 => {
            let to = pots[rng.random_range(0..pots.len())].to_string();
            server
                .call(admin, "move_money", &[("to_pot", &to), ("amount", &euros)])
                .await
        }
        1 => {
            let from = pots[rng.random_range(0..pots.len())].to_string();
            let to = pots[rng.random_range(0..pots.len())].to_string();
            server
                .call(
                    admin,
                    "move_money",
                    &[("from_pot", &from), ("to_pot", &to), ("amount", &euros)],
                )
                .await
        }
        2 => {
            server
                .call(
                    connector,
                    "allocate_equally",
                    &[("round", &round), ("amount", "3")],
                )
                .await
        }
        3 => {
            server
                .call(connector, "cancel_bucket", &[("bucket", &bucket)])
                .await
        }
        4 => {
            server
                .call(connector, "pay_out_bucket", &[("bucket", &bucket)])
                .await
        }
        5 => {
            server
                .call(connector, "withdraw_unspent", &[("round", &round)])
                .await
        }
        _ => {
            server
                .call(
                    person,
                    "fund_bucket",
                    &[("bucket", &bucket), ("amount", &euros)],
                )
                .await
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn random_operations_some_at_once_keep_the_books_balanced() {
    on_every_backend(|server| async move {
        let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
        let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
        let paris = pot_of(&server, Some("paris")).await;
        let pots = vec![
            pot_of(&server, None).await,
            paris,
            pot_of(&server, Some("lyon")).await,
        ];
        fund_pot(&server, &admin, paris, "3000").await;
        let round = open_funding_round(&server, &connector, paris, "").await;
        let people = paris_members(&server).await;
        let people = &people[..people.len().min(8)];
        let mut buckets = Vec::new();
        for (min, max) in [("40", "60"), ("100", "300"), ("5", "5"), ("200", "")] {
            buckets.push(open_bucket(&server, &people[0].0, round, min, max).await);
        }
        let books = Books {
            server: &server,
            people,
            admin: &admin,
            connector: &connector,
            pots: &pots,
            round,
            buckets: &buckets,
        };
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
        let mut succeeded = 0;
        for step in 0..60 {
            // Every fifth step, four operations race each other.
            let at_once = if step % 5 == 4 { 4 } else { 1 };
            let mut seeds: Vec<rand_chacha::ChaCha8Rng> = (0..at_once)
                .map(|_| rand_chacha::ChaCha8Rng::seed_from_u64(rng.random()))
                .collect();
            let steps = seeds.iter_mut().map(|seed| random_step(&books, seed));
            for response in join_all(steps).await {
                let status = response.status();
                assert!(
                    status.is_success() || status == 422 || status == 409,
                    "step {step}: {status}"
                );
                succeeded += usize::from(status.is_success());
            }
            assert_money_conserved(&server).await;
        }
        // The sequence must really move money, not only be refused.
        assert!(succeeded >= 30, "only {succeeded} operations went through");
    })
    .await;
}
