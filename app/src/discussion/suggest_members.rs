use super::types::Author;
use crate::error::AppError;
use leptos::prelude::*;

/// Members whose name starts with these letters, for the mention autocomplete.
#[server(endpoint = "suggest_members")]
pub async fn suggest_members(prefix: String) -> Result<Vec<Author>, AppError> {
    use crate::accounts::authz;
    use crate::cities::queries::like_pattern;
    use crate::context::db;

    authz::signed_in().await?;
    let prefix = prefix.trim();
    if prefix.is_empty() || prefix.chars().count() > 40 {
        return Ok(Vec::new());
    }
    // like_pattern matches anywhere; a mention completes from the start of the name.
    let pattern = like_pattern(prefix).trim_start_matches('%').to_string();
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, name FROM users WHERE is_alumni = FALSE AND name_lower LIKE $1 ESCAPE '\\' \
         ORDER BY name_lower, id LIMIT 8",
    )
    .bind(pattern)
    .fetch_all(&db()?)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Author { id, name })
        .collect())
}
