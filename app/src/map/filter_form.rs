//! The map's filters: a GET form (it works before the WASM loads, and through the router after),
//! whose every change also applies at once.
use super::filters::{MapFilters, MapQuery};
use super::types::MapFacets;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn FilterForm(
    query: Memo<MapQuery>,
    facets: Resource<Result<MapFacets, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let current = move || query.with(|query| query.filters.clone());
    // Each change goes straight to the address (replacing it: filters are not steps to go back
    // through); the resources keyed on it refetch.
    let apply = move |change: &dyn Fn(&mut MapFilters)| {
        let href = query.with_untracked(|query| {
            let mut filters = query.filters.clone();
            change(&mut filters);
            query.with_filters(filters).href()
        });
        navigate(
            &href,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let on_tag = {
        let apply = apply.clone();
        move |event| {
            let tag = event_target_value(&event);
            apply(&|filters| filters.tag = tag.clone());
        }
    };
    let on_language = {
        let apply = apply.clone();
        move |event| {
            let language = event_target_value(&event);
            apply(&|filters| filters.language = language.clone());
        }
    };
    let on_connectors = {
        let apply = apply.clone();
        move |event| {
            let on = event_target_checked(&event);
            apply(&|filters| filters.connectors_only = on);
        }
    };
    let on_recent = move |event| {
        let on = event_target_checked(&event);
        apply(&|filters| filters.recent = on);
    };
    let loaded = move || facets.get().and_then(Result::ok).unwrap_or_default();
    view! {
        <Form method="get" action="/map" replace=true noscroll=true attr:class="map-filters"
            attr:aria-label=move || t_string!(i18n, map.filters.title).to_string()>
            {move || query.with(|query| query.city.clone()).map(|city| view! {
                <input type="hidden" name="city" value=city />
            })}
            <div class="field">
                <label for="map-tag">{t!(i18n, map.filters.tag)}</label>
                <Transition fallback=|| ()>
                    <select id="map-tag" name="tag" on:change=on_tag prop:value=move || current().tag>
                        <option value="" selected=move || current().tag.is_empty()>{t!(i18n, map.filters.any_tag)}</option>
                        {move || options(loaded().tags, current().tag)}
                    </select>
                </Transition>
            </div>
            <div class="field">
                <label for="map-language">{t!(i18n, map.filters.language)}</label>
                <Transition fallback=|| ()>
                    <select id="map-language" name="language" on:change=on_language prop:value=move || current().language>
                        <option value="" selected=move || current().language.is_empty()>{t!(i18n, map.filters.any_language)}</option>
                        {move || options(loaded().languages, current().language)}
                    </select>
                </Transition>
            </div>
            <label class="check">
                <input type="checkbox" name="connectors" checked=move || current().connectors_only prop:checked=move || current().connectors_only on:change=on_connectors />
                {t!(i18n, map.filters.connectors)}
            </label>
            <label class="check">
                <input type="checkbox" name="recent" checked=move || current().recent prop:checked=move || current().recent on:change=on_recent />
                {t!(i18n, map.filters.recent)}
            </label>
            <button type="submit" class="button">{t!(i18n, map.filters.apply)}</button>
            <A href=move || query.with(|query| query.with_filters(MapFilters::default()).href())>
                {t!(i18n, map.filters.clear)}
            </A>
        </Form>
    }
}

/// The choices with their counts; a value asked for in the address but held by nobody on the
/// map stays selectable, so the form shows what is applied.
fn options(choices: Vec<(String, i64)>, current: String) -> impl IntoView {
    let known = current.is_empty() || choices.iter().any(|(value, _)| *value == current);
    let missing = (!known).then(|| (current.clone(), 0));
    choices
        .into_iter()
        .chain(missing)
        .map(|(value, count)| {
            let selected = value == current;
            let label = format!("{value} ({count})");
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view()
}
