//! What connectors and admins see on a city page, and nobody else.
use super::appoint_connector::AppointConnector;
use super::remove_connector::RemoveConnector;
use super::types::Newcomer;
use crate::accounts::types::MemberCard;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::{form_level_error, ErrorMessage};
use crate::ui::field::Field;
use crate::ui::time::iso_date;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ConnectorTools(newcomers: Resource<Result<Vec<Newcomer>, AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="tools" aria-labelledby="connector-tools-title">
            <h2 id="connector-tools-title">{t!(i18n, connector_tools.title)}</h2>
            <h3>{t!(i18n, connector_tools.newcomers)}</h3>
            <Suspense fallback=|| ()>
                {move || newcomers.get().map(|newcomers| match newcomers {
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{t!(i18n, connector_tools.no_newcomers)}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="newcomers">
                            {list.into_iter().map(|person| {
                                let date = iso_date(person.joined_at);
                                view! {
                                    <li>
                                        <A href=format!("/members/{}", person.id)>{person.name}</A>
                                        " — " {t!(i18n, connector_tools.joined_on, date = date.clone())}
                                        " " <span class="muted">{person.skills.join(", ")}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ManageConnectors(slug: String, connectors: Vec<MemberCard>) -> impl IntoView {
    let i18n = use_i18n();
    let appoint = ServerAction::<AppointConnector>::new();
    let remove = ServerAction::<RemoveConnector>::new();
    let error = Signal::derive(move || {
        appoint
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    // Reload the page so the connector list above, loaded with it, reflects the change.
    Effect::new(move |_| {
        if matches!(appoint.value().get(), Some(Ok(())))
            || matches!(remove.value().get(), Some(Ok(())))
        {
            let _ = window().location().reload();
        }
    });
    let remove_slug = slug.clone();
    view! {
        <section class="tools" aria-labelledby="admin-title">
            <h2 id="admin-title">{t!(i18n, admin.title)}</h2>
            {move || form_level_error(error.get(), &["email"]).map(|error| view! { <ErrorMessage error /> })}
            <ul class="member-list">
                {connectors.into_iter().map(|connector| {
                    let slug = remove_slug.clone();
                    view! {
                        <li>
                            {connector.name.clone()} " "
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="city" value=slug />
                                <input type="hidden" name="user_id" value=connector.id />
                                <button type="submit" class="link-button">{t!(i18n, admin.remove)}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h3>{t!(i18n, admin.appoint)}</h3>
            <ActionForm action=appoint>
                <input type="hidden" name="city" value=slug />
                <Field name="email" kind="email" required=true
                    label=Signal::derive(move || t_string!(i18n, admin.member_email).to_string()) error />
                <button type="submit" class="button">{t!(i18n, admin.appoint_button)}</button>
            </ActionForm>
        </section>
    }
}
