use super::types::MapFacets;
use crate::error::AppError;
use leptos::prelude::*;

/// The tags and languages members on the map have, for the filter choices. Public, like the
/// counts: it names nobody.
#[server(endpoint = "list_map_facets")]
pub async fn list_map_facets() -> Result<MapFacets, AppError> {
    super::queries::facets(&crate::context::db()?).await
}
