use super::types::CityDetail;
use crate::error::AppError;
use leptos::prelude::*;

/// A city, its connectors and its member count: public, so newcomers know whom to ask.
#[server(endpoint = "get_city")]
pub async fn get_city(slug: String) -> Result<CityDetail, AppError> {
    use crate::context::{db, fail};

    super::queries::detail(&db()?, &slug)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))
}
