//! Work that must happen later: a row in `jobs` with a due time. A node claims a due job inside
//! the transaction that does the work and marks it done, so it is done once even with several
//! nodes (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: one writer at a time), and a node that
//! stops mid-way leaves it due for the next (its transaction never committed).
use super::closing;
use crate::context::{Dialect, ServerState};
use crate::error::AppError;
use sqlx::AnyConnection;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// A proposal reaches its closing time.
    Close,
    /// Remind those who have not taken a stance.
    ClosingSoon,
    /// A decision's review date.
    Review,
}

impl JobKind {
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Close => "decision.close",
            JobKind::ClosingSoon => "decision.closing_soon",
            JobKind::Review => "decision.review",
        }
    }

    pub fn parse(text: &str) -> Option<JobKind> {
        [JobKind::Close, JobKind::ClosingSoon, JobKind::Review]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// A failing job is tried again later, at most this many times.
const MAX_ATTEMPTS: i64 = 8;

pub async fn schedule(
    conn: &mut AnyConnection,
    kind: JobKind,
    subject_id: i64,
    due_at: i64,
) -> Result<(), AppError> {
    sqlx::query("INSERT INTO jobs (kind, subject_id, due_at) VALUES ($1, $2, $3)")
        .bind(kind.as_str())
        .bind(subject_id)
        .bind(due_at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Moves a pending job of this subject to a new due time.
pub async fn reschedule(
    conn: &mut AnyConnection,
    kind: JobKind,
    subject_id: i64,
    due_at: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE jobs SET due_at = $3 WHERE kind = $1 AND subject_id = $2 AND done_at IS NULL",
    )
    .bind(kind.as_str())
    .bind(subject_id)
    .bind(due_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Marks a subject's pending job of this kind done without running it (its reason is gone).
pub async fn cancel(
    conn: &mut AnyConnection,
    kind: JobKind,
    subject_id: i64,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE jobs SET done_at = $3, claimed_by = 'cancelled' \
         WHERE kind = $1 AND subject_id = $2 AND done_at IS NULL",
    )
    .bind(kind.as_str())
    .bind(subject_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Runs every job due by `now`, each in its own transaction; answers how many ran.
pub async fn run_due(state: &ServerState, node: &str, now: i64) -> Result<usize, AppError> {
    let mut ran = 0;
    while run_one(state, node, now).await? {
        ran += 1;
    }
    Ok(ran)
}

/// Claims one due job, does it and marks it done, all in one transaction. Answers whether there
/// was one.
async fn run_one(state: &ServerState, node: &str, now: i64) -> Result<bool, AppError> {
    let skip_locked = match state.dialect {
        Dialect::Postgres => " FOR UPDATE SKIP LOCKED",
        Dialect::Sqlite => "",
    };
    let mut tx = state.db.begin().await?;
    let claimed: Option<(i64, String, i64, i64)> = sqlx::query_as(&format!(
        "UPDATE jobs SET claimed_by = $2, attempts = attempts + 1 WHERE id = \
         (SELECT id FROM jobs WHERE done_at IS NULL AND due_at <= $1 \
         ORDER BY due_at, id LIMIT 1{skip_locked}) \
         RETURNING id, kind, subject_id, attempts"
    ))
    .bind(now)
    .bind(node)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, kind, subject_id, attempts)) = claimed else {
        return Ok(false);
    };
    let outcome = match JobKind::parse(&kind) {
        Some(kind) => perform(&mut tx, kind, subject_id, now).await,
        None => {
            tracing::error!(job = id, %kind, "unknown job kind: marked done");
            Ok(())
        }
    };
    match outcome {
        Ok(()) => {
            sqlx::query("UPDATE jobs SET done_at = $2, claimed_by = $3 WHERE id = $1")
                .bind(id)
                .bind(now)
                .bind(node)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            // Every job is about a proposal, and wrote to its timeline: its page hears it.
            super::live::announce(state, subject_id).await;
        }
        Err(error) => {
            tx.rollback().await?;
            retry_later(state, id, attempts, now, &error).await?;
        }
    }
    Ok(true)
}

async fn perform(
    conn: &mut AnyConnection,
    kind: JobKind,
    proposal_id: i64,
    now: i64,
) -> Result<(), AppError> {
    match kind {
        JobKind::Close => closing::close_at_closing_time(conn, proposal_id, now)
            .await
            .map(drop),
        JobKind::ClosingSoon => closing::remind_closing_soon(conn, proposal_id, now).await,
        JobKind::Review => closing::remind_review(conn, proposal_id, now).await,
    }
}

/// After a failure the job waits a little longer each time; past the last attempt it is put
/// aside (done, claimed by "failed") so it cannot hold up the others, and the log says so.
async fn retry_later(
    state: &ServerState,
    id: i64,
    attempts: i64,
    now: i64,
    error: &AppError,
) -> Result<(), AppError> {
    if attempts >= MAX_ATTEMPTS {
        tracing::error!(job = id, %error, "job failed for the last time");
        sqlx::query(
            "UPDATE jobs SET done_at = $2, claimed_by = 'failed', attempts = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(now)
        .bind(attempts)
        .execute(&state.db)
        .await?;
    } else {
        tracing::warn!(job = id, %error, attempts, "job failed; trying again later");
        sqlx::query("UPDATE jobs SET due_at = $2, attempts = $3, claimed_by = NULL WHERE id = $1")
            .bind(id)
            .bind(now + 30 * attempts)
            .bind(attempts)
            .execute(&state.db)
            .await?;
    }
    Ok(())
}
