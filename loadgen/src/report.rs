//! The one JSON line a run ends with.
use crate::tally::Tally;
use serde::Serialize;

/// Delivery latencies in microseconds, kept apart by whether the message crossed from the node
/// it was posted through to another one (through PostgreSQL).
#[derive(Debug, Default)]
pub struct Latencies {
    pub same_node: Vec<u32>,
    pub across_nodes: Vec<u32>,
}

impl Latencies {
    pub fn push(&mut self, micros: u32, across_nodes: bool) {
        if across_nodes {
            self.across_nodes.push(micros);
        } else {
            self.same_node.push(micros);
        }
    }

    pub fn extend(&mut self, other: Latencies) {
        self.same_node.extend(other.same_node);
        self.across_nodes.extend(other.across_nodes);
    }

    /// Percentiles of each kind, for standard error.
    pub fn breakdown(&mut self) -> String {
        let mut line = String::new();
        for (label, micros) in [
            ("same node", &mut self.same_node),
            ("across nodes", &mut self.across_nodes),
        ] {
            micros.sort_unstable();
            let ms = |percent| percentile_ms(micros, percent).unwrap_or(0.0);
            line.push_str(&format!(
                "{label}: {} receipts, p50 {} ms, p95 {} ms, p99 {} ms; ",
                micros.len(),
                ms(50),
                ms(95),
                ms(99)
            ));
        }
        line.trim_end_matches("; ").to_string()
    }
}

/// Field order is the output's: a struct keeps it, a JSON map would sort it.
#[derive(Debug, Serialize)]
pub struct Report {
    pub clients: usize,
    pub connected: u64,
    pub sent: u64,
    pub delivered: u64,
    pub lost: u64,
    pub duplicated: u64,
    pub out_of_order: u64,
    pub p50_ms: Option<f64>,
    pub p95_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub server_rss_mb: Option<f64>,
    /// With `--reconnect` only, after the documented fields.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub faults: Option<Faults>,
}

/// How a run rode out faults: connections lost and regained, posts tried again, and messages
/// that arrived late.
#[derive(Debug, Serialize)]
pub struct Faults {
    pub dropped: u64,
    pub reconnects: u64,
    pub reconnect_p50_ms: Option<f64>,
    pub reconnect_p99_ms: Option<f64>,
    pub reconnect_max_ms: Option<f64>,
    pub post_retries: u64,
    pub post_failures: u64,
    /// Receipts that took more than a second from the first attempt at the post.
    pub delayed_over_1s: u64,
}

impl Faults {
    pub fn new(tally: &Tally, mut reconnect_micros: Vec<u32>) -> Faults {
        reconnect_micros.sort_unstable();
        Faults {
            dropped: tally.dropped.get(),
            reconnects: tally.reconnects.get(),
            reconnect_p50_ms: percentile_ms(&reconnect_micros, 50),
            reconnect_p99_ms: percentile_ms(&reconnect_micros, 99),
            reconnect_max_ms: percentile_ms(&reconnect_micros, 100),
            post_retries: tally.post_retries.get(),
            post_failures: tally.post_failures.get(),
            delayed_over_1s: tally.delayed.get(),
        }
    }
}

impl Report {
    pub fn new(
        clients: usize,
        tally: &Tally,
        measured: Latencies,
        server_rss_mb: Option<f64>,
    ) -> Report {
        let mut latencies = measured.same_node;
        latencies.extend(measured.across_nodes);
        latencies.sort_unstable();
        Report {
            clients,
            connected: tally.connected.get(),
            sent: tally.sent.get(),
            delivered: tally.delivered.get(),
            lost: tally.lost(),
            duplicated: tally.duplicated.get(),
            out_of_order: tally.out_of_order.get(),
            p50_ms: percentile_ms(&latencies, 50),
            p95_ms: percentile_ms(&latencies, 95),
            p99_ms: percentile_ms(&latencies, 99),
            server_rss_mb,
            faults: None,
        }
    }
}

/// Nearest-rank percentile of sorted microseconds, in milliseconds to a tenth.
fn percentile_ms(sorted: &[u32], percent: usize) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (sorted.len() * percent).div_ceil(100).max(1);
    let micros = sorted[rank.min(sorted.len()) - 1];
    Some(tenths(f64::from(micros) / 1000.0))
}

fn tenths(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Resident memory of a process in kilobytes, from `/proc/PID/status`.
fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Summed resident memory of the server processes, in megabytes; `None` when none was given.
pub fn server_rss_mb(pids: &[u32]) -> Option<f64> {
    if pids.is_empty() {
        return None;
    }
    let mut total_kb = 0u64;
    for &pid in pids {
        match rss_kb(pid) {
            Some(kb) => total_kb += kb,
            None => eprintln!("cannot read the memory of process {pid}"),
        }
    }
    Some(tenths(total_kb as f64 / 1024.0))
}

/// The servers' own account of their resident memory (`process_resident_memory_bytes` on
/// `/metrics`), summed, in megabytes; `None` when a server does not say.
pub async fn reported_rss_mb(http: &reqwest::Client, urls: &[String]) -> Option<f64> {
    let mut total_bytes = 0.0;
    for url in urls {
        let text = http
            .get(format!("{url}/metrics"))
            .send()
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        total_bytes += resident_bytes_in(&text)?;
    }
    Some(tenths(total_bytes / (1024.0 * 1024.0)))
}

fn resident_bytes_in(metrics: &str) -> Option<f64> {
    metrics
        .lines()
        .find_map(|line| line.strip_prefix("process_resident_memory_bytes "))
        .and_then(|value| value.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_memory_is_read_from_the_metrics_text() {
        let text = "# HELP process_resident_memory_bytes Resident memory\n\
                    # TYPE process_resident_memory_bytes gauge\n\
                    process_resident_memory_bytes 104857600\n# EOF\n";
        assert_eq!(resident_bytes_in(text), Some(104_857_600.0));
        assert_eq!(resident_bytes_in("# EOF\n"), None);
    }

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let sorted: Vec<u32> = (1..=100).map(|ms| ms * 1000).collect();
        assert_eq!(percentile_ms(&sorted, 50), Some(50.0));
        assert_eq!(percentile_ms(&sorted, 99), Some(99.0));
        assert_eq!(percentile_ms(&[1500], 95), Some(1.5));
        assert_eq!(percentile_ms(&[], 50), None);
    }

    #[test]
    fn this_process_has_a_resident_size() {
        assert!(rss_kb(std::process::id()).is_some_and(|kb| kb > 0));
    }

    #[test]
    fn the_line_keeps_the_documented_field_order() {
        let mut latencies = Latencies::default();
        latencies.push(2000, true);
        let report = Report::new(3, &Tally::default(), latencies, None);
        let line = serde_json::to_string(&report).expect("a report serializes");
        assert!(line.starts_with(r#"{"clients":3,"connected":0,"sent":0,"delivered":0,"lost":0,"#));
        assert!(line.ends_with(r#""p99_ms":2.0,"server_rss_mb":null}"#));
    }
}
