//! The open city: its counts and one page of its members on the map, with links to the city's
//! page and its channel. Beside the map on wide screens, a sheet over its bottom on phones.
use super::filters::MapQuery;
use super::types::{CityOnMap, MapCityPage, MapData, MapMember};
use crate::cities::city_page::initials;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CityPanel(
    panel: Resource<Result<Option<MapCityPage>, AppError>>,
    map: Resource<Result<MapData, AppError>>,
    query: Memo<MapQuery>,
) -> impl IntoView {
    // What the map knows of the open city: enough for visitors, who see counts only.
    let counts = move || {
        let slug = query.with(|query| query.city.clone())?;
        map.get()?
            .ok()?
            .cities
            .into_iter()
            .find(|city| city.slug == slug)
    };
    view! {
        <Transition fallback=|| ()>
            {move || panel.get().map(|panel| match panel {
                Ok(None) => ().into_any(),
                Ok(Some(page)) => view! { <PanelView page query /> }.into_any(),
                Err(AppError::Unauthenticated) => counts().map(|city| view! {
                    <CountsOnly city query />
                }).into_any(),
                Err(error) => view! {
                    <aside class="city-panel"><ErrorMessage error /></aside>
                }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn CloseLink(query: Memo<MapQuery>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <A href=move || query.with(|query| query.with_city(None).href()) attr:class="panel-close"
            attr:aria-label=move || t_string!(i18n, map.panel.close).to_string()>
            "×"
        </A>
    }
}

#[component]
fn CountsOnly(city: CityOnMap, query: Memo<MapQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let (shown, connectors, not_shown) = (city.shown, city.connectors, city.not_shown);
    view! {
        <aside class="city-panel" aria-labelledby="city-panel-title" data-city=city.slug.clone()>
            <header class="panel-head">
                <h2 id="city-panel-title">{city.name.clone()}</h2>
                <CloseLink query />
            </header>
            <p class="panel-counts">
                {t!(i18n, map.shown_count, count = shown)} " · "
                {t!(i18n, map.connectors_count, count = connectors)}
                {(not_shown > 0).then(|| view! { " · " {t!(i18n, map.not_shown_count, count = not_shown)} })}
            </p>
            <p class="muted">{t!(i18n, map.panel.sign_in)}</p>
            <A href="/login" attr:class="button">{t!(i18n, nav.log_in)}</A>
        </aside>
    }
}

#[component]
fn PanelView(page: MapCityPage, query: Memo<MapQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let (total, not_shown) = (page.total, page.not_shown);
    let connectors = page
        .members
        .iter()
        .filter(|member| member.is_connector)
        .count();
    let current = page.page + 1;
    let pages = page.page_count();
    let link = move |page: u32| query.with_untracked(|query| query.with_page(page).href());
    view! {
        <aside class="city-panel" aria-labelledby="city-panel-title" data-city=page.slug.clone()>
            <header class="panel-head">
                <h2 id="city-panel-title">{page.name.clone()}</h2>
                <CloseLink query />
            </header>
            <p class="panel-counts" aria-live="polite">
                {t!(i18n, map.shown_count, count = total)}
                {(not_shown > 0).then(|| view! { " · " {t!(i18n, map.not_shown_count, count = not_shown)} })}
            </p>
            <p class="panel-links">
                <A href=format!("/cities/{}", page.slug)>{t!(i18n, map.panel.city_page)}</A>
                {page.channel_id.map(|channel| view! {
                    " · " <A href=format!("/discussion/{channel}")>{t!(i18n, map.panel.channel)}</A>
                })}
            </p>
            {if page.members.is_empty() {
                view! { <p class="muted">{t!(i18n, map.panel.none)}</p> }.into_any()
            } else {
                view! {
                    <h3 class="sr-only">{t!(i18n, map.panel.members)}</h3>
                    {(connectors > 0).then(|| view! {
                        <p class="muted">{t!(i18n, map.panel.connectors_first)}</p>
                    })}
                    <ul class="member-list map-members">
                        {page.members.into_iter().map(|member| view! { <MemberItem member /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(pages > 1).then(|| view! {
                <nav class="pager" aria-label=move || t_string!(i18n, map.panel.members).to_string()>
                    {(current > 1).then(|| view! { <A href=link(current - 2) attr:rel="prev">{t!(i18n, cities.previous)}</A> })}
                    <span>{t!(i18n, cities.page, page = current, pages)}</span>
                    {(current < pages).then(|| view! { <A href=link(current) attr:rel="next">{t!(i18n, cities.next)}</A> })}
                </nav>
            })}
        </aside>
    }
}

#[component]
fn MemberItem(member: MapMember) -> impl IntoView {
    let i18n = use_i18n();
    let languages = member.languages.join(" · ");
    view! {
        <li class="member-card" data-member=member.id>
            <span class="avatar" aria-hidden="true">{initials(&member.name)}</span>
            <div>
                <A href=format!("/members/{}", member.id)>{member.name.clone()}</A>
                {member.is_connector.then(|| view! {
                    " " <span class="badge connector">{t!(i18n, cities.connector_badge)}</span>
                })}
                <ul class="tags">
                    {member.skills.into_iter().map(|skill| view! { <li class="tag">{skill}</li> }).collect_view()}
                </ul>
                {(!languages.is_empty()).then(|| view! {
                    <p class="muted languages">{t!(i18n, map.panel.languages, languages = languages.clone())}</p>
                })}
            </div>
        </li>
    }
}
