use super::types::CitySummary;
use crate::error::AppError;
use leptos::prelude::*;

/// Every city with its member count: public, it is how visitors discover the network.
#[server(endpoint = "list_cities")]
pub async fn list_cities() -> Result<Vec<CitySummary>, AppError> {
    super::queries::list(&crate::context::db()?).await
}
