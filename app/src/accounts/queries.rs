//! SQL for accounts and profiles. Written once for both SQLite and PostgreSQL.
use super::types::{CityRef, Profile, ProfileDraft, Viewer};
use crate::context::{placeholders, Flag, IDS_PER_QUERY};
use crate::error::AppError;
use sqlx::{AnyPool, FromRow};
use std::collections::HashMap;

#[derive(FromRow)]
struct UserRow {
    id: i64,
    name: String,
    bio: String,
    map_visible: Flag,
    is_alumni: Flag,
    created_at: i64,
    city_id: i64,
    city_slug: String,
    city_name: String,
}

const USER_COLUMNS: &str = "u.id, u.name, u.bio, u.map_visible, u.is_alumni, \
     u.created_at, c.id AS city_id, c.slug AS city_slug, c.name AS city_name \
     FROM users u JOIN cities c ON c.id = u.city_id";

async fn user_row(db: &AnyPool, id: i64) -> Result<Option<UserRow>, AppError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} WHERE u.id = $1 AND u.deleted_at IS NULL"
    ))
    .bind(id)
    .fetch_optional(db)
    .await?)
}

#[derive(FromRow)]
struct CityRow {
    id: i64,
    slug: String,
    name: String,
}

impl From<CityRow> for CityRef {
    fn from(row: CityRow) -> Self {
        CityRef {
            id: row.id,
            slug: row.slug,
            name: row.name,
        }
    }
}

pub async fn connector_cities(db: &AnyPool, user_id: i64) -> Result<Vec<CityRef>, AppError> {
    let rows: Vec<CityRow> = sqlx::query_as(
        "SELECT c.id, c.slug, c.name FROM connectors k JOIN cities c ON c.id = k.city_id \
         WHERE k.user_id = $1 ORDER BY c.name",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(CityRef::from).collect())
}

/// Marks a member alumni (dropping their connector roles in the same transaction) or active again.
/// Answers false when there is no such member.
pub async fn set_alumni(db: &AnyPool, user_id: i64, alumni: bool) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE users SET is_alumni = $2 WHERE id = $1 AND deleted_at IS NULL")
        .bind(user_id)
        .bind(alumni)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    if alumni {
        sqlx::query("DELETE FROM connectors WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// The viewer with the cities they coordinate: one row per such city, or a single row with no
/// city when they coordinate none.
#[derive(FromRow)]
struct ViewerRow {
    id: i64,
    name: String,
    is_admin: Flag,
    is_alumni: Flag,
    city_id: i64,
    city_slug: String,
    city_name: String,
    coordinated_id: Option<i64>,
    coordinated_slug: Option<String>,
    coordinated_name: Option<String>,
}

impl ViewerRow {
    fn coordinated(self) -> Option<CityRef> {
        Some(CityRef {
            id: self.coordinated_id?,
            slug: self.coordinated_slug?,
            name: self.coordinated_name?,
        })
    }
}

const VIEWER_SELECT: &str = "SELECT u.id, u.name, u.is_admin, u.is_alumni, \
     h.id AS city_id, h.slug AS city_slug, h.name AS city_name, \
     c.id AS coordinated_id, c.slug AS coordinated_slug, c.name AS coordinated_name \
     FROM users u JOIN cities h ON h.id = u.city_id \
     LEFT JOIN connectors k ON k.user_id = u.id \
     LEFT JOIN cities c ON c.id = k.city_id";

/// Viewers from rows ordered by user id: each user's rows come together.
fn viewers_of(rows: Vec<ViewerRow>) -> Vec<Viewer> {
    let mut viewers: Vec<Viewer> = Vec::new();
    for row in rows {
        if let Some(viewer) = viewers.last_mut().filter(|viewer| viewer.id == row.id) {
            viewer.connector_of.extend(row.coordinated());
            continue;
        }
        let viewer = Viewer {
            id: row.id,
            name: row.name.clone(),
            city: CityRef {
                id: row.city_id,
                slug: row.city_slug.clone(),
                name: row.city_name.clone(),
            },
            is_admin: row.is_admin.0,
            is_alumni: row.is_alumni.0,
            connector_of: row.coordinated().into_iter().collect(),
        };
        viewers.push(viewer);
    }
    viewers
}

/// Who is asking. Read in one query: every request and every live connection's periodic check
/// starts here.
pub async fn viewer(db: &AnyPool, id: i64) -> Result<Option<Viewer>, AppError> {
    let rows: Vec<ViewerRow> = sqlx::query_as(&format!(
        "{VIEWER_SELECT} WHERE u.id = $1 AND u.deleted_at IS NULL ORDER BY c.name"
    ))
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(viewers_of(rows).into_iter().next())
}

/// Several viewers by id (deleted accounts are absent), a few hundred per query: a node checks
/// its live connections' rights together.
pub async fn viewers(db: &AnyPool, ids: &[i64]) -> Result<HashMap<i64, Viewer>, AppError> {
    let mut found = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(IDS_PER_QUERY) {
        let sql = format!(
            "{VIEWER_SELECT} WHERE u.id IN ({}) AND u.deleted_at IS NULL ORDER BY u.id, c.name",
            placeholders(chunk.len(), 1)
        );
        let mut query = sqlx::query_as::<_, ViewerRow>(&sql);
        for id in chunk {
            query = query.bind(id);
        }
        let rows = query.fetch_all(db).await?;
        found.extend(
            viewers_of(rows)
                .into_iter()
                .map(|viewer| (viewer.id, viewer)),
        );
    }
    Ok(found)
}

async fn tags_of(
    db: &AnyPool,
    table: &str,
    column: &str,
    user_id: i64,
) -> Result<Vec<String>, AppError> {
    let rows: Vec<(String,)> = sqlx::query_as(&format!(
        "SELECT {column} FROM {table} WHERE user_id = $1 ORDER BY {column}"
    ))
    .bind(user_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|(tag,)| tag).collect())
}

pub async fn skills(db: &AnyPool, user_id: i64) -> Result<Vec<String>, AppError> {
    tags_of(db, "user_skills", "skill", user_id).await
}

pub async fn languages(db: &AnyPool, user_id: i64) -> Result<Vec<String>, AppError> {
    tags_of(db, "user_languages", "language", user_id).await
}

pub async fn profile(db: &AnyPool, id: i64) -> Result<Option<Profile>, AppError> {
    let Some(row) = user_row(db, id).await? else {
        return Ok(None);
    };
    Ok(Some(Profile {
        id: row.id,
        name: row.name,
        city: CityRef {
            id: row.city_id,
            slug: row.city_slug,
            name: row.city_name,
        },
        bio_html: crate::markdown::render(&row.bio),
        skills: skills(db, id).await?,
        languages: languages(db, id).await?,
        connector_of: connector_cities(db, id).await?,
        is_alumni: row.is_alumni.0,
        joined_at: row.created_at,
    }))
}

pub async fn draft(db: &AnyPool, id: i64) -> Result<Option<ProfileDraft>, AppError> {
    let Some(row) = user_row(db, id).await? else {
        return Ok(None);
    };
    Ok(Some(ProfileDraft {
        name: row.name,
        city_slug: row.city_slug,
        bio: row.bio,
        skills: skills(db, id).await?.join(", "),
        languages: languages(db, id).await?.join(", "),
        map_visible: row.map_visible.0,
    }))
}

pub async fn city_id_by_slug(db: &AnyPool, slug: &str) -> Result<Option<i64>, AppError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM cities WHERE slug = $1")
        .bind(slug)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|(id,)| id))
}

pub async fn user_id_by_email(db: &AnyPool, email: &str) -> Result<Option<i64>, AppError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|(id,)| id))
}

pub struct NewUser<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub city_id: i64,
    pub now: i64,
    /// The language Edges writes to them in.
    pub locale: crate::i18n::Locale,
}

/// Inserts the account; `None` when the email is already taken (decided by the unique index, so two
/// simultaneous sign-ups cannot both win).
pub async fn insert_user<'e, E>(executor: E, user: NewUser<'_>) -> Result<Option<i64>, AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO users (email, name, name_lower, password_hash, city_id, bio, map_visible, \
         is_admin, is_alumni, created_at, locale) \
         VALUES ($1, $2, $3, $4, $5, '', FALSE, FALSE, FALSE, $6, $7) RETURNING id",
    )
    .bind(user.email)
    .bind(user.name)
    .bind(user.name.to_lowercase())
    .bind(user.password_hash)
    .bind(user.city_id)
    .bind(user.now)
    .bind(crate::email::locale::code(user.locale))
    .fetch_one(executor)
    .await;
    match inserted {
        Ok((id,)) => Ok(Some(id)),
        Err(sqlx::Error::Database(error)) if error.is_unique_violation() => Ok(None),
        Err(error) => Err(error.into()),
    }
}

pub struct ProfileUpdate {
    pub name: String,
    pub city_id: i64,
    pub bio: String,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub map_visible: bool,
}

pub async fn update_profile(
    db: &AnyPool,
    user_id: i64,
    update: &ProfileUpdate,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE users SET name = $1, name_lower = $2, city_id = $3, bio = $4, map_visible = $5 \
         WHERE id = $6",
    )
    .bind(&update.name)
    .bind(update.name.to_lowercase())
    .bind(update.city_id)
    .bind(&update.bio)
    .bind(update.map_visible)
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    for (table, column, values) in [
        ("user_skills", "skill", &update.skills),
        ("user_languages", "language", &update.languages),
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for value in values {
            sqlx::query(&format!(
                "INSERT INTO {table} (user_id, {column}) VALUES ($1, $2)"
            ))
            .bind(user_id)
            .bind(value)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
