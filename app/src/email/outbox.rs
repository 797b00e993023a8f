//! Putting a composed email into the outbox, in the caller's transaction: the email goes out (from
//! whichever node's mailer claims it) only if what it tells about was committed.
use crate::error::AppError;
use sqlx::AnyConnection;

/// One email, composed and addressed, as it waits in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    /// The member it is for; none for someone not yet a member (an invitation).
    pub user_id: Option<i64>,
    pub to: String,
    pub kind: &'static str,
    pub subject: String,
    pub body: String,
    pub unsubscribe_url: Option<String>,
}

pub async fn put(conn: &mut AnyConnection, email: &Email, now: i64) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO email_outbox (user_id, to_address, kind, subject, body, unsubscribe_url, \
         created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(email.user_id)
    .bind(&email.to)
    .bind(email.kind)
    .bind(&email.subject)
    .bind(&email.body)
    .bind(&email.unsubscribe_url)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
