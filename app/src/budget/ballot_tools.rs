//! The forms of a ballot round: proposing a project, reviewing one, the ballot itself, and the
//! managers' phase and count controls.
use super::ballot_setup::BallotKind;
use super::cast_ballot::CastBallot;
use super::consent_views::DecisionPicker;
use super::labels::phase_label;
use super::propose_project::ProposeProject as Propose;
use super::review_project::ReviewProject;
use super::schedule_view::{ScheduleEditing, ScheduleForm};
use super::set_round_phase::SetRoundPhase;
use super::tally_round::TallyRound;
use super::types::{BallotProject, BallotRoundPage, Phase, ProjectStatus};
use crate::i18n::*;
use crate::ui::errors::{form_level_error, money, ErrorMessage};
use crate::ui::field::Field;
use leptos::prelude::*;

/// Bumps `changed` whenever the action succeeds, so the page reloads its data.
pub(super) fn refresh_on_success<A, T>(action: ServerAction<A>, changed: RwSignal<u32>)
where
    A: leptos::server_fn::ServerFn<Output = T, Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    T: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            changed.update(|count| *count += 1);
        }
    });
}

#[component]
pub fn ProposeProject(round: i64, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let propose = ServerAction::<Propose>::new();
    refresh_on_success(propose, changed);
    let error = Signal::derive(move || propose.value().get().and_then(Result::err));
    view! {
        <section class="tools" aria-labelledby="propose-project-title">
            <h2 id="propose-project-title">{t!(i18n, budgets.propose_project)}</h2>
            {move || form_level_error(error.get(), &["title", "cost", "description"]).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=propose>
                <input type="hidden" name="round" value=round />
                <Field name="title" required=true label=Signal::derive(move || t_string!(i18n, budgets.project_title).to_string()) error />
                <div class="field">
                    <label for="field-project-description">{t!(i18n, budgets.description)}</label>
                    <textarea id="field-project-description" name="description" rows="3"></textarea>
                </div>
                <Field name="cost" required=true label=Signal::derive(move || t_string!(i18n, budgets.cost).to_string()) error />
                <button type="submit" class="button" disabled=propose.pending()>{t!(i18n, budgets.propose_project_button)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ReviewForm(project: BallotProject, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let review = ServerAction::<ReviewProject>::new();
    refresh_on_success(review, changed);
    let id = project.id;
    let reason_id = format!("field-reason-{id}");
    let cost_id = format!("field-cost-{id}");
    view! {
        {move || review.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
        <ActionForm action=review attr:class="review-form">
            <input type="hidden" name="project" value=id />
            <div class="field">
                <label for=cost_id.clone()>{t!(i18n, budgets.adjusted_cost)}</label>
                <input id=cost_id name="cost" inputmode="decimal" />
            </div>
            <div class="field">
                <label for=reason_id.clone()>{t!(i18n, budgets.review_reason)}</label>
                <input id=reason_id name="reason" />
            </div>
            <div class="button-row">
                <button type="submit" name="decision" value="accept" class="button">{t!(i18n, budgets.accept)}</button>
                <button type="submit" name="decision" value="reject" class="button secondary">{t!(i18n, budgets.reject)}</button>
            </div>
        </ActionForm>
    }
}

#[component]
pub fn BallotForm(page: BallotRoundPage, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let cast = ServerAction::<CastBallot>::new();
    refresh_on_success(cast, changed);
    let points = page.setup.uses_points();
    let limits = match &page.setup.kind {
        BallotKind::Approval {
            min_projects,
            max_projects,
            max_total_cost_cents,
        } => {
            let min = min_projects
                .map(|count| count.to_string())
                .unwrap_or_else(|| "0".into());
            let max = max_projects
                .map(|count| count.to_string())
                .unwrap_or_else(|| "∞".into());
            let cost = max_total_cost_cents
                .map(|cents| money(i18n, cents))
                .unwrap_or_else(|| "∞".into());
            t_string!(
                i18n,
                budgets.approval_limits,
                min = min.clone(),
                max = max.clone(),
                cost = cost.clone()
            )
            .to_string()
        }
        BallotKind::Cumulative {
            max_per_project,
            max_total,
        } => {
            let each = max_per_project
                .map(|points| points.to_string())
                .unwrap_or_else(|| max_total.to_string());
            t_string!(
                i18n,
                budgets.points_limits,
                total = *max_total,
                each = each.clone()
            )
            .to_string()
        }
    };
    let mine = page.my_ballot.clone();
    let saved = !mine.is_empty();
    let accepted: Vec<BallotProject> = page
        .projects
        .iter()
        .filter(|project| project.status == ProjectStatus::Accepted)
        .cloned()
        .collect();
    view! {
        <section class="tools" aria-labelledby="ballot-title">
            <h2 id="ballot-title">{t!(i18n, budgets.your_ballot)}</h2>
            <p>{limits}</p>
            {saved.then(|| view! { <p class="notice" role="status">{t!(i18n, budgets.ballot_saved)}</p> })}
            {move || cast.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=cast>
                <input type="hidden" name="round" value=page.round.id />
                <fieldset>
                    <legend>{t!(i18n, budgets.projects)}</legend>
                    {accepted.into_iter().map(|project| {
                        let given = mine.iter().find(|(id, _)| *id == project.id).map(|(_, points)| *points);
                        let input_id = format!("ballot-{}", project.id);
                        let label = format!("{} — {}", project.title, money(i18n, project.cost_cents));
                        if points {
                            view! {
                                <div class="field">
                                    <label for=input_id.clone()>{label}</label>
                                    <input id=input_id type="number" min="0" name=format!("points[{}]", project.id)
                                        value=given.map(|points| points.to_string()).unwrap_or_default() />
                                </div>
                            }.into_any()
                        } else {
                            view! {
                                <div class="field checkbox">
                                    <input id=input_id.clone() type="checkbox" name="approve[]" value=project.id checked=given.is_some() />
                                    <label for=input_id>{label}</label>
                                </div>
                            }.into_any()
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button" disabled=cast.pending()>{t!(i18n, budgets.save_ballot)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn RoundManagement(
    page: BallotRoundPage,
    changed: RwSignal<u32>,
    schedule: ScheduleEditing,
) -> impl IntoView {
    let i18n = use_i18n();
    let phase = ServerAction::<SetRoundPhase>::new();
    let tally = ServerAction::<TallyRound>::new();
    refresh_on_success(phase, changed);
    refresh_on_success(tally, changed);
    let current = page.round.phase;
    let round = page.round.id;
    let rules_need = page.rules_consent.needs.clone();
    let choices: Vec<Phase> = page
        .round
        .mode
        .phases()
        .iter()
        .copied()
        .filter(|option| *option != Phase::Tallied)
        .collect();
    (current != Phase::Tallied).then(|| view! {
        <section class="tools" aria-labelledby="manage-ballot-title">
            <h2 id="manage-ballot-title">{t!(i18n, budgets.manage)}</h2>
            {move || phase.value().get().and_then(Result::err).or_else(|| tally.value().get().and_then(Result::err)).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=phase attr:class="inline-form">
                <input type="hidden" name="round" value=round />
                {rules_need.clone().map(|choices| view! {
                    <DecisionPicker choices why=t_string!(i18n, budgets.rules_need_decision).to_string() />
                })}
                <label for="field-phase">{t!(i18n, budgets.phase)}</label> " "
                <select id="field-phase" name="phase">
                    {choices.into_iter().map(|option| view! {
                        <option value=option.as_str() selected=option == current>{phase_label(i18n, option)}</option>
                    }).collect_view()}
                </select> " "
                <button type="submit" class="button secondary">{t!(i18n, budgets.set_phase)}</button>
            </ActionForm>
            <ScheduleForm round mode=page.round.mode schedule=page.round.schedule editing=schedule />
            {(current == Phase::Voting).then(|| view! {
                <ActionForm action=tally>
                    <input type="hidden" name="round" value=round />
                    <button type="submit" class="button">{t!(i18n, budgets.close_and_count)}</button>
                </ActionForm>
            })}
        </section>
    })
}
