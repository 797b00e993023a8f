use crate::error::AppError;
use leptos::prelude::*;

/// Mute a followed channel: it stays in the list without counting unread messages as news.
#[server(endpoint = "mute_channel")]
pub async fn mute_channel(channel: i64, muted: bool) -> Result<(), AppError> {
    use super::{access, sidebar};
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (found, _) = access::readable(&db, &viewer, channel).await?;
    sidebar::set_muted(&db, viewer.id, found.id, muted).await
}
