use crate::error::AppError;
use leptos::prelude::*;

/// Creates an account in a home city and signs the new member in. With an invitation link's
/// secret, the account joins the invitation's city and the link is used up, in one transaction.
#[server(endpoint = "sign_up")]
pub async fn sign_up(
    name: String,
    email: String,
    password: String,
    city: String,
    #[server(default)] invitation: Option<String>,
) -> Result<(), AppError> {
    use super::queries::{self, NewUser};
    use super::session::{AuthSession, SessionUser};
    use super::{authz, password as hashing, validation};
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    if authz::viewer().await?.is_some() {
        return Err(fail(AppError::AlreadySignedIn));
    }
    let name = validation::name(&name).map_err(fail)?;
    let email = validation::email(&email).map_err(fail)?;
    validation::password(&password).map_err(fail)?;
    let db = db()?;
    let invitation = invitation.filter(|token| !token.trim().is_empty());
    if invitation.is_none() && crate::invitations::policy::invitation_only(&db).await? {
        return Err(fail(AppError::invalid(
            "invitation",
            Problem::InvitationNeeded,
        )));
    }
    let password_hash = hashing::hash_off_thread(password).await?;
    let mut tx = db.begin().await?;
    let (invitation_id, city_id) = match invitation {
        Some(token) => {
            let (id, city_id) = crate::invitations::queries::claim(&mut tx, token.trim(), now())
                .await?
                .ok_or_else(|| fail(AppError::invalid("invitation", Problem::InvitationInvalid)))?;
            (Some(id), city_id)
        }
        None => {
            let city_id = queries::city_id_by_slug(&db, &city)
                .await?
                .ok_or_else(|| fail(AppError::invalid("city", Problem::NoSuchCity)))?;
            (None, city_id)
        }
    };
    let user = NewUser {
        name: &name,
        email: &email,
        password_hash: &password_hash,
        city_id,
        now: now(),
        locale: crate::email::locale::of_request(),
    };
    let id = queries::insert_user(&mut *tx, user)
        .await?
        .ok_or_else(|| fail(AppError::invalid("email", Problem::EmailTaken)))?;
    if let Some(invitation_id) = invitation_id {
        crate::invitations::queries::accepted_by(&mut tx, invitation_id, id).await?;
    }
    tx.commit().await?;
    crate::discussion::sidebar::follow_defaults(&db, id, city_id, now()).await?;
    // A newcomer is counted on the map at once (named there once they choose to appear).
    crate::map::changes::announce().await;
    let mut session: AuthSession = leptos_axum::extract()
        .await
        .map_err(|_| AppError::Internal)?;
    session
        .login(&SessionUser { id, password_hash })
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not start the session of a new member");
            AppError::Internal
        })?;
    leptos_axum::redirect("/me");
    Ok(())
}
