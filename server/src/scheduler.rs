//! Runs the jobs that come due (a proposal closes, a reminder goes out) on this node. Every node
//! runs one; the jobs table decides which node does each job, once (see `app::decisions::jobs`).
//! It looks every `every`, and at once when the test clock moves; a restarted node picks up
//! whatever came due while it was down, since the table is the only record.
use app::context::ServerState;
use std::time::Duration;

/// How often a node looks for due jobs by default.
pub const LOOK_EVERY: Duration = Duration::from_secs(1);

/// A name for this process in `jobs.claimed_by`.
pub fn node_name() -> String {
    format!("node-{}-{:08x}", std::process::id(), rand::random::<u32>())
}

pub fn start(state: ServerState, every: Duration) -> tokio::task::JoinHandle<()> {
    let node = node_name();
    tokio::spawn(async move {
        let mut moved = state.clock.watch();
        loop {
            match app::decisions::jobs::run_due(&state, &node, state.clock.now()).await {
                Ok(0) => {}
                Ok(ran) => tracing::debug!(ran, %node, "jobs done"),
                Err(error) => tracing::warn!(%error, "could not run due jobs; trying again"),
            }
            tokio::select! {
                () = tokio::time::sleep(every) => {}
                _ = moved.changed() => {}
            }
        }
    })
}
