use crate::error::AppError;
use leptos::prelude::*;

/// A connector of the invitation's city takes it back before it is used.
#[server(endpoint = "revoke_invitation")]
pub async fn revoke_invitation(invitation: i64) -> Result<(), AppError> {
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let db = db()?;
    let city_id = super::queries::city_of(&db, invitation)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let viewer = crate::accounts::authz::coordinator_of(city_id).await?;
    if !super::queries::revoke(&db, invitation, viewer.id, now()).await? {
        return Err(fail(AppError::invalid("invitation", Problem::NotOpen)));
    }
    tracing::info!(invitation, by = viewer.id, "invitation revoked");
    Ok(())
}
