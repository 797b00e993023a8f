use super::types::MapCityPage;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of a city's members on the map, under the filters. For those who see members:
/// signed-in people, and visitors only when the admins allow it.
#[server(endpoint = "list_map_members")]
pub async fn list_map_members(
    city: String,
    #[server(default)] tag: String,
    #[server(default)] language: String,
    #[server(default)] connectors_only: bool,
    #[server(default)] recent: bool,
    #[server(default)] page: u32,
) -> Result<MapCityPage, AppError> {
    use super::filters::{MapFilters, MAX_PAGE, MEMBERS_PER_PAGE};
    use super::{access, queries};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};

    let viewer = authz::viewer().await?;
    let db = db()?;
    if !access::sees_members(viewer.as_ref(), queries::settings(&db).await?) {
        return Err(fail(AppError::Unauthenticated));
    }
    let filters = MapFilters {
        tag,
        language,
        connectors_only,
        recent,
    }
    .validated()
    .map_err(fail)?;
    if page >= MAX_PAGE {
        return Err(fail(AppError::BadRequest));
    }
    let (city_id, name, channel_id) = queries::city(&db, &city)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let (members, total) =
        queries::members(&db, city_id, &filters, now(), page, MEMBERS_PER_PAGE).await?;
    Ok(MapCityPage {
        slug: city,
        name,
        channel_id,
        members,
        total,
        not_shown: queries::not_shown_in(&db, city_id).await?,
        page,
        per_page: MEMBERS_PER_PAGE,
    })
}
