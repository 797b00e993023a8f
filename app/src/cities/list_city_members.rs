use super::types::MembersPage;
use crate::error::AppError;
use leptos::prelude::*;

pub const MEMBERS_PER_PAGE: u32 = 24;

/// A page of a city's members, searchable by name or skill; for people signed in to the network.
#[server(endpoint = "list_city_members")]
pub async fn list_city_members(
    slug: String,
    query: String,
    page: u32,
) -> Result<MembersPage, AppError> {
    use crate::accounts::queries::city_id_by_slug;
    use crate::context::{db, fail};
    use crate::error::Problem;

    super::super::accounts::authz::signed_in().await?;
    if query.chars().count() > 100 {
        return Err(fail(AppError::invalid(
            "query",
            Problem::TooLong { max: 100 },
        )));
    }
    let db = db()?;
    let city_id = city_id_by_slug(&db, &slug)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    super::queries::members(&db, city_id, &query, page.min(100_000), MEMBERS_PER_PAGE).await
}
