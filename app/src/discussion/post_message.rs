use crate::error::AppError;
use leptos::prelude::*;

/// Posts a message in a channel, or a reply in a thread when `parent` is given. Answers the new
/// message's id.
#[server(endpoint = "post_message")]
pub async fn post_message(
    channel: i64,
    body: String,
    #[server(default)] parent: Option<i64>,
) -> Result<i64, AppError> {
    use super::writes::{self, Draft, ParentRef};
    use super::{access, message_text, queries};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::signed_in().await?;
    let state = state()?;
    let (found, rights) = access::readable(&state.db, &viewer, channel).await?;
    if !rights.post {
        return Err(fail(AppError::Forbidden));
    }
    let body = message_text::validate(&body).map_err(fail)?;
    let parent = match parent {
        Some(id) => {
            let root = queries::message_meta(&state.db, id)
                .await?
                .filter(|root| root.channel_id == found.id && root.parent_id.is_none())
                .ok_or_else(|| fail(AppError::NotFound))?;
            Some(ParentRef {
                id: root.id,
                author_id: root.author_id,
            })
        }
        None => None,
    };
    let now = now();
    let html = crate::markdown::render(&body);
    let named = queries::users_named(&state.db, &message_text::mentioned_names(&body)).await?;
    let mentioned = access::readers_among(&state.db, &found, &named).await?;
    writes::post(
        &state,
        Draft {
            channel_id: found.id,
            author_id: viewer.id,
            parent,
            body: &body,
            html: &html,
            mentioned: &mentioned,
            now,
            limit: Some(writes::MEMBER_POST_LIMIT),
        },
    )
    .await
}
