//! The map's figures as a table: the same cities and counts, for screen readers, keyboards and
//! browsers without JavaScript. Each city's name opens its panel.
use super::filters::MapQuery;
use super::types::{CityOnMap, MapData};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CityTable(map: Resource<Result<MapData, AppError>>, query: Memo<MapQuery>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="map-table" aria-labelledby="map-table-title">
            <h2 id="map-table-title">{t!(i18n, map.table.caption)}</h2>
            <Transition fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || map.get().map(|map| match map {
                    Ok(data) => view! { <Figures cities=data.cities query /> }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Figures(cities: Vec<CityOnMap>, query: Memo<MapQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let shown: i64 = cities.iter().map(|city| city.shown).sum();
    let not_shown: i64 = cities.iter().map(|city| city.not_shown).sum();
    let places = cities.iter().filter(|city| city.shown > 0).count();
    let mut rows = cities;
    rows.sort_by(|a, b| b.shown.cmp(&a.shown).then_with(|| a.name.cmp(&b.name)));
    view! {
        <p class="map-summary" aria-live="polite">
            {t!(i18n, map.summary, shown, cities = places, not_shown)}
        </p>
        <div class="table-scroll">
            <table class="figures-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, map.table.city)}</th>
                        <th scope="col">{t!(i18n, map.table.country)}</th>
                        <th scope="col" class="number">{t!(i18n, map.table.shown)}</th>
                        <th scope="col" class="number">{t!(i18n, map.table.connectors)}</th>
                        <th scope="col" class="number">{t!(i18n, map.table.not_shown)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|city| {
                        let href = query.with_untracked(|query| query.with_city(Some(city.slug.clone())).href());
                        let label = t_string!(i18n, map.table.open, city = city.name.clone()).to_string();
                        view! {
                            <tr data-city=city.slug.clone()>
                                <th scope="row"><A href=href attr:aria-label=label>{city.name.clone()}</A></th>
                                <td>{city.country.clone()}</td>
                                <td class="number shown">{city.shown}</td>
                                <td class="number">{city.connectors}</td>
                                <td class="number">{city.not_shown}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
