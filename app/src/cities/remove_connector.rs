use crate::error::AppError;
use leptos::prelude::*;

/// Admin: ends a member's role as connector of the city (they stay a member).
#[server(endpoint = "remove_connector")]
pub async fn remove_connector(city: String, user_id: i64) -> Result<(), AppError> {
    use crate::accounts::{authz, queries};
    use crate::context::{db, fail};

    authz::admin().await?;
    let db = db()?;
    let city_id = queries::city_id_by_slug(&db, &city)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    if !super::queries::remove(&db, city_id, user_id).await? {
        return Err(fail(AppError::NotFound));
    }
    tracing::info!(city_id, user_id, "connector removed");
    crate::map::changes::announce().await;
    Ok(())
}
