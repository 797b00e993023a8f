//! Tells open map pages that someone moved on, off or around the map. Called after the change
//! is committed: a page that hears the new version and refetches is sure to see the change.
use crate::context::{state, ServerState};
use crate::discussion::notices::{notify_in_transaction, MapChange};

/// Bumps the map's version and tells every node. A failure is logged, not returned: the change
/// itself is saved, and pages still see it on their next load or the live check.
pub async fn announce() {
    let Ok(state) = state() else { return };
    match bump(&state).await {
        Ok(version) => state.live.committed(MapChange { version }),
        Err(error) => tracing::warn!(%error, "the map's version was not bumped"),
    }
}

async fn bump(state: &ServerState) -> Result<i64, sqlx::Error> {
    let mut tx = state.db.begin().await?;
    let (version,): (i64,) =
        sqlx::query_as("UPDATE map_state SET version = version + 1 WHERE id = 1 RETURNING version")
            .fetch_one(&mut *tx)
            .await?;
    notify_in_transaction(&mut tx, state.dialect, MapChange { version }).await?;
    tx.commit().await?;
    Ok(version)
}
