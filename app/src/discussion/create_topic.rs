use crate::error::AppError;
use leptos::prelude::*;

/// A connector or an admin opens a network-wide topic channel, and follows it. Answers its id.
#[server(endpoint = "create_topic")]
pub async fn create_topic(name: String, description: String) -> Result<i64, AppError> {
    use crate::accounts::{authz, validation};
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    if !viewer.is_admin && viewer.connector_of.is_empty() {
        return Err(fail(AppError::Forbidden));
    }
    let name = validation::name(&name).map_err(fail)?;
    let description = description.trim();
    if description.chars().count() > 300 {
        return Err(fail(AppError::invalid(
            "description",
            Problem::TooLong { max: 300 },
        )));
    }
    let slug = super::topics::slug(&name);
    if slug.is_empty() {
        return Err(fail(AppError::invalid("name", Problem::Required)));
    }
    let db = db()?;
    let id = super::topics::create(&db, &slug, &name, description, viewer.id, now())
        .await?
        .ok_or_else(|| fail(AppError::invalid("name", Problem::Taken)))?;
    leptos_axum::redirect(&format!("/discussion/{id}"));
    Ok(id)
}
