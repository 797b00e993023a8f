use super::types::BallotRoundPage;
use crate::error::AppError;
use leptos::prelude::*;

/// A ballot round: its projects (with reviews), the viewer's own ballot, and counts only when the
/// round shows them while voting (or once tallied). Nobody ever sees another member's ballot.
#[server(endpoint = "get_ballot_round")]
pub async fn get_ballot_round(round: i64) -> Result<BallotRoundPage, AppError> {
    use super::money::Account;
    use super::types::{BallotProject, Phase, ProjectStatus};
    use super::{access, consent, ledger, queries, rounds};
    use crate::accounts::authz;
    use crate::context::{db, fail};
    use crate::error::Problem;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (round, pot) = rounds::round_and_pot(&db, round).await?;
    let setup = round
        .rules
        .ballot
        .clone()
        .ok_or_else(|| fail(AppError::invalid("round", Problem::NotOpen)))?;
    let show_counts =
        round.phase == Phase::Tallied || (setup.counts_public && round.phase == Phase::Voting);
    #[derive(sqlx::FromRow)]
    struct ProjectRow {
        id: i64,
        title: String,
        description_html: String,
        cost_cents: i64,
        status: String,
        review_reason: String,
        proposed_by: Option<String>,
    }
    let rows: Vec<ProjectRow> = sqlx::query_as(
        "SELECT p.id, p.title, p.description_html, p.cost_cents, p.status, p.review_reason, u.name AS proposed_by \
         FROM ballot_projects p LEFT JOIN users u ON u.id = p.proposed_by \
         WHERE p.round_id = $1 ORDER BY p.id",
    )
    .bind(round.id)
    .fetch_all(&db)
    .await?;
    let counts: Vec<(i64, i64, i64)> = match show_counts {
        true => sqlx::query_as(
            "SELECT c.project_id, COUNT(*), CAST(SUM(c.points) AS BIGINT) FROM ballot_choices c \
                 JOIN ballots b ON b.id = c.ballot_id WHERE b.round_id = $1 GROUP BY c.project_id",
        )
        .bind(round.id)
        .fetch_all(&db)
        .await?,
        false => Vec::new(),
    };
    let mine: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.project_id, c.points FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id \
         WHERE b.round_id = $1 AND b.user_id = $2 ORDER BY c.project_id",
    )
    .bind(round.id)
    .bind(viewer.id)
    .fetch_all(&db)
    .await?;
    let (ballots_cast,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM ballots WHERE round_id = $1")
            .bind(round.id)
            .fetch_one(&db)
            .await?;
    let projects = rows
        .into_iter()
        .filter_map(|row| {
            let count = counts.iter().find(|(project, _, _)| *project == row.id);
            Some(BallotProject {
                id: row.id,
                title: row.title,
                description_html: row.description_html,
                cost_cents: row.cost_cents,
                status: ProjectStatus::parse(&row.status)?,
                review_reason: row.review_reason,
                proposed_by: row.proposed_by,
                votes: count
                    .map(|(_, votes, _)| *votes)
                    .or(show_counts.then_some(0)),
                points: count
                    .map(|(_, _, points)| *points)
                    .filter(|_| setup.uses_points()),
            })
        })
        .collect();
    let may_manage = access::may_manage(&viewer, pot.scope());
    Ok(BallotRoundPage {
        round: queries::summary(&round, &pot),
        description_html: round.description_html.clone(),
        setup,
        projects,
        my_ballot: mine,
        ballots_cast,
        counts_shown: show_counts,
        reserved_cents: ledger::balance(&db, Account::Round(round.id)).await?,
        pot_balance_cents: ledger::balance(&db, Account::Pot(pot.id)).await?,
        may_manage,
        may_take_part: access::may_take_part(&viewer, pot.scope()),
        pot_version: pot.version,
        rules_consent: consent::for_round(&db, &round, &pot, may_manage).await?,
    })
}
