use crate::error::AppError;
use leptos::prelude::*;

/// Marks all of the viewer's notifications read.
#[server(endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    use crate::accounts::authz;
    use crate::context::{db, now};

    let viewer = authz::signed_in().await?;
    sqlx::query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
        .bind(viewer.id)
        .bind(now())
        .execute(&db()?)
        .await?;
    Ok(())
}
