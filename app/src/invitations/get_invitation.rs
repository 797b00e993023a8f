use super::types::InvitationView;
use crate::error::AppError;
use leptos::prelude::*;

/// What an invitation link says, for whoever holds the link (no sign-in: they have no account).
#[server(endpoint = "get_invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationView, AppError> {
    use crate::context::{db, fail, now};

    if !crate::secrets::looks_like_secret(&token) {
        return Err(fail(AppError::NotFound));
    }
    super::queries::by_token(&db()?, &token, now())
        .await?
        .ok_or_else(|| fail(AppError::NotFound))
}
