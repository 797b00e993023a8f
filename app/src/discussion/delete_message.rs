use crate::error::AppError;
use leptos::prelude::*;

/// The author, or a moderator of the channel, deletes a message; a tombstone stays in its place.
#[server(endpoint = "delete_message")]
pub async fn delete_message(message: i64) -> Result<(), AppError> {
    use super::{access, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::active_member().await?;
    let state = state()?;
    let (meta, _, rights) = access::readable_message(&state.db, &viewer, message).await?;
    if meta.author_id != Some(viewer.id) && !rights.moderate {
        return Err(fail(AppError::Forbidden));
    }
    writes::delete(&state, meta.channel_id, meta.id, now()).await
}
