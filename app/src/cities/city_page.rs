use super::city_admin::{ConnectorTools, ManageConnectors};
use super::get_city::get_city;
use super::list_city_members::list_city_members;
use super::list_newcomers::list_newcomers;
use super::types::{CityDetail, MembersPage, Newcomer};
use crate::accounts::types::MemberCard;
use crate::error::AppError;
use crate::i18n::*;
use crate::invitations::invitations_panel::{Invitations, InvitationsPanel};
use crate::invitations::invite_member::InviteMember;
use crate::invitations::list_invitations::list_invitations;
use crate::invitations::revoke_invitation::RevokeInvitation;
use crate::ui::errors::ErrorMessage;
use crate::ui::layout::use_session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

type Loaded<T> = Resource<Result<T, AppError>>;

/// The invitations panel's list and actions, made with the page's other resources.
#[derive(Clone, Copy)]
struct InvitationTools {
    invitations: Invitations,
    invite: ServerAction<InviteMember>,
    revoke: ServerAction<RevokeInvitation>,
}

/// Every resource of the page is created here, once, outside the Suspense boundaries: resources
/// made inside a boundary's children would be made again on each render of those children.
#[component]
pub fn CityPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query_map = use_query_map();
    let slug = Memo::new(move |_| params.with(|params| params.get("slug").unwrap_or_default()));
    let search = Memo::new(move |_| query_map.with(|query| query.get("q").unwrap_or_default()));
    let page = Memo::new(move |_| {
        query_map
            .with(|query| query.get("page").and_then(|page| page.parse::<u32>().ok()))
            .unwrap_or(1)
            .max(1)
    });
    let city = Resource::new(move || slug.get(), get_city);
    let members = Resource::new(
        move || (slug.get(), search.get(), page.get()),
        |(slug, search, page)| list_city_members(slug, search, page - 1),
    );
    let newcomers = Resource::new(move || slug.get(), list_newcomers);
    let invite = ServerAction::<InviteMember>::new();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let invitations = Resource::new(
        move || (slug.get(), invite.version().get(), revoke.version().get()),
        |(slug, _, _)| list_invitations(slug),
    );
    let invitation_tools = InvitationTools {
        invitations,
        invite,
        revoke,
    };
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || city.get().map(|city| match city {
                Ok(city) => view! { <CityView city members newcomers invitation_tools search /> }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn CityView(
    city: CityDetail,
    members: Loaded<MembersPage>,
    newcomers: Loaded<Vec<Newcomer>>,
    invitation_tools: InvitationTools,
    search: Memo<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let count = city.member_count;
    let city_id = city.id;
    let admin_slug = city.slug.clone();
    let invite_slug = city.slug.clone();
    let connectors = city.connectors.clone();
    view! {
        <h1>{city.name.clone()}</h1>
        <p class="lead">{t!(i18n, cities.members_count, count)}</p>
        <section aria-labelledby="connectors-title">
            <h2 id="connectors-title">{t!(i18n, cities.connectors)}</h2>
            {if city.connectors.is_empty() {
                view! { <p class="muted">{t!(i18n, cities.no_connectors)}</p> }.into_any()
            } else {
                view! { <MemberList members=city.connectors.clone() /> }.into_any()
            }}
        </section>
        {move || {
            let viewer = session.current()?;
            viewer.may_coordinate(city_id).then(|| view! { <ConnectorTools newcomers /> })
        }}
        {move || {
            let viewer = session.current()?;
            let InvitationTools { invitations, invite, revoke } = invitation_tools;
            viewer.may_coordinate(city_id).then(|| view! {
                <InvitationsPanel slug=invite_slug.clone() invitations invite revoke />
            })
        }}
        {move || {
            let viewer = session.current()?;
            (viewer.is_admin && !viewer.is_alumni)
                .then(|| view! { <ManageConnectors slug=admin_slug.clone() connectors=connectors.clone() /> })
        }}
        <CityMembers members search />
    }
}

/// The member directory of a city: a GET form, so search and paging work before the WASM loads.
/// Visitors get the server's "log in first" answer and a prompt instead of the list.
#[component]
fn CityMembers(members: Loaded<MembersPage>, search: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="members-title">
            <h2 id="members-title">{t!(i18n, cities.members)}</h2>
            <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || members.get().map(|members| match members {
                    Err(AppError::Unauthenticated) => view! {
                        <p class="muted">{t!(i18n, cities.sign_in_to_see_members)}</p>
                    }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    Ok(members) => view! {
                        <form method="get" class="search-form" role="search">
                            <label for="member-search">{t!(i18n, cities.search)}</label>
                            <input id="member-search" type="search" name="q" value=search.get_untracked() />
                            <button type="submit" class="button">{t!(i18n, cities.search_button)}</button>
                        </form>
                        <MembersPageView members search=search.get_untracked() />
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn MembersPageView(members: MembersPage, search: String) -> impl IntoView {
    let i18n = use_i18n();
    let pages = members.page_count();
    let page = members.page + 1;
    let link = move |page: u32| format!("?q={}&page={page}", urlencode(&search));
    if members.members.is_empty() {
        return view! { <p class="muted">{t!(i18n, cities.no_members)}</p> }.into_any();
    }
    view! {
        <MemberList members=members.members />
        <nav class="pager" aria-label=move || t_string!(i18n, cities.members).to_string()>
            {(page > 1).then(|| view! { <A href=link(page - 1) attr:rel="prev">{t!(i18n, cities.previous)}</A> })}
            <span>{t!(i18n, cities.page, page, pages)}</span>
            {(page < pages).then(|| view! { <A href=link(page + 1) attr:rel="next">{t!(i18n, cities.next)}</A> })}
        </nav>
    }
    .into_any()
}

#[component]
pub fn MemberList(members: Vec<MemberCard>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="member-list">
            {members.into_iter().map(|member| view! {
                <li class="member-card">
                    <span class="avatar" aria-hidden="true">{initials(&member.name)}</span>
                    <div>
                        <A href=format!("/members/{}", member.id)>{member.name}</A>
                        {member.is_connector.then(|| view! { " " <span class="badge connector">{t!(i18n, cities.connector_badge)}</span> })}
                        <ul class="tags">
                            {member.skills.into_iter().map(|skill| view! { <li class="tag">{skill}</li> }).collect_view()}
                        </ul>
                    </div>
                </li>
            }).collect_view()}
        </ul>
    }
}

pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            b' ' => "+".to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{initials, urlencode};

    #[test]
    fn initials_take_the_first_two_words() {
        assert_eq!(initials("Ana María López"), "AM");
        assert_eq!(initials("élodie"), "É");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn search_terms_are_url_encoded() {
        assert_eq!(urlencode("open source"), "open+source");
        assert_eq!(urlencode("é&x"), "%C3%A9%26x");
    }
}
