use super::types::ProposalDetail;
use crate::error::AppError;
use leptos::prelude::*;

/// A proposal with its stances, history, timeline, discussion and what the viewer may do.
#[server(endpoint = "get_proposal")]
pub async fn get_proposal(id: i64) -> Result<ProposalDetail, AppError> {
    use crate::accounts::authz;
    use crate::context::{db, fail};

    let viewer = authz::signed_in().await?;
    super::queries::detail(&db()?, &viewer, id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))
}
