use super::types::ProfileDraft;
use crate::error::AppError;
use leptos::prelude::*;

/// One's own profile as the edit form needs it (markdown source, tags as text).
#[server(endpoint = "get_profile_draft")]
pub async fn get_profile_draft() -> Result<ProfileDraft, AppError> {
    use crate::context::{db, fail};

    let viewer = super::authz::signed_in().await?;
    super::queries::draft(&db()?, viewer.id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))
}
