use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "log_out")]
pub async fn log_out() -> Result<(), AppError> {
    use super::session::AuthSession;

    let mut session: AuthSession = leptos_axum::extract()
        .await
        .map_err(|_| AppError::Internal)?;
    session.logout().await.map_err(|error| {
        tracing::error!(%error, "could not end a session");
        AppError::Internal
    })?;
    leptos_axum::redirect("/");
    Ok(())
}
