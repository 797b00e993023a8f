use crate::error::AppError;
use leptos::prelude::*;

/// A connector of the city (or an admin) makes the city's channel readable by its members only,
/// or open to the whole network again.
#[server(endpoint = "set_members_only")]
pub async fn set_members_only(channel: i64, members_only: bool) -> Result<(), AppError> {
    use super::access;
    use crate::accounts::authz;
    use crate::context::{db, fail};

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (found, rights) = access::readable(&db, &viewer, channel).await?;
    if found.city_id.is_none() || !rights.moderate {
        return Err(fail(AppError::Forbidden));
    }
    sqlx::query("UPDATE channels SET members_only = $2 WHERE id = $1")
        .bind(found.id)
        .bind(members_only)
        .execute(&db)
        .await?;
    Ok(())
}
