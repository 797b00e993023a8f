//! Whether anyone may sign up, or only people a connector invited. A row of `network_settings`;
//! no row means open.
use crate::error::AppError;
use sqlx::AnyPool;

const SETTING: &str = "sign_up";
const BY_INVITATION: &str = "invitation";

pub async fn invitation_only(db: &AnyPool) -> Result<bool, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT value FROM network_settings WHERE name = $1")
            .bind(SETTING)
            .fetch_optional(db)
            .await?;
    Ok(row.is_some_and(|(value,)| value == BY_INVITATION))
}

pub async fn set_invitation_only(db: &AnyPool, only: bool) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM network_settings WHERE name = $1")
        .bind(SETTING)
        .execute(&mut *tx)
        .await?;
    if only {
        sqlx::query("INSERT INTO network_settings (name, value) VALUES ($1, $2)")
            .bind(SETTING)
            .bind(BY_INVITATION)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
