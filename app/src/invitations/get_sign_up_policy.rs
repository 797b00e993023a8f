use crate::error::AppError;
use leptos::prelude::*;

/// True when joining needs a connector's invitation. Public: the sign-up page asks.
#[server(endpoint = "get_sign_up_policy")]
pub async fn get_sign_up_policy() -> Result<bool, AppError> {
    super::policy::invitation_only(&crate::context::db()?).await
}
