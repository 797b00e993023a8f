use super::types::MapSearchHit;
use crate::error::AppError;
use leptos::prelude::*;

/// Members on the map found by name, with their city, so the map can go there. For those who
/// see members.
#[server(endpoint = "search_map_members")]
pub async fn search_map_members(query: String) -> Result<Vec<MapSearchHit>, AppError> {
    use super::filters::SEARCH_MAX;
    use super::{access, queries};
    use crate::accounts::authz;
    use crate::context::{db, fail};
    use crate::error::Problem;

    /// Enough to choose from; the search narrows as the name is typed further.
    const HITS: i64 = 8;

    let viewer = authz::viewer().await?;
    let db = db()?;
    if !access::sees_members(viewer.as_ref(), queries::settings(&db).await?) {
        return Err(fail(AppError::Unauthenticated));
    }
    let text = query.trim();
    if text.chars().count() > SEARCH_MAX {
        return Err(fail(AppError::invalid(
            "query",
            Problem::TooLong { max: SEARCH_MAX },
        )));
    }
    if text.is_empty() {
        return Ok(Vec::new());
    }
    queries::search(&db, text, HITS).await
}
