//! Names of modes, phases and statuses in the page's language.
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
