//! The email section of one's own profile page.
use super::get_email_preferences::get_email_preferences;
use super::types::{Digest, EmailPreferences};
use super::update_email_preferences::UpdateEmailPreferences;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;

#[component]
pub fn EmailSettings() -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateEmailPreferences>::new();
    let preferences = Resource::new(move || update.version().get(), |_| get_email_preferences());
    view! {
        <section class="email-settings" aria-labelledby="email-settings-title">
            <h2 id="email-settings-title">{t!(i18n, email.title)}</h2>
            <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || preferences.get().map(|preferences| match preferences {
                    Ok(preferences) => view! { <PreferencesForm preferences update /> }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PreferencesForm(
    preferences: EmailPreferences,
    update: ServerAction<UpdateEmailPreferences>,
) -> impl IntoView {
    let i18n = use_i18n();
    let saved = move || update.value().get().is_some_and(|result| result.is_ok());
    let digest = preferences.digest;
    let locale = preferences.locale;
    view! {
        <ActionForm action=update>
            <fieldset>
                <legend>{t!(i18n, email.tell_me)}</legend>
                <Choice name="mentions" checked=preferences.mentions label=move || t_string!(i18n, email.mentions).to_string() />
                <Choice name="replies" checked=preferences.replies label=move || t_string!(i18n, email.replies).to_string() />
                <Choice name="decisions" checked=preferences.decisions label=move || t_string!(i18n, email.decisions).to_string() />
                <Choice name="buckets" checked=preferences.buckets label=move || t_string!(i18n, email.buckets).to_string() />
            </fieldset>
            <div class="field">
                <label for="field-digest">{t!(i18n, email.digest)}</label>
                <select id="field-digest" name="digest">
                    <option value="weekly" selected=digest == Digest::Weekly>{t!(i18n, email.weekly)}</option>
                    <option value="daily" selected=digest == Digest::Daily>{t!(i18n, email.daily)}</option>
                    <option value="off" selected=digest == Digest::Off>{t!(i18n, email.never)}</option>
                </select>
            </div>
            <div class="field">
                <label for="field-locale">{t!(i18n, email.language)}</label>
                <select id="field-locale" name="locale">
                    <option value="en" selected=locale == Locale::en>{t!(i18n, email.language_en)}</option>
                    <option value="fr" selected=locale == Locale::fr>{t!(i18n, email.language_fr)}</option>
                </select>
            </div>
            <button type="submit" class="button secondary" disabled=update.pending()>{t!(i18n, email.save)}</button>
            {move || saved().then(|| view! { <p class="notice" role="status">{t!(i18n, email.saved)}</p> })}
            {move || update.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
        </ActionForm>
    }
}

#[component]
fn Choice(
    name: &'static str,
    checked: bool,
    label: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let id = format!("field-email-{name}");
    view! {
        <div class="field checkbox">
            <input id=id.clone() type="checkbox" name=name checked=checked />
            <label for=id>{label}</label>
        </div>
    }
}
