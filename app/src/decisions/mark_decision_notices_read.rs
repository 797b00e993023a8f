use crate::error::AppError;
use leptos::prelude::*;

/// Marks every one of the viewer's decision notices read.
#[server(endpoint = "mark_decision_notices_read")]
pub async fn mark_decision_notices_read() -> Result<(), AppError> {
    use crate::accounts::authz;
    use crate::context::{db, now};

    let viewer = authz::signed_in().await?;
    super::queries::mark_notices_read(&db()?, viewer.id, now()).await
}
