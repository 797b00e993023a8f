//! Changing proposals. Each change runs in one transaction that first takes the proposal's row
//! (see `store::lock`), checks the rules on what it then reads, and records its timeline entry and
//! notices alongside.
use super::closing::{self, reminder_time};
use super::history::{self, event, notice, Entry};
use super::jobs::{self, JobKind};
use super::rules::{self, Refusal, Trigger};
use super::store::{self, Proposal};
use super::types::{Kind, Scope, Stance, Status};
use crate::context::fail;
use crate::error::{AppError, Problem};
use sqlx::{AnyConnection, AnyPool};

/// A validated proposal about to be stored.
pub struct NewProposal<'a> {
    pub scope: Scope,
    pub kind: Kind,
    pub title: &'a str,
    pub body: &'a str,
    pub body_html: &'a str,
    pub author_id: i64,
    pub closes_at: i64,
    pub review_at: Option<i64>,
    pub options: &'a [String],
    pub now: i64,
}

pub async fn create(db: &AnyPool, new: NewProposal<'_>) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO proposals (city_id, kind, title, body, body_html, author_id, created_at, \
         closes_at, review_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(new.scope.city_id())
    .bind(new.kind.as_str())
    .bind(new.title)
    .bind(new.body)
    .bind(new.body_html)
    .bind(new.author_id)
    .bind(new.now)
    .bind(new.closes_at)
    .bind(new.review_at)
    .fetch_one(&mut *tx)
    .await?;
    for (position, label) in (0_i64..).zip(new.options) {
        sqlx::query(
            "INSERT INTO proposal_options (proposal_id, position, label) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(position)
        .bind(label)
        .execute(&mut *tx)
        .await?;
    }
    let entry = Entry {
        kind: event::PROPOSED,
        actor: Some(new.author_id),
        detail: new.kind.as_str(),
        note: "",
    };
    history::record(&mut tx, id, entry, new.now).await?;
    jobs::schedule(&mut tx, JobKind::Close, id, new.closes_at).await?;
    let reminder = reminder_time(new.now, new.closes_at);
    jobs::schedule(&mut tx, JobKind::ClosingSoon, id, reminder).await?;
    if let Some(review_at) = new.review_at {
        jobs::schedule(&mut tx, JobKind::Review, id, review_at).await?;
    }
    tx.commit().await?;
    Ok(id)
}

fn refused(refusal: Refusal) -> AppError {
    fail(match refusal {
        Refusal::NotOpen | Refusal::StanceNotOffered | Refusal::NoBlocks => AppError::Forbidden,
        Refusal::ReasonRequired => AppError::invalid("reason", Problem::Required),
        Refusal::OptionMismatch => AppError::invalid("option", Problem::Required),
    })
}

async fn locked(conn: &mut AnyConnection, id: i64) -> Result<Proposal, AppError> {
    store::lock(conn, id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))
}

/// A member's stance, as the server function checked who they are.
pub struct StanceDraft<'a> {
    pub user_id: i64,
    /// Whether they are a connector of the proposal's scope.
    pub scope_connector: bool,
    pub stance: Stance,
    pub option_id: Option<i64>,
    pub reason: &'a str,
    pub now: i64,
}

/// Takes or changes the member's own stance (there is no way to write anyone else's). Answers
/// the proposal's status afterwards.
pub async fn take_stance(
    db: &AnyPool,
    proposal_id: i64,
    draft: StanceDraft<'_>,
) -> Result<Status, AppError> {
    let mut tx = db.begin().await?;
    let proposal = locked(&mut tx, proposal_id).await?;
    rules::check_stance(
        proposal.kind,
        proposal.status,
        draft.scope_connector,
        draft.stance,
        draft.reason,
        draft.option_id.is_some(),
    )
    .map_err(refused)?;
    if let Some(option) = draft.option_id {
        let options = store::options(&mut tx, proposal.id).await?;
        if !options.iter().any(|(id, _)| *id == option) {
            return Err(fail(AppError::invalid("option", Problem::Required)));
        }
    }
    let before = store::own_stance(&mut tx, proposal.id, draft.user_id).await?;
    sqlx::query(
        "INSERT INTO stances (proposal_id, user_id, stance, option_id, reason, revision, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (proposal_id, user_id) DO UPDATE SET \
         stance = excluded.stance, option_id = excluded.option_id, reason = excluded.reason, \
         revision = excluded.revision, updated_at = excluded.updated_at",
    )
    .bind(proposal.id)
    .bind(draft.user_id)
    .bind(draft.stance.as_str())
    .bind(draft.option_id)
    .bind(draft.reason)
    .bind(proposal.revision)
    .bind(draft.now)
    .execute(&mut *tx)
    .await?;
    let lifted = before == Some(Stance::Block) && draft.stance != Stance::Block;
    let entry = Entry {
        kind: if lifted {
            event::BLOCK_WITHDRAWN
        } else {
            event::STANCE
        },
        actor: Some(draft.user_id),
        detail: draft.stance.as_str(),
        note: draft.reason,
    };
    history::record(&mut tx, proposal.id, entry, draft.now).await?;
    if draft.stance == Stance::Block && before != Some(Stance::Block) {
        if let Some(author) = proposal.author_id.filter(|author| *author != draft.user_id) {
            history::notify_one(&mut tx, proposal.id, notice::BLOCKED, draft.now, author).await?;
        }
    }
    let trigger = if lifted {
        Trigger::BlockWithdrawn
    } else {
        Trigger::StanceTaken
    };
    let status =
        closing::after_stance(&mut tx, &proposal, trigger, draft.user_id, draft.now).await?;
    tx.commit().await?;
    Ok(status)
}

/// The blocker withdraws their block: they stand aside (their stance becomes "abstain", the
/// reason they gave stays in the timeline).
pub async fn withdraw_block(
    db: &AnyPool,
    proposal_id: i64,
    user_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let proposal = locked(&mut tx, proposal_id).await?;
    if !proposal.status.is_open()
        || store::own_stance(&mut tx, proposal.id, user_id).await? != Some(Stance::Block)
    {
        return Err(fail(AppError::Forbidden));
    }
    sqlx::query(
        "UPDATE stances SET stance = 'abstain', reason = '', revision = $3, updated_at = $4 \
         WHERE proposal_id = $1 AND user_id = $2",
    )
    .bind(proposal.id)
    .bind(user_id)
    .bind(proposal.revision)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let entry = Entry {
        kind: event::BLOCK_WITHDRAWN,
        actor: Some(user_id),
        detail: Stance::Abstain.as_str(),
        note: "",
    };
    history::record(&mut tx, proposal.id, entry, now).await?;
    closing::after_stance(&mut tx, &proposal, Trigger::BlockWithdrawn, user_id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A validated revision.
pub struct Revision<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub body_html: &'a str,
    pub note: &'a str,
    /// A new closing time, when the author moves it.
    pub closes_at: Option<i64>,
    pub now: i64,
}

/// The author revises the text: the earlier one is kept, stances stay (marked as taken on the
/// earlier version), and everyone who took one is told.
pub async fn revise(
    db: &AnyPool,
    proposal_id: i64,
    author_id: i64,
    revision: Revision<'_>,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let proposal = locked(&mut tx, proposal_id).await?;
    if proposal.author_id != Some(author_id) {
        return Err(fail(AppError::Forbidden));
    }
    let tally = store::tally(&mut tx, &proposal).await?;
    rules::next(proposal.kind, proposal.status, &tally, Trigger::Revised).map_err(refused)?;
    sqlx::query(
        "INSERT INTO proposal_revisions (proposal_id, revision, title, body_html, replaced_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(proposal.id)
    .bind(proposal.revision)
    .bind(&proposal.title)
    .bind(&proposal.body_html)
    .bind(revision.now)
    .execute(&mut *tx)
    .await?;
    let closes_at = revision.closes_at.unwrap_or(proposal.closes_at);
    sqlx::query(
        "UPDATE proposals SET title = $2, body = $3, body_html = $4, revision = revision + 1, \
         closes_at = $5 WHERE id = $1",
    )
    .bind(proposal.id)
    .bind(revision.title)
    .bind(revision.body)
    .bind(revision.body_html)
    .bind(closes_at)
    .execute(&mut *tx)
    .await?;
    if closes_at != proposal.closes_at {
        jobs::reschedule(&mut tx, JobKind::Close, proposal.id, closes_at).await?;
        let reminder = reminder_time(revision.now, closes_at);
        jobs::reschedule(&mut tx, JobKind::ClosingSoon, proposal.id, reminder).await?;
    }
    let number = (proposal.revision + 1).to_string();
    let entry = Entry {
        kind: event::REVISED,
        actor: Some(author_id),
        detail: &number,
        note: revision.note,
    };
    history::record(&mut tx, proposal.id, entry, revision.now).await?;
    history::notify_participants(
        &mut tx,
        proposal.id,
        notice::REVISED,
        revision.now,
        Some(author_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The author withdraws the proposal; their statement becomes its outcome statement.
pub async fn withdraw(
    db: &AnyPool,
    proposal_id: i64,
    author_id: i64,
    statement: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let proposal = locked(&mut tx, proposal_id).await?;
    if proposal.author_id != Some(author_id) {
        return Err(fail(AppError::Forbidden));
    }
    let tally = store::tally(&mut tx, &proposal).await?;
    let outcome =
        rules::next(proposal.kind, proposal.status, &tally, Trigger::Withdrawn).map_err(refused)?;
    closing::conclude(&mut tx, &proposal, outcome, Some(author_id), statement, now).await?;
    set_statement(&mut tx, proposal.id, statement).await?;
    tx.commit().await?;
    Ok(())
}

/// The outcome statement of a closed proposal, written (or rewritten) by those the caller allowed.
pub async fn write_outcome(
    db: &AnyPool,
    proposal_id: i64,
    writer_id: i64,
    statement: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let proposal = locked(&mut tx, proposal_id).await?;
    if proposal.status.is_open() {
        return Err(fail(AppError::Forbidden));
    }
    set_statement(&mut tx, proposal.id, statement).await?;
    let entry = Entry {
        kind: event::OUTCOME_STATEMENT,
        actor: Some(writer_id),
        detail: "",
        note: statement,
    };
    history::record(&mut tx, proposal.id, entry, now).await?;
    tx.commit().await?;
    Ok(())
}

async fn set_statement(
    conn: &mut AnyConnection,
    proposal_id: i64,
    statement: &str,
) -> Result<(), AppError> {
    sqlx::query("UPDATE proposals SET outcome_statement = $2 WHERE id = $1")
        .bind(proposal_id)
        .bind(statement)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Links the proposal to its discussion thread.
pub async fn set_thread(db: &AnyPool, proposal_id: i64, message_id: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE proposals SET thread_message_id = $2 WHERE id = $1")
        .bind(proposal_id)
        .bind(message_id)
        .execute(db)
        .await?;
    Ok(())
}
