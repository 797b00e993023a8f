//! Each proposal's discussion is a thread in the scope's channel: the city's channel, or the
//! network's `general` topic (opened when missing). The thread starts with a message linking to
//! the proposal, so the conversation is also seen, live, in the discussion itself.
use super::types::{Discussion, Scope, ThreadMessage};
use crate::accounts::types::Viewer;
use crate::context::ServerState;
use crate::discussion::{access, queries, topics, writes};
use crate::error::AppError;
use sqlx::AnyPool;

const NETWORK_CHANNEL: &str = "general";

async fn scope_channel(
    db: &AnyPool,
    scope: Scope,
    author: i64,
    now: i64,
) -> Result<Option<i64>, AppError> {
    match scope {
        Scope::City(city) => Ok(queries::city_channel(db, city)
            .await?
            .map(|channel| channel.id)),
        Scope::Network => {
            let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM channels WHERE slug = $1")
                .bind(NETWORK_CHANNEL)
                .fetch_optional(db)
                .await?;
            match found {
                Some((id,)) => Ok(Some(id)),
                None => topics::create(db, NETWORK_CHANNEL, "General", "", author, now).await,
            }
        }
    }
}

/// The thread's first message: a link to the proposal.
pub fn opening_text(proposal_id: i64, title: &str) -> String {
    let title = title.replace(['[', ']'], "");
    format!("🗳️ [{title}](/decisions/{proposal_id})")
}

/// Posts the thread's first message, by the author, and links it to the proposal.
pub async fn open(
    state: &ServerState,
    proposal_id: i64,
    scope: Scope,
    author: i64,
    title: &str,
    now: i64,
) -> Result<(), AppError> {
    let Some(channel_id) = scope_channel(&state.db, scope, author, now).await? else {
        tracing::warn!(
            proposal = proposal_id,
            "no channel for the proposal's discussion"
        );
        return Ok(());
    };
    let body = opening_text(proposal_id, title);
    let html = crate::markdown::render(&body);
    let message = writes::post(
        state,
        writes::Draft {
            channel_id,
            author_id: author,
            parent: None,
            body: &body,
            html: &html,
            mentioned: &[],
            now,
            limit: None,
        },
    )
    .await?;
    super::writes::set_thread(&state.db, proposal_id, message).await
}

/// The thread's replies, when the viewer may read the channel; `None` otherwise (or when the
/// proposal has no thread). Also answers whether they may reply.
pub async fn read(
    db: &AnyPool,
    viewer: &Viewer,
    root_id: Option<i64>,
) -> Result<(Option<Discussion>, bool), AppError> {
    let Some(root_id) = root_id else {
        return Ok((None, false));
    };
    let Some(meta) = queries::message_meta(db, root_id).await? else {
        return Ok((None, false));
    };
    let Some(channel) = queries::channel(db, meta.channel_id).await? else {
        return Ok((None, false));
    };
    let rights = access::access(db, viewer, &channel).await?;
    if !rights.read {
        return Ok((None, false));
    }
    let replies = queries::thread(db, root_id)
        .await?
        .into_iter()
        .filter(|message| message.id != root_id && !message.deleted && !message.hidden)
        .map(|message| ThreadMessage {
            id: message.id,
            author: message.author.map(|author| author.name),
            html: message.html,
            at: message.created_at,
        })
        .collect();
    let discussion = Discussion {
        channel_id: channel.id,
        root_id,
        replies,
    };
    Ok((Some(discussion), rights.post))
}
