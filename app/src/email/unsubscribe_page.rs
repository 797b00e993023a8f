//! Where an email's unsubscribe link leads: one button, no sign-in. (Opening the link changes
//! nothing by itself, so a mail scanner that follows links unsubscribes nobody.)
use super::unsubscribe::Unsubscribe;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let unsubscribe = ServerAction::<Unsubscribe>::new();
    view! {
        <section class="form-page">
            <h1>{t!(i18n, email.unsubscribe_title)}</h1>
            <p>{t!(i18n, email.unsubscribe_hint)}</p>
            <ActionForm action=unsubscribe>
                <input type="hidden" name="token" value=token />
                <button type="submit" class="button">{t!(i18n, email.unsubscribe_button)}</button>
            </ActionForm>
            {move || unsubscribe.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
        </section>
    }
}

/// Where the button leads once every email is off.
#[component]
pub fn UnsubscribedPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="form-page">
            <h1>{t!(i18n, email.unsubscribe_title)}</h1>
            <p class="notice" role="status">{t!(i18n, email.unsubscribed)}</p>
        </section>
    }
}
