use crate::error::AppError;
use leptos::prelude::*;

/// Saves which emails the signed-in member gets, and in which language (unchanged when the form
/// does not say). Checkboxes: absent from the form means off.
#[server(endpoint = "update_email_preferences")]
pub async fn update_email_preferences(
    mentions: Option<String>,
    replies: Option<String>,
    decisions: Option<String>,
    buckets: Option<String>,
    digest: String,
    #[server(default)] locale: Option<String>,
) -> Result<(), AppError> {
    use super::types::{Digest, EmailPreferences};
    use crate::context::{db, fail};
    use crate::error::Problem;

    let viewer = crate::accounts::authz::signed_in().await?;
    let digest = Digest::parse(&digest)
        .ok_or_else(|| fail(AppError::invalid("digest", Problem::Required)))?;
    let db = db()?;
    let locale = match locale {
        Some(code) => super::locale::parse(&code).ok_or_else(|| {
            fail(AppError::invalid(
                "locale",
                Problem::BadLanguage { code: code.clone() },
            ))
        })?,
        None => super::preferences::of(&db, viewer.id).await?.locale,
    };
    let ticked =
        |value: Option<String>| value.is_some_and(|value| value == "on" || value == "true");
    let wanted = EmailPreferences {
        mentions: ticked(mentions),
        replies: ticked(replies),
        decisions: ticked(decisions),
        buckets: ticked(buckets),
        digest,
        locale,
    };
    super::preferences::save(&db, viewer.id, &wanted).await
}
