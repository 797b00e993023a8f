use crate::error::AppError;
use leptos::prelude::*;

/// Admins: open sign-up, or by invitation only. A checkbox: absent from the form means open.
#[server(endpoint = "set_sign_up_policy")]
pub async fn set_sign_up_policy(invitation_only: Option<String>) -> Result<(), AppError> {
    let admin = crate::accounts::authz::admin().await?;
    let only = invitation_only.is_some_and(|value| value == "on" || value == "true");
    super::policy::set_invitation_only(&crate::context::db()?, only).await?;
    tracing::info!(
        admin = admin.id,
        invitation_only = only,
        "sign-up policy changed"
    );
    Ok(())
}
