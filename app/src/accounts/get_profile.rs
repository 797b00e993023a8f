use super::types::Profile;
use crate::error::AppError;
use leptos::prelude::*;

/// A member's profile, for anyone signed in to the network.
#[server(endpoint = "get_profile")]
pub async fn get_profile(id: i64) -> Result<Profile, AppError> {
    use crate::context::{db, fail};

    super::authz::signed_in().await?;
    super::queries::profile(&db()?, id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))
}
