//! Network-wide topic channels.
use crate::error::AppError;
use sqlx::AnyPool;

/// `Commons & Open Source` → `commons-open-source`.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').chars().take(60).collect()
}

/// Creates the topic and makes its creator follow it; `None` when the name is taken.
pub async fn create(
    db: &AnyPool,
    slug: &str,
    name: &str,
    description: &str,
    creator: i64,
    now: i64,
) -> Result<Option<i64>, AppError> {
    let mut tx = db.begin().await?;
    let created: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO channels (kind, slug, name, description, created_by, created_at) \
         VALUES ('topic', $1, $2, $3, $4, $5) ON CONFLICT (slug) DO NOTHING RETURNING id",
    )
    .bind(slug)
    .bind(name)
    .bind(description)
    .bind(creator)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id,)) = created else {
        return Ok(None);
    };
    sqlx::query(
        "INSERT INTO channel_members (channel_id, user_id, last_read_seq, joined_at) VALUES ($1, $2, 0, $3)",
    )
    .bind(id)
    .bind(creator)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_keep_letters_of_every_script() {
        assert_eq!(slug("Commons & Open Source"), "commons-open-source");
        assert_eq!(slug("  Économie   circulaire! "), "économie-circulaire");
        assert_eq!(slug("!!!"), "");
    }
}
