//! Budget scenarios' shared steps, and the ledger's invariants checked straight in the tables.
use super::TestServer;
use reqwest::Client;
use std::collections::HashMap;

pub async fn pot_of(server: &TestServer, city_slug: Option<&str>) -> i64 {
    let sql = match city_slug {
        Some(slug) => format!(
            "SELECT p.id FROM pots p JOIN cities c ON c.id = p.city_id WHERE c.slug = '{slug}'"
        ),
        None => "SELECT id FROM pots WHERE scope = 'network'".to_string(),
    };
    server.scalar(&sql).await
}

/// Calls a server function that must succeed and answers its JSON.
pub async fn ok(
    server: &TestServer,
    client: &Client,
    endpoint: &str,
    form: &[(&str, &str)],
) -> serde_json::Value {
    let response = server.call(client, endpoint, form).await;
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    assert!(
        status.is_success(),
        "{endpoint} on {}: {status} {body}",
        server.backend
    );
    serde_json::from_str(&body).unwrap_or(serde_json::Value::Null)
}

/// The admin brings `euros` into the network and moves them on to the pot.
pub async fn fund_pot(server: &TestServer, admin: &Client, pot: i64, euros: &str) {
    let network = pot_of(server, None).await;
    let network_id = network.to_string();
    ok(
        server,
        admin,
        "move_money",
        &[("to_pot", &network_id), ("amount", euros)],
    )
    .await;
    if pot != network {
        ok(
            server,
            admin,
            "move_money",
            &[
                ("from_pot", &network_id),
                ("to_pot", &pot.to_string()),
                ("amount", euros),
            ],
        )
        .await;
    }
}

/// A manager moves the round to `phase`.
pub async fn set_phase(server: &TestServer, manager: &Client, round: &str, phase: &str) {
    ok(
        server,
        manager,
        "set_round_phase",
        &[("round", round), ("phase", phase)],
    )
    .await;
}

/// A funding round of the pot, opened for funding. Answers its id.
pub async fn open_funding_round(server: &TestServer, manager: &Client, pot: i64, cap: &str) -> i64 {
    let created = ok(
        server,
        manager,
        "create_round",
        &[
            ("pot", &pot.to_string()),
            ("mode", "funding"),
            ("title", "Commons of the season"),
            ("description", "What shall we fund?"),
            ("cap_per_bucket", cap),
        ],
    )
    .await;
    let round = created.as_i64().expect("round id");
    set_phase(server, manager, &round.to_string(), "open").await;
    round
}

/// A bucket proposed and opened for funding by a member. Answers its id.
pub async fn open_bucket(
    server: &TestServer,
    member: &Client,
    round: i64,
    min: &str,
    max: &str,
) -> i64 {
    let created = ok(
        server,
        member,
        "create_bucket",
        &[
            ("round", &round.to_string()),
            ("title", "Seed library"),
            ("description", "Seeds for **everyone**"),
            ("min", min),
            ("max", max),
            ("lines", "Shelves: 60\nSeeds: 40"),
        ],
    )
    .await;
    let bucket = created.as_i64().expect("bucket id");
    ok(
        server,
        member,
        "open_bucket",
        &[("bucket", &bucket.to_string())],
    )
    .await;
    bucket
}

/// Every account's balance, from the ledger.
pub async fn balances(server: &TestServer) -> HashMap<String, i64> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT account, CAST(SUM(delta) AS BIGINT) FROM ( \
           SELECT credit AS account, amount_cents AS delta FROM ledger \
           UNION ALL SELECT debit AS account, -amount_cents AS delta FROM ledger \
         ) AS moves GROUP BY account",
    )
    .fetch_all(&server.database.any)
    .await
    .expect("balances");
    rows.into_iter().collect()
}

pub async fn balance(server: &TestServer, account: &str) -> i64 {
    balances(server).await.get(account).copied().unwrap_or(0)
}

/// Money is never created or lost: what the network holds is exactly what came in less what was
/// paid out; no account but `outside` is ever below zero; no bucket holds more than its maximum
/// and a cancelled one holds nothing. Answers what the network holds.
pub async fn assert_money_conserved(server: &TestServer) -> i64 {
    let balances = balances(server).await;
    let outside = balances.get("outside").copied().unwrap_or(0);
    let held: i64 = balances
        .iter()
        .filter(|(account, _)| account.as_str() != "outside")
        .map(|(_, cents)| cents)
        .sum();
    assert_eq!(
        held, -outside,
        "held inside vs net inflow on {}",
        server.backend
    );
    for (account, cents) in &balances {
        assert!(
            account == "outside" || *cents >= 0,
            "{account} is overdrawn: {cents} on {}",
            server.backend
        );
    }
    let buckets: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT id, max_cents, status FROM buckets")
            .fetch_all(&server.database.any)
            .await
            .expect("buckets");
    for (id, max, status) in buckets {
        let received: i64 = sqlx::query_as::<_, (i64,)>(
            "SELECT CAST(COALESCE(SUM(CASE WHEN kind = 'contribution' THEN amount_cents \
             WHEN kind = 'refund' THEN -amount_cents ELSE 0 END), 0) AS BIGINT) \
             FROM ledger WHERE bucket_id = $1",
        )
        .bind(id)
        .fetch_one(&server.database.any)
        .await
        .expect("bucket total")
        .0;
        assert!(received <= max, "bucket {id} holds {received} > {max}");
        if status == "cancelled" {
            assert_eq!(received, 0, "cancelled bucket {id} still holds money");
        }
    }
    held
}
