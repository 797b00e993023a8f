//! What budget pages show of their link to decisions: the admins' rules, the decision a round or
//! a payout was agreed in, and the choice of one where a step waits for it.
use super::set_budget_consent::SetBudgetConsent;
use super::types::{ConsentRules, DecisionChoices};
use crate::decisions::types::DecisionRef;
use crate::i18n::*;
use crate::ui::errors::money;
use crate::ui::field::Field;
use leptos::prelude::*;
use leptos_router::components::A;

/// The rules in words, for everyone; the form to change them, for admins.
#[component]
pub fn ConsentRulesPanel(
    rules: ConsentRules,
    may_set: bool,
    save: ServerAction<SetBudgetConsent>,
) -> impl IntoView {
    let i18n = use_i18n();
    let payout = rules
        .payout_decision_above_cents
        .map(|cents| money(i18n, cents));
    let summary = match (rules.rules_need_decision, payout.clone()) {
        (false, None) => vec![t_string!(i18n, budgets.consent_none).to_string()],
        (rules_on, payout) => [
            rules_on.then(|| t_string!(i18n, budgets.consent_rules_on).to_string()),
            payout.map(|amount| t_string!(i18n, budgets.consent_payout_on, amount).to_string()),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    view! {
        <section class="tools" aria-labelledby="consent-title">
            <h2 id="consent-title">{t!(i18n, budgets.consent_title)}</h2>
            <p class="hint">{t!(i18n, budgets.consent_hint)}</p>
            <ul class="consent-rules">{summary.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            {may_set.then(|| view! { <ConsentRulesForm rules save /> })}
        </section>
    }
}

#[component]
fn ConsentRulesForm(rules: ConsentRules, save: ServerAction<SetBudgetConsent>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let threshold = rules
        .payout_decision_above_cents
        .map(|cents| match cents % 100 {
            0 => (cents / 100).to_string(),
            rest => format!("{}.{rest:02}", cents / 100),
        })
        .unwrap_or_default();
    view! {
        {move || matches!(save.value().get(), Some(Ok(()))).then(|| view! {
            <p class="notice" role="status">{t!(i18n, budgets.consent_saved)}</p>
        })}
        <ActionForm action=save>
            <div class="field checkbox">
                <input id="field-rules-need-decision" type="checkbox" name="rules_need_decision"
                    checked=rules.rules_need_decision />
                <label for="field-rules-need-decision">{t!(i18n, budgets.consent_rules_need)}</label>
            </div>
            <Field name="payout_above" value=threshold
                label=Signal::derive(move || t_string!(i18n, budgets.consent_payout_above).to_string()) error />
            <button type="submit" class="button secondary" disabled=save.pending()>{t!(i18n, budgets.consent_save)}</button>
        </ActionForm>
    }
}

/// "Agreed in the decision …", linking to it.
#[component]
pub fn AgreedIn(label: String, decision: DecisionRef) -> impl IntoView {
    view! {
        <p class="agreed-in">{label} ": " <A href=format!("/decisions/{}", decision.id)>{decision.title}</A></p>
    }
}

/// Inside a form whose step waits for a decision: the passed lazy-consent decisions to cite,
/// or, when there are none yet, where to propose one.
#[component]
pub fn DecisionPicker(choices: DecisionChoices, why: String) -> impl IntoView {
    let i18n = use_i18n();
    let propose = format!("/decisions/new?scope={}", choices.scope);
    view! {
        <p class="hint">{why}</p>
        {if choices.decisions.is_empty() {
            view! {
                <p class="hint">{t!(i18n, budgets.no_decision_yet)} " " <A href=propose>{t!(i18n, budgets.propose_decision)}</A></p>
            }.into_any()
        } else {
            view! {
                <label for="field-decision">{t!(i18n, budgets.cite_decision)}</label> " "
                <select id="field-decision" name="decision" required>
                    {choices.decisions.into_iter().map(|decision| view! {
                        <option value=decision.id>{decision.title}</option>
                    }).collect_view()}
                </select> " "
            }.into_any()
        }}
    }
}
