use super::types::SearchHit;
use crate::error::AppError;
use leptos::prelude::*;

/// Messages matching the words, newest first, in the channels the viewer may read.
#[server(endpoint = "search_messages")]
pub async fn search_messages(query: String) -> Result<Vec<SearchHit>, AppError> {
    use super::{queries, readable_channels::readable_channels, search};
    use crate::accounts::authz;
    use crate::context::{fail, state};
    use crate::error::Problem;

    let viewer = authz::signed_in().await?;
    let query = query.trim();
    if query.chars().count() > 200 {
        return Err(fail(AppError::invalid(
            "query",
            Problem::TooLong { max: 200 },
        )));
    }
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let state = state()?;
    let channels = readable_channels(&state.db, &viewer).await?;
    let ids: Vec<i64> = channels.iter().map(|channel| channel.id).collect();
    let found = search::matching(&state.db, state.dialect, query, &ids, 50).await?;
    Ok(queries::messages(&state.db, &found)
        .await?
        .into_iter()
        .filter_map(|message| {
            let channel = channels
                .iter()
                .find(|channel| channel.id == message.channel_id)?;
            Some(SearchHit {
                channel_name: channel.name.clone(),
                message,
            })
        })
        .collect())
}
