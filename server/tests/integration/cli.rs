//! The `edges` command as an operator uses it: migrate, seed, create accounts (password on
//! stdin), serve, and stop cleanly on SIGTERM.

use crate::common::postgres_url;
use crate::common::process::{edges, start_node};
use std::io::Write;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = edges(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("edges runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("password written");
    child.wait_with_output().expect("edges finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The numbers in the seed's final line, in order: cities, connectors, members, messages.
fn counts(line: &str) -> Vec<u64> {
    line.split(|c: char| !c.is_ascii_digit())
        .filter_map(|part| part.parse().ok())
        .collect()
}

async fn operator_session(url: &str) {
    let migrated = run(&["migrate", "--database-url", url], "");
    assert!(migrated.status.success(), "{}", text(&migrated.stderr));
    assert!(text(&migrated.stdout).contains("database is up to date"));

    let seeded = run(
        &[
            "seed",
            "--database-url",
            url,
            "--members",
            "45",
            "--cities",
            "3",
            "--seed",
            "5",
        ],
        "",
    );
    assert!(seeded.status.success(), "{}", text(&seeded.stderr));
    let line = text(&seeded.stdout);
    assert!(line.starts_with("seeded "), "{line}");
    assert_eq!(&counts(&line)[..3], [3, 9, 45], "{line}");

    let create = |email: &str, city: &str, password: &str| {
        run(
            &[
                "user",
                "create",
                "--database-url",
                url,
                "--name",
                "Inès Operator",
                "--email",
                email,
                "--city",
                city,
                "--connector-of",
                "lyon",
                "--admin",
            ],
            &format!("{password}\n"),
        )
    };
    let created = create("ines@example.org", "paris", "a long enough password");
    assert!(created.status.success(), "{}", text(&created.stderr));
    assert!(text(&created.stdout).starts_with("created account "));

    let again = create("INES@example.org", "paris", "a long enough password");
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("already uses this email"),
        "{}",
        text(&again.stderr)
    );
    let short = create("short@example.org", "paris", "short");
    assert!(!short.status.success());
    assert!(
        text(&short.stderr).contains("password"),
        "{}",
        text(&short.stderr)
    );
    let nowhere = create("nowhere@example.org", "atlantis", "a long enough password");
    assert!(!nowhere.status.success());
    assert!(
        text(&nowhere.stderr).contains("atlantis"),
        "{}",
        text(&nowhere.stderr)
    );

    let node = start_node(url).await;
    let client = reqwest::Client::new();
    let logged_in = client
        .post(format!("{}/api/log_in", node.base))
        .header("accept", "application/json")
        .form(&[
            ("email", "ines@example.org"),
            ("password", "a long enough password"),
        ])
        .send()
        .await
        .expect("log in");
    assert!(logged_in.status().is_success(), "{}", logged_in.status());
    let cookie = crate::common::session_cookie(&logged_in);
    let viewer: serde_json::Value = client
        .post(format!("{}/api/get_viewer", node.base))
        .header("accept", "application/json")
        .header("cookie", cookie)
        .send()
        .await
        .expect("viewer")
        .json()
        .await
        .expect("JSON");
    assert_eq!(viewer["is_admin"], true, "{viewer}");
    assert_eq!(viewer["city"]["slug"], "paris");
    assert_eq!(viewer["connector_of"][0]["slug"], "lyon");

    stops_cleanly_on_sigterm(node).await;
}

async fn stops_cleanly_on_sigterm(mut node: crate::common::process::Node) {
    let process = &mut node.process;
    let signalled = std::process::Command::new("kill")
        .args(["-TERM", &process.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(signalled.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(status) = process.try_wait().expect("wait") {
            assert!(status.success(), "edges serve ended with {status}");
            return;
        }
        assert!(
            Instant::now() < deadline,
            "edges serve did not stop on SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_migrates_seeds_creates_accounts_serves_and_stops() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let sqlite = format!("sqlite://{}", dir.path().join("edges.db").display());
    operator_session(&sqlite).await;
    match postgres_url().await {
        Some(url) => operator_session(&url).await,
        None => assert!(
            !std::env::var("CI").is_ok_and(|ci| ci == "true"),
            "CI requires PostgreSQL"
        ),
    }
}
