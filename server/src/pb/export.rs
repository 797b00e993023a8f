//! `edges pb export ROUND`: a ballot round as a pabulib file, its accepted projects with their
//! votes (and, once counted, which were selected) and its ballots without who cast them.
use app::budget::ballot_setup::BallotKind;
use app::budget::queries;
use app::budget::types::{Phase, RoundMode};
use app::error::AppError;
use budget_rules::{amount, pabulib, Amount, Ballot, Election, Project, Rule, VoteType};
use sqlx::AnyPool;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no round {0}")]
    NoSuchRound(i64),
    #[error("round {0} is a collaborative funding round: only ballot rounds have a pabulib file")]
    NotBallot(i64),
    #[error(transparent)]
    Write(#[from] pabulib::WriteError),
    #[error(transparent)]
    Database(#[from] AppError),
}

impl From<sqlx::Error> for ExportError {
    fn from(error: sqlx::Error) -> Self {
        ExportError::Database(error.into())
    }
}

#[derive(sqlx::FromRow)]
struct ProjectRow {
    id: i64,
    title: String,
    cost_cents: i64,
}

pub async fn export(db: &AnyPool, round_id: i64) -> Result<String, ExportError> {
    let round = queries::round(db, round_id)
        .await?
        .ok_or(ExportError::NoSuchRound(round_id))?;
    let setup = match (&round.mode, &round.rules.ballot) {
        (RoundMode::Ballot, Some(setup)) => setup.clone(),
        _ => return Err(ExportError::NotBallot(round_id)),
    };
    let projects: Vec<ProjectRow> = sqlx::query_as(
        "SELECT id, title, cost_cents FROM ballot_projects \
         WHERE round_id = $1 AND status = 'accepted' ORDER BY id",
    )
    .bind(round_id)
    .fetch_all(db)
    .await?;
    let mut connection = db.acquire().await?;
    let data = app::budget::ballots::election_data(&mut connection, round_id).await?;
    let selected = selected(db, round_id, round.phase).await?;
    let place = place(db, round.pot_id).await?;
    let (created_at, closed_at) = dates(db, round_id).await?;
    let points = setup.uses_points();
    let votes = |id: i64| {
        data.ballots
            .iter()
            .filter(|ballot| ballot.iter().any(|(project, _)| *project == id))
            .count()
    };
    let mut election_projects = Vec::with_capacity(projects.len());
    for project in &projects {
        let mut row = Project::new(project.id.to_string(), from_cents(project.cost_cents));
        row.extra.push(("name".into(), project.title.clone()));
        row.extra
            .push(("votes".into(), votes(project.id).to_string()));
        if let Some(selected) = &selected {
            let chosen = selected.contains(&project.id);
            row.extra
                .push(("selected".into(), u8::from(chosen).to_string()));
        }
        election_projects.push(row);
    }
    let index: Vec<i64> = projects.iter().map(|project| project.id).collect();
    let ballots = data
        .ballots
        .iter()
        .enumerate()
        .map(|(number, choices)| {
            let chosen: Vec<(usize, i64)> = choices
                .iter()
                .filter_map(|(project, weight)| {
                    index
                        .iter()
                        .position(|id| id == project)
                        .map(|at| (at, *weight))
                })
                .collect();
            let mut ballot = Ballot::new(
                (number + 1).to_string(),
                chosen.iter().map(|(at, _)| *at).collect(),
            );
            if points {
                ballot.points = Some(chosen.iter().map(|(_, weight)| amount(*weight)).collect());
            }
            ballot
        })
        .collect();
    let mut meta = vec![
        ("description".to_string(), round.title.clone()),
        ("country".to_string(), place.country),
        ("unit".to_string(), place.unit),
        ("instance".to_string(), year(created_at)),
        ("rule".to_string(), pabulib_rule(setup.rule).to_string()),
        ("date_begin".to_string(), day(created_at)),
        ("date_end".to_string(), day(closed_at)),
        ("currency".to_string(), "EUR".to_string()),
    ];
    match &setup.kind {
        BallotKind::Approval {
            min_projects,
            max_projects,
            max_total_cost_cents,
        } => {
            push_some(&mut meta, "min_length", *min_projects);
            push_some(&mut meta, "max_length", *max_projects);
            if let Some(cents) = max_total_cost_cents {
                meta.push((
                    "max_sum_cost".into(),
                    budget_rules::format_amount(&from_cents(*cents)),
                ));
            }
        }
        BallotKind::Cumulative {
            max_per_project,
            max_total,
        } => {
            push_some(&mut meta, "max_points", *max_per_project);
            meta.push(("max_sum_points".into(), max_total.to_string()));
        }
    }
    let election = Election {
        meta,
        budget: from_cents(setup.budget_cents),
        vote_type: if points {
            VoteType::Cumulative
        } else {
            VoteType::Approval
        },
        projects: election_projects,
        ballots,
        project_columns: Vec::new(),
        vote_columns: Vec::new(),
    };
    Ok(pabulib::write(&election)?)
}

fn push_some<T: ToString>(meta: &mut Vec<(String, String)>, key: &str, value: Option<T>) {
    if let Some(value) = value {
        meta.push((key.to_string(), value.to_string()));
    }
}

fn from_cents(cents: i64) -> Amount {
    amount(cents) / amount(100)
}

/// pabulib's names for the rules it knows; the others by their own names.
fn pabulib_rule(rule: Rule) -> &'static str {
    match rule {
        Rule::Greedy => "greedy",
        Rule::Mes => "equalshares",
        Rule::MesAdd1 => "equalshares/add1",
        other => other.name(),
    }
}

/// The projects the published result selected, once the round is counted.
async fn selected(
    db: &AnyPool,
    round_id: i64,
    phase: Phase,
) -> Result<Option<Vec<i64>>, ExportError> {
    if phase != Phase::Tallied {
        return Ok(None);
    }
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT project_id FROM ledger WHERE round_id = $1 AND kind = 'payout' \
         AND project_id IS NOT NULL ORDER BY project_id",
    )
    .bind(round_id)
    .fetch_all(db)
    .await?;
    Ok(Some(rows.into_iter().map(|(id,)| id).collect()))
}

struct Place {
    country: String,
    unit: String,
}

async fn place(db: &AnyPool, pot_id: i64) -> Result<Place, ExportError> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT c.country, c.name FROM pots p JOIN cities c ON c.id = p.city_id WHERE p.id = $1",
    )
    .bind(pot_id)
    .fetch_optional(db)
    .await?;
    Ok(match row {
        Some((country, unit)) => Place { country, unit },
        None => Place {
            country: "International".into(),
            unit: "Network".into(),
        },
    })
}

/// When the round was created, and when it was counted (or now, while it is not).
async fn dates(db: &AnyPool, round_id: i64) -> Result<(i64, i64), ExportError> {
    let (created_at, tallied_at): (i64, Option<i64>) = sqlx::query_as(
        "SELECT r.created_at, t.tallied_at FROM budget_rounds r \
         LEFT JOIN round_results t ON t.round_id = r.id WHERE r.id = $1",
    )
    .bind(round_id)
    .fetch_one(db)
    .await?;
    Ok((created_at, tallied_at.unwrap_or_else(app::context::now)))
}

/// pabulib writes dates as dd.mm.yyyy, here in UTC.
fn day(seconds: i64) -> String {
    let date = utc(seconds);
    format!(
        "{:02}.{:02}.{}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

fn year(seconds: i64) -> String {
    utc(seconds).year().to_string()
}

fn utc(seconds: i64) -> time::Date {
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_pabulib_way() {
        assert_eq!(day(0), "01.01.1970");
        // 2024-02-29 12:00 UTC, a leap day.
        assert_eq!(day(1_709_208_000), "29.02.2024");
        assert_eq!(day(1_798_761_599), "31.12.2026");
        assert_eq!(year(1_798_761_599), "2026");
    }
}
