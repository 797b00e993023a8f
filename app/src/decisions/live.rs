//! Proposal pages follow their stances live. Every change to a proposal writes a timeline entry in
//! its own transaction, so the latest entry is the proposal's version. Once a change is
//! committed, `announce` tells this node's hub and, on PostgreSQL, every other node's; they tell
//! the pages watching the proposal, which fetch its counts again.
use crate::context::ServerState;
use crate::discussion::notices::{notify_in_transaction, ProposalChange};
use sqlx::AnyConnection;

/// The proposal's version (`$1` is its id); no row when there is no such proposal.
pub const VERSION_SQL: &str = "SELECT CAST(COALESCE((SELECT MAX(e.id) FROM proposal_events e \
     WHERE e.proposal_id = p.id), 0) AS BIGINT) FROM proposals p WHERE p.id = $1";

pub async fn version(
    conn: &mut AnyConnection,
    proposal_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(VERSION_SQL)
        .bind(proposal_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(version,)| version))
}

/// A failure is logged, not returned: the change itself is saved, and pages see it at their
/// next load or at the hub's periodic check.
pub async fn announce(state: &ServerState, proposal_id: i64) {
    match tell_nodes(state, proposal_id).await {
        Ok(Some(change)) => state.live.committed(change),
        Ok(None) => {}
        Err(error) => tracing::warn!(%error, proposal_id, "a proposal's change was not announced"),
    }
}

async fn tell_nodes(
    state: &ServerState,
    proposal_id: i64,
) -> Result<Option<ProposalChange>, sqlx::Error> {
    let mut tx = state.db.begin().await?;
    let Some(version) = version(&mut tx, proposal_id).await? else {
        return Ok(None);
    };
    let change = ProposalChange {
        proposal_id,
        version,
    };
    notify_in_transaction(&mut tx, state.dialect, change).await?;
    tx.commit().await?;
    Ok(Some(change))
}
