use crate::cities::list_cities::list_cities;
use crate::cities::types::CitySummary;
use crate::i18n::*;
use crate::invitations::get_sign_up_policy::get_sign_up_policy;
use crate::ui::errors::{form_level_error, ErrorMessage};
use crate::ui::field::Field;
use crate::ui::layout::use_session;
use leptos::prelude::*;
use leptos_router::components::A;

const FIELDS: &[&str] = &["name", "email", "password", "city", "invitation"];

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let sign_up = use_session().sign_up;
    let cities = city_list();
    let error = Signal::derive(move || sign_up.value().get().and_then(Result::err));
    let invitation_only = Resource::new(|| (), |_| get_sign_up_policy());
    view! {
        <section class="form-page">
            <h1>{t!(i18n, auth.sign_up_title)}</h1>
            <Suspense fallback=|| ()>
                {move || invitation_only.get().and_then(Result::ok).filter(|only| *only).map(|_| view! {
                    <p class="notice" role="status">{t!(i18n, errors.invitation_needed)}</p>
                })}
            </Suspense>
            {move || form_level_error(error.get(), FIELDS).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=sign_up>
                <Field name="name" autocomplete="name" required=true
                    label=Signal::derive(move || t_string!(i18n, auth.name).to_string()) error />
                <Field name="email" kind="email" autocomplete="email" required=true
                    label=Signal::derive(move || t_string!(i18n, auth.email).to_string()) error />
                <Field name="password" kind="password" autocomplete="new-password" required=true
                    label=Signal::derive(move || t_string!(i18n, auth.password).to_string())
                    hint=Signal::derive(move || t_string!(i18n, auth.password_hint).to_string()) error />
                <CitySelect cities selected=None error />
                <button type="submit" class="button" disabled=sign_up.pending()>
                    {t!(i18n, auth.submit_sign_up)}
                </button>
            </ActionForm>
            <p>{t!(i18n, auth.have_account)} " " <A href="/login">{t!(i18n, nav.log_in)}</A></p>
        </section>
    }
}

pub type CityList = Resource<Result<Vec<CitySummary>, crate::error::AppError>>;

/// Loads the cities for a [`CitySelect`]; call it at the top of the page component.
pub fn city_list() -> CityList {
    Resource::new(|| (), |_| list_cities())
}

/// The home-city picker shared by sign-up and profile editing. The whole field waits for the city
/// list, so the `<select>` never holds placeholder nodes the browser would drop.
#[component]
pub fn CitySelect(
    cities: CityList,
    selected: Option<String>,
    #[prop(into)] error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = move || error.get().and_then(|error| error.field_problem("city"));
    let options = move || {
        let selected = selected.clone();
        cities.get().and_then(Result::ok).map(|cities| {
            let options = cities
                .into_iter()
                .map(|city| {
                    let is_selected = selected.as_deref() == Some(city.slug.as_str());
                    view! { <option value=city.slug selected=is_selected>{city.name}</option> }
                })
                .collect_view();
            view! {
                <select id="field-city" name="city" required aria-describedby="field-city-error">
                    <option value="">{t!(i18n, auth.choose_city)}</option>
                    {options}
                </select>
            }
        })
    };
    view! {
        <div class="field" class:invalid=move || problem().is_some()>
            <label for="field-city">{t!(i18n, auth.city)}</label>
            <Suspense fallback=|| ()>{options}</Suspense>
            {move || {
                problem()
                    .map(|problem| {
                        view! {
                            <p class="field-error" id="field-city-error">
                                {crate::ui::errors::problem_text(i18n, &problem)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
