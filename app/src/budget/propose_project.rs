use crate::error::AppError;
use leptos::prelude::*;

/// A member taking part in a ballot round proposes a project with its cost, while proposals are
/// open. Answers its id.
#[server(endpoint = "propose_project")]
pub async fn propose_project(
    round: i64,
    title: String,
    #[server(default)] description: String,
    cost: String,
) -> Result<i64, AppError> {
    use super::types::{Phase, RoundMode};
    use super::{access, rounds, validation};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let db = db()?;
    let (round, pot) = rounds::round_and_pot(&db, round).await?;
    if !access::may_take_part(&viewer, pot.scope()) {
        return Err(fail(AppError::Forbidden));
    }
    if round.mode != RoundMode::Ballot
        || round.phase != Phase::Proposals
        || !round.schedule.takes_proposals(now())
    {
        return Err(fail(AppError::invalid("title", Problem::NotOpen)));
    }
    let title = validation::title("title", &title).map_err(fail)?;
    let description = validation::description("description", &description).map_err(fail)?;
    let cost = validation::amount("cost", &cost).map_err(fail)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO ballot_projects (round_id, title, description, description_html, cost_cents, \
         status, proposed_by, created_at) VALUES ($1, $2, $3, $4, $5, 'proposed', $6, $7) RETURNING id",
    )
    .bind(round.id)
    .bind(&title)
    .bind(&description)
    .bind(crate::markdown::render(&description))
    .bind(cost)
    .bind(viewer.id)
    .bind(now())
    .fetch_one(&db)
    .await?;
    Ok(id)
}
