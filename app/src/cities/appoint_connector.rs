use crate::error::AppError;
use leptos::prelude::*;

/// Admin: makes a member (found by email) a connector of the city.
#[server(endpoint = "appoint_connector")]
pub async fn appoint_connector(city: String, email: String) -> Result<(), AppError> {
    use crate::accounts::{authz, queries, validation};
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    authz::admin().await?;
    let db = db()?;
    let city_id = queries::city_id_by_slug(&db, &city)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let email = validation::email(&email).map_err(fail)?;
    let user_id = queries::user_id_by_email(&db, &email)
        .await?
        .ok_or_else(|| fail(AppError::invalid("email", Problem::NoSuchMember)))?;
    let viewer = queries::viewer(&db, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if viewer.is_alumni {
        return Err(fail(AppError::invalid("email", Problem::AlumniCannotAct)));
    }
    if !super::queries::appoint(&db, city_id, user_id, now()).await? {
        return Err(fail(AppError::invalid("email", Problem::AlreadyConnector)));
    }
    tracing::info!(city_id, user_id, "connector appointed");
    crate::map::changes::announce().await;
    Ok(())
}
