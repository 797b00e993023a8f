//! `/messages/:id/history`: the earlier versions of an edited message.
use super::get_message_history::get_message_history;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use crate::ui::time::iso_minute;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|params| {
            params
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or(0)
        })
    });
    let versions = Resource::new(move || id.get(), get_message_history);
    view! {
        <h1>{t!(i18n, discussion.history)}</h1>
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || versions.get().map(|found| match found {
                Ok(list) if list.is_empty() => view! { <p class="muted">{t!(i18n, discussion.no_history)}</p> }.into_any(),
                Ok(list) => view! {
                    <ol class="hits">
                        {list.into_iter().map(|version| view! {
                            <li class="hit">
                                <p class="muted">{t!(i18n, discussion.replaced_at)}" "{iso_minute(version.replaced_at)}</p>
                                <div class="message-body" inner_html=version.html></div>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}
