use super::types::MapData;
use crate::error::AppError;
use leptos::prelude::*;

/// Every city with how many members the map shows there under the filters, and how many more
/// chose not to appear. Public: counts name nobody, and they are how visitors see the network.
#[server(endpoint = "get_map")]
pub async fn get_map(
    #[server(default)] tag: String,
    #[server(default)] language: String,
    #[server(default)] connectors_only: bool,
    #[server(default)] recent: bool,
) -> Result<MapData, AppError> {
    use super::filters::MapFilters;
    use super::{access, queries};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};

    let viewer = authz::viewer().await?;
    let filters = MapFilters {
        tag,
        language,
        connectors_only,
        recent,
    }
    .validated()
    .map_err(fail)?;
    let db = db()?;
    // The version first: data read after it is at least that new, so a page that later hears
    // of a newer version never keeps stale counts.
    let version = queries::version(&db).await?;
    let settings = queries::settings(&db).await?;
    Ok(MapData {
        cities: queries::cities(&db, &filters, now()).await?,
        sees_members: access::sees_members(viewer.as_ref(), settings),
        visitors_see_members: settings.visitors_see_members,
        may_configure: access::may_configure(viewer.as_ref()),
        version,
    })
}
