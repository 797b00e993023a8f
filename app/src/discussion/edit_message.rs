use crate::error::AppError;
use leptos::prelude::*;

/// The author changes their message's text; the earlier text stays in its history.
#[server(endpoint = "edit_message")]
pub async fn edit_message(message: i64, body: String) -> Result<(), AppError> {
    use super::{access, message_text, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::active_member().await?;
    let state = state()?;
    let (meta, _, rights) = access::readable_message(&state.db, &viewer, message).await?;
    if meta.author_id != Some(viewer.id) || meta.withdrawn || !rights.post {
        return Err(fail(AppError::Forbidden));
    }
    let body = message_text::validate(&body).map_err(fail)?;
    let html = crate::markdown::render(&body);
    writes::edit(&state, meta.channel_id, meta.id, &body, &html, now()).await
}
