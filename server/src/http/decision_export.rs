//! The decision log as files: `/decisions/log.csv` and `/decisions/log.md`, with the log page's
//! filters in the query string. For signed-in members, like the log itself.
use app::accounts::session::AuthSession;
use app::decisions::log;
use app::decisions::types::LogFilter;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use sqlx::AnyPool;

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Markdown,
}

async fn export(db: &AnyPool, auth: AuthSession, filter: LogFilter, format: Format) -> Response {
    if auth.user.is_none() {
        return (StatusCode::UNAUTHORIZED, "please log in first").into_response();
    }
    let decisions = match log::all(db, &filter).await {
        Ok(decisions) => decisions,
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return (status, "the decision log could not be exported").into_response();
        }
    };
    let (body, content_type, name) = match format {
        Format::Csv => (
            log::csv(&decisions),
            "text/csv; charset=utf-8",
            "decisions.csv",
        ),
        Format::Markdown => (
            log::markdown(&decisions),
            "text/markdown; charset=utf-8",
            "decisions.md",
        ),
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

pub async fn csv(
    State(db): State<AnyPool>,
    auth: AuthSession,
    Query(filter): Query<LogFilter>,
) -> Response {
    export(&db, auth, filter, Format::Csv).await
}

pub async fn markdown(
    State(db): State<AnyPool>,
    auth: AuthSession,
    Query(filter): Query<LogFilter>,
) -> Response {
    export(&db, auth, filter, Format::Markdown).await
}
