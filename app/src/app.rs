//! The document shell, the router and the session every page shares.
use crate::accounts::{
    delete_account::DeleteAccount, edit_profile_page::EditProfilePage, get_viewer::get_viewer,
    log_in::LogIn, log_in_page::LogInPage, log_out::LogOut, profile_page::ProfilePage,
    sign_up::SignUp, sign_up_page::SignUpPage,
};
use crate::cities::{cities_page::CitiesPage, city_page::CityPage};
use crate::home::HomePage;
use crate::i18n::*;
use crate::ui::layout::{Layout, Session};
use crate::{budget, decisions, discussion, email, invitations, map};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_security_policy();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Effects only run in the browser. Suspense boundaries finish hydrating from the serialized
    // data in the microtasks after this first effect, so the mark waits for the next frame: from
    // then on every link and button on the page is live (tests wait for it before clicking).
    Effect::new(|_| {
        request_animation_frame(|| {
            if let Some(body) = document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        });
    });
    view! {
        <I18nContextProvider>
            <Stylesheet id="leptos" href="/pkg/edges.css" />
            <Title text="Edges" />
            <Router>
                <SessionProvider>
                    <Layout>
                        <Routes fallback=NotFound>
                            <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                            <Route path=path!("/login") view=LogInPage ssr=SsrMode::Async />
                            <Route path=path!("/signup") view=SignUpPage ssr=SsrMode::Async />
                            <Route path=path!("/me") view=EditProfilePage ssr=SsrMode::Async />
                            <Route path=path!("/members/:id") view=ProfilePage ssr=SsrMode::Async />
                            <Route path=path!("/cities") view=CitiesPage ssr=SsrMode::Async />
                            <Route path=path!("/cities/:slug") view=CityPage ssr=SsrMode::Async />
                            <Route path=path!("/discussion") view=discussion::DiscussionPage ssr=SsrMode::Async />
                            <Route path=path!("/discussion/:channel") view=discussion::DiscussionPage ssr=SsrMode::Async />
                            <Route path=path!("/search") view=discussion::search_page::SearchPage ssr=SsrMode::Async />
                            <Route path=path!("/notifications") view=discussion::notifications_page::NotificationsPage ssr=SsrMode::Async />
                            <Route path=path!("/moderation") view=discussion::moderation_page::ModerationPage ssr=SsrMode::Async />
                            <Route path=path!("/messages/:id/history") view=discussion::history_page::HistoryPage ssr=SsrMode::Async />
                            <Route path=path!("/map") view=map::MapPage ssr=SsrMode::Async />
                            <Route path=path!("/email/unsubscribe/:token") view=email::unsubscribe_page::UnsubscribePage ssr=SsrMode::Async />
                            <Route path=path!("/join/:token") view=invitations::join_page::JoinPage ssr=SsrMode::Async />
                            <Route path=path!("/email/unsubscribed") view=email::unsubscribe_page::UnsubscribedPage ssr=SsrMode::Async />
                            <Route path=path!("/budgets") view=budget::BudgetsPage ssr=SsrMode::Async />
                            <Route path=path!("/budgets/rounds/:id") view=budget::round_page::RoundPage ssr=SsrMode::Async />
                            <Route path=path!("/budgets/rounds/:id/ledger") view=budget::ledger_page::LedgerPage ssr=SsrMode::Async />
                            <Route path=path!("/budgets/buckets/:id") view=budget::bucket_page::BucketPage ssr=SsrMode::Async />
                            <Route path=path!("/budgets/ballots/:id") view=budget::ballot_page::BallotPage ssr=SsrMode::Async />
                            <Route path=path!("/budgets/ballots/:id/results") view=budget::results_page::ResultsPage ssr=SsrMode::Async />
                            <Route path=path!("/budgets/pots/:id/audit") view=budget::audit_page::AuditPage ssr=SsrMode::Async />
                            <Route path=path!("/decisions") view=decisions::DecisionsPage ssr=SsrMode::Async />
                            <Route path=path!("/decisions/new") view=decisions::new_proposal_page::NewProposalPage ssr=SsrMode::Async />
                            <Route path=path!("/decisions/log") view=decisions::log_page::DecisionLogPage ssr=SsrMode::Async />
                            <Route path=path!("/decisions/:id") view=decisions::proposal_page::ProposalPage ssr=SsrMode::Async />
                        </Routes>
                    </Layout>
                </SessionProvider>
            </Router>
        </I18nContextProvider>
    }
}

/// Loads who is signed in once per page load, and again after logging in or out.
#[component]
fn SessionProvider(children: Children) -> impl IntoView {
    let log_in = ServerAction::<LogIn>::new();
    let sign_up = ServerAction::<SignUp>::new();
    let log_out = ServerAction::<LogOut>::new();
    let delete_account = ServerAction::<DeleteAccount>::new();
    let viewer = Resource::new(
        move || {
            (
                log_in.version().get(),
                sign_up.version().get(),
                log_out.version().get(),
                delete_account.version().get(),
            )
        },
        |_| get_viewer(),
    );
    provide_context(Session {
        viewer,
        log_in,
        sign_up,
        log_out,
        delete_account,
    });
    children()
}

#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! { <h1>{t!(i18n, errors.not_found)}</h1> }
}

/// Pages allow scripts only from the app itself and the inline hydration scripts that carry this
/// response's nonce; nothing third-party, no framing.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    use axum::http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
    let Some(nonce) = leptos::nonce::use_nonce() else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&policy),
    ) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}
