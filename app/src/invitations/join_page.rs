//! Where an invitation link leads: who invites, into which city, and a sign-up form that joins
//! that city. A link that was used, expired or was revoked says so.
use super::get_invitation::get_invitation;
use super::types::{InvitationStatus, InvitationView};
use crate::i18n::*;
use crate::ui::errors::{form_level_error, ErrorMessage};
use crate::ui::field::Field;
use crate::ui::layout::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let invitation = Resource::new(move || token.get(), get_invitation);
    view! {
        <section class="form-page">
            <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || invitation.get().map(|invitation| match invitation {
                    Ok(invitation) if invitation.status == InvitationStatus::Pending => {
                        view! { <JoinForm invitation token=token.get_untracked() /> }.into_any()
                    }
                    Ok(_) | Err(crate::error::AppError::NotFound) => view! {
                        <h1>{t!(i18n, invitations.join_title_plain)}</h1>
                        <p class="notice" role="status">{t!(i18n, errors.invitation_invalid)}</p>
                    }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn JoinForm(invitation: InvitationView, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let sign_up = use_session().sign_up;
    let error = Signal::derive(move || sign_up.value().get().and_then(Result::err));
    let city = invitation.city_name.clone();
    let inviter = invitation.invited_by.clone().unwrap_or_default();
    let has_message = !invitation.message.is_empty();
    view! {
        <h1>{t!(i18n, invitations.join_title, city = city.clone())}</h1>
        <p class="lead">{t!(i18n, invitations.join_lead, name = inviter.clone(), city = city.clone())}</p>
        {has_message.then(|| view! { <blockquote class="invitation-note">{invitation.message.clone()}</blockquote> })}
        {move || form_level_error(error.get(), &["name", "email", "password"]).map(|error| view! { <ErrorMessage error /> })}
        <ActionForm action=sign_up>
            <input type="hidden" name="invitation" value=token />
            <input type="hidden" name="city" value=invitation.city_slug.clone() />
            <Field name="name" autocomplete="name" required=true
                label=Signal::derive(move || t_string!(i18n, auth.name).to_string()) error />
            <Field name="email" kind="email" autocomplete="email" required=true value=invitation.email.clone()
                label=Signal::derive(move || t_string!(i18n, auth.email).to_string()) error />
            <Field name="password" kind="password" autocomplete="new-password" required=true
                label=Signal::derive(move || t_string!(i18n, auth.password).to_string())
                hint=Signal::derive(move || t_string!(i18n, auth.password_hint).to_string()) error />
            <button type="submit" class="button" disabled=sign_up.pending()>{t!(i18n, auth.submit_sign_up)}</button>
        </ActionForm>
    }
}
