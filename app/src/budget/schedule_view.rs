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

/// A planned date as a date-time field shows it: in UTC as the server writes the page, in the
/// member's zone in the browser (the zone offset beside the form tells the server which).
fn input_value(at: i64) -> String {
    #[cfg(feature = "hydrate")]
    return crate::decisions::local_time::local_input_value(at);
    #[cfg(not(feature = "hydrate"))]
    crate::ui::time::iso_minute(at).replace(' ', "T")
}

/// The schedule form's state: the action that saves it and the dates being typed. It lives as
/// long as the page rather than one rendering of the form: the page renders again each time its
/// pot's money moves, and neither what was answered nor a date being typed may be lost to that.
#[derive(Clone, Copy)]
pub struct ScheduleEditing {
    pub action: ServerAction<SetRoundSchedule>,
    /// One field per milestone, in the order of [`Milestone`].
    values: [RwSignal<String>; 4],
    /// The saved dates the fields were last filled from: once the round's dates change (saved
    /// here or by another manager), the fields show the new ones.
    filled_from: StoredValue<Option<RoundSchedule>>,
}

impl Default for ScheduleEditing {
    fn default() -> Self {
        Self {
            action: ServerAction::new(),
            values: std::array::from_fn(|_| RwSignal::new(String::new())),
            filled_from: StoredValue::new(None),
        }
    }
}

impl ScheduleEditing {
    fn value(self, milestone: Milestone) -> RwSignal<String> {
        self.values[milestone as usize]
    }

    /// Fills the fields from `schedule` unless they already started from it.
    fn start_from(self, schedule: RoundSchedule) {
        if self.filled_from.get_value() == Some(schedule) {
            return;
        }
        self.filled_from.set_value(Some(schedule));
        for milestone in Milestone::ALL {
            let shown = schedule.at(milestone).map(input_value);
            self.value(milestone).set(shown.unwrap_or_default());
        }
    }
}

/// One date-time field, bound to its draft.
#[component]
fn MilestoneField(milestone: Milestone, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
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

/// The managers' form; `editing` belongs to the page.
#[component]
pub fn ScheduleForm(
    round: i64,
    mode: RoundMode,
    schedule: RoundSchedule,
    editing: ScheduleEditing,
) -> impl IntoView {
    let i18n = use_i18n();
    let milestones = Milestone::of(mode);
    let action = editing.action;
    editing.start_from(schedule);
    // One offset for the form, taken at its last date: the dates of a round lie weeks apart at
    // most, and a zone's offset changes at most twice a year.
    let local = editing.value(Milestone::Closes).read_only();
    let saved = move || action.value().get().is_some_and(|result| result.is_ok());
    view! {
        <h3>{t!(i18n, budgets.schedule)}</h3>
        <p class="hint">{t!(i18n, budgets.schedule_hint)}</p>
        {move || saved().then(|| view! { <p class="notice" role="status">{t!(i18n, budgets.schedule_saved)}</p> })}
        {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
        <ActionForm action attr:class="schedule-form">
            <input type="hidden" name="round" value=round />
            {milestones.iter().map(|milestone| view! {
                <MilestoneField milestone=*milestone value=editing.value(*milestone) />
            }).collect_view()}
            <ZoneOffset local />
            <button type="submit" class="button secondary" disabled=action.pending()>{t!(i18n, budgets.schedule_save)}</button>
        </ActionForm>
    }
}
