use super::types::Viewer;
use crate::error::AppError;
use leptos::prelude::*;

/// Who is signed in (None for visitors); the shell uses it for navigation and role-specific tools.
#[server(endpoint = "get_viewer")]
pub async fn get_viewer() -> Result<Option<Viewer>, AppError> {
    super::authz::viewer().await
}
