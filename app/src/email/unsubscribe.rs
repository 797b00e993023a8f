use crate::error::AppError;
use leptos::prelude::*;

/// The unsubscribe link's button: no sign-in needed, the link's secret says whose emails stop.
#[server(endpoint = "unsubscribe")]
pub async fn unsubscribe(token: String) -> Result<(), AppError> {
    use crate::context::{db, fail};

    if !crate::secrets::looks_like_secret(&token) {
        return Err(fail(AppError::NotFound));
    }
    if !super::preferences::unsubscribe(&db()?, &token).await? {
        return Err(fail(AppError::NotFound));
    }
    tracing::info!("a member unsubscribed from every email");
    leptos_axum::redirect("/email/unsubscribed");
    Ok(())
}
