use crate::error::AppError;
use leptos::prelude::*;

/// Adds the viewer's emoji reaction to a message, or takes it back. Answers whether it is on.
#[server(endpoint = "toggle_reaction")]
pub async fn toggle_reaction(message: i64, emoji: String) -> Result<bool, AppError> {
    use super::{access, message_text, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::active_member().await?;
    let state = state()?;
    let (meta, _, rights) = access::readable_message(&state.db, &viewer, message).await?;
    if !rights.post || meta.withdrawn {
        return Err(fail(AppError::Forbidden));
    }
    let emoji = message_text::validate_emoji(&emoji).map_err(fail)?;
    writes::toggle_reaction(&state, meta.channel_id, meta.id, viewer.id, &emoji, now()).await
}
