use crate::error::AppError;
use leptos::prelude::*;

/// Longest welcome note a connector may add.
pub const MESSAGE_MAX: usize = 1_000;

/// A connector of the city (or an admin) invites someone by email. Answers the invitation's id.
#[server(endpoint = "invite_member")]
pub async fn invite_member(city: String, invitee: String, note: String) -> Result<i64, AppError> {
    use super::queries::{self, NewInvitation, PER_DAY};
    use crate::accounts::{authz, queries as accounts, validation};
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let db = db()?;
    let city_id = accounts::city_id_by_slug(&db, &city)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let viewer = authz::coordinator_of(city_id).await?;
    // The form's field is "invitee": the city page's other forms have an "email" field.
    let email = validation::email(&invitee).map_err(|error| match error {
        AppError::Invalid { problem, .. } => fail(AppError::invalid("invitee", problem)),
        other => fail(other),
    })?;
    let message = note.trim().to_string();
    if message.chars().count() > MESSAGE_MAX {
        return Err(fail(AppError::invalid(
            "note",
            Problem::TooLong { max: MESSAGE_MAX },
        )));
    }
    if message
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(fail(AppError::invalid("note", Problem::ControlCharacters)));
    }
    if accounts::user_id_by_email(&db, &email).await?.is_some() {
        return Err(fail(AppError::invalid("invitee", Problem::AlreadyMember)));
    }
    let now = now();
    if queries::sent_since(&db, viewer.id, now - 86_400).await? >= PER_DAY {
        return Err(fail(AppError::invalid(
            "invitee",
            Problem::TooMany {
                max: PER_DAY as usize,
            },
        )));
    }
    let city_name = queries::city_name(&db, city_id).await?;
    let base = crate::email::public_url()?;
    let (token, token_hash) = queries::new_token();
    let mut tx = db.begin().await?;
    let id = queries::insert(
        &mut tx,
        NewInvitation {
            city_id,
            email: &email,
            token_hash: &token_hash,
            message: &message,
            invited_by: viewer.id,
            now,
        },
    )
    .await?;
    let letter = invitation_email(&Letter {
        inviter: &viewer.name,
        city: &city_name,
        message: &message,
        link: &format!("{base}/join/{token}"),
        expires: &crate::ui::time::iso_date(now + queries::VALID_SECONDS),
        locale: crate::email::locale::of_request(),
    });
    let outgoing = crate::email::outbox::Email {
        user_id: None,
        to: email,
        kind: "invitation",
        subject: letter.0,
        body: letter.1,
        unsubscribe_url: None,
    };
    crate::email::outbox::put(&mut tx, &outgoing, now).await?;
    tx.commit().await?;
    tracing::info!(id, city_id, by = viewer.id, "invitation sent");
    Ok(id)
}

#[cfg(feature = "ssr")]
struct Letter<'a> {
    inviter: &'a str,
    city: &'a str,
    message: &'a str,
    link: &'a str,
    expires: &'a str,
    /// The language the inviter was using: the invitee's is not known yet.
    locale: crate::i18n::Locale,
}

/// The invitation's subject and text.
#[cfg(feature = "ssr")]
fn invitation_email(letter: &Letter<'_>) -> (String, String) {
    use crate::i18n::*;
    let Letter {
        inviter,
        city,
        message,
        link,
        expires,
        locale,
    } = *letter;
    let note = if message.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = message.lines().map(|line| format!("> {line}")).collect();
        format!("{}\n\n", quoted.join("\n"))
    };
    (
        td_string!(locale, mail.invitation_subject, inviter, city),
        format!(
            "{}\n\n{note}{}\n\n{}\n",
            td_display!(locale, mail.invitation_body, inviter, city),
            td_display!(locale, mail.invitation_action, link),
            td_display!(locale, mail.invitation_expiry, expires),
        ),
    )
}
