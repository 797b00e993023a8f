//! The what-if: the round's own ballots recounted in the browser, at once, with another budget,
//! another rule, or some projects left out. The rules engine runs right here, in WASM.
use super::ballot_setup::{selected, Scenario};
use super::labels::rule_label;
use super::money::parse_amount;
use super::types::RoundResults;
use crate::i18n::*;
use crate::ui::errors::money;
use budget_rules::Rule;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn WhatIf(results: RoundResults) -> impl IntoView {
    let i18n = use_i18n();
    let data = StoredValue::new(results.election.clone());
    let points = results.setup.uses_points();
    let budget_text = RwSignal::new(format!("{}", results.setup.budget_cents as f64 / 100.0));
    let rule = RwSignal::new(results.setup.rule);
    let left_out = RwSignal::new(BTreeSet::<i64>::new());
    // Compared as sets: the rule picks winners in its own order, the table lists them by id.
    let published: BTreeSet<i64> = results
        .tally
        .lines
        .iter()
        .filter(|line| line.selected)
        .map(|line| line.id)
        .collect();
    let lines = StoredValue::new(results.tally.lines.clone());
    let outcome = Memo::new(move |_| {
        let budget_cents = parse_amount(&budget_text.get()).ok()?;
        let scenario = Scenario {
            budget_cents,
            rule: rule.get(),
            left_out: left_out.get().into_iter().collect(),
        };
        Some(data.with_value(|data| selected(data, &scenario, points)))
    });
    let title_of = move |id: i64| {
        lines.with_value(|lines| {
            lines
                .iter()
                .find(|line| line.id == id)
                .map(|line| (line.title.clone(), line.cost_cents))
        })
    };
    view! {
        <section class="tools what-if" aria-labelledby="what-if-title">
            <h2 id="what-if-title">{t!(i18n, budgets.what_if)}</h2>
            <p class="hint">{t!(i18n, budgets.what_if_hint)}</p>
            <div class="field">
                <label for="what-if-budget">{t!(i18n, budgets.round_budget)}</label>
                <input id="what-if-budget" inputmode="decimal" prop:value=move || budget_text.get()
                    on:input=move |event| budget_text.set(event_target_value(&event)) />
            </div>
            <div class="field">
                <label for="what-if-rule">{t!(i18n, budgets.counting_rule)}</label>
                <select id="what-if-rule" on:change=move |event| {
                    if let Ok(chosen) = event_target_value(&event).parse::<Rule>() { rule.set(chosen) }
                }>
                    {Rule::ALL.into_iter().map(|option| view! {
                        <option value=option.name() selected=option == results.setup.rule>{rule_label(i18n, option)}</option>
                    }).collect_view()}
                </select>
            </div>
            <fieldset>
                <legend>{t!(i18n, budgets.leave_out)}</legend>
                {results.tally.lines.iter().map(|line| {
                    let id = line.id;
                    let input_id = format!("what-if-out-{id}");
                    view! {
                        <div class="field checkbox">
                            <input id=input_id.clone() type="checkbox" on:change=move |event| {
                                let out = event_target_checked(&event);
                                left_out.update(|set| { if out { set.insert(id); } else { set.remove(&id); } });
                            } />
                            <label for=input_id>{line.title.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="what-if-outcome" aria-live="polite">
                {move || match outcome.get() {
                    None => view! { <p class="field-error">{t!(i18n, errors.bad_amount)}</p> }.into_any(),
                    Some(chosen) => {
                        let same = chosen.iter().copied().collect::<BTreeSet<i64>>() == published;
                        let spent: i64 = chosen.iter().filter_map(|id| title_of(*id)).map(|(_, cost)| cost).sum();
                        view! {
                            <p class="what-if-summary">
                                {if same { t!(i18n, budgets.what_if_same).into_any() } else { t!(i18n, budgets.what_if_differs).into_any() }}
                                " " {t!(i18n, budgets.what_if_spends, amount = money(i18n, spent))}
                            </p>
                            <ul class="what-if-winners">
                                {chosen.iter().filter_map(|id| title_of(*id)).map(|(title, _)| view! { <li>{title}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
}
