use super::list_cities::list_cities;
use super::types::{CitySummary, CONTINENTS};
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CitiesPage() -> impl IntoView {
    let i18n = use_i18n();
    let cities = Resource::new(|| (), |_| list_cities());
    let session = crate::ui::layout::use_session();
    view! {
        <h1>{t!(i18n, cities.title)}</h1>
        <p class="lead">{t!(i18n, cities.intro)}</p>
        {move || {
            let viewer = session.current()?;
            (viewer.is_admin && !viewer.is_alumni)
                .then(|| view! { <crate::invitations::sign_up_policy_form::SignUpPolicyForm /> })
        }}
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || cities.get().map(|cities| match cities {
                Ok(cities) => view! { <Continents cities /> }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Continents(cities: Vec<CitySummary>) -> impl IntoView {
    let i18n = use_i18n();
    CONTINENTS
        .iter()
        .filter_map(|continent| {
            let here: Vec<CitySummary> = cities
                .iter()
                .filter(|city| city.continent == *continent)
                .cloned()
                .collect();
            (!here.is_empty()).then(|| {
                let continent = *continent;
                view! {
                    <section class="continent" data-continent=continent>
                        <h2>{continent_name(i18n, continent)}</h2>
                        <ul class="city-grid">
                            {here.into_iter().map(|city| {
                                let count = city.member_count;
                                view! {
                                    <li class="city-card">
                                        <A href=format!("/cities/{}", city.slug)>{city.name}</A>
                                        <span class="muted">{t!(i18n, cities.members_count, count)}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
        })
        .collect_view()
}

pub fn continent_name(i18n: leptos_i18n::I18nContext<Locale>, continent: &str) -> String {
    match continent {
        "europe" => t_string!(i18n, cities.continent.europe).to_string(),
        "north-america" => t_string!(i18n, cities.continent.north_america).to_string(),
        "south-america" => t_string!(i18n, cities.continent.south_america).to_string(),
        "africa" => t_string!(i18n, cities.continent.africa).to_string(),
        "asia" => t_string!(i18n, cities.continent.asia).to_string(),
        "oceania" => t_string!(i18n, cities.continent.oceania).to_string(),
        other => other.to_string(),
    }
}
