use crate::error::AppError;
use leptos::prelude::*;

/// A member taking part in an open funding round proposes a bucket (a draft until they open it
/// for funding). Answers its id.
#[server(endpoint = "create_bucket")]
pub async fn create_bucket(
    round: i64,
    title: String,
    #[server(default)] description: String,
    min: String,
    #[server(default)] max: String,
    #[server(default)] lines: String,
) -> Result<i64, AppError> {
    use super::rounds::{self, NewBucket};
    use super::types::{Phase, RoundMode};
    use super::{access, validation};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let db = db()?;
    let (round, pot) = rounds::round_and_pot(&db, round).await?;
    if !access::may_take_part(&viewer, pot.scope()) {
        return Err(fail(AppError::Forbidden));
    }
    if round.mode != RoundMode::Funding || round.phase == Phase::Closed {
        return Err(fail(AppError::invalid("title", Problem::NotOpen)));
    }
    let title = validation::title("title", &title).map_err(fail)?;
    let description = validation::description("description", &description).map_err(fail)?;
    let (min_cents, max_cents) = validation::goals(&min, &max).map_err(fail)?;
    let lines = validation::budget_lines(&lines).map_err(fail)?;
    let bucket = NewBucket {
        round_id: round.id,
        title: &title,
        description: &description,
        min_cents,
        max_cents,
        lines: &lines,
    };
    let id = rounds::create_bucket(&db, bucket, viewer.id, now()).await?;
    leptos_axum::redirect(&format!("/budgets/buckets/{id}"));
    Ok(id)
}
