//! The words for kinds, stances, outcomes, timeline entries and notices, in the member's language.
use super::types::{Kind, Stance, Status, TimelineEntry};
use crate::i18n::*;
use leptos_i18n::I18nContext;

type I18n = I18nContext<Locale>;

pub fn kind(i18n: I18n, kind: Kind) -> String {
    match kind {
        Kind::LazyConsent => t_string!(i18n, decisions.kind.lazy_consent),
        Kind::ThreeConnector => t_string!(i18n, decisions.kind.three_connector),
        Kind::SenseCheck => t_string!(i18n, decisions.kind.sense_check),
        Kind::Poll => t_string!(i18n, decisions.kind.poll),
    }
    .to_string()
}

/// What the kind's rule is, in a sentence, for the proposal page and the form.
pub fn rule(i18n: I18n, kind: Kind) -> String {
    match kind {
        Kind::LazyConsent => t_string!(i18n, decisions.rule.lazy_consent),
        Kind::ThreeConnector => t_string!(i18n, decisions.rule.three_connector),
        Kind::SenseCheck => t_string!(i18n, decisions.rule.sense_check),
        Kind::Poll => t_string!(i18n, decisions.rule.poll),
    }
    .to_string()
}

/// A stance's name; an objection in a sense check reads "disagree".
pub fn stance(i18n: I18n, kind: Kind, stance: Stance) -> String {
    match (stance, kind) {
        (Stance::Agree, _) => t_string!(i18n, decisions.stance.agree),
        (Stance::Abstain, _) => t_string!(i18n, decisions.stance.abstain),
        (Stance::Object, Kind::SenseCheck) => t_string!(i18n, decisions.stance.disagree),
        (Stance::Object, _) => t_string!(i18n, decisions.stance.object),
        (Stance::Block, _) => t_string!(i18n, decisions.stance.block),
        (Stance::Choice, _) => t_string!(i18n, decisions.stance.choice),
    }
    .to_string()
}

pub fn status(i18n: I18n, status: Status) -> String {
    match status {
        Status::Open => t_string!(i18n, decisions.status.open),
        Status::Passed => t_string!(i18n, decisions.status.passed),
        Status::Blocked => t_string!(i18n, decisions.status.blocked),
        Status::Withdrawn => t_string!(i18n, decisions.status.withdrawn),
        Status::Lapsed => t_string!(i18n, decisions.status.lapsed),
        Status::Closed => t_string!(i18n, decisions.status.closed),
    }
    .to_string()
}

pub fn scope(i18n: I18n, city_name: Option<&str>) -> String {
    match city_name {
        Some(city) => city.to_string(),
        None => t_string!(i18n, decisions.network).to_string(),
    }
}

/// One timeline line, without its time and note.
pub fn timeline(i18n: I18n, kind: Kind, entry: &TimelineEntry) -> String {
    let name = entry
        .actor
        .as_ref()
        .map(|actor| actor.name.clone())
        .unwrap_or_else(|| t_string!(i18n, decisions.someone).to_string());
    let detail = entry.detail.as_str();
    match entry.kind.as_str() {
        "proposed" => t_string!(i18n, decisions.timeline.proposed, name).to_string(),
        "stance" => {
            let stance = Stance::parse(detail)
                .map(|s| stance(i18n, kind, s))
                .unwrap_or_default();
            t_string!(i18n, decisions.timeline.stance, name, stance).to_string()
        }
        "block_withdrawn" => t_string!(i18n, decisions.timeline.block_withdrawn, name).to_string(),
        "revised" => {
            let version = detail.to_string();
            t_string!(i18n, decisions.timeline.revised, name, version).to_string()
        }
        "closing_soon" => {
            let count = detail.to_string();
            t_string!(i18n, decisions.timeline.closing_soon, count).to_string()
        }
        "closed" => {
            let outcome = Status::parse(detail)
                .map(|s| status(i18n, s))
                .unwrap_or_default();
            t_string!(i18n, decisions.timeline.closed, outcome).to_string()
        }
        "withdrawn" => t_string!(i18n, decisions.timeline.withdrawn, name).to_string(),
        "outcome_statement" => {
            t_string!(i18n, decisions.timeline.outcome_statement, name).to_string()
        }
        "review_due" => t_string!(i18n, decisions.timeline.review_due).to_string(),
        _ => String::new(),
    }
}

pub fn notice(i18n: I18n, kind: &str, title: &str) -> String {
    let title = title.to_string();
    match kind {
        "closing_soon" => t_string!(i18n, decisions.notice.closing_soon, title).to_string(),
        "revised" => t_string!(i18n, decisions.notice.revised, title).to_string(),
        "blocked" => t_string!(i18n, decisions.notice.blocked, title).to_string(),
        "closed" => t_string!(i18n, decisions.notice.closed, title).to_string(),
        "review_due" => t_string!(i18n, decisions.notice.review_due, title).to_string(),
        _ => title,
    }
}
