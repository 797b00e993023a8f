use super::types::EmailPreferences;
use crate::error::AppError;
use leptos::prelude::*;

/// Which emails the signed-in member gets.
#[server(endpoint = "get_email_preferences")]
pub async fn get_email_preferences() -> Result<EmailPreferences, AppError> {
    let viewer = crate::accounts::authz::signed_in().await?;
    super::preferences::of(&crate::context::db()?, viewer.id).await
}
