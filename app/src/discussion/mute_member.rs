use crate::error::AppError;
use leptos::prelude::*;

/// Longest mute a connector can give in one go.
pub const MAX_MUTE_HOURS: i64 = 24 * 30;

/// A connector mutes a member in their city's channels for some hours (0 lifts the mute).
#[server(endpoint = "mute_member")]
pub async fn mute_member(
    channel: i64,
    member: i64,
    hours: i64,
    reason: String,
) -> Result<(), AppError> {
    use super::{access, moderation};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let db = db()?;
    let (found, rights) = access::readable(&db, &viewer, channel).await?;
    let Some(city) = found.city_id.filter(|_| rights.moderate) else {
        return Err(fail(AppError::Forbidden));
    };
    if !(0..=MAX_MUTE_HOURS).contains(&hours) {
        return Err(fail(AppError::invalid(
            "hours",
            Problem::TooMany {
                max: MAX_MUTE_HOURS as usize,
            },
        )));
    }
    if member == viewer.id
        || crate::accounts::queries::viewer(&db, member)
            .await?
            .is_none()
    {
        return Err(fail(AppError::invalid("member", Problem::NoSuchMember)));
    }
    let reason = reason.trim();
    if reason.chars().count() > 500 {
        return Err(fail(AppError::invalid(
            "reason",
            Problem::TooLong { max: 500 },
        )));
    }
    let now = now();
    moderation::mute(&db, city, member, now + hours * 3_600, viewer.id, reason).await
}
