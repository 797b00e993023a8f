//! Test harness: a real `edges` HTTP server on a free port, on SQLite and on PostgreSQL, seeded
//! with a small demo network, and clients that speak to it like a browser's fetch would.
#![allow(dead_code)]

pub mod live;
pub mod mail;
pub mod money;
pub mod posting;
pub mod process;
pub mod proposals;
pub mod roles;

use demo_network::{DemoParams, DEMO_PASSWORD};
use leptos::prelude::LeptosOptions;
use reqwest::{Client, Response};
use server::db::{self, Database};
use server::http::{self, HttpConfig};
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

/// Longer than any request of a scenario takes, even on a debug build under load.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

pub struct TestServer {
    pub base: String,
    pub database: Database,
    pub backend: &'static str,
    /// The server's clock: scenarios move it to reach closing times.
    pub clock: app::context::Clock,
}

/// Runs the scenario once on SQLite and once on PostgreSQL. PostgreSQL comes from
/// `DATABASE_URL_PG` (an admin URL; each run gets a fresh database); in CI it is mandatory.
pub async fn on_every_backend<F, Fut>(scenario: F)
where
    F: Fn(TestServer) -> Fut,
    Fut: Future<Output = ()>,
{
    on_every_backend_with(HttpConfig::default(), scenario).await
}

/// The same, with servers configured for the scenario.
pub async fn on_every_backend_with<F, Fut>(config: HttpConfig, scenario: F)
where
    F: Fn(TestServer) -> Fut,
    Fut: Future<Output = ()>,
{
    on_every_backend_configured(|_| config.clone(), scenario).await
}

/// The same, with each backend's server configured on its own (its own clock, its own mail
/// folder), so nothing one run leaves behind reaches the other.
pub async fn on_every_backend_configured<C, F, Fut>(config: C, scenario: F)
where
    C: Fn(&'static str) -> HttpConfig,
    F: Fn(TestServer) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().expect("temporary directory");
    let sqlite_url = format!("sqlite://{}", dir.path().join("edges.db").display());
    scenario(TestServer::start_with(&sqlite_url, "sqlite", config("sqlite")).await).await;
    match ScratchDatabase::create().await {
        Some(database) => {
            let config = config("postgres");
            scenario(TestServer::start_with(&database.url, "postgres", config).await).await;
            database.remove().await;
        }
        None if std::env::var("CI").is_ok_and(|ci| ci == "true") => {
            panic!("CI requires PostgreSQL: set DATABASE_URL_PG")
        }
        None => eprintln!("PostgreSQL skipped: DATABASE_URL_PG is not set"),
    }
}

/// Creates a uniquely named database on the server `DATABASE_URL_PG` points to.
pub async fn postgres_url() -> Option<String> {
    ScratchDatabase::create().await.map(|database| database.url)
}

/// A database of its own for one scenario, removed after it so a whole run does not fill the
/// disk with seeded copies.
pub struct ScratchDatabase {
    pub url: String,
    name: String,
    admin_url: String,
}

impl ScratchDatabase {
    pub async fn create() -> Option<ScratchDatabase> {
        let admin_url = std::env::var("DATABASE_URL_PG").ok()?;
        let name = format!(
            "edges_test_{}_{}",
            std::process::id(),
            rand::random::<u32>()
        );
        Self::on_admin(&admin_url, &format!("CREATE DATABASE {name}")).await;
        let (base, _) = admin_url
            .rsplit_once('/')
            .expect("DATABASE_URL_PG ends with /DBNAME");
        Some(ScratchDatabase {
            url: format!("{base}/{name}"),
            name,
            admin_url,
        })
    }

    /// Drops the database, closing whatever connections the finished scenario left open.
    pub async fn remove(self) {
        let statement = format!("DROP DATABASE {} WITH (FORCE)", self.name);
        Self::on_admin(&self.admin_url, &statement).await;
    }

    async fn on_admin(admin_url: &str, statement: &str) {
        let admin = sqlx::PgPool::connect(admin_url)
            .await
            .expect("DATABASE_URL_PG answers");
        sqlx::query(statement)
            .execute(&admin)
            .await
            .unwrap_or_else(|error| panic!("{statement}: {error}"));
        admin.close().await;
    }
}

pub const SMALL_NETWORK: DemoParams = DemoParams {
    members: 60,
    cities: 3,
    seed: 7,
};

impl TestServer {
    /// The channel of the member's home city.
    pub async fn home_channel_of(&self, email: &str) -> i64 {
        self.scalar(&format!(
            "SELECT c.id FROM channels c JOIN users u ON u.city_id = c.city_id \
             WHERE c.kind = 'city' AND u.email = '{email}'"
        ))
        .await
    }

    pub async fn start(url: &str, backend: &'static str) -> TestServer {
        Self::start_with(url, backend, HttpConfig::default()).await
    }

    pub async fn start_with(url: &str, backend: &'static str, config: HttpConfig) -> TestServer {
        // A failing scenario shows the errors the server logged (the database's own message
        // behind an "internal error", for one).
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter("warn")
            .try_init();
        let database = db::connect(url).await.expect("connect");
        db::migrate(&database).await.expect("migrate");
        server::seed::seed(
            &database.any,
            &SMALL_NETWORK,
            &indicatif::ProgressBar::hidden(),
        )
        .await
        .expect("seed");
        let options = LeptosOptions::builder()
            .output_name("edges")
            .site_root("target/site")
            .build();
        let app = http::router(&database, options, &config)
            .await
            .expect("router");
        TestServer::serve(app, database, backend, config.clock).await
    }

    async fn serve(
        app: axum::Router,
        database: Database,
        backend: &'static str,
        clock: app::context::Clock,
    ) -> TestServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        tokio::spawn(async move {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .expect("serve");
        });
        TestServer {
            base: format!("http://{address}"),
            database,
            backend,
            clock,
        }
    }

    pub fn client(&self) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            // An answer that never comes fails its test, naming the request, instead of
            // holding up the whole run.
            .timeout(REQUEST_TIMEOUT)
            .build()
            .expect("client")
    }

    /// Calls a server function the way the app's own fetch does (form-encoded, JSON answer).
    pub async fn call(&self, client: &Client, endpoint: &str, form: &[(&str, &str)]) -> Response {
        client
            .post(format!("{}/api/{endpoint}", self.base))
            .header("accept", "application/json")
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// Calls a server function and answers its status and body, for answers a scenario inspects.
    pub async fn status_and_body(
        &self,
        client: &Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> (u16, String) {
        let response = self.call(client, endpoint, form).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// A client signed in as this demo account.
    pub async fn signed_in(&self, email: &str) -> Client {
        let client = self.client();
        let response = self
            .call(
                &client,
                "log_in",
                &[("email", email), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "{} could not log in on {}: {}",
            email,
            self.backend,
            response.status()
        );
        client
    }

    pub async fn scalar(&self, sql: &str) -> i64 {
        let (value,): (i64,) = sqlx::query_as(sql)
            .fetch_one(&self.database.any)
            .await
            .expect(sql);
        value
    }

    pub async fn text(&self, sql: &str) -> String {
        let (value,): (String,) = sqlx::query_as(sql)
            .fetch_one(&self.database.any)
            .await
            .expect(sql);
        value
    }

    pub async fn execute(&self, sql: &str) {
        sqlx::query(sql)
            .execute(&self.database.any)
            .await
            .expect(sql);
    }
}

impl TestServer {
    /// Another node on the same database: no migration or seed, its own live hub.
    pub async fn another_node(&self) -> TestServer {
        let options = LeptosOptions::builder()
            .output_name("edges")
            .site_root("target/site")
            .build();
        let config = HttpConfig::default();
        let app = http::router(&self.database, options, &config)
            .await
            .expect("router");
        TestServer::serve(app, self.database.clone(), self.backend, config.clock).await
    }

    /// Logs in and answers the client and its session cookie (`name=value`), for live connections.
    pub async fn session(&self, email: &str) -> (Client, String) {
        let client = self.client();
        let response = self
            .call(
                &client,
                "log_in",
                &[("email", email), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert!(
            response.status().is_success(),
            "{email}: {}",
            response.status()
        );
        let cookie = session_cookie(&response);
        (client, cookie)
    }

    pub async fn texts(&self, sql: &str) -> Vec<String> {
        let rows: Vec<(String,)> = sqlx::query_as(sql)
            .fetch_all(&self.database.any)
            .await
            .expect(sql);
        rows.into_iter().map(|(text,)| text).collect()
    }
}

/// The `edges_session=…` pair a login answer sets, ready for a `Cookie` header.
pub fn session_cookie(response: &Response) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.split(';').next())
        .find(|pair| pair.starts_with("edges_session="))
        .expect("session cookie")
        .to_string()
}
