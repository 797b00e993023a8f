//! SQL for the map. Written once for both SQLite and PostgreSQL. Every query that names members
//! keeps to `ON_MAP`; the others only count.
use super::access::MapSettings;
use super::filters::{MapFilters, RECENT_DAYS};
use super::types::{CityOnMap, MapFacets, MapMember, MapSearchHit};
use crate::context::Flag;
use crate::error::AppError;
use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;
use sqlx::{Any, AnyPool};
use std::collections::HashMap;

/// Who the map shows: members who chose to appear, alumni excepted.
const ON_MAP: &str = "u.map_visible = TRUE AND u.is_alumni = FALSE";
/// Who the map only counts.
const NOT_ON_MAP: &str = "u.map_visible = FALSE AND u.is_alumni = FALSE";
/// `k.user_id` is set for connectors (of any city), once each.
const CONNECTORS: &str =
    "LEFT JOIN (SELECT DISTINCT user_id FROM connectors) k ON k.user_id = u.id";
const VISITORS_SEE_MEMBERS: &str = "map.visitors_see_members";
/// Choices offered in the filters.
const FACET_TAGS: i64 = 80;
const FACET_LANGUAGES: i64 = 40;

#[derive(Clone, Debug)]
enum Value {
    Text(String),
    Int(i64),
}

/// The filters as SQL conditions on `u` (each starting with AND), with `$n` placeholders
/// numbered from `first`, and the values to bind to them in order.
struct Conditions {
    sql: String,
    values: Vec<Value>,
}

impl Conditions {
    fn of(filters: &MapFilters, now: i64, first: usize) -> Conditions {
        let mut conditions = Conditions {
            sql: String::new(),
            values: Vec::new(),
        };
        if !filters.tag.is_empty() {
            let n = conditions.value(first, Value::Text(filters.tag.clone()));
            conditions.sql +=
                &format!(" AND u.id IN (SELECT user_id FROM user_skills WHERE skill = ${n})");
        }
        if !filters.language.is_empty() {
            let n = conditions.value(first, Value::Text(filters.language.clone()));
            conditions.sql +=
                &format!(" AND u.id IN (SELECT user_id FROM user_languages WHERE language = ${n})");
        }
        if filters.connectors_only {
            conditions.sql += " AND k.user_id IS NOT NULL";
        }
        if filters.recent {
            let n = conditions.value(first, Value::Int(now - RECENT_DAYS * 86_400));
            conditions.sql += &format!(" AND u.created_at >= ${n}");
        }
        conditions
    }

    /// Adds a value; answers its placeholder's number.
    fn value(&mut self, first: usize, value: Value) -> usize {
        self.values.push(value);
        first + self.values.len() - 1
    }

    /// The number the next placeholder after these conditions takes.
    fn next(&self, first: usize) -> usize {
        first + self.values.len()
    }

    fn bind<'q, O>(
        &self,
        mut query: QueryAs<'q, Any, O, AnyArguments<'q>>,
    ) -> QueryAs<'q, Any, O, AnyArguments<'q>> {
        for value in &self.values {
            query = match value {
                Value::Text(text) => query.bind(text.clone()),
                Value::Int(number) => query.bind(*number),
            };
        }
        query
    }
}

type CityRow = (i64, String, String, String, f64, f64);

/// Every city with its counts under the filters: three grouped passes, none per city.
pub async fn cities(
    db: &AnyPool,
    filters: &MapFilters,
    now: i64,
) -> Result<Vec<CityOnMap>, AppError> {
    let cities: Vec<CityRow> =
        sqlx::query_as("SELECT id, slug, name, country, lat, lon FROM cities ORDER BY name, id")
            .fetch_all(db)
            .await?;
    let conditions = Conditions::of(filters, now, 1);
    let sql = format!(
        "SELECT u.city_id, COUNT(*), COUNT(k.user_id) FROM users u {CONNECTORS} \
         WHERE {ON_MAP}{} GROUP BY u.city_id",
        conditions.sql
    );
    let shown: HashMap<i64, (i64, i64)> = conditions
        .bind(sqlx::query_as::<_, (i64, i64, i64)>(&sql))
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|(city, shown, connectors)| (city, (shown, connectors)))
        .collect();
    let not_shown: HashMap<i64, i64> = sqlx::query_as::<_, (i64, i64)>(&format!(
        "SELECT u.city_id, COUNT(*) FROM users u WHERE {NOT_ON_MAP} GROUP BY u.city_id"
    ))
    .fetch_all(db)
    .await?
    .into_iter()
    .collect();
    Ok(cities
        .into_iter()
        .map(|(id, slug, name, country, lat, lon)| {
            let (shown, connectors) = shown.get(&id).copied().unwrap_or((0, 0));
            CityOnMap {
                id,
                slug,
                name,
                country,
                lat,
                lon,
                shown,
                connectors,
                not_shown: not_shown.get(&id).copied().unwrap_or(0),
            }
        })
        .collect())
}

/// The tags and languages of members on the map, most common first.
pub async fn facets(db: &AnyPool) -> Result<MapFacets, AppError> {
    let counted = |table: &str, column: &str, limit: i64| {
        format!(
            "SELECT t.{column}, COUNT(*) FROM {table} t JOIN users u ON u.id = t.user_id \
             WHERE {ON_MAP} GROUP BY t.{column} ORDER BY COUNT(*) DESC, t.{column} LIMIT {limit}"
        )
    };
    Ok(MapFacets {
        tags: sqlx::query_as(&counted("user_skills", "skill", FACET_TAGS))
            .fetch_all(db)
            .await?,
        languages: sqlx::query_as(&counted("user_languages", "language", FACET_LANGUAGES))
            .fetch_all(db)
            .await?,
    })
}

/// A city by its slug: id, name and its discussion channel.
pub async fn city(
    db: &AnyPool,
    slug: &str,
) -> Result<Option<(i64, String, Option<i64>)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.name, (SELECT MIN(ch.id) FROM channels ch \
         WHERE ch.kind = 'city' AND ch.city_id = c.id) FROM cities c WHERE c.slug = $1",
    )
    .bind(slug)
    .fetch_optional(db)
    .await?)
}

pub async fn not_shown_in(db: &AnyPool, city_id: i64) -> Result<i64, AppError> {
    let (count,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM users u WHERE u.city_id = $1 AND {NOT_ON_MAP}"
    ))
    .bind(city_id)
    .fetch_one(db)
    .await?;
    Ok(count)
}

/// One page of a city's members on the map under the filters, connectors first, and how many
/// there are in all.
pub async fn members(
    db: &AnyPool,
    city_id: i64,
    filters: &MapFilters,
    now: i64,
    page: u32,
    per_page: u32,
) -> Result<(Vec<MapMember>, i64), AppError> {
    let conditions = Conditions::of(filters, now, 2);
    let from = format!(
        "FROM users u {CONNECTORS} WHERE u.city_id = $1 AND {ON_MAP}{}",
        conditions.sql
    );
    let (total,): (i64,) = conditions
        .bind(sqlx::query_as(&format!("SELECT COUNT(*) {from}")).bind(city_id))
        .fetch_one(db)
        .await?;
    let limit = conditions.next(2);
    let sql = format!(
        "SELECT u.id, u.name, k.user_id IS NOT NULL {from} \
         ORDER BY CASE WHEN k.user_id IS NULL THEN 1 ELSE 0 END, u.name_lower, u.id \
         LIMIT ${limit} OFFSET ${}",
        limit + 1
    );
    let rows: Vec<(i64, String, Flag)> = conditions
        .bind(sqlx::query_as(&sql).bind(city_id))
        .bind(i64::from(per_page))
        .bind(i64::from(page) * i64::from(per_page))
        .fetch_all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|(id, _, _)| *id).collect();
    let mut skills = tags_of(db, "user_skills", "skill", &ids).await?;
    let mut languages = tags_of(db, "user_languages", "language", &ids).await?;
    let members = rows
        .into_iter()
        .map(|(id, name, connector)| MapMember {
            id,
            name,
            skills: skills.remove(&id).unwrap_or_default(),
            languages: languages.remove(&id).unwrap_or_default(),
            is_connector: connector.0,
        })
        .collect();
    Ok((members, total))
}

async fn tags_of(
    db: &AnyPool,
    table: &str,
    column: &str,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<String>>, AppError> {
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    if ids.is_empty() {
        return Ok(tags);
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT user_id, {column} FROM {table} WHERE user_id IN ({}) ORDER BY {column}",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as::<_, (i64, String)>(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    for (id, tag) in query.fetch_all(db).await? {
        tags.entry(id).or_default().push(tag);
    }
    Ok(tags)
}

/// Members on the map whose name contains `text`.
pub async fn search(db: &AnyPool, text: &str, limit: i64) -> Result<Vec<MapSearchHit>, AppError> {
    let rows: Vec<(i64, String, String, String, f64, f64)> = sqlx::query_as(&format!(
        "SELECT u.id, u.name, c.slug, c.name, c.lat, c.lon FROM users u \
         JOIN cities c ON c.id = u.city_id \
         WHERE {ON_MAP} AND u.name_lower LIKE $1 ESCAPE '\\' ORDER BY u.name_lower, u.id LIMIT $2"
    ))
    .bind(crate::cities::queries::like_pattern(text))
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, city_slug, city_name, lat, lon)| MapSearchHit {
            id,
            name,
            city_slug,
            city_name,
            lat,
            lon,
        })
        .collect())
}

pub async fn settings(db: &AnyPool) -> Result<MapSettings, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT value FROM network_settings WHERE name = $1")
            .bind(VISITORS_SEE_MEMBERS)
            .fetch_optional(db)
            .await?;
    Ok(MapSettings {
        visitors_see_members: row.is_some_and(|(value,)| value == "true"),
    })
}

pub async fn save_settings(db: &AnyPool, settings: MapSettings) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO network_settings (name, value) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    )
    .bind(VISITORS_SEE_MEMBERS)
    .bind(settings.visitors_see_members.to_string())
    .execute(db)
    .await?;
    Ok(())
}

pub async fn version(db: &AnyPool) -> Result<i64, AppError> {
    let (version,): (i64,) = sqlx::query_as("SELECT version FROM map_state WHERE id = 1")
        .fetch_one(db)
        .await?;
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_number_their_placeholders_after_the_query_s_own() {
        let filters = MapFilters {
            tag: "commons".into(),
            language: "fr".into(),
            connectors_only: true,
            recent: true,
        };
        let conditions = Conditions::of(&filters, 100 * 86_400, 2);
        assert_eq!(
            conditions.sql,
            " AND u.id IN (SELECT user_id FROM user_skills WHERE skill = $2) \
             AND u.id IN (SELECT user_id FROM user_languages WHERE language = $3) \
             AND k.user_id IS NOT NULL AND u.created_at >= $4"
        );
        assert_eq!(conditions.next(2), 5);
        assert!(matches!(conditions.values[2], Value::Int(since) if since == 70 * 86_400));
        let none = Conditions::of(&MapFilters::default(), 0, 1);
        assert!(none.sql.is_empty() && none.next(1) == 1);
    }
}
