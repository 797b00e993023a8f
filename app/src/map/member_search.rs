//! Finding a member on the map by name: the map glides to their city, and each hit opens it.
use super::filters::MapQuery;
use super::map_view::MapView;
use super::projection::project;
use super::types::MapSearchHit;
use super::viewport::{Viewport, CITY_ZOOM};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::components::Form;

#[component]
pub fn MemberSearch(
    query: Memo<MapQuery>,
    found: Resource<Result<Vec<MapSearchHit>, AppError>>,
    view: MapView,
) -> impl IntoView {
    let i18n = use_i18n();
    let go_to = move |hit: &MapSearchHit| {
        view.glide(Viewport::centred_on(project(hit.lon, hit.lat), CITY_ZOOM));
    };
    // A search the page opens with, or one just made, brings the map to the first hit's city;
    // the same search refreshed by a live change leaves the map where the member put it.
    let glided_for: StoredValue<Option<String>> = StoredValue::new(None);
    Effect::new(move |_| {
        let Some(Ok(hits)) = found.get() else { return };
        let search = query.with_untracked(|query| query.search.clone());
        if let Some(first) = hits.first() {
            if glided_for.with_value(|done| done.as_ref() != Some(&search)) {
                glided_for.set_value(Some(search));
                go_to(first);
            }
        }
    });
    view! {
        <section class="map-search" aria-labelledby="map-search-title">
            <h2 id="map-search-title" class="sr-only">{t!(i18n, map.search.label)}</h2>
            <Form method="get" action="/map" replace=true noscroll=true attr:role="search">
                {move || filter_fields(&query.get())}
                <label for="map-q">{t!(i18n, map.search.label)}</label>
                <div class="search-row">
                    <input id="map-q" type="search" name="q" maxlength="80" autocomplete="off"
                        value=move || query.with(|query| query.search.clone()) />
                    <button type="submit" class="button">{t!(i18n, map.search.button)}</button>
                </div>
            </Form>
            <Transition fallback=|| ()>
                {move || found.get().map(|found| match found {
                    Ok(hits) if hits.is_empty() => {
                        let searched = query.with(|query| !query.search.trim().is_empty());
                        searched.then(|| view! { <p class="muted">{t!(i18n, map.search.none)}</p> }).into_any()
                    }
                    Ok(hits) => view! {
                        <ul class="search-hits">
                            {hits.into_iter().map(|hit| {
                                let href = query.with_untracked(|query| query.with_city(Some(hit.city_slug.clone())).href());
                                let city = hit.city_name.clone();
                                let name = hit.name.clone();
                                view! {
                                    <li>
                                        <a href=href on:click=move |_| go_to(&hit)>{name}</a>
                                        " " <span class="muted">{city}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(AppError::Unauthenticated) => view! {
                        <p class="muted">{t!(i18n, map.search.sign_in)}</p>
                    }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

/// The filters in force, carried through a search so it does not clear them.
fn filter_fields(query: &MapQuery) -> impl IntoView {
    let filters = &query.filters;
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    if !filters.tag.is_empty() {
        fields.push(("tag", filters.tag.clone()));
    }
    if !filters.language.is_empty() {
        fields.push(("language", filters.language.clone()));
    }
    if filters.connectors_only {
        fields.push(("connectors", "on".into()));
    }
    if filters.recent {
        fields.push(("recent", "on".into()));
    }
    fields
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view()
}
