//! What a proposal keeps of what happened to it (the timeline) and what it tells members (decision
//! notices), written inside the transaction of the change itself.
use super::types::Scope;
use crate::error::AppError;
use sqlx::AnyConnection;

/// Timeline entries; the page translates each kind.
pub mod event {
    pub const PROPOSED: &str = "proposed";
    pub const STANCE: &str = "stance";
    pub const BLOCK_WITHDRAWN: &str = "block_withdrawn";
    pub const REVISED: &str = "revised";
    pub const CLOSING_SOON: &str = "closing_soon";
    pub const CLOSED: &str = "closed";
    pub const WITHDRAWN: &str = "withdrawn";
    pub const OUTCOME_STATEMENT: &str = "outcome_statement";
    pub const REVIEW_DUE: &str = "review_due";
}

/// Notice kinds.
pub mod notice {
    pub const CLOSING_SOON: &str = "closing_soon";
    pub const REVISED: &str = "revised";
    pub const BLOCKED: &str = "blocked";
    pub const CLOSED: &str = "closed";
    pub const REVIEW_DUE: &str = "review_due";
}

pub struct Entry<'a> {
    pub kind: &'a str,
    pub actor: Option<i64>,
    pub detail: &'a str,
    pub note: &'a str,
}

pub async fn record(
    conn: &mut AnyConnection,
    proposal_id: i64,
    entry: Entry<'_>,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO proposal_events (proposal_id, kind, actor_id, detail, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(proposal_id)
    .bind(entry.kind)
    .bind(entry.actor)
    .bind(entry.detail)
    .bind(entry.note)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Who is told, by a query answering user ids (its parameter `$1` is the proposal).
async fn notify_selected(
    conn: &mut AnyConnection,
    proposal_id: i64,
    kind: &str,
    now: i64,
    recipients: &str,
    except: i64,
) -> Result<u64, AppError> {
    let sql = format!(
        "INSERT INTO decision_notices (user_id, proposal_id, kind, created_at) \
         SELECT r.id, $1, $2, $3 FROM ({recipients}) r WHERE r.id <> $4"
    );
    Ok(sqlx::query(&sql)
        .bind(proposal_id)
        .bind(kind)
        .bind(now)
        .bind(except)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

/// Everyone who took a stance, and the author: those a revision or an outcome concerns.
pub async fn notify_participants(
    conn: &mut AnyConnection,
    proposal_id: i64,
    kind: &str,
    now: i64,
    except: Option<i64>,
) -> Result<u64, AppError> {
    notify_selected(
        conn,
        proposal_id,
        kind,
        now,
        "SELECT user_id AS id FROM stances WHERE proposal_id = $1 \
         UNION SELECT author_id AS id FROM proposals WHERE id = $1 AND author_id IS NOT NULL",
        except.unwrap_or(-1),
    )
    .await
}

pub async fn notify_one(
    conn: &mut AnyConnection,
    proposal_id: i64,
    kind: &str,
    now: i64,
    user_id: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO decision_notices (user_id, proposal_id, kind, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(proposal_id)
    .bind(kind)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The active members of the scope (only its connectors, when `connectors_only`) who have not
/// taken a stance yet.
pub async fn notify_silent(
    conn: &mut AnyConnection,
    proposal_id: i64,
    scope: Scope,
    connectors_only: bool,
    now: i64,
) -> Result<u64, AppError> {
    let in_scope = match (scope, connectors_only) {
        (Scope::Network, false) => "TRUE".to_string(),
        (Scope::Network, true) => "u.id IN (SELECT user_id FROM connectors)".to_string(),
        (Scope::City(city), false) => format!(
            "(u.city_id = {city} OR u.id IN (SELECT user_id FROM connectors WHERE city_id = {city}))"
        ),
        (Scope::City(city), true) => {
            format!("u.id IN (SELECT user_id FROM connectors WHERE city_id = {city})")
        }
    };
    let recipients = format!(
        "SELECT u.id FROM users u WHERE u.is_alumni = FALSE AND {in_scope} \
         AND u.id NOT IN (SELECT user_id FROM stances WHERE proposal_id = $1)"
    );
    notify_selected(
        conn,
        proposal_id,
        notice::CLOSING_SOON,
        now,
        &recipients,
        -1,
    )
    .await
}

/// The scope's connectors and the author, reminded that a decision is due for review.
pub async fn notify_reviewers(
    conn: &mut AnyConnection,
    proposal_id: i64,
    scope: Scope,
    now: i64,
) -> Result<u64, AppError> {
    let connectors = match scope {
        Scope::Network => "SELECT user_id AS id FROM connectors".to_string(),
        Scope::City(city) => format!("SELECT user_id AS id FROM connectors WHERE city_id = {city}"),
    };
    let recipients = format!(
        "{connectors} UNION SELECT author_id AS id FROM proposals WHERE id = $1 AND author_id IS NOT NULL"
    );
    notify_selected(conn, proposal_id, notice::REVIEW_DUE, now, &recipients, -1).await
}
