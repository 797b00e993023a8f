//! `edges pb import FILE.pb`: a pabulib election becomes a ballot round of a pot, its projects
//! accepted and its ballots kept (anonymous: pabulib's voters are not members). The round waits
//! in review: opening voting sets its budget aside from the pot, then its managers count it.
use super::cents;
use app::budget::ballot_setup::{BallotKind, BallotSetup};
use app::budget::queries::{self, Pot};
use app::budget::rounds::{self, NewRound};
use app::budget::types::{Phase, RoundMode, RoundRules};
use app::error::AppError;
use budget_rules::{pabulib, Election, Rule, VoteType};
use sqlx::AnyPool;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("{path}: {error}")]
    Parse {
        path: String,
        error: pabulib::ParseError,
    },
    #[error("{0}")]
    Unsupported(String),
    #[error("no city has the slug {0:?} (see /cities)")]
    NoSuchCity(String),
    #[error("no admin account to record the import: create one with `edges user create --admin`")]
    NoAdmin,
    #[error(transparent)]
    Database(#[from] AppError),
}

impl From<sqlx::Error> for ImportError {
    fn from(error: sqlx::Error) -> Self {
        ImportError::Database(error.into())
    }
}

pub struct Import<'a> {
    pub file: &'a Path,
    /// The city whose pot holds the round; the network's pot when absent.
    pub city: Option<&'a str>,
    pub rule: Rule,
    pub now: i64,
}

pub struct Imported {
    pub round_id: i64,
    pub projects: usize,
    pub ballots: usize,
}

pub async fn import(db: &AnyPool, import: &Import<'_>) -> Result<Imported, ImportError> {
    let path = import.file.display().to_string();
    let bytes = std::fs::read(import.file).map_err(|error| ImportError::Read {
        path: path.clone(),
        error,
    })?;
    let election =
        pabulib::parse_bytes(&bytes).map_err(|error| ImportError::Parse { path, error })?;
    let setup = setup(&election, import.rule)?;
    let costs = election
        .projects
        .iter()
        .map(|project| {
            cents(&project.cost).ok_or_else(|| {
                ImportError::Unsupported(format!(
                    "project {}: the cost {} is not a whole number of cents",
                    project.id,
                    budget_rules::format_amount(&project.cost)
                ))
            })
        })
        .collect::<Result<Vec<i64>, _>>()?;
    let pot = pot(db, import.city).await?;
    let admin = admin(db).await?;
    let title = title(&election, import.file);
    let description = format!(
        "Imported from the pabulib file `{}`.",
        import
            .file
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
    );
    let rules = RoundRules {
        cap_per_bucket_cents: None,
        ballot: Some(setup),
    };
    let new = NewRound {
        pot: &pot,
        mode: RoundMode::Ballot,
        title: &title,
        description: &description,
        schedule: Default::default(),
        rules: &rules,
    };
    let round_id = rounds::create_round(db, new, admin, import.now).await?;
    let ids = insert_projects(db, round_id, &election, &costs, admin, import.now).await?;
    insert_ballots(db, round_id, &election, &ids, import.now).await?;
    let round = queries::round(db, round_id)
        .await?
        .ok_or(AppError::NotFound)?;
    rounds::set_phase(db, &round, Phase::Review, admin, import.now).await?;
    Ok(Imported {
        round_id,
        projects: ids.len(),
        ballots: election.ballots.len(),
    })
}

/// The round's rules from the file's META: its budget, vote type and ballot limits.
fn setup(election: &Election, rule: Rule) -> Result<BallotSetup, ImportError> {
    let budget_cents = cents(&election.budget).ok_or_else(|| {
        ImportError::Unsupported("the budget is not a whole number of cents".into())
    })?;
    let meta = |key: &str| -> Result<Option<i64>, ImportError> {
        election
            .meta
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| {
                value.trim().parse::<i64>().map_err(|_| {
                    ImportError::Unsupported(format!("META {key}: {value:?} is not a whole number"))
                })
            })
            .transpose()
    };
    let kind = match election.vote_type {
        VoteType::Approval => BallotKind::Approval {
            min_projects: meta("min_length")?.map(|count| count.max(0) as usize),
            max_projects: meta("max_length")?.map(|count| count.max(0) as usize),
            max_total_cost_cents: meta("max_sum_cost")?.map(|units| units.saturating_mul(100)),
        },
        VoteType::Cumulative => BallotKind::Cumulative {
            max_per_project: meta("max_points")?,
            max_total: meta("max_sum_points")?.ok_or_else(|| {
                ImportError::Unsupported("a cumulative file needs META max_sum_points".into())
            })?,
        },
        other => {
            return Err(ImportError::Unsupported(format!(
                "vote_type {other}: rounds take approval or cumulative ballots"
            )))
        }
    };
    Ok(BallotSetup {
        budget_cents,
        kind,
        rule,
        counts_public: false,
    })
}

fn title(election: &Election, file: &Path) -> String {
    let meta = |key: &str| {
        election
            .meta
            .iter()
            .find(|(name, value)| name == key && !value.trim().is_empty())
            .map(|(_, value)| value.trim().to_string())
    };
    let title = meta("description")
        .or_else(|| meta("unit"))
        .or_else(|| {
            file.file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "Imported ballot".into());
    title
        .chars()
        .take(app::budget::validation::TITLE_MAX)
        .collect()
}

async fn pot(db: &AnyPool, city: Option<&str>) -> Result<Pot, ImportError> {
    let city_id = match city {
        Some(slug) => Some(
            app::accounts::queries::city_id_by_slug(db, slug)
                .await?
                .ok_or_else(|| ImportError::NoSuchCity(slug.to_string()))?,
        ),
        None => None,
    };
    queries::pots(db)
        .await?
        .into_iter()
        .find(|pot| pot.city_id == city_id)
        .ok_or(ImportError::Database(AppError::NotFound))
}

async fn admin(db: &AnyPool) -> Result<i64, ImportError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM users WHERE is_admin = TRUE AND is_alumni = FALSE ORDER BY id LIMIT 1",
    )
    .fetch_optional(db)
    .await?;
    row.map(|(id,)| id).ok_or(ImportError::NoAdmin)
}

/// Answers the new ids, in the file's order of projects.
async fn insert_projects(
    db: &AnyPool,
    round_id: i64,
    election: &Election,
    costs: &[i64],
    admin: i64,
    now: i64,
) -> Result<Vec<i64>, ImportError> {
    let mut tx = db.begin().await?;
    let mut ids = Vec::with_capacity(costs.len());
    for (project, cost) in election.projects.iter().zip(costs) {
        let name = project
            .field("name")
            .filter(|name| !name.trim().is_empty())
            .map_or_else(|| format!("Project {}", project.id), str::to_string);
        let title: String = name
            .chars()
            .take(app::budget::validation::TITLE_MAX)
            .collect();
        let description = project.field("description").unwrap_or_default();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO ballot_projects (round_id, title, description, description_html, \
             cost_cents, status, proposed_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, 'accepted', $6, $7) RETURNING id",
        )
        .bind(round_id)
        .bind(&title)
        .bind(description)
        .bind(app::markdown::render(description))
        .bind(cost)
        .bind(admin)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

async fn insert_ballots(
    db: &AnyPool,
    round_id: i64,
    election: &Election,
    ids: &[i64],
    now: i64,
) -> Result<(), ImportError> {
    let mut tx = db.begin().await?;
    for ballot in &election.ballots {
        let (ballot_id,): (i64,) = sqlx::query_as(
            "INSERT INTO ballots (round_id, user_id, cast_at) VALUES ($1, NULL, $2) RETURNING id",
        )
        .bind(round_id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        for (position, &project) in ballot.projects.iter().enumerate() {
            let points = match &ballot.points {
                Some(points) => points.get(position).and_then(whole_points).ok_or_else(|| {
                    ImportError::Unsupported(format!(
                        "voter {}: points must be whole numbers",
                        ballot.voter_id
                    ))
                })?,
                None => 1,
            };
            let project = ids.get(project).ok_or_else(|| {
                ImportError::Unsupported(format!("voter {}: unknown project", ballot.voter_id))
            })?;
            sqlx::query(
                "INSERT INTO ballot_choices (ballot_id, project_id, points) VALUES ($1, $2, $3)",
            )
            .bind(ballot_id)
            .bind(project)
            .bind(points)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Points are whole numbers in Edges' ballots.
fn whole_points(points: &budget_rules::Amount) -> Option<i64> {
    use num_traits::ToPrimitive;
    points.is_integer().then(|| points.to_integer().to_i64())?
}
