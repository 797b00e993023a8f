use super::types::Newcomer;
use crate::error::AppError;
use leptos::prelude::*;

/// Connector tool: who joined the city in the last 30 days, to welcome and onboard them.
#[server(endpoint = "list_newcomers")]
pub async fn list_newcomers(slug: String) -> Result<Vec<Newcomer>, AppError> {
    use crate::accounts::{authz, queries::city_id_by_slug};
    use crate::context::{db, fail, now};

    let db = db()?;
    let city_id = city_id_by_slug(&db, &slug)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    authz::coordinator_of(city_id).await?;
    super::queries::newcomers(&db, city_id, now() - 30 * 24 * 3600).await
}
