//! Full-text search over messages: SQLite's FTS5 index, PostgreSQL's text search, both without
//! stemming so every language is treated alike.
use crate::context::Dialect;
use crate::error::AppError;
use sqlx::AnyPool;

/// Terms are quoted, so nothing a member types is read as search syntax.
pub fn fts5_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .take(10)
        .map(|term| format!("\"{}\"", term.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Ids of the newest visible messages matching every term, in these channels.
pub async fn matching(
    db: &AnyPool,
    dialect: Dialect,
    text: &str,
    channels: &[i64],
    limit: i64,
) -> Result<Vec<i64>, AppError> {
    if channels.is_empty() {
        return Ok(Vec::new());
    }
    let in_channels = channels
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let visible =
        format!("m.deleted_at IS NULL AND m.hidden_at IS NULL AND m.channel_id IN ({in_channels})");
    let rows: Vec<(i64,)> = match dialect {
        Dialect::Sqlite => {
            let Some(query) = fts5_query(text) else { return Ok(Vec::new()) };
            sqlx::query_as(&format!(
                "SELECT m.id FROM messages_fts f JOIN messages m ON m.id = f.rowid \
                 WHERE messages_fts MATCH $1 AND {visible} ORDER BY m.id DESC LIMIT $2"
            ))
            .bind(query)
            .bind(limit)
            .fetch_all(db)
            .await?
        }
        Dialect::Postgres => {
            sqlx::query_as(&format!(
                "SELECT m.id FROM messages m \
                 WHERE to_tsvector('simple', m.body) @@ plainto_tsquery('simple', $1) AND {visible} \
                 ORDER BY m.id DESC LIMIT $2"
            ))
            .bind(text)
            .bind(limit)
            .fetch_all(db)
            .await?
        }
    };
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

#[cfg(test)]
mod tests {
    use super::fts5_query;

    #[test]
    fn search_text_is_quoted_term_by_term() {
        assert_eq!(
            fts5_query("coworking  Lyon").as_deref(),
            Some("\"coworking\" \"Lyon\"")
        );
        assert_eq!(
            fts5_query("a\"b OR c*").as_deref(),
            Some("\"a\"\"b\" \"OR\" \"c*\"")
        );
        assert_eq!(fts5_query("   "), None);
    }
}
