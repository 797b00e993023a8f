//! Pages render on the server with the security headers, and the guards refuse what they must.
mod common;

use common::on_every_backend;

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
