//! Admins choose what visitors who are not signed in see on the map: counts only (the default),
//! or members too.
use super::set_map_visitors::SetMapVisitors;
use super::types::MapData;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;

#[component]
pub fn MapSettingsForm(
    map: Resource<Result<MapData, AppError>>,
    saved: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SetMapVisitors>::new();
    Effect::new(move |_| {
        if matches!(save.value().get(), Some(Ok(()))) {
            saved.update(|count| *count += 1);
        }
    });
    view! {
        <Transition fallback=|| ()>
            {move || map.get().and_then(Result::ok).filter(|data| data.may_configure).map(|data| view! {
                <section class="tools" aria-labelledby="map-settings-title">
                    <h2 id="map-settings-title">{t!(i18n, map.settings.title)}</h2>
                    <ActionForm action=save>
                        <label class="check">
                            <input type="checkbox" name="visitors_see_members" checked=data.visitors_see_members />
                            {t!(i18n, map.settings.visitors)}
                        </label>
                        <button type="submit" class="button">{t!(i18n, map.settings.save)}</button>
                    </ActionForm>
                    {move || save.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
                </section>
            })}
        </Transition>
    }
}
