use crate::error::AppError;
use leptos::prelude::*;

/// Managers of the round's pot accept a proposed project (possibly at an adjusted cost) or
/// reject it with a reason, during review. Audited with the values before and after.
#[server(endpoint = "review_project")]
pub async fn review_project(
    project: i64,
    decision: String,
    #[server(default)] reason: String,
    #[server(default)] cost: String,
) -> Result<(), AppError> {
    use super::audit::{self, Change};
    use super::funding::Act;
    use super::types::Phase;
    use super::{rounds, validation};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;
    use serde_json::json;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let row: Option<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT round_id, title, cost_cents, status FROM ballot_projects WHERE id = $1",
    )
    .bind(project)
    .fetch_optional(&db)
    .await?;
    let (round_id, title, old_cost, old_status) = row.ok_or_else(|| fail(AppError::NotFound))?;
    let (round, _) = rounds::managed_round(&db, &viewer, round_id).await?;
    if round.phase != Phase::Review {
        return Err(fail(AppError::invalid("decision", Problem::NotOpen)));
    }
    let reason = reason.trim();
    if reason.chars().count() > 500 {
        return Err(fail(AppError::invalid(
            "reason",
            Problem::TooLong { max: 500 },
        )));
    }
    let (status, new_cost) = match decision.as_str() {
        "accept" => (
            "accepted",
            validation::optional_amount("cost", &cost)
                .map_err(fail)?
                .unwrap_or(old_cost),
        ),
        "reject" if reason.is_empty() => {
            return Err(fail(AppError::invalid("reason", Problem::Required)))
        }
        "reject" => ("rejected", old_cost),
        _ => return Err(fail(AppError::invalid("decision", Problem::Required))),
    };
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE ballot_projects SET status = $2, cost_cents = $3, review_reason = $4 WHERE id = $1",
    )
    .bind(project)
    .bind(status)
    .bind(new_cost)
    .bind(reason)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change::in_round(
            &round,
            Act {
                actor_id: viewer.id,
                at: now(),
            },
            "review",
            format!("project {project} \"{title}\""),
        )
        .values(
            json!({ "status": old_status, "cost_cents": old_cost }),
            json!({ "status": status, "cost_cents": new_cost, "reason": reason }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
