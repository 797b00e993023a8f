//! `/search?q=…`: messages matching words, in the channels the member may read. A GET form, so it
//! works before the WASM loads.
use super::search_messages::search_messages;
use super::types::SearchHit;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use crate::ui::time::iso_minute;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let text = Memo::new(move |_| query.with(|query| query.get("q").unwrap_or_default()));
    let hits = Resource::new(move || text.get(), search_messages);
    view! {
        <h1>{t!(i18n, discussion.search_title)}</h1>
        <form method="get" class="search-form" role="search">
            <label for="message-search">{t!(i18n, discussion.search_label)}</label>
            <input id="message-search" type="search" name="q" maxlength="200" value=move || text.get() />
            <button type="submit" class="button">{t!(i18n, cities.search_button)}</button>
        </form>
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || hits.get().map(|found| match found {
                Ok(hits) if hits.is_empty() && !text.get_untracked().trim().is_empty() => {
                    view! { <p class="muted">{t!(i18n, discussion.no_results)}</p> }.into_any()
                }
                Ok(hits) => view! { <ul class="hits">{hits.into_iter().map(|hit| view! { <Hit hit /> }).collect_view()}</ul> }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Hit(hit: SearchHit) -> impl IntoView {
    let message = hit.message;
    let link = message.link();
    view! {
        <li class="hit">
            <p class="muted">
                <A href=link>{hit.channel_name}" · "{iso_minute(message.created_at)}</A>
                " · "{message.author.map(|author| author.name).unwrap_or_default()}
            </p>
            <div class="message-body" inner_html=message.html></div>
        </li>
    }
}
