//! Budget pages follow their pot live: every movement bumps the pot's version, and the commit
//! tells every node's hub, which tells the pages watching that pot to refresh.
use crate::context::{Dialect, ServerState};
pub use crate::discussion::notices::PotChange;

pub async fn notify_in_transaction(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialect: Dialect,
    change: PotChange,
) -> Result<(), sqlx::Error> {
    crate::discussion::notices::notify_in_transaction(tx, dialect, change).await
}

pub fn committed(state: &ServerState, change: PotChange) {
    state.live.committed(change);
}
