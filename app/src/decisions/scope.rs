//! Scopes as forms and links name them: `network`, or a city's slug.
use super::types::Scope;
use crate::error::AppError;
use sqlx::AnyPool;

pub const NETWORK: &str = "network";

pub async fn resolve(db: &AnyPool, name: &str) -> Result<Option<Scope>, AppError> {
    match name.trim() {
        NETWORK => Ok(Some(Scope::Network)),
        slug => Ok(crate::accounts::queries::city_id_by_slug(db, slug)
            .await?
            .map(Scope::City)),
    }
}
