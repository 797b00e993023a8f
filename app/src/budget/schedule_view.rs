//! A round's planned dates on its page, and the managers' form to change them.
use super::schedule::{Milestone, RoundSchedule};
use super::set_round_schedule::SetRoundSchedule;
use super::types::RoundMode;
use crate::decisions::local_time::{LocalTime, ZoneOffset};
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

fn milestone_label(i18n: I18nContext<Locale>, milestone: Milestone) -> String {
    match milestone {
        Milestone::FundingOpens => t_string!(i18n, budgets.schedule_funding_opens),
        Milestone::ProposalsClose => t_string!(i18n, budgets.schedule_proposals_close),
        Milestone::VotingOpens => t_string!(i18n, budgets.schedule_voting_opens),
        Milestone::Closes => t_string!(i18n, budgets.schedule_closes),
    }
    .to_string()
}

/// The dates that are planned, in order; nothing when none is.
#[component]
pub fn ScheduleList(mode: RoundMode, schedule: RoundSchedule) -> impl IntoView {
    let i18n = use_i18n();
    let planned = schedule.planned(mode);
    (!planned.is_empty()).then(|| {
        view! {
            <section class="schedule" aria-labelledby="schedule-title">
                <h2 id="schedule-title">{t!(i18n, budgets.schedule)}</h2>
                <dl class="figures">
                    {planned.into_iter().map(|(milestone, at)| view! {
                        <dt>{milestone_label(i18n, milestone)}</dt>
                        <dd data-milestone=milestone.field()><LocalTime at /></dd>
                    }).collect_view()}
                </dl>
            </section>
        }
    })
}

/// `YYYY-MM-DDTHH:MM` of a moment in UTC, as a date-time field takes it.
fn utc_input_value(at: i64) -> String {
    crate::ui::time::iso_minute(at).replace(' ', "T")
}

/// One date-time field, filled with the planned date: in UTC as the server writes it, then in
/// the member's zone once the page's script runs (the zone offset beside the form follows).
#[component]
fn MilestoneField(milestone: Milestone, at: Option<i64>, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(at) = at {
            value.set(crate::decisions::local_time::local_input_value(at));
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = at;
    let id = format!("field-{}", milestone.field());
    view! {
        <div class="field">
            <label for=id.clone()>{milestone_label(i18n, milestone)}</label>
            <input id=id name=milestone.field() type="datetime-local"
                value=move || value.get() prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event)) />
        </div>
    }
}

/// The managers' form. Its action belongs to the page, so its answer outlives a refresh.
#[component]
pub fn ScheduleForm(
    round: i64,
    mode: RoundMode,
    schedule: RoundSchedule,
    action: ServerAction<SetRoundSchedule>,
) -> impl IntoView {
    let i18n = use_i18n();
    let milestones = Milestone::of(mode);
    let values: Vec<RwSignal<String>> = milestones
        .iter()
        .map(|milestone| {
            RwSignal::new(
                schedule
                    .at(*milestone)
                    .map(utc_input_value)
                    .unwrap_or_default(),
            )
        })
        .collect();
    // One offset for the form, taken at its last date: the dates of a round lie weeks apart at
    // most, and a zone's offset changes at most twice a year.
    let local = values
        .last()
        .map(|last| last.read_only())
        .unwrap_or_else(|| signal(String::new()).0);
    let saved = move || action.value().get().is_some_and(|result| result.is_ok());
    view! {
        <h3>{t!(i18n, budgets.schedule)}</h3>
        <p class="hint">{t!(i18n, budgets.schedule_hint)}</p>
        {move || saved().then(|| view! { <p class="notice" role="status">{t!(i18n, budgets.schedule_saved)}</p> })}
        {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
        <ActionForm action attr:class="schedule-form">
            <input type="hidden" name="round" value=round />
            {milestones.iter().zip(values).map(|(milestone, value)| view! {
                <MilestoneField milestone=*milestone at=schedule.at(*milestone) value />
            }).collect_view()}
            <ZoneOffset local />
            <button type="submit" class="button secondary" disabled=action.pending()>{t!(i18n, budgets.schedule_save)}</button>
        </ActionForm>
    }
}
