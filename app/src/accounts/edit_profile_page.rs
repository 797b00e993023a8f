use super::delete_account_form::DeleteAccountForm;
use super::get_profile_draft::get_profile_draft;
use super::sign_up_page::{city_list, CitySelect};
use super::update_profile::UpdateProfile;
use crate::i18n::*;
use crate::ui::errors::{form_level_error, ErrorMessage};
use crate::ui::field::Field;
use leptos::prelude::*;

const FIELDS: &[&str] = &["name", "city", "bio", "skills", "languages"];

#[component]
pub fn EditProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateProfile>::new();
    let draft = Resource::new(move || update.version().get(), |_| get_profile_draft());
    let cities = city_list();
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    view! {
        <section class="form-page">
            <h1>{t!(i18n, profile.title_edit)}</h1>
            {move || form_level_error(error.get(), FIELDS).map(|error| view! { <ErrorMessage error /> })}
            <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || draft.get().map(|draft| match draft {
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    Ok(draft) => view! {
                        <ActionForm action=update>
                            <Field name="name" value=draft.name autocomplete="name" required=true
                                label=Signal::derive(move || t_string!(i18n, profile.name).to_string()) error />
                            <CitySelect cities selected=Some(draft.city_slug) error />
                            <div class="field" class:invalid=move || error.get().and_then(|e| e.field_problem("bio")).is_some()>
                                <label for="field-bio">{t!(i18n, profile.bio)}</label>
                                <textarea id="field-bio" name="bio" rows="6" aria-describedby="field-bio-hint">{draft.bio}</textarea>
                                <p class="hint" id="field-bio-hint">{t!(i18n, profile.bio_hint)}</p>
                                {move || error.get().and_then(|e| e.field_problem("bio")).map(|problem| view! {
                                    <p class="field-error">{crate::ui::errors::problem_text(i18n, &problem)}</p>
                                })}
                            </div>
                            <Field name="skills" value=draft.skills
                                label=Signal::derive(move || t_string!(i18n, profile.skills).to_string())
                                hint=Signal::derive(move || t_string!(i18n, profile.skills_hint).to_string()) error />
                            <Field name="languages" value=draft.languages
                                label=Signal::derive(move || t_string!(i18n, profile.languages).to_string())
                                hint=Signal::derive(move || t_string!(i18n, profile.languages_hint).to_string()) error />
                            <div class="field checkbox">
                                <input id="field-map-visible" type="checkbox" name="map_visible" checked=draft.map_visible />
                                <label for="field-map-visible">{t!(i18n, profile.map_visible)}</label>
                            </div>
                            <button type="submit" class="button" disabled=update.pending()>{t!(i18n, profile.save)}</button>
                        </ActionForm>
                    }.into_any(),
                })}
            </Suspense>
            <section class="my-data" aria-labelledby="my-data-title">
                <h2 id="my-data-title">{t!(i18n, profile.my_data)}</h2>
                <p class="hint">{t!(i18n, profile.my_data_hint)}</p>
                <a href="/me/data.zip" rel="external" download class="button secondary">{t!(i18n, profile.download_data)}</a>
            </section>
            <crate::email::email_settings::EmailSettings />
            <DeleteAccountForm />
        </section>
    }
}
