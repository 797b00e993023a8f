use crate::error::AppError;
use leptos::prelude::*;

/// Deletes one's own account, after the password and a ticked "I understand". Alumni may delete
/// theirs too. The only admin must hand over first.
#[server(endpoint = "delete_account")]
pub async fn delete_account(password: String, understood: Option<String>) -> Result<(), AppError> {
    use super::session::AuthSession;
    use super::{authz, deletion, password as passwords};
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::signed_in().await?;
    if understood.is_none() {
        return Err(fail(AppError::invalid("understood", Problem::Required)));
    }
    let db = db()?;
    let (stored,): (String,) = sqlx::query_as("SELECT password_hash FROM users WHERE id = $1")
        .bind(viewer.id)
        .fetch_one(&db)
        .await?;
    if !passwords::verify_off_thread(password, stored).await {
        return Err(fail(AppError::invalid(
            "password",
            Problem::WrongCredentials,
        )));
    }
    if deletion::is_last_admin(&db, viewer.id).await? {
        return Err(fail(AppError::invalid("password", Problem::LastAdmin)));
    }
    if !deletion::delete_account(&db, viewer.id, now()).await? {
        return Err(fail(AppError::NotFound));
    }
    tracing::info!(user = viewer.id, "account deleted");
    let mut session: AuthSession = leptos_axum::extract()
        .await
        .map_err(|_| AppError::Internal)?;
    if let Err(error) = session.logout().await {
        // The account is gone either way: its password hash no longer matches the session's.
        tracing::warn!(%error, "could not end the session of a deleted account");
    }
    crate::map::changes::announce().await;
    leptos_axum::redirect("/?account=deleted");
    Ok(())
}
