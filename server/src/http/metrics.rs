//! `/metrics` in Prometheus's text format: requests and their latency, open live connections,
//! frames fanned out, the database pool and the process's memory.
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::LazyLock;
use std::time::Instant;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    /// A coarse kind of request (page, api, asset, live, health), so the label set stays small.
    kind: String,
    method: String,
    status: u16,
}

/// The counters of this process (every router built in it shares them, as they share memory).
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RequestLabels, Histogram>,
    pub live_connections: Gauge,
    pub live_frames_sent: Counter,
    db_connections: Gauge,
    db_idle_connections: Gauge,
    resident_memory: Gauge,
}

fn latency_histogram() -> Histogram {
    // From half a millisecond to about eight seconds.
    Histogram::new(exponential_buckets(0.0005, 2.0, 15))
}

impl Metrics {
    fn new() -> Metrics {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RequestLabels, Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        let live_connections = Gauge::default();
        let live_frames_sent = Counter::default();
        let db_connections = Gauge::default();
        let db_idle_connections = Gauge::default();
        let resident_memory = Gauge::default();
        registry.register(
            "edges_http_requests",
            "HTTP requests answered",
            requests.clone(),
        );
        registry.register(
            "edges_http_request_duration_seconds",
            "Time to answer an HTTP request",
            latency.clone(),
        );
        registry.register(
            "edges_live_connections",
            "Open live WebSocket connections",
            live_connections.clone(),
        );
        registry.register(
            "edges_live_frames_sent",
            "Frames written to live connections (events, replays, signals)",
            live_frames_sent.clone(),
        );
        registry.register(
            "edges_db_pool_connections",
            "Database connections open in the pool",
            db_connections.clone(),
        );
        registry.register(
            "edges_db_pool_idle_connections",
            "Database connections idle in the pool",
            db_idle_connections.clone(),
        );
        registry.register(
            "process_resident_memory_bytes",
            "Resident memory of this process",
            resident_memory.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            live_connections,
            live_frames_sent,
            db_connections,
            db_idle_connections,
            resident_memory,
        }
    }
}

pub static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

fn kind_of(path: &str) -> &'static str {
    if path.starts_with("/api/") {
        "api"
    } else if path.starts_with("/pkg/") || path.contains('.') {
        "asset"
    } else if path == "/live" {
        "live"
    } else if path == "/healthz" || path == "/metrics" {
        "health"
    } else {
        "page"
    }
}

/// Counts and times every request.
pub async fn measure(request: Request, next: Next) -> Response {
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map(|matched| matched.as_str().to_string())
        .unwrap_or_else(|| request.uri().path().to_string());
    let method = request.method().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let labels = RequestLabels {
        kind: kind_of(&path).to_string(),
        method,
        status: response.status().as_u16(),
    };
    METRICS.requests.get_or_create(&labels).inc();
    METRICS
        .latency
        .get_or_create(&labels)
        .observe(started.elapsed().as_secs_f64());
    response
}

/// Resident set size from `/proc/self/statm` (Linux), in bytes.
fn resident_bytes() -> Option<i64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: i64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

pub async fn metrics(State(db): State<sqlx::AnyPool>) -> Response {
    METRICS.db_connections.set(i64::from(db.size()));
    METRICS.db_idle_connections.set(db.num_idle() as i64);
    if let Some(bytes) = resident_bytes() {
        METRICS.resident_memory.set(bytes);
    }
    let mut text = String::new();
    if prometheus_client::encoding::text::encode(&mut text, &METRICS.registry).is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_kinds_stay_few() {
        assert_eq!(kind_of("/api/post_message"), "api");
        assert_eq!(kind_of("/pkg/edges.wasm"), "asset");
        assert_eq!(kind_of("/favicon.svg"), "asset");
        assert_eq!(kind_of("/live"), "live");
        assert_eq!(kind_of("/metrics"), "health");
        assert_eq!(kind_of("/cities/paris"), "page");
    }

    #[test]
    fn memory_is_read_from_proc() {
        assert!(resident_bytes().is_some_and(|bytes| bytes > 0));
    }
}
