//! Every kind, every status, every trigger.
use super::*;

fn tally(agree: i64, object: i64, block: i64) -> Tally {
    Tally {
        agree,
        object,
        block,
        ..Tally::default()
    }
}

fn connectors(agree: i64, object: i64) -> Tally {
    Tally {
        agree,
        object,
        connectors_agree: agree,
        connectors_object: object,
        ..Tally::default()
    }
}

const TRIGGERS: [Trigger; 5] = [
    Trigger::StanceTaken,
    Trigger::BlockWithdrawn,
    Trigger::Revised,
    Trigger::Withdrawn,
    Trigger::ClosingTime,
];

#[test]
fn nothing_moves_a_proposal_that_has_its_outcome() {
    for kind in Kind::ALL {
        for status in Status::ALL.into_iter().filter(|status| !status.is_open()) {
            for trigger in TRIGGERS {
                assert_eq!(
                    next(kind, status, &tally(5, 0, 0), trigger),
                    Err(Refusal::NotOpen),
                    "{kind:?} {status:?} {trigger:?}"
                );
            }
            assert_eq!(
                check_stance(kind, status, true, Stance::Agree, "", false),
                Err(Refusal::NotOpen)
            );
        }
    }
}

#[test]
fn every_open_proposal_can_be_withdrawn_or_revised_and_stays_open_when_revised() {
    for kind in Kind::ALL {
        let open = Status::Open;
        assert_eq!(
            next(kind, open, &tally(0, 0, 1), Trigger::Withdrawn),
            Ok(Status::Withdrawn)
        );
        assert_eq!(
            next(kind, open, &tally(0, 0, 1), Trigger::Revised),
            Ok(Status::Open),
            "a revision answers a block but does not lift it: the blocker does"
        );
    }
}

#[test]
fn lazy_consent_passes_at_closing_unless_a_block_stands() {
    let kind = Kind::LazyConsent;
    let open = Status::Open;
    assert_eq!(
        next(kind, open, &tally(0, 0, 0), Trigger::ClosingTime),
        Ok(Status::Passed),
        "silence is consent"
    );
    assert_eq!(
        next(kind, open, &tally(1, 4, 0), Trigger::ClosingTime),
        Ok(Status::Passed),
        "objections are heard but do not stop it"
    );
    assert_eq!(
        next(kind, open, &tally(9, 0, 1), Trigger::ClosingTime),
        Ok(Status::Blocked)
    );
    // Stances never close it early, however many agree.
    assert_eq!(
        next(kind, open, &connectors(50, 0), Trigger::StanceTaken),
        Ok(Status::Open)
    );
}

#[test]
fn a_withdrawn_block_lets_lazy_consent_pass() {
    let kind = Kind::LazyConsent;
    // Blocked, revised, then the block is withdrawn: the tally has no block left.
    let blocked = tally(2, 0, 1);
    assert_eq!(
        next(kind, Status::Open, &blocked, Trigger::StanceTaken),
        Ok(Status::Open)
    );
    assert_eq!(
        next(kind, Status::Open, &blocked, Trigger::Revised),
        Ok(Status::Open)
    );
    let lifted = tally(2, 0, 0);
    assert_eq!(
        next(kind, Status::Open, &lifted, Trigger::BlockWithdrawn),
        Ok(Status::Open)
    );
    assert_eq!(
        next(kind, Status::Open, &lifted, Trigger::ClosingTime),
        Ok(Status::Passed)
    );
    // With two blocks and one withdrawn, the other still stands.
    assert_eq!(
        next(kind, Status::Open, &tally(2, 0, 1), Trigger::ClosingTime),
        Ok(Status::Blocked)
    );
}

#[test]
fn only_lazy_consent_has_blocks_to_withdraw() {
    for kind in [Kind::ThreeConnector, Kind::SenseCheck, Kind::Poll] {
        assert_eq!(
            next(kind, Status::Open, &tally(0, 0, 0), Trigger::BlockWithdrawn),
            Err(Refusal::NoBlocks)
        );
    }
}

#[test]
fn three_connectors_pass_at_once_unless_one_objects() {
    let kind = Kind::ThreeConnector;
    let open = Status::Open;
    assert_eq!(
        next(kind, open, &connectors(2, 0), Trigger::StanceTaken),
        Ok(Status::Open)
    );
    assert_eq!(
        next(kind, open, &connectors(3, 0), Trigger::StanceTaken),
        Ok(Status::Passed)
    );
    assert_eq!(
        next(kind, open, &connectors(3, 1), Trigger::StanceTaken),
        Ok(Status::Open),
        "an objection holds it"
    );
    // Members' agreement does not count: only connectors of the scope.
    let members = Tally {
        agree: 10,
        connectors_agree: 2,
        ..Tally::default()
    };
    assert_eq!(
        next(kind, open, &members, Trigger::StanceTaken),
        Ok(Status::Open)
    );
    // A revision with three agreeing connectors standing passes it too.
    assert_eq!(
        next(kind, open, &connectors(3, 0), Trigger::Revised),
        Ok(Status::Open)
    );
}

#[test]
fn three_connectors_at_closing_time_block_or_lapse() {
    let kind = Kind::ThreeConnector;
    let open = Status::Open;
    assert_eq!(
        next(kind, open, &connectors(4, 1), Trigger::ClosingTime),
        Ok(Status::Blocked)
    );
    assert_eq!(
        next(kind, open, &connectors(2, 0), Trigger::ClosingTime),
        Ok(Status::Lapsed)
    );
    assert_eq!(
        next(kind, open, &connectors(0, 0), Trigger::ClosingTime),
        Ok(Status::Lapsed),
        "silence is not consent under the 3-connector rule"
    );
    assert_eq!(
        next(kind, open, &connectors(3, 0), Trigger::ClosingTime),
        Ok(Status::Passed)
    );
}

#[test]
fn sense_checks_and_polls_close_with_their_results() {
    for kind in [Kind::SenseCheck, Kind::Poll] {
        for counts in [tally(0, 0, 0), tally(3, 7, 0), connectors(3, 0)] {
            assert_eq!(
                next(kind, Status::Open, &counts, Trigger::StanceTaken),
                Ok(Status::Open)
            );
            assert_eq!(
                next(kind, Status::Open, &counts, Trigger::ClosingTime),
                Ok(Status::Closed)
            );
        }
    }
}

#[test]
fn only_connectors_of_the_scope_block() {
    let open = Status::Open;
    let reason = "it spends the city's budget";
    assert_eq!(
        check_stance(Kind::LazyConsent, open, false, Stance::Block, reason, false),
        Err(Refusal::StanceNotOffered)
    );
    assert_eq!(
        check_stance(Kind::LazyConsent, open, true, Stance::Block, reason, false),
        Ok(())
    );
    for kind in [Kind::ThreeConnector, Kind::SenseCheck, Kind::Poll] {
        assert_eq!(
            check_stance(kind, open, true, Stance::Block, reason, false),
            Err(Refusal::StanceNotOffered),
            "{kind:?} has no blocks"
        );
    }
}

#[test]
fn the_three_connector_rule_is_for_connectors_only() {
    assert!(stances_offered(Kind::ThreeConnector, false).is_empty());
    assert_eq!(
        check_stance(
            Kind::ThreeConnector,
            Status::Open,
            false,
            Stance::Agree,
            "",
            false
        ),
        Err(Refusal::StanceNotOffered)
    );
    assert_eq!(
        check_stance(
            Kind::ThreeConnector,
            Status::Open,
            true,
            Stance::Agree,
            "",
            false
        ),
        Ok(())
    );
    assert_eq!(
        check_stance(
            Kind::ThreeConnector,
            Status::Open,
            true,
            Stance::Abstain,
            "",
            false
        ),
        Err(Refusal::StanceNotOffered)
    );
}

#[test]
fn objecting_and_blocking_need_a_reason_in_binding_decisions_only() {
    let open = Status::Open;
    for (kind, stance) in [
        (Kind::LazyConsent, Stance::Object),
        (Kind::LazyConsent, Stance::Block),
        (Kind::ThreeConnector, Stance::Object),
    ] {
        assert_eq!(
            check_stance(kind, open, true, stance, "  \n", false),
            Err(Refusal::ReasonRequired)
        );
        assert_eq!(
            check_stance(kind, open, true, stance, "because", false),
            Ok(())
        );
    }
    assert_eq!(
        check_stance(Kind::SenseCheck, open, false, Stance::Object, "", false),
        Ok(())
    );
    assert_eq!(
        check_stance(Kind::LazyConsent, open, false, Stance::Agree, "", false),
        Ok(())
    );
}

#[test]
fn polls_take_choices_and_choices_name_an_option() {
    let open = Status::Open;
    assert_eq!(
        check_stance(Kind::Poll, open, false, Stance::Choice, "", true),
        Ok(())
    );
    assert_eq!(
        check_stance(Kind::Poll, open, false, Stance::Choice, "", false),
        Err(Refusal::OptionMismatch)
    );
    assert_eq!(
        check_stance(Kind::Poll, open, false, Stance::Agree, "", false),
        Err(Refusal::StanceNotOffered)
    );
    assert_eq!(
        check_stance(Kind::SenseCheck, open, false, Stance::Agree, "", true),
        Err(Refusal::OptionMismatch)
    );
    assert_eq!(
        check_stance(Kind::LazyConsent, open, false, Stance::Choice, "", true),
        Err(Refusal::StanceNotOffered)
    );
}

#[test]
fn only_lazy_consent_and_three_connector_decisions_bind() {
    assert!(is_binding(Kind::LazyConsent));
    assert!(is_binding(Kind::ThreeConnector));
    assert!(!is_binding(Kind::SenseCheck));
    assert!(!is_binding(Kind::Poll));
}
