//! Email preferences in the database. A member without a row has the defaults; the row (and its
//! unsubscribe secret) is made the first time they save or are emailed.
use super::types::{Digest, EmailPreferences};
use crate::context::Flag;
use crate::error::AppError;
use crate::i18n::Locale;
use sqlx::{AnyConnection, AnyPool, FromRow};

#[derive(FromRow)]
struct PreferencesRow {
    mentions: Flag,
    replies: Flag,
    decisions: Flag,
    buckets: Flag,
    digest: String,
}

impl PreferencesRow {
    fn with_locale(self, locale: Locale) -> EmailPreferences {
        EmailPreferences {
            mentions: self.mentions.0,
            replies: self.replies.0,
            decisions: self.decisions.0,
            buckets: self.buckets.0,
            digest: Digest::parse(&self.digest).unwrap_or(Digest::Weekly),
            locale,
        }
    }
}

pub async fn of(db: &AnyPool, user_id: i64) -> Result<EmailPreferences, AppError> {
    let row: Option<PreferencesRow> = sqlx::query_as(
        "SELECT mentions, replies, decisions, buckets, digest FROM email_preferences \
         WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(db)
    .await?;
    let (code,): (String,) = sqlx::query_as("SELECT locale FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(db)
        .await?;
    let locale = super::locale::stored(&code);
    Ok(match row {
        Some(row) => row.with_locale(locale),
        None => EmailPreferences {
            locale,
            ..EmailPreferences::default()
        },
    })
}

/// The member's unsubscribe secret, making their row (with the defaults) when they have none.
pub async fn token_of(conn: &mut AnyConnection, user_id: i64) -> Result<String, AppError> {
    sqlx::query(
        "INSERT INTO email_preferences (user_id, unsubscribe_token) VALUES ($1, $2) \
         ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(crate::secrets::new_secret())
    .execute(&mut *conn)
    .await?;
    let (token,): (String,) =
        sqlx::query_as("SELECT unsubscribe_token FROM email_preferences WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(token)
}

pub async fn save(db: &AnyPool, user_id: i64, wanted: &EmailPreferences) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE users SET locale = $2 WHERE id = $1")
        .bind(user_id)
        .bind(super::locale::code(wanted.locale))
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO email_preferences (user_id, mentions, replies, decisions, buckets, digest, \
         unsubscribe_token) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (user_id) DO UPDATE SET mentions = $2, replies = $3, decisions = $4, \
         buckets = $5, digest = $6",
    )
    .bind(user_id)
    .bind(wanted.mentions)
    .bind(wanted.replies)
    .bind(wanted.decisions)
    .bind(wanted.buckets)
    .bind(wanted.digest.as_str())
    .bind(crate::secrets::new_secret())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Turns every email off for the member whose link this is. Answers false for an unknown secret.
pub async fn unsubscribe(db: &AnyPool, token: &str) -> Result<bool, AppError> {
    let done = sqlx::query(
        "UPDATE email_preferences SET mentions = FALSE, replies = FALSE, decisions = FALSE, \
         buckets = FALSE, digest = 'off' WHERE unsubscribe_token = $1",
    )
    .bind(token)
    .execute(db)
    .await?;
    Ok(done.rows_affected() > 0)
}
