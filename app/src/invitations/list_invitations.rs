use super::types::InvitationSummary;
use crate::error::AppError;
use leptos::prelude::*;

/// The city's latest invitations, for its connectors and the admins.
#[server(endpoint = "list_invitations")]
pub async fn list_invitations(city: String) -> Result<Vec<InvitationSummary>, AppError> {
    use crate::context::{db, fail, now};

    let db = db()?;
    let city_id = crate::accounts::queries::city_id_by_slug(&db, &city)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    crate::accounts::authz::coordinator_of(city_id).await?;
    super::queries::of_city(&db, city_id, now()).await
}
