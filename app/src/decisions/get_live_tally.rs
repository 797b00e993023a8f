use super::types::LiveTally;
use crate::error::AppError;
use leptos::prelude::*;

/// A proposal's status and stance counts, which its page refreshes while it is open.
#[server(endpoint = "get_live_tally")]
pub async fn get_live_tally(id: i64) -> Result<LiveTally, AppError> {
    use crate::accounts::authz;
    use crate::context::{db, fail};

    authz::signed_in().await?;
    super::queries::live(&db()?, id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))
}
