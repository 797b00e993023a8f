//! Puts the generated demo network and its conversation into an empty database, in batches
//! inside one transaction.
mod ballots;
mod budgets;
mod channels;
mod decisions;
mod messages;

use demo_network::{
    DemoNetwork, DemoParams, DemoPerson, DemoRole, DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL,
    DEMO_MEMBER_EMAIL, DEMO_PASSWORD,
};
use indicatif::{ProgressBar, ProgressStyle};
use sqlx::{Any, AnyConnection, AnyPool, Connection, Transaction};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedCounts {
    pub cities: usize,
    pub connectors: usize,
    pub members: usize,
    pub messages: usize,
    pub decisions: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("the database already has members; seed only an empty database")]
    NotEmpty,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("could not hash the demo password")]
    Hash,
    #[error("could not set up the demo budgets: {0}")]
    Budgets(app::error::AppError),
    #[error("could not mark the demo history as told: {0}")]
    Mail(app::error::AppError),
}

/// Bound parameters per multi-row INSERT. SQLite finds each `$N` of a statement by a linear
/// scan, so binding costs the square of the statement's parameter count: small statements are
/// the fastest there. PostgreSQL pays a round trip per statement instead, so it takes big ones
/// (well under its limit of 65,535).
const SQLITE_PARAMETERS: usize = 250;
const POSTGRES_PARAMETERS: usize = 8000;

/// SQLite's page cache for the seeding connection, in KiB. The conversation's tables, indexes
/// and search index outgrow SQLite's default 2 MB many times over; keeping them in memory
/// saves a good part of the seeding time.
const SQLITE_SEED_CACHE_KIB: i64 = 131_072;

/// How many rows of `columns` values one INSERT of this transaction should carry.
fn rows_per_insert(tx: &Transaction<'_, Any>, columns: usize) -> usize {
    let parameters = if tx.backend_name() == "PostgreSQL" {
        POSTGRES_PARAMETERS
    } else {
        SQLITE_PARAMETERS
    };
    (parameters / columns.max(1)).max(1)
}

pub async fn is_empty(db: &AnyPool) -> Result<bool, sqlx::Error> {
    let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(db)
        .await?;
    Ok(users == 0)
}

pub async fn seed(
    db: &AnyPool,
    params: &DemoParams,
    progress: &ProgressBar,
) -> Result<SeedCounts, SeedError> {
    if !is_empty(db).await? {
        return Err(SeedError::NotEmpty);
    }
    let network = demo_network::generate(params);
    // One hash for every demo account: argon2 is deliberately slow, 8,000 hashes would take minutes.
    let password_hash =
        app::accounts::password::hash(DEMO_PASSWORD).map_err(|_| SeedError::Hash)?;
    progress.set_length(network.people.len() as u64);
    progress.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let mut connection = db.acquire().await?;
    let cache = enlarge_cache(&mut connection).await?;
    let filled = fill(&mut connection, &network, params, &password_hash, progress).await;
    restore_cache(&mut connection, cache).await?;
    let dialect = match connection.backend_name() {
        "PostgreSQL" => app::context::Dialect::Postgres,
        _ => app::context::Dialect::Sqlite,
    };
    drop(connection);
    let counts = filled?;
    progress.set_message("budgets");
    budgets::insert(db, dialect, params.seed, app::context::now())
        .await
        .map_err(SeedError::Budgets)?;
    // The demo's history happened before anyone could be emailed about it.
    crate::mail::queue::count_history_as_told(db)
        .await
        .map_err(SeedError::Mail)?;
    crate::mail::digest::start_digests_at(db, app::context::now())
        .await
        .map_err(SeedError::Mail)?;
    // Statistics for the query planner, which SQLite never gathers by itself: without them it
    // counts a city's members row by row instead of from an index (14 ms against 4 for /cities).
    sqlx::query("ANALYZE").execute(db).await?;
    Ok(counts)
}

/// On SQLite, enlarges the connection's page cache for the seed; answers the size to restore.
async fn enlarge_cache(connection: &mut AnyConnection) -> Result<Option<i64>, sqlx::Error> {
    if connection.backend_name() != "SQLite" {
        return Ok(None);
    }
    let (previous,): (i64,) = sqlx::query_as("PRAGMA cache_size")
        .fetch_one(&mut *connection)
        .await?;
    sqlx::query(&format!("PRAGMA cache_size = -{SQLITE_SEED_CACHE_KIB}"))
        .execute(&mut *connection)
        .await?;
    Ok(Some(previous))
}

/// Gives the pooled connection its usual cache back, so the server does not keep the seed's.
async fn restore_cache(
    connection: &mut AnyConnection,
    previous: Option<i64>,
) -> Result<(), sqlx::Error> {
    if let Some(previous) = previous {
        sqlx::query(&format!("PRAGMA cache_size = {previous}"))
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

/// Everything, in one transaction: a failed seed leaves the database empty.
async fn fill(
    connection: &mut AnyConnection,
    network: &DemoNetwork,
    params: &DemoParams,
    password_hash: &str,
    progress: &ProgressBar,
) -> Result<SeedCounts, SeedError> {
    let now = app::context::now();
    let mut tx = connection.begin().await?;
    let city_ids = insert_cities(&mut tx, network).await?;
    app::budget::pots::ensure_pots(&mut tx, now).await?;
    progress.set_message("members");
    let users_per_insert = rows_per_insert(&tx, 11);
    for batch in network.people.chunks(users_per_insert) {
        insert_people(&mut tx, batch, &city_ids, password_hash, now).await?;
        progress.inc(batch.len() as u64);
    }
    progress.set_message("profiles");
    let user_ids = ids_by_email(&mut tx).await?;
    insert_tags(&mut tx, network, &user_ids).await?;
    let connectors = insert_connectors(&mut tx, network, &user_ids, &city_ids, now).await?;
    sqlx::query("UPDATE users SET is_admin = TRUE WHERE email = $1")
        .bind(DEMO_ADMIN_EMAIL)
        .execute(&mut *tx)
        .await?;
    progress.set_message("channels");
    let channel_ids = channels::insert(&mut tx, now).await?;
    let conversation = demo_network::generate_conversation(params, network, now);
    let person_ids: Vec<Option<i64>> = network
        .people
        .iter()
        .map(|person| user_ids.get(&person.email).copied())
        .collect();
    let stored =
        messages::insert(&mut tx, &conversation, &person_ids, &channel_ids, progress).await?;
    channels::follow(
        &mut tx,
        params,
        network,
        &conversation,
        &person_ids,
        &channel_ids,
        now,
    )
    .await?;
    progress.set_message("decisions");
    let proposals = demo_network::generate_decisions(params, network);
    let decisions = decisions::insert(&mut tx, &proposals, &person_ids, &city_ids, now).await?;
    tx.commit().await?;
    progress.finish_with_message("done");
    Ok(SeedCounts {
        cities: city_ids.len(),
        connectors,
        members: network.people.len(),
        messages: stored.messages,
        decisions,
    })
}

async fn insert_cities(
    tx: &mut Transaction<'_, Any>,
    network: &DemoNetwork,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(network.cities.len());
    for city in &network.cities {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO cities (slug, name, country, continent, lat, lon) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&city.slug)
        .bind(&city.name)
        .bind(&city.country)
        .bind(city.continent.as_str())
        .bind(city.lat)
        .bind(city.lon)
        .fetch_one(&mut **tx)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// `($1, $2, …), ($n+1, …)` for a multi-row insert.
fn value_rows(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| {
            let cells: Vec<String> = (1..=columns)
                .map(|column| format!("${}", row * columns + column))
                .collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

async fn insert_people(
    tx: &mut Transaction<'_, Any>,
    people: &[DemoPerson],
    city_ids: &[i64],
    password_hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let sql = format!(
        "INSERT INTO users (email, name, name_lower, password_hash, city_id, bio, map_visible, \
         is_admin, is_alumni, created_at, locale) VALUES {}",
        value_rows(people.len(), 11)
    );
    let mut query = sqlx::query(&sql);
    for (index, person) in people.iter().enumerate() {
        // Spread joins over the day too, so ordering by join date is stable and realistic.
        let joined = now - i64::from(person.joined_days_ago) * 86_400 - (index as i64 % 86_400);
        query = query
            .bind(&person.email)
            .bind(&person.name)
            .bind(person.name.to_lowercase())
            .bind(password_hash)
            .bind(city_ids.get(person.city).copied())
            .bind(&person.bio)
            .bind(person.map_visible)
            .bind(false)
            .bind(false)
            .bind(joined)
            .bind(demo_locale(person));
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// Members whose main language Edges speaks get their emails in it; the others in English, and
/// so do the three demo accounts, whose guide (the README) is in English.
fn demo_locale(person: &DemoPerson) -> &'static str {
    let demo_account = [DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL]
        .contains(&person.email.as_str());
    let main = person.languages.first().map(String::as_str).unwrap_or("");
    let locale = app::email::locale::parse(main)
        .filter(|_| !demo_account)
        .unwrap_or_default();
    app::email::locale::code(locale)
}

async fn ids_by_email(tx: &mut Transaction<'_, Any>) -> Result<HashMap<String, i64>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, email FROM users")
        .fetch_all(&mut **tx)
        .await?;
    Ok(rows.into_iter().map(|(id, email)| (email, id)).collect())
}

async fn insert_pairs(
    tx: &mut Transaction<'_, Any>,
    table: &str,
    pairs: &[(i64, &str)],
) -> Result<(), sqlx::Error> {
    for batch in pairs.chunks(rows_per_insert(tx, 2)) {
        let sql = format!("INSERT INTO {table} VALUES {}", value_rows(batch.len(), 2));
        let mut query = sqlx::query(&sql);
        for (user_id, value) in batch {
            query = query.bind(*user_id).bind(*value);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

async fn insert_tags(
    tx: &mut Transaction<'_, Any>,
    network: &DemoNetwork,
    user_ids: &HashMap<String, i64>,
) -> Result<(), sqlx::Error> {
    let mut skills = Vec::new();
    let mut languages = Vec::new();
    for person in &network.people {
        let Some(&id) = user_ids.get(&person.email) else {
            continue;
        };
        skills.extend(person.skills.iter().map(|skill| (id, skill.as_str())));
        languages.extend(
            person
                .languages
                .iter()
                .map(|language| (id, language.as_str())),
        );
    }
    insert_pairs(tx, "user_skills (user_id, skill)", &skills).await?;
    insert_pairs(tx, "user_languages (user_id, language)", &languages).await
}

async fn insert_connectors(
    tx: &mut Transaction<'_, Any>,
    network: &DemoNetwork,
    user_ids: &HashMap<String, i64>,
    city_ids: &[i64],
    now: i64,
) -> Result<usize, sqlx::Error> {
    let mut count = 0;
    for person in network
        .people
        .iter()
        .filter(|person| person.role == DemoRole::Connector)
    {
        let (Some(&user_id), Some(&city_id)) =
            (user_ids.get(&person.email), city_ids.get(person.city))
        else {
            continue;
        };
        sqlx::query("INSERT INTO connectors (city_id, user_id, appointed_at) VALUES ($1, $2, $3)")
            .bind(city_id)
            .bind(user_id)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::value_rows;

    #[test]
    fn value_rows_numbers_parameters_row_by_row() {
        assert_eq!(value_rows(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(value_rows(0, 3), "");
    }
}
