//! What server functions get from the server: the database pool and the request's HTTP details.
use crate::error::AppError;
use leptos::prelude::*;
use sqlx::AnyPool;

/// Shared by every request; provided as Leptos context by the server.
#[derive(Clone, Debug)]
pub struct ServerState {
    pub db: AnyPool,
    pub dialect: Dialect,
    /// Tells this node's live hub about committed discussion events.
    pub live: crate::discussion::notices::LiveNotifier,
    /// What time it is for this node: the system's, moved ahead only by tests.
    pub clock: Clock,
}

/// The server's clock: system time plus an offset that only a test clock moves (`edges serve
/// --test-clock`, never in production). Moving it wakes the scheduler and the mailer, so what came
/// due runs.
#[derive(Clone, Debug)]
pub struct Clock {
    offset: std::sync::Arc<std::sync::atomic::AtomicI64>,
    moved: std::sync::Arc<tokio::sync::watch::Sender<i64>>,
}

impl Default for Clock {
    fn default() -> Self {
        Clock {
            offset: Default::default(),
            moved: std::sync::Arc::new(tokio::sync::watch::Sender::new(0)),
        }
    }
}

impl Clock {
    pub fn now(&self) -> i64 {
        system_now() + self.offset.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn advance(&self, seconds: i64) {
        self.offset
            .fetch_add(seconds, std::sync::atomic::Ordering::Relaxed);
        self.moved.send_modify(|moves| *moves += 1);
    }

    /// Each waiter keeps one: its `changed()` resolves once the clock moved since it last looked.
    pub fn watch(&self) -> tokio::sync::watch::Receiver<i64> {
        self.moved.subscribe()
    }
}

/// The few places where SQLite and PostgreSQL disagree read this instead of guessing from the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

pub fn state() -> Result<ServerState, AppError> {
    use_context::<ServerState>().ok_or_else(|| {
        tracing::error!("server state missing from the Leptos context");
        AppError::Internal
    })
}

pub fn db() -> Result<AnyPool, AppError> {
    state().map(|state| state.db)
}

/// Gives a failed server function the HTTP status of its error, when it was called over HTTP (not
/// while rendering a page). Plain HTML form posts (no JavaScript yet) keep the redirect back to the
/// form, which carries the error in its URL.
pub fn fail(error: AppError) -> AppError {
    let fetched = use_context::<axum::http::request::Parts>().is_some_and(|parts| {
        let accepts_html = parts
            .headers
            .get(axum::http::header::ACCEPT)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
        parts.uri.path().starts_with("/api/") && !accepts_html
    });
    if fetched {
        if let Ok(status) = axum::http::StatusCode::from_u16(error.status_code()) {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(status);
            }
        }
    }
    error
}

/// Seconds since the Unix epoch by the server's clock: every stored time is UTC in this form.
pub fn now() -> i64 {
    use_context::<ServerState>().map_or_else(system_now, |state| state.clock.now())
}

/// Seconds since the Unix epoch by the system, for work outside a request (seeding, commands).
pub fn system_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() as i64)
        .unwrap_or(0)
}

/// The client's address, put into each request's extensions by the server (from the socket, or
/// from the proxy header when the server is told to trust its proxy).
#[derive(Clone, Debug)]
pub struct ClientIp(pub String);

pub fn client_ip() -> String {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ClientIp>().cloned())
        .map(|ClientIp(ip)| ip)
        .unwrap_or_else(|| "unknown".to_string())
}

/// `$first, $first+1, …`: the numbered parameters of an `IN (…)` list of `count` values.
pub fn placeholders(count: usize, first: usize) -> String {
    (first..first + count)
        .map(|index| format!("${index}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many values go in one `IN (…)` list: far below either database's limit on parameters.
pub const IDS_PER_QUERY: usize = 500;

/// A yes/no column: BOOLEAN on PostgreSQL, INTEGER 0/1 on SQLite, which the generic driver hands
/// over as different kinds; this reads both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl sqlx::Type<sqlx::Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <bool as sqlx::Type<sqlx::Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        use sqlx::any::AnyTypeInfoKind::{BigInt, Bool, Integer, SmallInt};
        matches!(ty.kind(), Bool | BigInt | Integer | SmallInt)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        match <bool as sqlx::Decode<sqlx::Any>>::decode(value.clone()) {
            Ok(flag) => Ok(Flag(flag)),
            Err(_) => Ok(Flag(<i64 as sqlx::Decode<sqlx::Any>>::decode(value)? != 0)),
        }
    }
}
