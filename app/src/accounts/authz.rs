//! The one place that answers "who is asking, and may they do this here?". Every server function
//! starts with one of these checks.
use super::queries;
use super::session::AuthSession;
use super::types::Viewer;
use crate::context::{db, fail};
use crate::error::AppError;

/// The signed-in viewer, if any.
pub async fn viewer() -> Result<Option<Viewer>, AppError> {
    let session: AuthSession = leptos_axum::extract().await.map_err(|error| {
        tracing::error!(%error, "auth session missing: is the auth layer installed?");
        AppError::Internal
    })?;
    match session.user {
        Some(user) => queries::viewer(&db()?, user.id).await,
        None => Ok(None),
    }
}

/// Anyone signed in, alumni included: reading the network's directory.
pub async fn signed_in() -> Result<Viewer, AppError> {
    viewer()
        .await?
        .ok_or_else(|| fail(AppError::Unauthenticated))
}

/// A signed-in member who can still act (alumni keep their history but no longer act).
pub async fn active_member() -> Result<Viewer, AppError> {
    let viewer = signed_in().await?;
    if viewer.is_alumni {
        return Err(fail(AppError::Forbidden));
    }
    Ok(viewer)
}

/// A connector of this city, or an admin.
pub async fn coordinator_of(city_id: i64) -> Result<Viewer, AppError> {
    let viewer = signed_in().await?;
    if !viewer.may_coordinate(city_id) {
        return Err(fail(AppError::Forbidden));
    }
    Ok(viewer)
}

pub async fn admin() -> Result<Viewer, AppError> {
    let viewer = signed_in().await?;
    if !viewer.is_admin || viewer.is_alumni {
        return Err(fail(AppError::Forbidden));
    }
    Ok(viewer)
}
