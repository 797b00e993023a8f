use crate::i18n::*;
use crate::ui::errors::{form_level_error, ErrorMessage};
use crate::ui::field::Field;
use crate::ui::layout::use_session;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn LogInPage() -> impl IntoView {
    let i18n = use_i18n();
    let log_in = use_session().log_in;
    let error = Signal::derive(move || log_in.value().get().and_then(Result::err));
    view! {
        <section class="form-page">
            <h1>{t!(i18n, auth.log_in_title)}</h1>
            {move || form_level_error(error.get(), &["email", "password"]).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=log_in>
                <Field name="email" kind="email" autocomplete="username" required=true
                    label=Signal::derive(move || t_string!(i18n, auth.email).to_string()) error />
                <Field name="password" kind="password" autocomplete="current-password" required=true
                    label=Signal::derive(move || t_string!(i18n, auth.password).to_string()) error />
                <button type="submit" class="button" disabled=log_in.pending()>
                    {t!(i18n, auth.submit_log_in)}
                </button>
            </ActionForm>
            <p>{t!(i18n, auth.no_account)} " " <A href="/signup">{t!(i18n, nav.sign_up)}</A></p>
        </section>
    }
}
