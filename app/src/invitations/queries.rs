//! Invitations in the database. The link carries a random secret; only its SHA-256 is stored.
use super::types::{InvitationStatus, InvitationSummary, InvitationView};
use crate::error::AppError;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, AnyPool, FromRow};

/// How long a link works.
pub const VALID_SECONDS: i64 = 14 * 86_400;
/// Invitations one person may send in a day: enough for a welcome evening, not for spam.
pub const PER_DAY: i64 = 50;

/// A new secret for a link, and the hash that is stored.
pub fn new_token() -> (String, String) {
    let token = crate::secrets::new_secret();
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

pub struct NewInvitation<'a> {
    pub city_id: i64,
    pub email: &'a str,
    pub token_hash: &'a str,
    pub message: &'a str,
    pub invited_by: i64,
    pub now: i64,
}

pub async fn insert(
    conn: &mut AnyConnection,
    invitation: NewInvitation<'_>,
) -> Result<i64, AppError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO invitations (city_id, email, token_hash, message, invited_by, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(invitation.city_id)
    .bind(invitation.email)
    .bind(invitation.token_hash)
    .bind(invitation.message)
    .bind(invitation.invited_by)
    .bind(invitation.now)
    .bind(invitation.now + VALID_SECONDS)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn city_name(db: &AnyPool, city_id: i64) -> Result<String, AppError> {
    let (name,): (String,) = sqlx::query_as("SELECT name FROM cities WHERE id = $1")
        .bind(city_id)
        .fetch_one(db)
        .await?;
    Ok(name)
}

pub async fn sent_since(db: &AnyPool, user_id: i64, since: i64) -> Result<i64, AppError> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM invitations WHERE invited_by = $1 AND created_at >= $2",
    )
    .bind(user_id)
    .bind(since)
    .fetch_one(db)
    .await?;
    Ok(count)
}

#[derive(FromRow)]
struct SummaryRow {
    id: i64,
    email: String,
    invited_by: Option<String>,
    created_at: i64,
    expires_at: i64,
    revoked_at: Option<i64>,
    accepted_at: Option<i64>,
}

/// The city's latest invitations, newest first.
pub async fn of_city(
    db: &AnyPool,
    city_id: i64,
    now: i64,
) -> Result<Vec<InvitationSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT i.id, i.email, u.name AS invited_by, i.created_at, i.expires_at, i.revoked_at, \
         i.accepted_at FROM invitations i LEFT JOIN users u ON u.id = i.invited_by \
         WHERE i.city_id = $1 ORDER BY i.id DESC LIMIT 100",
    )
    .bind(city_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| InvitationSummary {
            status: InvitationStatus::at(
                now,
                row.expires_at,
                row.revoked_at.is_some(),
                row.accepted_at.is_some(),
            ),
            id: row.id,
            email: row.email,
            invited_by: row.invited_by,
            created_at: row.created_at,
            expires_at: row.expires_at,
        })
        .collect())
}

pub async fn city_of(db: &AnyPool, id: i64) -> Result<Option<i64>, AppError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT city_id FROM invitations WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|(city,)| city))
}

/// Revokes a pending invitation. Answers false when it was no longer pending.
pub async fn revoke(db: &AnyPool, id: i64, by: i64, now: i64) -> Result<bool, AppError> {
    let done = sqlx::query(
        "UPDATE invitations SET revoked_at = $2, revoked_by = $3 WHERE id = $1 \
         AND revoked_at IS NULL AND accepted_at IS NULL AND expires_at > $2",
    )
    .bind(id)
    .bind(now)
    .bind(by)
    .execute(db)
    .await?;
    Ok(done.rows_affected() > 0)
}

#[derive(FromRow)]
struct ViewRow {
    city_slug: String,
    city_name: String,
    invited_by: Option<String>,
    message: String,
    email: String,
    expires_at: i64,
    revoked_at: Option<i64>,
    accepted_at: Option<i64>,
}

pub async fn by_token(
    db: &AnyPool,
    token: &str,
    now: i64,
) -> Result<Option<InvitationView>, AppError> {
    let row: Option<ViewRow> = sqlx::query_as(
        "SELECT c.slug AS city_slug, c.name AS city_name, u.name AS invited_by, i.message, i.email, \
         i.expires_at, i.revoked_at, i.accepted_at FROM invitations i \
         JOIN cities c ON c.id = i.city_id LEFT JOIN users u ON u.id = i.invited_by \
         WHERE i.token_hash = $1",
    )
    .bind(token_hash(token))
    .fetch_optional(db)
    .await?;
    Ok(row.map(|row| InvitationView {
        status: InvitationStatus::at(
            now,
            row.expires_at,
            row.revoked_at.is_some(),
            row.accepted_at.is_some(),
        ),
        city_slug: row.city_slug,
        city_name: row.city_name,
        invited_by: row.invited_by,
        message: row.message,
        email: row.email,
        expires_at: row.expires_at,
    }))
}

/// Takes the invitation for a sign-up, in the sign-up's transaction: answers its id and city when
/// it is still pending, and from then on it is no longer pending for anyone else.
pub async fn claim(
    conn: &mut AnyConnection,
    token: &str,
    now: i64,
) -> Result<Option<(i64, i64)>, AppError> {
    let hash = token_hash(token);
    let done = sqlx::query(
        "UPDATE invitations SET accepted_at = $2 WHERE token_hash = $1 \
         AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2",
    )
    .bind(&hash)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    let row: (i64, i64) =
        sqlx::query_as("SELECT id, city_id FROM invitations WHERE token_hash = $1")
            .bind(&hash)
            .fetch_one(&mut *conn)
            .await?;
    Ok(Some(row))
}

pub async fn accepted_by(conn: &mut AnyConnection, id: i64, user_id: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE invitations SET accepted_by = $2 WHERE id = $1")
        .bind(id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}
