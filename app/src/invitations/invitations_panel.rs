//! On a city page, for its connectors and the admins: invite someone, and see and revoke the
//! city's invitations.
use super::invite_member::InviteMember;
use super::revoke_invitation::RevokeInvitation;
use super::types::{InvitationStatus, InvitationSummary};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::{form_level_error, ErrorMessage};
use crate::ui::field::Field;
use crate::ui::time::iso_date;
use leptos::prelude::*;

pub type Invitations = Resource<Result<Vec<InvitationSummary>, AppError>>;

#[component]
pub fn InvitationsPanel(
    slug: String,
    invitations: Invitations,
    invite: ServerAction<InviteMember>,
    revoke: ServerAction<RevokeInvitation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || invite.value().get().and_then(Result::err));
    let sent = move || invite.value().get().is_some_and(|result| result.is_ok());
    view! {
        <section class="tools invitations" aria-labelledby="invitations-title">
            <h2 id="invitations-title">{t!(i18n, invitations.title)}</h2>
            <p class="hint">{t!(i18n, invitations.hint)}</p>
            {move || form_level_error(error.get(), &["invitee", "note"]).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=invite>
                <input type="hidden" name="city" value=slug />
                <Field name="invitee" kind="email" required=true
                    label=Signal::derive(move || t_string!(i18n, invitations.email).to_string()) error />
                <div class="field">
                    <label for="field-note">{t!(i18n, invitations.message)}</label>
                    <textarea id="field-note" name="note" rows="3" maxlength="1000"></textarea>
                </div>
                <button type="submit" class="button" disabled=invite.pending()>{t!(i18n, invitations.send)}</button>
                {move || sent().then(|| view! { <p class="notice" role="status">{t!(i18n, invitations.sent)}</p> })}
            </ActionForm>
            <Suspense fallback=|| ()>
                {move || invitations.get().map(|list| match list {
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{t!(i18n, invitations.none)}</p> }.into_any(),
                    Ok(list) => view! { <InvitationTable list revoke /> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn InvitationTable(
    list: Vec<InvitationSummary>,
    revoke: ServerAction<RevokeInvitation>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || revoke.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
        <table class="invitation-list">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, invitations.email)}</th>
                    <th scope="col">{t!(i18n, invitations.status)}</th>
                    <th scope="col">{t!(i18n, invitations.sent_on)}</th>
                    <th scope="col"><span class="sr-only">{t!(i18n, invitations.revoke)}</span></th>
                </tr>
            </thead>
            <tbody>
                {list.into_iter().map(|invitation| {
                    let pending = invitation.status == InvitationStatus::Pending;
                    let id = invitation.id;
                    let sent = iso_date(invitation.created_at);
                    let by = invitation.invited_by.unwrap_or_default();
                    view! {
                        <tr>
                            <td>{invitation.email.clone()}</td>
                            <td>{status_text(i18n, invitation.status, invitation.expires_at)}</td>
                            <td>{sent} " " <span class="muted">{by}</span></td>
                            <td>{pending.then(|| view! {
                                <ActionForm action=revoke attr:class="inline-form">
                                    <input type="hidden" name="invitation" value=id />
                                    <button type="submit" class="button secondary"
                                        aria-label=format!("{} {}", t_string!(i18n, invitations.revoke), invitation.email)>
                                        {t!(i18n, invitations.revoke)}
                                    </button>
                                </ActionForm>
                            })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn status_text(
    i18n: leptos_i18n::I18nContext<Locale>,
    status: InvitationStatus,
    expires_at: i64,
) -> String {
    match status {
        InvitationStatus::Pending => {
            t_string!(i18n, invitations.pending, date = iso_date(expires_at)).to_string()
        }
        InvitationStatus::Accepted => t_string!(i18n, invitations.accepted).to_string(),
        InvitationStatus::Expired => t_string!(i18n, invitations.expired).to_string(),
        InvitationStatus::Revoked => t_string!(i18n, invitations.revoked).to_string(),
    }
}
