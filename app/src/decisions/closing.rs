//! How proposals reach their outcome, inside the caller's transaction: the conditional update on
//! the proposal's status is what makes an outcome happen once, whoever gets there first (the
//! scheduler on any node, a third connector's agreement, the author withdrawing).
use super::history::{self, event, notice, Entry};
use super::jobs::{self, JobKind};
use super::rules::{self, Refusal, Trigger};
use super::store::{self, Proposal};
use super::types::{Kind, Status};
use crate::error::AppError;
use sqlx::AnyConnection;

/// Gives an open proposal its outcome; answers false (and changes nothing) when it already had one.
pub async fn conclude(
    conn: &mut AnyConnection,
    proposal: &Proposal,
    outcome: Status,
    actor: Option<i64>,
    note: &str,
    now: i64,
) -> Result<bool, AppError> {
    let changed = sqlx::query(
        "UPDATE proposals SET status = $2, closed_at = $3 WHERE id = $1 AND status = 'open'",
    )
    .bind(proposal.id)
    .bind(outcome.as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(false);
    }
    let kind = if outcome == Status::Withdrawn {
        event::WITHDRAWN
    } else {
        event::CLOSED
    };
    let entry = Entry {
        kind,
        actor,
        detail: outcome.as_str(),
        note,
    };
    history::record(conn, proposal.id, entry, now).await?;
    jobs::cancel(conn, JobKind::Close, proposal.id, now).await?;
    jobs::cancel(conn, JobKind::ClosingSoon, proposal.id, now).await?;
    if outcome == Status::Withdrawn {
        jobs::cancel(conn, JobKind::Review, proposal.id, now).await?;
    }
    history::notify_participants(conn, proposal.id, notice::CLOSED, now, actor).await?;
    Ok(true)
}

/// What a stance (or a withdrawn block) changes: only the 3-connector rule can pass early.
/// Answers the new status.
pub async fn after_stance(
    conn: &mut AnyConnection,
    proposal: &Proposal,
    trigger: Trigger,
    actor: i64,
    now: i64,
) -> Result<Status, AppError> {
    let tally = store::tally(conn, proposal).await?;
    match rules::next(proposal.kind, proposal.status, &tally, trigger) {
        Ok(Status::Open) => Ok(Status::Open),
        Ok(outcome) => {
            conclude(conn, proposal, outcome, Some(actor), "", now).await?;
            Ok(outcome)
        }
        Err(_) => Ok(proposal.status),
    }
}

/// The closing-time job. Answers the outcome it gave, or `None` when the proposal already had one
/// (closed by someone else, withdrawn, or closed by an earlier run of this job).
pub async fn close_at_closing_time(
    conn: &mut AnyConnection,
    proposal_id: i64,
    now: i64,
) -> Result<Option<Status>, AppError> {
    let Some(proposal) = store::lock(conn, proposal_id).await? else {
        return Ok(None);
    };
    if proposal.status.is_open() && proposal.closes_at > now {
        // Its closing time moved later since this job was due: come back then.
        jobs::schedule(conn, JobKind::Close, proposal.id, proposal.closes_at).await?;
        return Ok(None);
    }
    let tally = store::tally(conn, &proposal).await?;
    match rules::next(proposal.kind, proposal.status, &tally, Trigger::ClosingTime) {
        Ok(outcome) => {
            let concluded = conclude(conn, &proposal, outcome, None, "", now).await?;
            Ok(concluded.then_some(outcome))
        }
        Err(Refusal::NotOpen) => Ok(None),
        Err(refusal) => {
            tracing::error!(proposal = proposal.id, ?refusal, "closing refused");
            Err(AppError::Internal)
        }
    }
}

/// Reminds those who have not taken a stance that the proposal closes soon.
pub async fn remind_closing_soon(
    conn: &mut AnyConnection,
    proposal_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let Some(proposal) = store::lock(conn, proposal_id).await? else {
        return Ok(());
    };
    if !proposal.status.is_open() {
        return Ok(());
    }
    let connectors_only = proposal.kind == Kind::ThreeConnector;
    let told =
        history::notify_silent(conn, proposal.id, proposal.scope, connectors_only, now).await?;
    let count = told.to_string();
    let entry = Entry {
        kind: event::CLOSING_SOON,
        actor: None,
        detail: &count,
        note: "",
    };
    history::record(conn, proposal.id, entry, now).await
}

/// Reminds the scope's connectors and the author that the decision is due for review.
pub async fn remind_review(
    conn: &mut AnyConnection,
    proposal_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let Some(proposal) = store::lock(conn, proposal_id).await? else {
        return Ok(());
    };
    if proposal.status == Status::Withdrawn {
        return Ok(());
    }
    history::notify_reviewers(conn, proposal.id, proposal.scope, now).await?;
    let entry = Entry {
        kind: event::REVIEW_DUE,
        actor: None,
        detail: "",
        note: "",
    };
    history::record(conn, proposal.id, entry, now).await
}

/// When the "closing soon" reminder goes out: a day before closing, or halfway through a
/// shorter window.
pub fn reminder_time(opened_at: i64, closes_at: i64) -> i64 {
    let lead = ((closes_at - opened_at) / 2).min(86_400);
    closes_at - lead
}

#[cfg(test)]
mod tests {
    use super::reminder_time;

    #[test]
    fn reminders_come_a_day_before_or_halfway() {
        let week = 7 * 86_400;
        assert_eq!(reminder_time(0, week), week - 86_400);
        assert_eq!(reminder_time(0, 3_600), 1_800);
    }
}
