use super::validation::BallotInput;
use crate::error::AppError;
use leptos::prelude::*;

/// Connectors of the pot's city (or admins, for the network's pot) open a round: collaborative
/// funding, or a ballot with its budget, ballot and counting rule. Answers its id.
#[server(endpoint = "create_round")]
pub async fn create_round(
    pot: i64,
    mode: String,
    title: String,
    #[server(default)] description: String,
    #[server(default)] cap_per_bucket: String,
    #[server(flatten)] ballot: BallotInput,
) -> Result<i64, AppError> {
    use super::rounds::{self, NewRound};
    use super::types::{RoundMode, RoundRules};
    use super::validation;
    use super::{access, queries};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let pot = queries::pot(&db, pot)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    if !access::may_manage(&viewer, pot.scope()) {
        return Err(fail(AppError::Forbidden));
    }
    let mode = RoundMode::parse(&mode)
        .ok_or_else(|| fail(AppError::invalid("mode", Problem::Required)))?;
    let title = validation::title("title", &title).map_err(fail)?;
    let description = validation::description("description", &description).map_err(fail)?;
    let rules = match mode {
        RoundMode::Funding => RoundRules {
            cap_per_bucket_cents: validation::optional_amount("cap_per_bucket", &cap_per_bucket)
                .map_err(fail)?,
            ballot: None,
        },
        RoundMode::Ballot => RoundRules {
            cap_per_bucket_cents: None,
            ballot: Some(validation::ballot_setup(&ballot).map_err(fail)?),
        },
    };
    let round = NewRound {
        pot: &pot,
        mode,
        title: &title,
        description: &description,
        schedule: Default::default(),
        rules: &rules,
    };
    let id = rounds::create_round(&db, round, viewer.id, now()).await?;
    let page = match mode {
        RoundMode::Funding => "rounds",
        RoundMode::Ballot => "ballots",
    };
    leptos_axum::redirect(&format!("/budgets/{page}/{id}"));
    Ok(id)
}
