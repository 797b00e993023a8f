//! `/decisions`: how the network decides, what is open now, and what the member was told.
use super::labels;
use super::list_decision_notices::list_decision_notices;
use super::list_open_proposals::list_open_proposals;
use super::local_time::LocalTime;
use super::mark_decision_notices_read::MarkDecisionNoticesRead;
use super::types::{DecisionNotice, ProposalSummary};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DecisionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let mark_read = ServerAction::<MarkDecisionNoticesRead>::new();
    let open = Resource::new(|| (), |_| list_open_proposals());
    let notices = Resource::new(
        move || mark_read.version().get(),
        |_| list_decision_notices(),
    );
    view! {
        <section class="decisions">
            <h1>{t!(i18n, decisions.title)}</h1>
            <p class="lead">{t!(i18n, decisions.intro)}</p>
            <p class="actions">
                <A href="/decisions/new" attr:class="button">{t!(i18n, decisions.new_proposal)}</A>
                " "
                <A href="/decisions/log">{t!(i18n, decisions.log_link)}</A>
            </p>
            <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || open.get().map(|open| match open {
                    Err(AppError::Unauthenticated) => view! {
                        <p class="muted">{t!(i18n, decisions.sign_in)}</p>
                    }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    Ok(open) => view! {
                        <NoticeList notices mark_read />
                        <section aria-labelledby="open-title">
                            <h2 id="open-title">{t!(i18n, decisions.open_title)}</h2>
                            <ProposalList proposals=open />
                        </section>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn NoticeList(
    notices: Resource<Result<Vec<DecisionNotice>, AppError>>,
    mark_read: ServerAction<MarkDecisionNoticesRead>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let notices = notices.get()?.ok()?;
        if notices.is_empty() {
            return None;
        }
        let unread = notices.iter().any(|notice| notice.unread);
        Some(view! {
            <section aria-labelledby="notices-title" class="decision-notices">
                <h2 id="notices-title">{t!(i18n, decisions.notices_title)}</h2>
                <ul>
                    {notices.into_iter().map(|notice| view! {
                        <li class:unread=notice.unread>
                            <A href=format!("/decisions/{}", notice.proposal_id)>
                                {labels::notice(i18n, &notice.kind, &notice.title)}
                            </A>
                            " · " <LocalTime at=notice.at />
                        </li>
                    }).collect_view()}
                </ul>
                {unread.then(|| view! {
                    <ActionForm action=mark_read attr:class="inline-form">
                        <button type="submit" class="link-button">{t!(i18n, decisions.mark_read)}</button>
                    </ActionForm>
                })}
            </section>
        })
    }
}

/// Proposals as a list: title, kind, scope, status and when they close (or closed).
#[component]
pub fn ProposalList(proposals: Vec<ProposalSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if proposals.is_empty() {
        return view! { <p class="muted">{t!(i18n, decisions.none_open)}</p> }.into_any();
    }
    view! {
        <ul class="proposal-list">
            {proposals.into_iter().map(|proposal| {
                let when = proposal.closed_at.unwrap_or(proposal.closes_at);
                let open = proposal.status.is_open();
                view! {
                    <li class="proposal-card">
                        <A href=format!("/decisions/{}", proposal.id)>{proposal.title.clone()}</A>
                        <p class="meta">
                            <span class="badge">{labels::kind(i18n, proposal.kind)}</span>
                            " · " {labels::scope(i18n, proposal.city_name.as_deref())}
                            " · " <span class=format!("status status-{}", proposal.status.as_str())>{labels::status(i18n, proposal.status)}</span>
                            " · " {if open { t_string!(i18n, decisions.closes) } else { t_string!(i18n, decisions.closed_on) }}
                            " " <LocalTime at=when />
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
