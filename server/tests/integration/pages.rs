//! Pages render on the server with the security headers, and the guards refuse what they must.

use crate::common::on_every_backend;
use demo_network::DEMO_MEMBER_EMAIL;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn pages_render_on_the_server_with_security_headers() {
    on_every_backend(|server| async move {
        let client = server.client();
        let health = client
            .get(format!("{}/healthz", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(health.status(), 200);

        let page = client
            .get(format!("{}/cities", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let headers = page.headers().clone();
        let csp = headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(csp.contains("'nonce-"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert!(headers.contains_key("referrer-policy"));
        let html = page.text().await.unwrap();
        for city in ["Paris", "Lyon", "Marseille"] {
            assert!(html.contains(city), "{city} missing from /cities");
        }
        assert!(html.contains("<html lang=\"en\""), "lang attribute");

        let missing = client
            .get(format!("{}/no/such/page", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), 404);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cross_site_posts_and_huge_bodies_are_refused() {
    on_every_backend(|server| async move {
        let client = server.client();
        let forged = client
            .post(format!("{}/api/log_out", server.base))
            .header("origin", "https://evil.example")
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), 403);
        let fetch_metadata = client
            .post(format!("{}/api/log_out", server.base))
            .header("sec-fetch-site", "cross-site")
            .send()
            .await
            .unwrap();
        assert_eq!(fetch_metadata.status(), 403);

        let huge = "x".repeat(1024 * 1024);
        let response = server
            .call(
                &client,
                "log_in",
                &[("email", &huge), ("password", "whatever1")],
            )
            .await;
        assert_eq!(response.status(), 413);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn health_answers_503_when_the_database_is_gone_and_metrics_count_what_happens() {
    on_every_backend(|server| async move {
        let client = server.client();
        let (_, cookie) = server.session(demo_network::DEMO_MEMBER_EMAIL).await;
        let mut tab = crate::common::live::LiveClient::connect(&server.base, &cookie).await;
        // The handshake ends before the server's side of the socket starts: one answered frame
        // proves the connection is being served (and counted).
        tab.subscribe(i64::MAX, 0).await;
        tab.frame_of_type("denied").await;
        let metrics = client
            .get(format!("{}/metrics", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(metrics.status(), 200);
        let text = metrics.text().await.unwrap();
        let value = |name: &str| -> f64 {
            text.lines()
                .find_map(|line| line.strip_prefix(&format!("{name} ")))
                .and_then(|value| value.parse().ok())
                .unwrap_or_else(|| panic!("{name} missing from\n{text}"))
        };
        assert!(value("process_resident_memory_bytes") > 0.0);
        assert!(value("edges_live_connections") >= 1.0);
        assert!(value("edges_db_pool_connections") >= 1.0);
        assert!(
            text.contains("edges_http_requests_total{kind=\"api\",method=\"POST\",status=\"200\"}"),
            "{text}"
        );
        assert!(text.contains("edges_http_request_duration_seconds_bucket"));
        tab.close().await;

        server.database.any.close().await;
        let health = client
            .get(format!("{}/healthz", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(health.status(), 503);
    })
    .await;
}

/// Another server of the same process (a second node, a test's) lists its page routes when it
/// starts; the pages rendering meanwhile on this one still get their data and finish.
#[tokio::test(flavor = "multi_thread")]
async fn pages_finish_while_another_server_of_the_process_starts() {
    on_every_backend(|server| async move {
        let client = server.signed_in(DEMO_MEMBER_EMAIL).await;
        let city = server
            .text("SELECT slug FROM cities ORDER BY slug LIMIT 1")
            .await;
        let listing = RouteListing::start();
        for attempt in 0..30 {
            let page = client
                .get(format!("{}/map?city={city}&page={attempt}", server.base))
                .timeout(Duration::from_secs(20))
                .send()
                .await
                .expect("the map page answers");
            assert_eq!(page.status(), 200);
            let html = page.text().await.expect("the map page finishes");
            assert!(
                html.contains("</html>"),
                "a whole page on {}",
                server.backend
            );
        }
        drop(listing);
    })
    .await;
}

/// Lists the page routes over and over on a thread of its own, the way servers starting in the
/// same process would, until dropped (a failing scenario's unwinding drops it too).
struct RouteListing {
    stop: Arc<AtomicBool>,
}

impl RouteListing {
    fn start() -> RouteListing {
        let stop = Arc::new(AtomicBool::new(false));
        tokio::task::spawn_blocking({
            let stop = stop.clone();
            move || {
                while !stop.load(Ordering::Relaxed) {
                    server::http::page_routes();
                }
            }
        });
        RouteListing { stop }
    }
}

impl Drop for RouteListing {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
