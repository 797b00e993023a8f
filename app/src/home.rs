//! The landing page: what Edges is, and where to go next.
use crate::i18n::*;
use crate::ui::layout::use_session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let account_deleted = move || {
        query
            .read()
            .get("account")
            .is_some_and(|value| value == "deleted")
    };
    view! {
        <section class="hero">
            {move || account_deleted().then(|| view! { <p class="notice" role="status">{t!(i18n, home.account_deleted)}</p> })}
            <h1>{t!(i18n, home.title)}</h1>
            <p class="lead">{t!(i18n, home.intro)}</p>
            <Suspense fallback=|| ()>
                {move || match session.current() {
                    Some(viewer) => view! {
                        <p>{t!(i18n, home.welcome_back, name = viewer.name.clone())}</p>
                        <p>
                            <A href=format!("/cities/{}", viewer.city.slug)>
                                {t!(i18n, home.your_city, city = viewer.city.name.clone())}
                            </A>
                        </p>
                    }
                    .into_any(),
                    None => view! {
                        <p class="actions">
                            <A href="/signup" attr:class="button">{t!(i18n, home.join)}</A>
                            <A href="/cities">{t!(i18n, home.explore_cities)}</A>
                        </p>
                    }
                    .into_any(),
                }}
            </Suspense>
        </section>
    }
}
