//! What the managers of a round's pot see on it: allocate (to all alike, or from a list),
//! withdraw what was not spent, plan its dates, move the round to another phase.
use super::allocate_equally::AllocateEqually;
use super::allocate_from_csv::AllocateFromCsv;
use super::consent_views::DecisionPicker;
use super::labels::phase_label;
use super::schedule_view::{ScheduleEditing, ScheduleForm};
use super::set_round_phase::SetRoundPhase;
use super::types::{Phase, RoundPage};
use super::withdraw_unspent::WithdrawUnspent;
use crate::i18n::*;
use crate::ui::errors::{money, ErrorMessage};
use crate::ui::field::Field;
use leptos::prelude::*;

/// The managers' actions live as long as the round page, not as long as one rendering of it:
/// every change refetches the page, and what an action answered (or a date being typed) must
/// stay on screen.
#[derive(Clone, Copy)]
pub struct RoundActions {
    equal: ServerAction<AllocateEqually>,
    listed: ServerAction<AllocateFromCsv>,
    withdraw: ServerAction<WithdrawUnspent>,
    phase: ServerAction<SetRoundPhase>,
    schedule: ScheduleEditing,
}

impl RoundActions {
    /// Creates the actions and counts each success in `changed`, so the page refetches.
    pub fn new(changed: RwSignal<u32>) -> Self {
        let actions = Self {
            equal: ServerAction::new(),
            listed: ServerAction::new(),
            withdraw: ServerAction::new(),
            phase: ServerAction::new(),
            schedule: ScheduleEditing::default(),
        };
        Effect::new(move |_| {
            let done = matches!(actions.equal.value().get(), Some(Ok(_)))
                || matches!(actions.listed.value().get(), Some(Ok(_)))
                || matches!(actions.withdraw.value().get(), Some(Ok(_)))
                || matches!(actions.phase.value().get(), Some(Ok(_)))
                || matches!(actions.schedule.action.value().get(), Some(Ok(_)));
            if done {
                changed.update(|count| *count += 1);
            }
        });
        actions
    }
}

#[component]
pub fn RoundTools(page: RoundPage, actions: RoundActions) -> impl IntoView {
    let i18n = use_i18n();
    let round = page.round.id;
    let RoundActions {
        equal,
        listed,
        withdraw,
        phase,
        schedule,
    } = actions;
    let equal_error = Signal::derive(move || equal.value().get().and_then(Result::err));
    let done_text = move |value: Option<Result<i64, crate::error::AppError>>| {
        match value {
        Some(Ok(cents)) => Some(view! { <p class="notice" role="status">{t!(i18n, budgets.moved, amount = money(i18n, cents))}</p> }.into_any()),
        Some(Err(error)) => Some(view! { <ErrorMessage error /> }.into_any()),
        None => None,
    }
    };
    let phases = page.round.mode.phases();
    let rules_need = page.rules_consent.needs.clone();
    view! {
        <section class="tools" aria-labelledby="manage-title">
            <h2 id="manage-title">{t!(i18n, budgets.manage)}</h2>
            <h3>{t!(i18n, budgets.allocate_equally)}</h3>
            {move || done_text(equal.value().get()).filter(|_| equal_error.get().is_none())}
            <ActionForm action=equal>
                <input type="hidden" name="round" value=round />
                <Field name="amount" required=true
                    label=Signal::derive(move || t_string!(i18n, budgets.amount_each).to_string()) error=equal_error />
                <button type="submit" class="button" disabled=equal.pending()>{t!(i18n, budgets.allocate_button)}</button>
            </ActionForm>
            <h3>{t!(i18n, budgets.allocate_csv)}</h3>
            {move || done_text(listed.value().get())}
            <ActionForm action=listed>
                <input type="hidden" name="round" value=round />
                <div class="field">
                    <label for="field-csv">{t!(i18n, budgets.csv_label)}</label>
                    <textarea id="field-csv" name="csv" rows="4" placeholder="email,amount"></textarea>
                </div>
                <button type="submit" class="button" disabled=listed.pending()>{t!(i18n, budgets.allocate_csv_button)}</button>
            </ActionForm>
            <h3>{t!(i18n, budgets.withdraw)}</h3>
            {move || done_text(withdraw.value().get())}
            <ActionForm action=withdraw>
                <input type="hidden" name="round" value=round />
                <button type="submit" class="button secondary" disabled=withdraw.pending()>{t!(i18n, budgets.withdraw_button)}</button>
            </ActionForm>
            // A closed round's dates are history.
            {(page.round.phase != Phase::Closed).then(|| view! {
                <ScheduleForm round mode=page.round.mode schedule=page.round.schedule editing=schedule />
            })}
            <h3>{t!(i18n, budgets.phase)}</h3>
            {move || phase.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=phase attr:class="inline-form">
                <input type="hidden" name="round" value=round />
                {rules_need.clone().map(|choices| view! {
                    <DecisionPicker choices why=t_string!(i18n, budgets.rules_need_decision).to_string() />
                })}
                <label for="field-phase" class="sr-only">{t!(i18n, budgets.phase)}</label>
                <select id="field-phase" name="phase">
                    {phases.iter().map(|option| view! {
                        <option value=option.as_str() selected=*option == page.round.phase>{phase_label(i18n, *option)}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button secondary">{t!(i18n, budgets.set_phase)}</button>
            </ActionForm>
        </section>
    }
}
