use super::types::DecisionNotice;
use crate::error::AppError;
use leptos::prelude::*;

/// What the viewer was told about proposals: closing soon, revised, blocked, closed, review due.
#[server(endpoint = "list_decision_notices")]
pub async fn list_decision_notices() -> Result<Vec<DecisionNotice>, AppError> {
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    super::queries::notices(&db()?, viewer.id).await
}
