//! `POST /test-clock` moves this node's clock ahead (form field `advance`, in seconds) so that
//! end-to-end tests can reach a closing time without waiting. Only routed when `edges serve
//! --test-clock` asks for it: never in production.
use app::context::Clock;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Advance {
    advance: i64,
}

pub async fn advance(
    State(clock): State<Clock>,
    Form(form): Form<Advance>,
) -> (StatusCode, String) {
    if !(0..=10 * 366 * 86_400).contains(&form.advance) {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            "advance by 0 to 10 years of seconds".into(),
        );
    }
    clock.advance(form.advance);
    (StatusCode::OK, clock.now().to_string())
}
