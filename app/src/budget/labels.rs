//! Names of modes, phases and statuses in the page's language.
use super::tally_view::{ResultLine, Why};
use super::types::{BucketStatus, Phase, RoundMode};
use crate::i18n::*;
use leptos_i18n::I18nContext;

pub fn mode_label(i18n: I18nContext<Locale>, mode: RoundMode) -> String {
    match mode {
        RoundMode::Funding => t_string!(i18n, budgets.mode_funding).to_string(),
        RoundMode::Ballot => t_string!(i18n, budgets.mode_ballot).to_string(),
    }
}

pub fn phase_label(i18n: I18nContext<Locale>, phase: Phase) -> String {
    match phase {
        Phase::Draft => t_string!(i18n, budgets.phase_draft).to_string(),
        Phase::Open => t_string!(i18n, budgets.phase_open).to_string(),
        Phase::Closed => t_string!(i18n, budgets.phase_closed).to_string(),
        Phase::Proposals => t_string!(i18n, budgets.phase_proposals).to_string(),
        Phase::Review => t_string!(i18n, budgets.phase_review).to_string(),
        Phase::Voting => t_string!(i18n, budgets.phase_voting).to_string(),
        Phase::Tallied => t_string!(i18n, budgets.phase_tallied).to_string(),
    }
}

pub fn status_label(i18n: I18nContext<Locale>, status: BucketStatus) -> String {
    match status {
        BucketStatus::Draft => t_string!(i18n, budgets.status_draft).to_string(),
        BucketStatus::Open => t_string!(i18n, budgets.status_open).to_string(),
        BucketStatus::Funded => t_string!(i18n, budgets.status_funded).to_string(),
        BucketStatus::Completed => t_string!(i18n, budgets.status_completed).to_string(),
        BucketStatus::Cancelled => t_string!(i18n, budgets.status_cancelled).to_string(),
    }
}

pub fn rule_label(i18n: I18nContext<Locale>, rule: budget_rules::Rule) -> String {
    use budget_rules::Rule;
    match rule {
        Rule::Greedy => t_string!(i18n, budgets.rule_greedy).to_string(),
        Rule::Mes => t_string!(i18n, budgets.rule_mes).to_string(),
        Rule::MesAdd1 => t_string!(i18n, budgets.rule_mes_add1).to_string(),
        Rule::MesAdd1Greedy => t_string!(i18n, budgets.rule_mes_add1u).to_string(),
        Rule::Phragmen => t_string!(i18n, budgets.rule_phragmen).to_string(),
    }
}

/// Why a project won or lost, in a sentence.
pub fn why_text(i18n: I18nContext<Locale>, line: &ResultLine) -> String {
    let cents = |value: f64| crate::ui::errors::money(i18n, value.round() as i64);
    let text = match &line.why {
        Why::Fitted => t_string!(i18n, budgets.why_fitted).to_string(),
        Why::DidNotFit { remaining_cents } => t_string!(
            i18n,
            budgets.why_did_not_fit,
            amount = cents(*remaining_cents)
        )
        .to_string(),
        Why::Bought { round, share_cents } => t_string!(
            i18n,
            budgets.why_bought,
            round = *round,
            amount = cents(*share_cents)
        )
        .to_string(),
        Why::Unaffordable {
            supporters_money_cents,
        } => t_string!(
            i18n,
            budgets.why_unaffordable,
            amount = cents(*supporters_money_cents)
        )
        .to_string(),
        Why::Free => t_string!(i18n, budgets.why_free).to_string(),
        Why::Loaded { round } => t_string!(i18n, budgets.why_loaded, round = *round).to_string(),
        Why::StoppedCount => t_string!(i18n, budgets.why_stopped).to_string(),
        Why::NotReached => t_string!(i18n, budgets.why_not_reached).to_string(),
        Why::OverBudget => t_string!(i18n, budgets.why_over_budget).to_string(),
        Why::NoSupporters => t_string!(i18n, budgets.why_no_supporters).to_string(),
    };
    if line.completed {
        format!("{text} {}", t_string!(i18n, budgets.why_completed))
    } else {
        text
    }
}
