//! Admins, on the cities page: whether joining needs a connector's invitation.
use super::get_sign_up_policy::get_sign_up_policy;
use super::set_sign_up_policy::SetSignUpPolicy;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;

#[component]
pub fn SignUpPolicyForm() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SetSignUpPolicy>::new();
    let policy = Resource::new(move || save.version().get(), |_| get_sign_up_policy());
    view! {
        <section class="tools" aria-labelledby="sign-up-policy-title">
            <h2 id="sign-up-policy-title">{t!(i18n, invitations.policy_title)}</h2>
            <Suspense fallback=|| ()>
                {move || policy.get().map(|policy| match policy {
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    Ok(only) => view! {
                        <ActionForm action=save>
                            <div class="field checkbox">
                                <input id="field-invitation-only" type="checkbox" name="invitation_only" checked=only />
                                <label for="field-invitation-only">{t!(i18n, invitations.policy_label)}</label>
                            </div>
                            <button type="submit" class="button secondary" disabled=save.pending()>{t!(i18n, invitations.policy_save)}</button>
                        </ActionForm>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}
