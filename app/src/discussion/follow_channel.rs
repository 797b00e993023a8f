use crate::error::AppError;
use leptos::prelude::*;

/// Follow a channel (it shows unread counts), or leave it. Leaving a private conversation takes
/// the member out of it.
#[server(endpoint = "follow_channel")]
pub async fn follow_channel(channel: i64, follow: bool) -> Result<(), AppError> {
    use super::types::ChannelKind;
    use super::{access, sidebar};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (found, _) = access::readable(&db, &viewer, channel).await?;
    match (follow, found.kind) {
        (true, ChannelKind::Direct) => Err(fail(AppError::Forbidden)),
        (true, _) => sidebar::follow(&db, viewer.id, found.id, now()).await,
        (false, _) => sidebar::unfollow(&db, viewer.id, found.id).await,
    }
}
