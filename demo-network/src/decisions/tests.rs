//! The demo decisions: every kind, in every state, with believable stances.
use super::*;
use crate::generate;

fn demo() -> (DemoParams, DemoNetwork) {
    let params = DemoParams {
        members: 400,
        cities: 8,
        seed: 3,
    };
    (params, generate(&params))
}

#[test]
fn the_same_seed_gives_the_same_decisions() {
    let (params, network) = demo();
    assert_eq!(
        generate_decisions(&params, &network),
        generate_decisions(&params, &network)
    );
}

#[test]
fn every_kind_is_open_in_the_network_and_the_first_city_and_the_past_has_outcomes() {
    let (params, network) = demo();
    let decisions = generate_decisions(&params, &network);
    for city in [None, Some(0)] {
        for kind in ["lazy_consent", "three_connector", "sense_check", "poll"] {
            assert!(
                decisions
                    .iter()
                    .any(|d| d.city == city && d.kind == kind && d.status == "open"),
                "{kind} open in {city:?}"
            );
        }
    }
    let past: Vec<&DemoProposal> = decisions.iter().filter(|d| d.status != "open").collect();
    let cities: std::collections::HashSet<Option<usize>> = past.iter().map(|d| d.city).collect();
    assert!(cities.len() >= 5 && cities.contains(&None), "{cities:?}");
    for status in ["passed", "closed"] {
        assert!(past.iter().any(|d| d.status == status), "{status}");
    }
    assert!(decisions
        .iter()
        .any(|d| d.stances.iter().any(|s| s.stance == "block")));
}

#[test]
fn stances_follow_the_rules() {
    let (params, network) = demo();
    for decision in generate_decisions(&params, &network) {
        let mut people: Vec<usize> = decision.stances.iter().map(|s| s.person).collect();
        people.sort_unstable();
        people.dedup();
        assert_eq!(people.len(), decision.stances.len(), "one stance each");
        for stance in &decision.stances {
            assert!(
                stance.person >= DEMO_ACCOUNTS,
                "the demo accounts have not decided yet"
            );
            let person = &network.people[stance.person];
            if decision.kind == "three_connector" || stance.stance == "block" {
                assert_eq!(person.role, DemoRole::Connector);
            }
            if let Some(city) = decision.city {
                assert_eq!(person.city, city);
            }
            if matches!(stance.stance, "object" | "block") {
                assert!(!stance.reason.is_empty());
            }
            assert_eq!(stance.option.is_some(), decision.kind == "poll");
        }
        assert!(
            decision
                .stances
                .windows(2)
                .all(|pair| pair[0].after <= pair[1].after),
            "in order"
        );
        if decision.status == "open" {
            assert!(decision.open_for > decision.opened_ago, "still open");
            assert!(decision
                .stances
                .iter()
                .all(|s| s.after < decision.opened_ago));
        }
        if decision.kind == "three_connector" && decision.status == "open" {
            assert!(decision.stances.len() < 3);
        }
    }
}
