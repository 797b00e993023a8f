//! `loadgen`: holds many live clients on one or more Edges nodes, posts at a steady rate, and
//! prints one JSON line on standard output with what was delivered and how fast. Progress goes
//! to standard error.
mod accounts;
mod args;
mod live_client;
mod poster;
mod report;
mod spread;
mod tally;

use accounts::Account;
use args::Args;
use clap::Parser;
use live_client::{ClientPlan, Measured, Shared};
use poster::Poster;
use report::{Latencies, Report};
use spread::NodeSpread;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tally::{RunToken, Tally};
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinHandle;
use tokio::time::Instant;

const PROGRESS_EVERY: Duration = Duration::from_secs(2);
const POLL_EVERY: Duration = Duration::from_millis(100);
/// Answers slower than this count as failed posts or logins.
const HTTP_TIMEOUT: Duration = Duration::from_secs(30);
/// Descriptors needed besides the clients' sockets: HTTP pool, stdio, the runtime's own.
const SPARE_FILES: u64 = 200;

fn main() -> ExitCode {
    let args = Args::parse();
    if let Err(problem) = args.validate() {
        eprintln!("loadgen: {problem}");
        return ExitCode::from(2);
    }
    raise_open_files_limit(args.clients);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("loadgen: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(report) => match serde_json::to_string(&report) {
            Ok(line) => {
                println!("{line}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("loadgen: {error}");
                ExitCode::FAILURE
            }
        },
        Err(problem) => {
            eprintln!("loadgen: {problem}");
            ExitCode::FAILURE
        }
    }
}

/// Each client is a socket: the default soft limit (often 1024) would stop far short of the
/// thousands a run holds, so take everything the hard limit allows.
fn raise_open_files_limit(clients: usize) {
    let wanted = clients as u64 + SPARE_FILES;
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) if limit < wanted => eprintln!(
            "open files limited to {limit}: expect connection failures above {} clients \
             (raise the hard limit with `ulimit -Hn`)",
            limit.saturating_sub(SPARE_FILES)
        ),
        Ok(_) => {}
        Err(error) => eprintln!("cannot raise the open files limit: {error}"),
    }
}

async fn run(args: Args) -> Result<Report, String> {
    let urls = args.base_urls();
    let http = reqwest::Client::builder()
        .timeout(HTTP_TIMEOUT)
        .build()
        .map_err(|error| format!("cannot build the HTTP client: {error}"))?;

    let wanted = args.account_count();
    eprintln!("logging in {wanted} demo accounts");
    let accounts = accounts::log_in_all(&http, &urls, wanted, args.logins).await;
    if accounts.is_empty() {
        return Err("no account could log in; is the server seeded with the demo network?".into());
    }
    if accounts.len() < wanted {
        eprintln!(
            "{} accounts logged in of {wanted}: posts may hit the per-member limit",
            accounts.len()
        );
    }
    let accounts = Arc::new(accounts);
    let tally = Arc::new(Tally::new(accounts.iter().map(|account| account.channel)));
    let token = RunToken::new();
    let progress = tokio::spawn(report_progress(tally.clone()));

    eprintln!("opening {} live clients", args.clients);
    let (stop, stopped) = watch::channel(false);
    let clients = open_clients(&args, &urls, &accounts, &tally, &token, stopped);
    wait_until_settled(&tally, args.clients, args.connect_timeout).await;
    tokio::time::sleep(Duration::from_secs_f64(args.settle)).await;

    eprintln!(
        "posting {} messages a second for {} s",
        args.rate, args.duration
    );
    let poster = Arc::new(Poster {
        http: http.clone(),
        urls: urls.clone(),
        accounts: accounts.clone(),
        token,
        tally: tally.clone(),
        retry_for: args
            .reconnect
            .then(|| Duration::from_secs_f64(args.duration + args.drain)),
    });
    poster
        .run(args.rate, Duration::from_secs_f64(args.duration))
        .await;

    eprintln!("draining for up to {} s", args.drain);
    let deadline = Instant::now() + Duration::from_secs_f64(args.drain);
    while tally.delivered.get() < tally.expected.get() && Instant::now() < deadline {
        tokio::time::sleep(POLL_EVERY).await;
    }
    // Measured while every connection is still open.
    let server_rss_mb = if args.server_pids.is_empty() {
        report::reported_rss_mb(&http, &urls).await
    } else {
        report::server_rss_mb(&args.server_pids)
    };

    let _ = stop.send(true);
    let mut latencies = Latencies::default();
    let mut reconnect_micros = Vec::new();
    for client in clients {
        if let Ok(measured) = client.await {
            latencies.extend(measured.latencies);
            reconnect_micros.extend(measured.reconnect_micros);
        }
    }
    progress.abort();
    eprintln!("{}", tally.progress());
    if urls.len() > 1 {
        eprintln!("{}", latencies.breakdown());
    }
    let mut report = Report::new(args.clients, &tally, latencies, server_rss_mb);
    if args.reconnect {
        report.faults = Some(report::Faults::new(&tally, reconnect_micros));
    }
    Ok(report)
}

/// Starts every client at once; the handshake semaphore lets them connect a wave at a time.
/// Client `i` uses account `i mod accounts`, and the nodes in turn within its channel.
fn open_clients(
    args: &Args,
    urls: &[String],
    accounts: &[Account],
    tally: &Arc<Tally>,
    token: &RunToken,
    stopped: watch::Receiver<bool>,
) -> Vec<JoinHandle<Measured>> {
    let shared = Arc::new(Shared {
        tally: tally.clone(),
        token: token.clone(),
        handshakes: Arc::new(Semaphore::new(args.handshakes)),
        reconnect: args.reconnect,
    });
    let live_urls: Vec<Arc<str>> = urls
        .iter()
        .map(|url| Arc::from(format!("ws://{}/live", url.trim_start_matches("http://"))))
        .collect();
    let cookies: Vec<Arc<str>> = accounts
        .iter()
        .map(|account| Arc::from(account.cookie.as_str()))
        .collect();
    let mut spread = NodeSpread::new(live_urls.len());
    (0..args.clients)
        .map(|index| {
            let account = &accounts[index % accounts.len()];
            let node = spread.node_for(account.channel);
            let plan = ClientPlan {
                live_url: live_urls[node].clone(),
                node,
                cookie: cookies[index % cookies.len()].clone(),
                channel: account.channel,
                after: account.last_seq,
            };
            tokio::spawn(live_client::run(plan, shared.clone(), stopped.clone()))
        })
        .collect()
}

/// Waits until every client is listening or has given up, or the timeout passes.
async fn wait_until_settled(tally: &Tally, clients: usize, timeout_seconds: f64) {
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(timeout_seconds);
    while tally.settled.get() < clients as u64 {
        if Instant::now() >= deadline {
            eprintln!("gave up waiting for clients after {timeout_seconds} s; posting anyway");
            return;
        }
        tokio::time::sleep(POLL_EVERY).await;
    }
    eprintln!(
        "clients settled in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

async fn report_progress(tally: Arc<Tally>) {
    let mut ticks = tokio::time::interval(PROGRESS_EVERY);
    ticks.tick().await;
    loop {
        ticks.tick().await;
        eprintln!("{}", tally.progress());
    }
}
