//! How each kind of proposal moves from open to its outcome, without I/O: the server functions
//! and the scheduler ask this module what a stance, a revision, a withdrawal or the closing time
//! does, and store the answer.
use super::types::{Kind, Stance, Status, Tally, CONNECTORS_NEEDED};

/// Something that happens to a proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A member took or changed a stance (the tally already counts it).
    StanceTaken,
    /// The member who blocked withdrew their block (the tally no longer counts it).
    BlockWithdrawn,
    /// The author revised the text.
    Revised,
    /// The author withdrew the proposal.
    Withdrawn,
    /// The closing time came.
    ClosingTime,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The proposal already has its outcome.
    NotOpen,
    /// This stance does not exist for this kind, or not for this person.
    StanceNotOffered,
    /// Objecting or blocking needs a reason.
    ReasonRequired,
    /// A poll vote names an option; other stances do not.
    OptionMismatch,
    /// Only lazy consent has blocks to withdraw.
    NoBlocks,
}

/// The stances a kind offers to someone, given whether they are a connector of the scope.
/// Lazy consent: anyone agrees, abstains or objects, only the scope's connectors block. The
/// 3-connector rule is the scope's connectors' call: they agree or object. A sense check asks
/// everyone to agree, abstain or disagree; a poll, to choose.
pub fn stances_offered(kind: Kind, scope_connector: bool) -> &'static [Stance] {
    match (kind, scope_connector) {
        (Kind::LazyConsent, true) => &[
            Stance::Agree,
            Stance::Abstain,
            Stance::Object,
            Stance::Block,
        ],
        (Kind::LazyConsent, false) => &[Stance::Agree, Stance::Abstain, Stance::Object],
        (Kind::ThreeConnector, true) => &[Stance::Agree, Stance::Object],
        (Kind::ThreeConnector, false) => &[],
        (Kind::SenseCheck, _) => &[Stance::Agree, Stance::Abstain, Stance::Object],
        (Kind::Poll, _) => &[Stance::Choice],
    }
}

/// Whether the stance needs a reason: an objection or a block in a binding decision must say why,
/// so the author can answer it.
pub fn reason_required(kind: Kind, stance: Stance) -> bool {
    matches!(kind, Kind::LazyConsent | Kind::ThreeConnector)
        && matches!(stance, Stance::Object | Stance::Block)
}

/// Checks a stance before it is stored.
pub fn check_stance(
    kind: Kind,
    status: Status,
    scope_connector: bool,
    stance: Stance,
    reason: &str,
    has_option: bool,
) -> Result<(), Refusal> {
    if !status.is_open() {
        return Err(Refusal::NotOpen);
    }
    if !stances_offered(kind, scope_connector).contains(&stance) {
        return Err(Refusal::StanceNotOffered);
    }
    if has_option != (stance == Stance::Choice) {
        return Err(Refusal::OptionMismatch);
    }
    if reason_required(kind, stance) && reason.trim().is_empty() {
        return Err(Refusal::ReasonRequired);
    }
    Ok(())
}

/// The status after `trigger`, or why it cannot happen. A proposal that is no longer open stays
/// as it is, which is what makes closing happen once: a second close is refused.
pub fn next(
    kind: Kind,
    status: Status,
    tally: &Tally,
    trigger: Trigger,
) -> Result<Status, Refusal> {
    if !status.is_open() {
        return Err(Refusal::NotOpen);
    }
    match trigger {
        Trigger::Withdrawn => Ok(Status::Withdrawn),
        Trigger::Revised => Ok(Status::Open),
        Trigger::BlockWithdrawn if kind != Kind::LazyConsent => Err(Refusal::NoBlocks),
        Trigger::StanceTaken | Trigger::BlockWithdrawn => Ok(early_outcome(kind, tally)),
        Trigger::ClosingTime => Ok(at_closing(kind, tally)),
    }
}

/// Only the 3-connector rule decides before the closing time: three agreeing connectors and no
/// objecting one pass it at once.
fn early_outcome(kind: Kind, tally: &Tally) -> Status {
    if kind == Kind::ThreeConnector && three_connectors_agree(tally) {
        Status::Passed
    } else {
        Status::Open
    }
}

fn three_connectors_agree(tally: &Tally) -> bool {
    tally.connectors_object == 0 && tally.connectors_agree >= CONNECTORS_NEEDED
}

/// Lazy consent passes unless a block stands: silence is consent, objections are heard but do not
/// stop it. The 3-connector rule is blocked by a standing objection and lapses without three
/// agreeing connectors. Sense checks and polls simply close with their results.
fn at_closing(kind: Kind, tally: &Tally) -> Status {
    match kind {
        Kind::LazyConsent if tally.block > 0 => Status::Blocked,
        Kind::LazyConsent => Status::Passed,
        Kind::ThreeConnector if tally.connectors_object > 0 => Status::Blocked,
        Kind::ThreeConnector if three_connectors_agree(tally) => Status::Passed,
        Kind::ThreeConnector => Status::Lapsed,
        Kind::SenseCheck | Kind::Poll => Status::Closed,
    }
}

/// Binding decisions have an outcome budgets can rely on.
pub fn is_binding(kind: Kind) -> bool {
    matches!(kind, Kind::LazyConsent | Kind::ThreeConnector)
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
