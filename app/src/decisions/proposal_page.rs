//! `/decisions/:id`: a proposal, its rule, its stances (counts live over the socket), what the
//! viewer may do, its timeline and its discussion.
use super::author_tools::{AuthorTools, OutcomeForm};
use super::get_live_tally::get_live_tally;
use super::get_proposal::get_proposal;
use super::labels;
use super::local_time::LocalTime;
use super::proposal_timeline::{DiscussionView, TimelineView};
use super::revise_proposal::ReviseProposal;
use super::stance_panel::StancePanel;
use super::take_stance::TakeStance;
use super::types::{LiveTally, ProposalDetail};
use super::withdraw_block::WithdrawBlock;
use super::withdraw_proposal::WithdrawProposal;
use super::write_outcome::WriteOutcome;
use crate::discussion::follow_version::{follow_version, PROPOSAL};
use crate::discussion::post_message::PostMessage;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Every action a proposal page can run; each one reloads the proposal when it is done.
#[derive(Clone, Copy)]
pub struct Actions {
    pub stance: ServerAction<TakeStance>,
    pub withdraw_block: ServerAction<WithdrawBlock>,
    pub revise: ServerAction<ReviseProposal>,
    pub withdraw: ServerAction<WithdrawProposal>,
    pub outcome: ServerAction<WriteOutcome>,
    pub reply: ServerAction<PostMessage>,
}

impl Actions {
    fn new() -> Actions {
        Actions {
            stance: ServerAction::new(),
            withdraw_block: ServerAction::new(),
            revise: ServerAction::new(),
            withdraw: ServerAction::new(),
            outcome: ServerAction::new(),
            reply: ServerAction::new(),
        }
    }

    fn versions(&self) -> [usize; 6] {
        [
            self.stance.version().get(),
            self.withdraw_block.version().get(),
            self.revise.version().get(),
            self.withdraw.version().get(),
            self.outcome.version().get(),
            self.reply.version().get(),
        ]
    }
}

#[component]
pub fn ProposalPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|params| {
            params
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or(0)
        })
    });
    let actions = Actions::new();
    let detail = Resource::new(
        move || (id.get(), actions.versions()),
        |(id, _)| get_proposal(id),
    );
    // The counts follow the proposal's version over the live socket: each newer version heard
    // fetches them again.
    let follow = follow_version(PROPOSAL);
    let live = Resource::new(
        move || (id.get(), follow.refresh.get()),
        |(id, _)| get_live_tally(id),
    );
    Effect::new(move |_| {
        let shown = live.get().and_then(Result::ok).map(|live| live.version);
        let loaded = detail
            .get()
            .and_then(Result::ok)
            .map(|detail| detail.live.version);
        if let Some(version) = shown.or(loaded) {
            follow.showing(id.get_untracked(), version);
        }
    });
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || detail.get().map(|detail| match detail {
                Ok(detail) => view! { <ProposalView detail live actions /> }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ProposalView(
    detail: ProposalDetail,
    live: Resource<Result<LiveTally, AppError>>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = detail.summary.clone();
    let kind = summary.kind;
    let status = summary.status;
    let earlier = detail.earlier.clone();
    let author = summary.author.clone();
    view! {
        <article class="proposal" aria-labelledby="proposal-title">
            <p class="meta">
                <span class="badge">{labels::kind(i18n, kind)}</span>
                " · " {labels::scope(i18n, summary.city_name.as_deref())}
                {author.map(|author| view! { " · " {t_string!(i18n, decisions.proposed_by, name = author.name.clone())} })}
            </p>
            <h1 id="proposal-title">{summary.title.clone()}</h1>
            <p class="proposal-status">
                <span class=format!("status status-{}", status.as_str())>{labels::status(i18n, status)}</span>
                " · "
                {if status.is_open() {
                    view! { {t!(i18n, decisions.closes)} " " <LocalTime at=summary.closes_at /> }.into_any()
                } else {
                    view! { {t!(i18n, decisions.closed_on)} " " <LocalTime at=summary.closed_at.unwrap_or(summary.closes_at) /> }.into_any()
                }}
                {detail.review_at.map(|at| view! { " · " {t!(i18n, decisions.review_on)} " " <LocalTime at /> })}
            </p>
            <p class="rule">{labels::rule(i18n, kind)}</p>
            {(!status.is_open()).then(|| view! { <OutcomeForm detail=detail.clone() actions /> })}
            <div class="proposal-body" inner_html=detail.body_html.clone()></div>
            {(detail.revision > 1).then(|| {
                let version = detail.revision;
                view! {
                    <details class="earlier-versions">
                        <summary>{t!(i18n, decisions.revised_badge, version)}</summary>
                        {earlier.into_iter().map(|text| view! {
                            <section>
                                <h3>{t!(i18n, decisions.version, version = text.revision)} " · " {text.title.clone()}</h3>
                                <p class="meta">{t!(i18n, decisions.replaced)} " " <LocalTime at=text.replaced_at /></p>
                                <div inner_html=text.body_html></div>
                            </section>
                        }).collect_view()}
                    </details>
                }
            })}
            <StancePanel detail=detail.clone() live actions />
            <AuthorTools detail=detail.clone() actions />
            <TimelineView kind timeline=detail.timeline.clone() />
            <DiscussionView discussion=detail.discussion.clone() may_reply=detail.rights.discuss actions />
        </article>
    }
}
