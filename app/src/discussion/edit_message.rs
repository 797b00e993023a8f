use crate::error::AppError;
use leptos::prelude::*;

/// The author changes their message's text; the earlier text stays in its history.
#[server(endpoint = "edit_message")]
pub async fn edit_message(message: i64, body: String) -> Result<(), AppError> {
    use super::{access, message_text, queries, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::active_member().await?;
    let state = state()?;
    let meta = queries::message_meta(&state.db, message)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let (_, rights) = access::readable(&state.db, &viewer, meta.channel_id).await?;
    if meta.author_id != Some(viewer.id) || meta.withdrawn || !rights.post {
        return Err(fail(AppError::Forbidden));
    }
    let body = message_text::validate(&body).map_err(fail)?;
    let html = crate::markdown::render(&body);
    writes::edit(&state, meta.channel_id, meta.id, &body, &html, now()).await
}
