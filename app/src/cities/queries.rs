//! SQL for the city directory. Written once for both SQLite and PostgreSQL.
use super::types::{CityDetail, CitySummary, MembersPage, Newcomer};
use crate::accounts::types::MemberCard;
use crate::context::placeholders;
use crate::error::AppError;
use sqlx::{AnyPool, FromRow};
use std::collections::HashMap;

#[derive(FromRow)]
struct CityRow {
    id: i64,
    slug: String,
    name: String,
    country: String,
    continent: String,
    lat: f64,
    lon: f64,
    member_count: i64,
}

/// One grouped pass over the members instead of a count per city.
const CITY_WITH_COUNT: &str = "SELECT c.id, c.slug, c.name, c.country, c.continent, c.lat, c.lon, \
     COUNT(u.id) AS member_count \
     FROM cities c LEFT JOIN users u ON u.city_id = c.id AND u.is_alumni = FALSE";
const BY_CITY: &str = "GROUP BY c.id, c.slug, c.name, c.country, c.continent, c.lat, c.lon";

pub async fn list(db: &AnyPool) -> Result<Vec<CitySummary>, AppError> {
    let rows: Vec<CityRow> =
        sqlx::query_as(&format!("{CITY_WITH_COUNT} {BY_CITY} ORDER BY c.name"))
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|row| CitySummary {
            slug: row.slug,
            name: row.name,
            country: row.country,
            continent: row.continent,
            member_count: row.member_count,
        })
        .collect())
}

/// Every city's id, slug and name.
pub async fn list_refs(db: &AnyPool) -> Result<Vec<crate::accounts::types::CityRef>, AppError> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, slug, name FROM cities ORDER BY name")
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, slug, name)| crate::accounts::types::CityRef { id, slug, name })
        .collect())
}

pub async fn detail(db: &AnyPool, slug: &str) -> Result<Option<CityDetail>, AppError> {
    let row: Option<CityRow> =
        sqlx::query_as(&format!("{CITY_WITH_COUNT} WHERE c.slug = $1 {BY_CITY}"))
            .bind(slug)
            .fetch_optional(db)
            .await?;
    let Some(row) = row else { return Ok(None) };
    let connector_ids: Vec<(i64,)> = sqlx::query_as(
        "SELECT u.id FROM connectors k JOIN users u ON u.id = k.user_id \
         WHERE k.city_id = $1 ORDER BY u.name, u.id",
    )
    .bind(row.id)
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = connector_ids.into_iter().map(|(id,)| id).collect();
    Ok(Some(CityDetail {
        connectors: cards(db, &ids).await?,
        id: row.id,
        slug: row.slug,
        name: row.name,
        country: row.country,
        continent: row.continent,
        lat: row.lat,
        lon: row.lon,
        member_count: row.member_count,
    }))
}

/// `%` and `_` typed by a member are literal characters, not wildcards.
pub fn like_pattern(query: &str) -> String {
    let escaped = query
        .trim()
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

pub async fn members(
    db: &AnyPool,
    city_id: i64,
    query: &str,
    page: u32,
    per_page: u32,
) -> Result<MembersPage, AppError> {
    let filter = "FROM users u WHERE u.city_id = $1 AND u.is_alumni = FALSE AND ($2 = '' \
         OR u.name_lower LIKE $3 ESCAPE '\\' OR EXISTS (SELECT 1 FROM user_skills s \
         WHERE s.user_id = u.id AND s.skill LIKE $3 ESCAPE '\\'))";
    let trimmed = query.trim();
    let pattern = like_pattern(trimmed);
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) {filter}"))
        .bind(city_id)
        .bind(trimmed)
        .bind(&pattern)
        .fetch_one(db)
        .await?;
    let ids: Vec<(i64,)> = sqlx::query_as(&format!(
        "SELECT u.id {filter} ORDER BY u.name_lower, u.id LIMIT $4 OFFSET $5"
    ))
    .bind(city_id)
    .bind(trimmed)
    .bind(&pattern)
    .bind(i64::from(per_page))
    .bind(i64::from(page) * i64::from(per_page))
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = ids.into_iter().map(|(id,)| id).collect();
    Ok(MembersPage {
        members: cards(db, &ids).await?,
        total,
        page,
        per_page,
    })
}

/// Member cards for these ids, in the given order, with skills and connector flag in two queries.
pub async fn cards(db: &AnyPool, ids: &[i64]) -> Result<Vec<MemberCard>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = placeholders(ids.len(), 1);
    let sql = format!(
        "SELECT u.id, u.name, c.name, (SELECT COUNT(*) FROM connectors k WHERE k.user_id = u.id) \
         FROM users u JOIN cities c ON c.id = u.city_id WHERE u.id IN ({list})"
    );
    let mut query = sqlx::query_as::<_, (i64, String, String, i64)>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let people = query.fetch_all(db).await?;
    let mut skills = skills_of(db, ids).await?;
    let mut by_id: HashMap<i64, MemberCard> = people
        .into_iter()
        .map(|(id, name, city_name, connector_cities)| {
            let card = MemberCard {
                id,
                name,
                city_name,
                skills: skills.remove(&id).unwrap_or_default(),
                is_connector: connector_cities > 0,
            };
            (id, card)
        })
        .collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

async fn skills_of(db: &AnyPool, ids: &[i64]) -> Result<HashMap<i64, Vec<String>>, AppError> {
    let sql = format!(
        "SELECT user_id, skill FROM user_skills WHERE user_id IN ({}) ORDER BY skill",
        placeholders(ids.len(), 1)
    );
    let mut query = sqlx::query_as::<_, (i64, String)>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let mut skills: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, skill) in query.fetch_all(db).await? {
        skills.entry(id).or_default().push(skill);
    }
    Ok(skills)
}

pub async fn newcomers(db: &AnyPool, city_id: i64, since: i64) -> Result<Vec<Newcomer>, AppError> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, name, created_at FROM users WHERE city_id = $1 AND created_at >= $2 \
         AND is_alumni = FALSE ORDER BY created_at DESC, id DESC LIMIT 50",
    )
    .bind(city_id)
    .bind(since)
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|(id, _, _)| *id).collect();
    let mut skills = if ids.is_empty() {
        HashMap::new()
    } else {
        skills_of(db, &ids).await?
    };
    Ok(rows
        .into_iter()
        .map(|(id, name, joined_at)| Newcomer {
            id,
            name,
            joined_at,
            skills: skills.remove(&id).unwrap_or_default(),
        })
        .collect())
}

pub async fn appoint(db: &AnyPool, city_id: i64, user_id: i64, now: i64) -> Result<bool, AppError> {
    let done = sqlx::query(
        "INSERT INTO connectors (city_id, user_id, appointed_at) VALUES ($1, $2, $3) \
         ON CONFLICT (city_id, user_id) DO NOTHING",
    )
    .bind(city_id)
    .bind(user_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn remove(db: &AnyPool, city_id: i64, user_id: i64) -> Result<bool, AppError> {
    let done = sqlx::query("DELETE FROM connectors WHERE city_id = $1 AND user_id = $2")
        .bind(city_id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() > 0)
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_wildcards_typed_by_members_are_literal() {
        assert_eq!(like_pattern(" Ana "), "%ana%");
        assert_eq!(like_pattern("50%_off"), "%50\\%\\_off%");
    }
}
