//! Files members download: a round's ledger as CSV. Plain GET routes, so a link works without
//! JavaScript; the same rule as the ledger page (any signed-in member reads it).
use app::accounts::session::Backend;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum_login::AuthSession;
use sqlx::AnyPool;

pub async fn round_ledger_csv(
    State(db): State<AnyPool>,
    session: AuthSession<Backend>,
    Path(round): Path<i64>,
) -> Response {
    if session.user.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    if !matches!(app::budget::queries::round(&db, round).await, Ok(Some(_))) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match app::budget::movements::of_round(&db, round, i64::MAX).await {
        Ok(lines) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"round-{round}-ledger.csv\""),
                ),
            ],
            app::budget::movements::to_csv(&lines),
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
