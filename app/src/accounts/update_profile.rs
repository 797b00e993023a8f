use crate::error::AppError;
use leptos::prelude::*;

/// Saves one's own profile. Map visibility is a checkbox: absent from the form means off.
#[server(endpoint = "update_profile")]
pub async fn update_profile(
    name: String,
    city: String,
    bio: String,
    skills: String,
    languages: String,
    map_visible: Option<String>,
) -> Result<(), AppError> {
    use super::queries::{self, ProfileUpdate};
    use super::{authz, validation};
    use crate::context::{db, fail};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let db = db()?;
    let city_id = queries::city_id_by_slug(&db, &city)
        .await?
        .ok_or_else(|| fail(AppError::invalid("city", Problem::NoSuchCity)))?;
    let update = ProfileUpdate {
        name: validation::name(&name).map_err(fail)?,
        city_id,
        bio: validation::bio(&bio).map_err(fail)?,
        skills: validation::tags(&skills).map_err(fail)?,
        languages: validation::languages(&languages).map_err(fail)?,
        map_visible: map_visible.is_some_and(|value| value == "on" || value == "true"),
    };
    queries::update_profile(&db, viewer.id, &update).await?;
    // The map shows names, cities, skills and languages: open map pages refresh.
    crate::map::changes::announce().await;
    leptos_axum::redirect(&format!("/members/{}", viewer.id));
    Ok(())
}
