//! The `edges` binary run as an operator runs it: a child process on a free port.
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `edges serve`, stopped when dropped.
pub struct Node {
    pub process: Child,
    pub base: String,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

pub fn edges(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_edges"));
    command
        .args(args)
        .current_dir(workspace_root())
        .env("RUST_LOG", "warn")
        // Emails of test nodes stay out of the checkout.
        .env(
            "EDGES_MAIL_DIR",
            std::env::temp_dir().join("edges-test-mail"),
        );
    command
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

pub async fn start_node(url: &str) -> Node {
    start_node_with(url, &[]).await
}

/// A node started with extra `serve` options (such as `--test-clock`).
pub async fn start_node_with(url: &str, options: &[&str]) -> Node {
    let address = format!("127.0.0.1:{}", free_port());
    let mut args = vec!["serve", "--addr", &address, "--database-url", url];
    args.extend_from_slice(options);
    let process = edges(&args)
        .stdout(Stdio::null())
        .spawn()
        .expect("edges serve starts");
    let node = Node {
        process,
        base: format!("http://{address}"),
    };
    let health = format!("{}/healthz", node.base);
    for _ in 0..200 {
        if reqwest::get(&health)
            .await
            .is_ok_and(|response| response.status().is_success())
        {
            return node;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{} did not become healthy", node.base);
}

/// Signs in on a running node: a client that keeps its session cookie, and the cookie itself
/// (for the live socket).
pub async fn session_on(base: &str, email: &str) -> (reqwest::Client, String) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let response = client
        .post(format!("{base}/api/log_in"))
        .header("accept", "application/json")
        .form(&[("email", email), ("password", demo_network::DEMO_PASSWORD)])
        .send()
        .await
        .expect("log in");
    assert!(
        response.status().is_success(),
        "{email}: {}",
        response.status()
    );
    let cookie = super::session_cookie(&response);
    (client, cookie)
}
