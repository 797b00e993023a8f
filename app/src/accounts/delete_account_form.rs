//! The last section of one's own profile page: leaving the network for good.
use crate::i18n::*;
use crate::ui::errors::{problem_text, ErrorMessage};
use crate::ui::field::Field;
use leptos::prelude::*;

#[component]
pub fn DeleteAccountForm() -> impl IntoView {
    let i18n = use_i18n();
    let delete = crate::ui::layout::use_session().delete_account;
    let error = Signal::derive(move || delete.value().get().and_then(Result::err));
    let field_level = move || {
        error.get().filter(|error| {
            error.field_problem("password").is_none() && error.field_problem("understood").is_none()
        })
    };
    view! {
        <section class="delete-account" aria-labelledby="delete-account-title">
            <h2 id="delete-account-title">{t!(i18n, profile.delete_title)}</h2>
            <p class="hint">{t!(i18n, profile.delete_hint)}</p>
            {move || field_level().map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=delete>
                <Field name="password" kind="password" autocomplete="current-password" required=true
                    label=Signal::derive(move || t_string!(i18n, profile.delete_password).to_string()) error />
                <div class="field checkbox" class:invalid=move || error.get().and_then(|e| e.field_problem("understood")).is_some()>
                    <input id="field-understood" type="checkbox" name="understood" required />
                    <label for="field-understood">{t!(i18n, profile.delete_understood)}</label>
                    {move || error.get().and_then(|e| e.field_problem("understood")).map(|problem| view! {
                        <p class="field-error">{problem_text(i18n, &problem)}</p>
                    })}
                </div>
                <button type="submit" class="button danger" disabled=delete.pending()>{t!(i18n, profile.delete_button)}</button>
            </ActionForm>
        </section>
    }
}
