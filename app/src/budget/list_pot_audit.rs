use super::types::AuditLine;
use crate::error::AppError;
use leptos::prelude::*;

/// Who changed what in a pot and its rounds, newest first (members read all of it).
#[server(endpoint = "list_pot_audit")]
pub async fn list_pot_audit(pot: i64) -> Result<Vec<AuditLine>, AppError> {
    use crate::accounts::authz;
    use crate::context::{db, fail};

    authz::signed_in().await?;
    let db = db()?;
    super::queries::pot(&db, pot)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    super::audit::of_pot(&db, pot, 1_000).await
}
