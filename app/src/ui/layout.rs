//! The frame around every page: skip link, header with navigation, main landmark.
use crate::accounts::types::Viewer;
use crate::accounts::{
    delete_account::DeleteAccount, log_in::LogIn, log_out::LogOut, sign_up::SignUp,
};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shared by the shell and the pages: who is signed in, refreshed whenever one of the actions that
/// change it runs.
#[derive(Clone, Copy)]
pub struct Session {
    pub viewer: Resource<Result<Option<Viewer>, crate::error::AppError>>,
    pub log_in: ServerAction<LogIn>,
    pub sign_up: ServerAction<SignUp>,
    pub log_out: ServerAction<LogOut>,
    pub delete_account: ServerAction<DeleteAccount>,
}

impl Session {
    pub fn current(&self) -> Option<Viewer> {
        self.viewer.get().and_then(Result::ok).flatten()
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">{t!(i18n, brand)}</A>
            <nav aria-label=move || t_string!(i18n, nav.main).to_string()>
                <ul class="nav-links">
                    <li><A href="/discussion">{t!(i18n, nav.discussion)}</A></li>
                    <li><A href="/map">{t!(i18n, nav.map)}</A></li>
                    <li><A href="/budgets">{t!(i18n, nav.budgets)}</A></li>
                    <li><A href="/decisions">{t!(i18n, nav.decisions)}</A></li>
                    <li><A href="/cities">{t!(i18n, nav.cities)}</A></li>
                </ul>
            </nav>
            <div class="account-links">
                <Transition fallback=|| ()>
                    <AccountLinks />
                </Transition>
                <LanguageSwitch />
            </div>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

#[component]
fn AccountLinks() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || match session.current() {
        Some(viewer) => view! {
            <A href=format!("/members/{}", viewer.id) attr:class="account-name">{viewer.name}</A>
            <A href="/me">{t!(i18n, nav.edit_profile)}</A>
            <ActionForm action=session.log_out attr:class="inline-form">
                <button type="submit" class="link-button">{t!(i18n, nav.log_out)}</button>
            </ActionForm>
        }
        .into_any(),
        None => view! {
            <A href="/login">{t!(i18n, nav.log_in)}</A>
            <A href="/signup" attr:class="button">{t!(i18n, nav.sign_up)}</A>
        }
        .into_any(),
    }
}

/// Switches between English and French; the choice is kept in a cookie by leptos_i18n.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let switch = move |_| {
        let next = match i18n.get_locale() {
            Locale::en => Locale::fr,
            Locale::fr => Locale::en,
        };
        i18n.set_locale(next);
    };
    view! {
        <button type="button" class="link-button language-switch" on:click=switch>
            {t!(i18n, nav.language)}
        </button>
    }
}

/// An honest "not yet" page for capabilities that are still being built.
#[component]
pub fn NotYet(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] text: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="empty-state">
            <h1>{title}</h1>
            <p class="badge">{t!(i18n, empty.not_yet)}</p>
            <p>{text}</p>
        </section>
    }
}
