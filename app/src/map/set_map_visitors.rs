use crate::error::AppError;
use leptos::prelude::*;

/// Admins: whether visitors who are not signed in see members on the map, or counts only.
/// A checkbox: absent from the form means counts only.
#[server(endpoint = "set_map_visitors")]
pub async fn set_map_visitors(visitors_see_members: Option<String>) -> Result<(), AppError> {
    use super::access::MapSettings;
    use crate::accounts::authz;
    use crate::context::db;

    let admin = authz::admin().await?;
    let settings = MapSettings {
        visitors_see_members: visitors_see_members
            .is_some_and(|value| value == "on" || value == "true"),
    };
    super::queries::save_settings(&db()?, settings).await?;
    tracing::info!(admin = admin.id, ?settings, "map visitor setting changed");
    super::changes::announce().await;
    Ok(())
}
