//! The outbox: composed emails wait here until a node sends them. A node claims a few at a time
//! for a while; one that crashes mid-send leaves them to be claimed again when the claim lapses
//! (so an email may rarely go twice, but none is lost). Failures retry with a growing delay.
use super::transport::{Outgoing, Transport};
use app::error::AppError;
use lettre::message::Mailbox;
use sqlx::{AnyPool, FromRow};

/// Emails claimed per pass.
const BATCH: i64 = 50;
/// How long a claim holds before another node may take the email over.
const CLAIM_SECONDS: i64 = 300;
/// After this many failed attempts an email stays in the outbox, unsent, for an operator to see.
pub const MAX_ATTEMPTS: i64 = 10;
/// Sent emails are kept this long (for operators), then removed.
const KEEP_SENT_SECONDS: i64 = 30 * 86_400;

pub use app::email::outbox::put;

#[derive(FromRow)]
struct Waiting {
    id: i64,
    to_address: String,
    subject: String,
    body: String,
    unsubscribe_url: Option<String>,
    attempts: i64,
}

const DUE: &str = "sent_at IS NULL AND next_attempt_at <= $2 AND attempts < $3 \
     AND (claimed_until IS NULL OR claimed_until < $2)";

/// Claims what is due and sends it. Answers how many went out.
pub async fn send_due(
    db: &AnyPool,
    transport: &Transport,
    from: &Mailbox,
    claim: &str,
    now: i64,
) -> Result<usize, AppError> {
    sqlx::query(&format!(
        "UPDATE email_outbox SET claimed_by = $1, claimed_until = $4 WHERE {DUE} AND id IN \
         (SELECT id FROM email_outbox WHERE {DUE} ORDER BY id LIMIT $5)"
    ))
    .bind(claim)
    .bind(now)
    .bind(MAX_ATTEMPTS)
    .bind(now + CLAIM_SECONDS)
    .bind(BATCH)
    .execute(db)
    .await?;
    let claimed: Vec<Waiting> = sqlx::query_as(
        "SELECT id, to_address, subject, body, unsubscribe_url, attempts FROM email_outbox \
         WHERE claimed_by = $1 AND sent_at IS NULL ORDER BY id",
    )
    .bind(claim)
    .fetch_all(db)
    .await?;
    let mut sent = 0;
    for email in claimed {
        let outgoing = Outgoing {
            from,
            to: &email.to_address,
            subject: &email.subject,
            body: &email.body,
            unsubscribe_url: email.unsubscribe_url.as_deref(),
        };
        match transport.send(outgoing).await {
            Ok(()) => {
                sqlx::query("UPDATE email_outbox SET sent_at = $2, claimed_by = NULL, claimed_until = NULL WHERE id = $1")
                    .bind(email.id)
                    .bind(now)
                    .execute(db)
                    .await?;
                sent += 1;
            }
            Err(error) => {
                let attempts = email.attempts + 1;
                tracing::warn!(id = email.id, attempts, %error, "an email could not be sent; it will be tried again");
                sqlx::query(
                    "UPDATE email_outbox SET attempts = $2, next_attempt_at = $3, last_error = $4, \
                     claimed_by = NULL, claimed_until = NULL WHERE id = $1",
                )
                .bind(email.id)
                .bind(attempts)
                .bind(now + retry_delay(attempts))
                .bind(error)
                .execute(db)
                .await?;
            }
        }
    }
    Ok(sent)
}

/// A minute, then doubling, at most six hours.
pub fn retry_delay(attempts: i64) -> i64 {
    let doublings = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    (60_i64 << doublings).min(6 * 3600)
}

pub async fn forget_old(db: &AnyPool, now: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM email_outbox WHERE sent_at IS NOT NULL AND sent_at < $1")
        .bind(now - KEEP_SENT_SECONDS)
        .execute(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::retry_delay;

    #[test]
    fn retries_wait_longer_each_time_up_to_six_hours() {
        assert_eq!(retry_delay(1), 60);
        assert_eq!(retry_delay(2), 120);
        assert_eq!(retry_delay(5), 960);
        assert_eq!(retry_delay(12), 6 * 3600);
    }
}
