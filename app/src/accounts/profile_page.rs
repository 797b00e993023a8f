use super::get_profile::get_profile;
use super::set_alumni::SetAlumni;
use super::types::Profile;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use crate::ui::time::iso_date;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let set_alumni = ServerAction::<SetAlumni>::new();
    let profile = Resource::new(
        move || (id(), set_alumni.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_profile(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || profile.get().map(|profile| match profile {
                Ok(profile) => view! { <ProfileView profile set_alumni /> }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ProfileView(profile: Profile, set_alumni: ServerAction<SetAlumni>) -> impl IntoView {
    let i18n = use_i18n();
    let joined = iso_date(profile.joined_at);
    let has_bio = !profile.bio_html.is_empty();
    let session = crate::ui::layout::use_session();
    let open = ServerAction::<crate::discussion::open_conversation::OpenConversation>::new();
    let id = profile.id;
    let is_alumni = profile.is_alumni;
    let may_write = !is_alumni;
    view! {
        <article class="profile">
            <h1>{profile.name}</h1>
            <p>
                <A href=format!("/cities/{}", profile.city.slug)>{profile.city.name}</A>
                {profile.is_alumni.then(|| view! { " · " <span class="badge">{t!(i18n, profile.alumni)}</span> })}
            </p>
            {move || {
                let viewer = session.current()?;
                (may_write && !viewer.is_alumni && viewer.id != id).then(|| view! {
                    <ActionForm action=open attr:class="inline-form">
                        <input type="hidden" name="with" value=id />
                        <button type="submit" class="button">{t!(i18n, discussion.message_member)}</button>
                    </ActionForm>
                })
            }}
            {(!profile.connector_of.is_empty()).then(|| view! {
                <p>
                    <span class="badge connector">{t!(i18n, profile.connector_of)}</span> " "
                    {profile.connector_of.into_iter().map(|city| view! {
                        <A href=format!("/cities/{}", city.slug)>{city.name}</A> " "
                    }).collect_view()}
                </p>
            })}
            {if has_bio {
                view! { <div class="bio" inner_html=profile.bio_html></div> }.into_any()
            } else {
                view! { <p class="muted">{t!(i18n, profile.no_bio)}</p> }.into_any()
            }}
            <h2 class="sr-only">{t!(i18n, profile.skills)}</h2>
            <ul class="tags" aria-label=move || t_string!(i18n, profile.skills).to_string()>
                {profile.skills.into_iter().map(|skill| view! { <li class="tag">{skill}</li> }).collect_view()}
            </ul>
            <p>{t!(i18n, profile.languages)} ": " {profile.languages.join(", ")}</p>
            <p class="muted">{t!(i18n, profile.joined, date = joined.clone())}</p>
            {move || {
                let viewer = session.current()?;
                (viewer.is_admin && viewer.id != id).then(|| view! { <MembershipForm id alumni=is_alumni action=set_alumni /> })
            }}
        </article>
    }
}

/// Admins only: turn a member into alumni, or back.
#[component]
fn MembershipForm(id: i64, alumni: bool, action: ServerAction<SetAlumni>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ActionForm action attr:class="admin-tools">
            <input type="hidden" name="user" value=id />
            <input type="hidden" name="alumni" value=(!alumni).to_string() />
            <button type="submit" class="button secondary">
                {if alumni { t!(i18n, profile.restore_member).into_any() } else { t!(i18n, profile.make_alumni).into_any() }}
            </button>
            {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
        </ActionForm>
    }
}
