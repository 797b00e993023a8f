//! The HTTP application: pages, server functions, health check, sessions and the guards around them.
mod decision_export;
mod exports;
mod member_data;
pub mod metrics;
mod security;
pub mod sessions;
mod test_clock;

use crate::db::{self, Database};
use app::accounts::session::Backend;
use app::context::{Clock, ServerState};
use app::{shell, App};
use axum::extract::State;
use axum::handler::Handler;
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::{middleware, Router};
use axum_login::AuthManagerLayerBuilder;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use security::TrustProxy;
use sessions::DatabaseSessionStore;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tower_sessions::cookie::{time::Duration, SameSite};
use tower_sessions::{Expiry, SessionManagerLayer};

/// Forms and server function arguments are small; anything bigger is refused before it is read.
const BODY_LIMIT_BYTES: usize = 256 * 1024;

#[derive(Clone, Debug)]
pub struct HttpConfig {
    /// Served over https (directly or behind a TLS-terminating proxy): secure `__Host-` cookie.
    pub https: bool,
    /// Believe `X-Forwarded-For` for the client address.
    pub trust_proxy: bool,
    /// How often live connections are pinged and their rights to each channel checked again.
    pub live_check_every: std::time::Duration,
    /// The node's clock; tests keep a handle on it to move it.
    pub clock: Clock,
    /// Serve `POST /test-clock` to move the clock (end-to-end tests only, never production).
    pub test_clock: bool,
    /// How often the scheduler looks for due jobs.
    pub jobs_every: std::time::Duration,
    /// Send emails from this node (the `edges serve` default); tests that read emails set it.
    pub mail: Option<crate::mail::MailConfig>,
    /// Closes the live connections when the node shuts down.
    pub drain: crate::live::Drain,
}

impl Default for HttpConfig {
    fn default() -> HttpConfig {
        HttpConfig {
            https: false,
            trust_proxy: false,
            live_check_every: crate::live::CONNECTION_CHECK_EVERY,
            clock: Clock::default(),
            test_clock: false,
            jobs_every: crate::scheduler::LOOK_EVERY,
            mail: None,
            drain: crate::live::Drain::default(),
        }
    }
}

/// The page routes, listed once per process. Listing them renders the app with data loading
/// switched off by a flag Leptos keeps for the whole process, so a page rendering meanwhile on
/// another server of the same process would wait forever for its data. Listed once, before the
/// first router exists, the listing can never overlap a render.
pub fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub async fn router(
    database: &Database,
    options: LeptosOptions,
    config: &HttpConfig,
) -> Result<Router, RouterError> {
    let live = crate::live::start(database, config.live_check_every, &config.drain);
    let state = ServerState {
        db: database.any.clone(),
        dialect: database.dialect,
        live: live.notifier.clone(),
        clock: config.clock.clone(),
    };
    crate::scheduler::start(state.clone(), config.jobs_every);
    let public_url = match &config.mail {
        Some(mail) => {
            crate::mail::start(state.clone(), mail.clone()).map_err(RouterError::Mail)?;
            mail.public_url.clone()
        }
        None => format!("http://{}", options.site_addr),
    };
    let public_url = app::email::PublicUrl(public_url.into());
    let store = DatabaseSessionStore::open(&database.native).await?;
    tokio::spawn(store.clone().delete_expired_periodically());
    let sessions = SessionManagerLayer::new(store)
        .with_name(if config.https {
            "__Host-edges_session"
        } else {
            "edges_session"
        })
        .with_secure(config.https)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(Duration::days(30)));
    let auth = AuthManagerLayerBuilder::new(Backend::new(database.any.clone()), sessions).build();

    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(public_url.clone());
        }
    };
    let routes = page_routes();
    // Built files are served directly; only what is not a file reaches the page renderer's 404.
    let not_found = leptos_axum::file_and_error_handler_with_context(context.clone(), shell)
        .with_state(options.clone());
    let files = ServeDir::new(options.site_root.as_ref())
        .precompressed_gzip()
        .precompressed_br()
        .fallback(not_found);
    let pages = Router::new()
        .leptos_routes_with_context(&options, routes, context, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback_service(files)
        .with_state(options);

    let mut app = Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics::metrics))
        .route(
            "/budgets/rounds/{id}/ledger.csv",
            get(exports::round_ledger_csv),
        )
        .route("/decisions/log.csv", get(decision_export::csv))
        .route("/decisions/log.md", get(decision_export::markdown))
        .route("/me/data.zip", get(member_data::member_data_zip))
        .route("/email/unsubscribe/{token}", post(one_click_unsubscribe))
        .with_state(state.db.clone());
    if config.test_clock {
        tracing::warn!("test clock enabled: POST /test-clock moves this node's time");
        app = app.merge(
            Router::new()
                .route("/test-clock", post(test_clock::advance))
                .with_state(state.clock.clone()),
        );
    }
    Ok(app
        .merge(
            Router::new()
                .route("/live", get(crate::live::live_socket))
                .with_state(live.hub),
        )
        .merge(pages)
        .layer(auth)
        .layer(middleware::from_fn_with_state(
            TrustProxy(config.trust_proxy),
            security::client_ip,
        ))
        .layer(middleware::from_fn(security::reject_cross_site))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header_layer(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header_layer(header::REFERRER_POLICY, "same-origin"))
        .layer(header_layer(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; frame-ancestors 'none'; object-src 'none'",
        ))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(metrics::measure))
        .layer(request_log()))
}

/// One log line per request at `info`: method, path, status and latency in milliseconds.
fn request_log() -> TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    DefaultMakeSpan,
    tower_http::trace::DefaultOnRequest,
    DefaultOnResponse,
> {
    TraceLayer::new_for_http()
        .make_span_with(DefaultMakeSpan::new().level(tracing::Level::INFO))
        .on_response(
            DefaultOnResponse::new()
                .level(tracing::Level::INFO)
                .latency_unit(tower_http::LatencyUnit::Millis),
        )
}

/// Sets a header unless the handler chose its own (pages set a CSP with their nonce).
fn header_layer(
    name: header::HeaderName,
    value: &'static str,
) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

#[derive(Debug, thiserror::Error)]
pub enum RouterError {
    #[error("sessions: {0}")]
    Sessions(#[from] sqlx::Error),
    #[error("email cannot work with this configuration: {0}")]
    Mail(String),
}

/// RFC 8058's one-click unsubscribe: the POST a mail client makes from the `List-Unsubscribe`
/// header. (People who click the link in the email get a page with one button instead.)
async fn one_click_unsubscribe(
    State(db): State<sqlx::AnyPool>,
    axum::extract::Path(token): axum::extract::Path<String>,
) -> StatusCode {
    match app::email::preferences::unsubscribe(&db, &token).await {
        Ok(true) => StatusCode::OK,
        Ok(false) => StatusCode::NOT_FOUND,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

async fn healthz(State(db): State<sqlx::AnyPool>) -> (StatusCode, &'static str) {
    if db::ping(&db).await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
