//! Reading proposals for pages: lists, one proposal with everything around it, notices, and the
//! question budgets ask. Written once for SQLite and PostgreSQL.
use super::access::{self, Facts};
use super::store::{self, Proposal};
use super::types::*;
use crate::accounts::types::Viewer;
use crate::error::AppError;
use sqlx::{AnyPool, FromRow};

#[derive(FromRow)]
pub(super) struct SummaryRow {
    id: i64,
    kind: String,
    status: String,
    title: String,
    city_name: Option<String>,
    author_id: Option<i64>,
    author_name: Option<String>,
    created_at: i64,
    closes_at: i64,
    closed_at: Option<i64>,
    outcome_statement: String,
}

impl SummaryRow {
    pub(super) fn into_summary(self) -> Option<ProposalSummary> {
        Some(ProposalSummary {
            id: self.id,
            kind: Kind::parse(&self.kind)?,
            status: Status::parse(&self.status)?,
            title: self.title,
            city_name: self.city_name,
            author: self
                .author_id
                .zip(self.author_name)
                .map(|(id, name)| Person { id, name }),
            created_at: self.created_at,
            closes_at: self.closes_at,
            closed_at: self.closed_at,
            outcome_statement: self.outcome_statement,
        })
    }
}

pub(super) const SUMMARY_SELECT: &str = "SELECT p.id, p.kind, p.status, p.title, c.name AS city_name, \
     p.author_id, u.name AS author_name, p.created_at, p.closes_at, p.closed_at, p.outcome_statement \
     FROM proposals p LEFT JOIN cities c ON c.id = p.city_id LEFT JOIN users u ON u.id = p.author_id";

/// Every open proposal, closing soonest first.
pub async fn open_proposals(db: &AnyPool) -> Result<Vec<ProposalSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{SUMMARY_SELECT} WHERE p.status = 'open' ORDER BY p.closes_at, p.id LIMIT 200"
    ))
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(SummaryRow::into_summary)
        .collect())
}

async fn summary(db: &AnyPool, id: i64) -> Result<Option<ProposalSummary>, AppError> {
    let row: Option<SummaryRow> = sqlx::query_as(&format!("{SUMMARY_SELECT} WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.and_then(SummaryRow::into_summary))
}

/// The stance's status and counts, for the page's live refresh.
pub async fn live(db: &AnyPool, id: i64) -> Result<Option<LiveTally>, AppError> {
    let mut conn = db.acquire().await?;
    // Read first, so the page never claims a version newer than what it shows.
    let Some(version) = super::live::version(&mut conn, id).await? else {
        return Ok(None);
    };
    let Some(proposal) = store::proposal(&mut conn, id).await? else {
        return Ok(None);
    };
    let tally = store::tally(&mut conn, &proposal).await?;
    Ok(Some(LiveTally {
        status: proposal.status,
        tally,
        version,
    }))
}

/// A proposal and its facts for authorization, with the viewer's stance.
pub async fn facts(
    db: &AnyPool,
    viewer: &Viewer,
    id: i64,
) -> Result<Option<(Proposal, Facts)>, AppError> {
    let mut conn = db.acquire().await?;
    let Some(proposal) = store::proposal(&mut conn, id).await? else {
        return Ok(None);
    };
    let own_stance = store::own_stance(&mut conn, id, viewer.id).await?;
    let facts = Facts {
        scope: proposal.scope,
        kind: proposal.kind,
        status: proposal.status,
        author_id: proposal.author_id,
        own_stance,
    };
    Ok(Some((proposal, facts)))
}

/// user id, name, stance, option label, reason, revision, updated at.
type StanceRow = (i64, String, String, Option<String>, String, i64, i64);

async fn stances(db: &AnyPool, id: i64) -> Result<Vec<(i64, StanceView)>, AppError> {
    let rows: Vec<StanceRow> = sqlx::query_as(
        "SELECT s.user_id, u.name, s.stance, o.label, s.reason, s.revision, s.updated_at \
         FROM stances s JOIN users u ON u.id = s.user_id \
         LEFT JOIN proposal_options o ON o.id = s.option_id \
         WHERE s.proposal_id = $1 ORDER BY s.updated_at, s.user_id",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(user_id, name, stance, option_label, reason, revision, updated_at)| {
                let view = StanceView {
                    person: Person { id: user_id, name },
                    stance: Stance::parse(&stance)?,
                    option_label,
                    reason,
                    on_revision: revision,
                    updated_at,
                };
                Some((user_id, view))
            },
        )
        .collect())
}

async fn earlier(db: &AnyPool, id: i64) -> Result<Vec<EarlierText>, AppError> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT revision, title, body_html, replaced_at FROM proposal_revisions \
         WHERE proposal_id = $1 ORDER BY revision DESC",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(revision, title, body_html, replaced_at)| EarlierText {
            revision,
            title,
            body_html,
            replaced_at,
        })
        .collect())
}

/// kind, actor id, actor name, detail, note, at.
type EventRow = (String, Option<i64>, Option<String>, String, String, i64);

async fn timeline(db: &AnyPool, id: i64) -> Result<Vec<TimelineEntry>, AppError> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT e.kind, e.actor_id, u.name, e.detail, e.note, e.created_at FROM proposal_events e \
         LEFT JOIN users u ON u.id = e.actor_id WHERE e.proposal_id = $1 ORDER BY e.id",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(kind, actor_id, actor_name, detail, note, at)| TimelineEntry {
                kind,
                actor: actor_id
                    .zip(actor_name)
                    .map(|(id, name)| Person { id, name }),
                detail,
                note,
                at,
            },
        )
        .collect())
}

/// Everything the proposal page shows, with what the viewer may do.
pub async fn detail(
    db: &AnyPool,
    viewer: &Viewer,
    id: i64,
) -> Result<Option<ProposalDetail>, AppError> {
    let Some((proposal, facts)) = facts(db, viewer, id).await? else {
        return Ok(None);
    };
    let Some(summary) = summary(db, id).await? else {
        return Ok(None);
    };
    let live = live(db, id).await?.ok_or(AppError::NotFound)?;
    let stances = stances(db, id).await?;
    let own_stance = stances
        .iter()
        .find(|(user, _)| *user == viewer.id)
        .map(|(_, view)| view.clone());
    let (discussion, may_reply) =
        super::thread::read(db, viewer, proposal.thread_message_id).await?;
    let mut rights = access::rights(viewer, &facts);
    rights.discuss = may_reply;
    Ok(Some(ProposalDetail {
        summary,
        body: proposal.body,
        body_html: proposal.body_html,
        review_at: proposal.review_at,
        revision: proposal.revision,
        live,
        stances: stances.into_iter().map(|(_, view)| view).collect(),
        own_stance,
        earlier: earlier(db, id).await?,
        timeline: timeline(db, id).await?,
        rights,
        discussion,
    }))
}

/// The member's latest decision notices.
pub async fn notices(db: &AnyPool, user_id: i64) -> Result<Vec<DecisionNotice>, AppError> {
    let rows: Vec<(i64, String, i64, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT n.id, n.kind, n.proposal_id, p.title, n.created_at, n.read_at \
         FROM decision_notices n JOIN proposals p ON p.id = n.proposal_id \
         WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT 30",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, proposal_id, title, at, read_at)| DecisionNotice {
                id,
                kind,
                proposal_id,
                title,
                at,
                unread: read_at.is_none(),
            },
        )
        .collect())
}

pub async fn mark_notices_read(db: &AnyPool, user_id: i64, now: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE decision_notices SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
        .bind(user_id)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// The passed lazy-consent decision with this id in this scope, if there is one. Budgets ask
/// this before a round's rules or a large payout take effect.
pub async fn passed_lazy_consent(
    db: &AnyPool,
    proposal_id: i64,
    scope: Scope,
) -> Result<Option<DecisionRef>, AppError> {
    let found: Option<(i64, String)> = sqlx::query_as(&format!(
        "SELECT id, title FROM proposals WHERE id = $1 AND {PASSED_LAZY_CONSENT} \
         AND ((city_id IS NULL AND $2 = -1) OR city_id = $2)"
    ))
    .bind(proposal_id)
    .bind(scope.city_id().unwrap_or(-1))
    .fetch_optional(db)
    .await?;
    Ok(found.map(|(id, title)| DecisionRef { id, title }))
}

/// The passed lazy-consent decisions of a scope a budget may cite, the latest first.
pub async fn passed_lazy_consents(
    db: &AnyPool,
    scope: Scope,
) -> Result<Vec<DecisionRef>, AppError> {
    let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
        "SELECT id, title FROM proposals WHERE {PASSED_LAZY_CONSENT} \
         AND ((city_id IS NULL AND $1 = -1) OR city_id = $1) ORDER BY closed_at DESC, id DESC LIMIT 100"
    ))
    .bind(scope.city_id().unwrap_or(-1))
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title)| DecisionRef { id, title })
        .collect())
}

const PASSED_LAZY_CONSENT: &str = "kind = 'lazy_consent' AND status = 'passed'";
