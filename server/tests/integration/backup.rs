//! An operator backs up a running network while members write, and restores the backup: the
//! restored database equals the backup table by table, and the backup is one consistent moment
//! (its books balance, its channels' numbering is whole), between the state before the writes and
//! the state after them.

use crate::common::process::edges;
use crate::common::TestServer;
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_MEMBER_EMAIL};
use sqlx::{Connection, SqliteConnection};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Members of Paris write messages and the admin moves money until told to stop; answers how
/// many writes were accepted.
async fn write_load(server: Arc<TestServer>, stop: Arc<AtomicBool>) -> usize {
    let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
    let network = server
        .scalar("SELECT id FROM pots WHERE scope = 'network'")
        .await
        .to_string();
    let paris_pot = server
        .scalar("SELECT p.id FROM pots p JOIN cities c ON c.id = p.city_id WHERE c.slug = 'paris'")
        .await
        .to_string();
    let channel = server
        .scalar("SELECT c.id FROM channels c JOIN cities t ON t.id = c.city_id WHERE c.kind = 'city' AND t.slug = 'paris'")
        .await
        .to_string();
    let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
    let mut accepted = 0;
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        n += 1;
        let moved = server
            .call(
                &admin,
                "move_money",
                &[
                    ("from_pot", &network),
                    ("to_pot", &paris_pot),
                    ("amount", "1"),
                ],
            )
            .await;
        accepted += usize::from(moved.status().is_success());
        let body = format!("Written during the backup, {n}");
        let posted = server
            .call(
                &member,
                "post_message",
                &[("channel", &channel), ("body", &body)],
            )
            .await;
        accepted += usize::from(posted.status().is_success());
    }
    accepted
}

async fn count(file: &Path, sql: &str) -> i64 {
    let mut connection = SqliteConnection::connect(&format!("sqlite://{}", file.display()))
        .await
        .expect("open");
    let (value,): (i64,) = sqlx::query_as(sql)
        .fetch_one(&mut connection)
        .await
        .expect(sql);
    value
}

/// Every table of `left` holds exactly the rows of the same table of `right`.
async fn assert_same_tables(left: &Path, right: &Path) {
    let mut connection = SqliteConnection::connect(&format!("sqlite://{}", left.display()))
        .await
        .expect("open");
    sqlx::query(&format!("ATTACH DATABASE '{}' AS other", right.display()))
        .execute(&mut connection)
        .await
        .expect("attach");
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&mut connection)
    .await
    .expect("tables");
    let others: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM other.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&mut connection)
    .await
    .expect("tables");
    assert_eq!(tables, others, "the same tables");
    assert!(tables.len() > 30, "the whole schema: {tables:?}");
    for (table,) in tables {
        let sql = format!(
            "SELECT (SELECT COUNT(*) FROM main.\"{table}\"), (SELECT COUNT(*) FROM other.\"{table}\"), \
             (SELECT COUNT(*) FROM (SELECT * FROM main.\"{table}\" EXCEPT SELECT * FROM other.\"{table}\")), \
             (SELECT COUNT(*) FROM (SELECT * FROM other.\"{table}\" EXCEPT SELECT * FROM main.\"{table}\"))"
        );
        let (rows, other_rows, only_left, only_right): (i64, i64, i64, i64) = sqlx::query_as(&sql)
            .fetch_one(&mut connection)
            .await
            .expect(&sql);
        assert_eq!(
            (rows, only_left, only_right),
            (other_rows, 0, 0),
            "table {table}"
        );
    }
}

/// What an operator's command did: whether it succeeded, and what it printed and complained.
struct Ran {
    ok: bool,
    said: String,
    complained: String,
}

fn operator(args: &[&str]) -> Ran {
    let output = edges(args).output().expect("edges runs");
    Ran {
        ok: output.status.success(),
        said: String::from_utf8_lossy(&output.stdout).into_owned(),
        complained: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Messages and ledger movements together: what the write load adds to.
async fn written(file: &Path) -> i64 {
    count(
        file,
        "SELECT (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM ledger)",
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_taken_under_writes_restores_every_table() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let live = dir.path().join("edges.db");
    let url = format!("sqlite://{}", live.display());
    let server = Arc::new(TestServer::start(&url, "sqlite").await);
    let before = written(&live).await;

    let stop = Arc::new(AtomicBool::new(false));
    let load = tokio::spawn(write_load(server.clone(), stop.clone()));
    // Writes are under way before the backup starts.
    while written(&live).await < before + 4 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let backup = dir.path().join("edges-backup.db").display().to_string();
    let made = operator(&["backup", "--to", &backup, "--database-url", &url]);
    assert!(made.ok, "{}", made.complained);
    assert!(
        made.said.contains("members"),
        "the command says what it saved"
    );
    stop.store(true, Ordering::Relaxed);
    let accepted = load.await.expect("the load ran");
    assert!(accepted > 4, "writes went on: {accepted}");
    let after = written(&live).await;

    // One consistent moment, somewhere between the two.
    let backup_file = Path::new(&backup);
    let saved = written(backup_file).await;
    assert!(
        before < saved && saved <= after,
        "{before} < {saved} <= {after}"
    );
    let unbalanced = "SELECT COUNT(*) FROM (SELECT account, SUM(delta) AS held FROM ( \
           SELECT credit AS account, amount_cents AS delta FROM ledger \
           UNION ALL SELECT debit AS account, -amount_cents AS delta FROM ledger) \
         GROUP BY account) WHERE held < 0 AND account <> 'outside'";
    assert_eq!(
        count(backup_file, unbalanced).await,
        0,
        "no account but outside below zero"
    );
    let gaps = "SELECT COUNT(*) FROM channels c WHERE c.last_seq <> \
         (SELECT COALESCE(MAX(seq), 0) FROM channel_events e WHERE e.channel_id = c.id)";
    assert_eq!(
        count(backup_file, gaps).await,
        0,
        "every channel's numbering is whole"
    );

    let refused = operator(&["backup", "--to", &backup, "--database-url", &url]);
    assert!(!refused.ok, "a backup never overwrites a file");

    let restored = dir.path().join("restored.db");
    let restored_url = format!("sqlite://{}", restored.display());
    let restore = operator(&[
        "restore",
        "--from",
        &backup,
        "--database-url",
        &restored_url,
    ]);
    assert!(restore.ok, "{}", restore.complained);
    assert_same_tables(backup_file, &restored).await;

    let again = operator(&["restore", "--from", &backup, "--database-url", &url]);
    assert!(!again.ok, "a database in use is never restored over");
    assert!(
        again.complained.contains("must be empty"),
        "{}",
        again.complained
    );

    // The restored network serves as the original did.
    let node = crate::common::process::start_node(&restored_url).await;
    let health = reqwest::get(format!("{}/healthz", node.base))
        .await
        .expect("health");
    assert_eq!(health.status(), 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn postgresql_backups_are_pg_dumps_and_the_command_says_how() {
    let never = "/tmp/never-written.dump";
    let told = operator(&[
        "backup",
        "--to",
        never,
        "--database-url",
        "postgres://edges@127.0.0.1/edges",
    ]);
    assert!(!told.ok, "no backup was made");
    assert!(
        told.complained.contains("pg_dump --format=custom")
            && told.complained.contains("pg_restore"),
        "{}",
        told.complained
    );
    assert!(!Path::new(never).exists());
}
