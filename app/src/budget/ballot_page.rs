//! `/budgets/ballots/:id`: a participatory budgeting round. Members propose projects, the pot's
//! managers review them, members vote (one secret ballot each, changeable until the close), and
//! managers count. The page follows the pot live.
use super::ballot_tools::{
    refresh_on_success, BallotForm, ProposeProject, ReviewForm, RoundManagement,
};
use super::consent_views::AgreedIn;
use super::follow_pot::pot_page;
use super::get_ballot_round::get_ballot_round;
use super::labels::{phase_label, rule_label};
use super::schedule_view::{ScheduleEditing, ScheduleList};
use super::types::{BallotRoundPage, Phase, ProjectStatus};
use crate::i18n::*;
use crate::ui::errors::money;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn BallotPage() -> impl IntoView {
    let loaded = pot_page(get_ballot_round, |page| {
        (page.round.pot_id, page.pot_version)
    });
    // Lives as long as the page, so its answer stays on screen when the page refreshes.
    let schedule = ScheduleEditing::default();
    refresh_on_success(schedule.action, loaded.changed);
    loaded
        .view(move |page| view! { <BallotView page changed=loaded.changed schedule /> }.into_any())
}

#[component]
fn BallotView(
    page: BallotRoundPage,
    changed: RwSignal<u32>,
    schedule: ScheduleEditing,
) -> impl IntoView {
    let i18n = use_i18n();
    let round = page.round.clone();
    let phase = round.phase;
    let budget = money(i18n, page.setup.budget_cents);
    let rule = rule_label(i18n, page.setup.rule);
    let cast = page.ballots_cast;
    let voting = phase == Phase::Voting && page.may_take_part;
    let reviewing = phase == Phase::Review && page.may_manage;
    view! {
        <article class="round" data-pot-version=page.pot_version>
            <p class="breadcrumbs"><A href="/budgets">{t!(i18n, budgets.title)}</A> " · " {round.pot_name.clone()}</p>
            <h1>{round.title.clone()}</h1>
            <p>
                <span class="badge">{t!(i18n, budgets.mode_ballot)}</span> " "
                <span class="badge round-phase">{phase_label(i18n, phase)}</span>
            </p>
            <div class="description" inner_html=page.description_html.clone()></div>
            {page.rules_consent.agreed_in.clone().map(|decision| view! {
                <AgreedIn label=t_string!(i18n, budgets.rules_agreed_in).to_string() decision />
            })}
            <ScheduleList mode=round.mode schedule=round.schedule />
            <dl class="figures">
                <dt>{t!(i18n, budgets.round_budget)}</dt><dd>{budget}</dd>
                <dt>{t!(i18n, budgets.counting_rule)}</dt><dd>{rule}</dd>
                <dt>{t!(i18n, budgets.ballots_cast)}</dt><dd>{cast}</dd>
            </dl>
            <p class="muted">{t!(i18n, budgets.ballots_are_secret)}</p>
            {(phase == Phase::Tallied).then(|| view! {
                <p><A href=format!("/budgets/ballots/{}/results", round.id) attr:class="button">{t!(i18n, budgets.see_results)}</A></p>
            })}
            {if voting {
                view! { <BallotForm page=page.clone() changed /> }.into_any()
            } else {
                view! { <ProjectList page=page.clone() reviewing changed /> }.into_any()
            }}
            {(phase == Phase::Proposals && page.may_take_part).then(|| view! { <ProposeProject round=round.id changed /> })}
            {page.may_manage.then(|| view! { <RoundManagement page=page.clone() changed schedule /> })}
        </article>
    }
}

#[component]
fn ProjectList(page: BallotRoundPage, reviewing: bool, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    if page.projects.is_empty() {
        return view! { <p class="muted">{t!(i18n, budgets.no_projects)}</p> }.into_any();
    }
    view! {
        <ul class="bucket-list">
            {page.projects.clone().into_iter().map(|project| {
                let status = match project.status {
                    ProjectStatus::Proposed => t_string!(i18n, budgets.project_proposed).to_string(),
                    ProjectStatus::Accepted => t_string!(i18n, budgets.project_accepted).to_string(),
                    ProjectStatus::Rejected => t_string!(i18n, budgets.project_rejected).to_string(),
                };
                let cost = money(i18n, project.cost_cents);
                let votes = project.votes;
                let reason = (!project.review_reason.is_empty()).then(|| project.review_reason.clone());
                let review = (reviewing && project.status == ProjectStatus::Proposed).then(|| view! { <ReviewForm project=project.clone() changed /> });
                view! {
                    <li class="bucket-card project">
                        <h3>{project.title.clone()}</h3>
                        <p><span class="badge">{status}</span> " " {cost}
                            {votes.map(|votes| view! { " · " {t!(i18n, budgets.votes, count = votes)} })}
                        </p>
                        {reason.map(|reason| view! { <p class="muted">{t!(i18n, budgets.review_reason)} ": " {reason}</p> })}
                        <div class="description" inner_html=project.description_html.clone()></div>
                        {review}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
