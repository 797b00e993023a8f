use crate::error::AppError;
use leptos::prelude::*;

/// Admin: makes a member alumni (their history stays; they can no longer act, and they stop being
/// a connector anywhere), or welcomes an alumni back as a member.
#[server(endpoint = "set_alumni")]
pub async fn set_alumni(user: i64, alumni: bool) -> Result<(), AppError> {
    use crate::accounts::{authz, queries};
    use crate::context::{db, fail};

    let admin = authz::admin().await?;
    if admin.id == user {
        // An admin who made themselves alumni could no longer undo it.
        return Err(fail(AppError::Forbidden));
    }
    let db = db()?;
    if !queries::set_alumni(&db, user, alumni).await? {
        return Err(fail(AppError::NotFound));
    }
    tracing::info!(user, alumni, by = admin.id, "membership changed");
    crate::map::changes::announce().await;
    Ok(())
}
