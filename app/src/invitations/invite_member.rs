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
}

/// The invitation's subject and text.
#[cfg(feature = "ssr")]
fn invitation_email(letter: &Letter<'_>) -> (String, String) {
    let Letter {
        inviter,
        city,
        message,
        link,
        expires,
    } = letter;
    let note = if message.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = message.lines().map(|line| format!("> {line}")).collect();
        format!("{}\n\n", quoted.join("\n"))
    };
    (
        format!("{inviter} invites you to Edges in {city}"),
        format!(
            "{inviter}, who connects the network's members in {city}, invites you to join them on Edges: \
             members talk live, find each other across cities, and decide together how the shared \
             budget is spent.\n\n{note}Join here: {link}\n\nThe link works once, until {expires}. If you \
             did not expect this email, ignore it: nothing happens without you.\n"
        ),
    )
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_invitation_quotes_the_note_and_gives_the_link() {
        let (subject, body) = invitation_email(&Letter {
            inviter: "Ana",
            city: "Paris",
            message: "Come on Thursday!\nWe cook.",
            link: "https://edges.example/join/abc",
            expires: "2026-12-15",
        });
        assert_eq!(subject, "Ana invites you to Edges in Paris");
        assert!(body.contains("> Come on Thursday!\n> We cook."), "{body}");
        assert!(body.contains("Join here: https://edges.example/join/abc"));
        assert!(body.contains("until 2026-12-15"));
    }
}
