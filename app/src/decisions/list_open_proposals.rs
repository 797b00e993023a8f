use super::types::ProposalSummary;
use crate::error::AppError;
use leptos::prelude::*;

/// Every open proposal, closing soonest first.
#[server(endpoint = "list_open_proposals")]
pub async fn list_open_proposals() -> Result<Vec<ProposalSummary>, AppError> {
    use crate::accounts::authz;
    use crate::context::db;

    authz::signed_in().await?;
    super::queries::open_proposals(&db()?).await
}
