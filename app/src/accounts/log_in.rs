use crate::error::AppError;
use leptos::prelude::*;

/// Signs a member in. Failures are counted per account and per address; past the limit the answer
/// is 429 until the window passes, whatever the password.
#[server(endpoint = "log_in")]
pub async fn log_in(email: String, password: String) -> Result<(), AppError> {
    use super::login_throttle;
    use super::session::{AuthSession, Credentials};
    use crate::context::{client_ip, db, fail, now};
    use crate::error::Problem;

    let account = email.trim().to_lowercase();
    let ip = client_ip();
    let db = db()?;
    login_throttle::check(&db, &account, &ip, now())
        .await
        .map_err(fail)?;
    let mut session: AuthSession = leptos_axum::extract()
        .await
        .map_err(|_| AppError::Internal)?;
    let credentials = Credentials {
        email: account.clone(),
        password,
    };
    let user = session.authenticate(credentials).await.map_err(|error| {
        tracing::error!(%error, "authentication backend failed");
        AppError::Internal
    })?;
    let Some(user) = user else {
        login_throttle::record_failure(&db, &account, &ip, now()).await?;
        return Err(fail(AppError::invalid(
            "password",
            Problem::WrongCredentials,
        )));
    };
    // axum-login cycles the session id here, so a planted session id is worthless.
    session.login(&user).await.map_err(|error| {
        tracing::error!(%error, "could not start a session");
        AppError::Internal
    })?;
    login_throttle::forget_account(&db, &account).await?;
    leptos_axum::redirect("/");
    Ok(())
}
