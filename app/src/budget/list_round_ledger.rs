use super::types::LedgerLine;
use crate::error::AppError;
use leptos::prelude::*;

/// Every movement of a round's money, newest first (members read all of it).
#[server(endpoint = "list_round_ledger")]
pub async fn list_round_ledger(round: i64) -> Result<Vec<LedgerLine>, AppError> {
    use crate::accounts::authz;
    use crate::context::db;

    authz::signed_in().await?;
    let db = db()?;
    super::rounds::round_and_pot(&db, round).await?;
    super::movements::of_round(&db, round, 2_000).await
}
