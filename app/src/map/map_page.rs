//! `/map`: the member map with its filters, member search, the open city's panel and the same
//! figures as a table. The address holds the whole state, so the page works as plain links and
//! GET forms before the WASM loads, and every view can be shared. Every resource is created
//! here, once, outside the Suspense boundaries.
use super::city_panel::CityPanel;
use super::city_table::CityTable;
use super::filter_form::FilterForm;
use super::filters::MapQuery;
use super::follow_map::follow_map;
use super::get_map::get_map;
use super::list_map_facets::list_map_facets;
use super::list_map_members::list_map_members;
use super::map_settings::MapSettingsForm;
use super::map_view::MapView;
use super::member_search::MemberSearch;
use super::search_map_members::search_map_members;
use super::world_map::WorldMap;
use crate::i18n::*;
use crate::ui::layout::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MapPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(|map| MapQuery::read(|name| map.get(name))));
    let filters = Memo::new(move |_| query.with(|query| query.filters.clone()));
    let city_page = Memo::new(move |_| query.with(|query| (query.city.clone(), query.page)));
    let search = Memo::new(move |_| query.with(|query| query.search.clone()));
    let follow = follow_map(Signal::derive(move || session.current().is_some()));
    let saved = RwSignal::new(0u32);
    let map = Resource::new(
        move || (filters.get(), follow.refresh.get(), saved.get()),
        |(filters, _, _)| {
            get_map(
                filters.tag,
                filters.language,
                filters.connectors_only,
                filters.recent,
            )
        },
    );
    let facets = Resource::new(move || follow.refresh.get(), |_| list_map_facets());
    let panel = Resource::new(
        move || {
            (
                city_page.get(),
                filters.get(),
                follow.refresh.get(),
                saved.get(),
            )
        },
        |((city, page), filters, _, _)| async move {
            match city {
                None => Ok(None),
                Some(city) => list_map_members(
                    city,
                    filters.tag,
                    filters.language,
                    filters.connectors_only,
                    filters.recent,
                    page,
                )
                .await
                .map(Some),
            }
        },
    );
    let found = Resource::new(
        move || (search.get(), follow.refresh.get(), saved.get()),
        |(text, _, _)| async move {
            if text.trim().is_empty() {
                Ok(Vec::new())
            } else {
                search_map_members(text).await
            }
        },
    );
    Effect::new(move |_| {
        if let Some(Ok(data)) = map.get() {
            follow.showing(data.version);
        }
    });
    let view = MapView::new();
    view! {
        <div class="map-page">
            <h1>{t!(i18n, map.title)}</h1>
            <p class="lead">{t!(i18n, map.intro)}</p>
            <div class="map-tools">
                <FilterForm query facets />
                <MemberSearch query found view />
            </div>
            <div class="map-stage">
                <Transition fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                    <WorldMap map query view />
                </Transition>
                <CityPanel panel map query />
            </div>
            <CityTable map query />
            <MapSettingsForm map saved />
        </div>
    }
}
