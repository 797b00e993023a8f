//! Acceptance test: every rule on every approval instance selects exactly what pabutools 1.2.3
//! selects (shared/pabulib/expected.json).

mod common;

use std::time::Instant;

use budget_rules::{tally, Rule, TieBreak};
use serde_json::Value;

#[test]
fn every_rule_matches_pabutools_on_every_instance() {
    let dir = common::pabulib_dir();
    let text = std::fs::read_to_string(dir.join("expected.json")).expect("read expected.json");
    let expected: Value = serde_json::from_str(&text).expect("expected.json is JSON");
    let instances = expected["instances"].as_object().expect("instances object");
    assert!(!instances.is_empty(), "expected.json lists no instances");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (file, rules) in instances {
        let election = common::load(&dir, file);
        for (rule_name, case) in rules.as_object().expect("rules object") {
            let rule: Rule = rule_name.parse().unwrap_or_else(|e| panic!("{file}: {e}"));
            let want: Vec<String> = case["selected"]
                .as_array()
                .expect("selected array")
                .iter()
                .map(|v| v.as_str().expect("id string").to_string())
                .collect();
            let started = Instant::now();
            let outcome = tally(&election, rule, TieBreak::default());
            let took = started.elapsed().as_secs_f64();
            let pabutools = case["pabutools_seconds"].as_f64().unwrap_or(f64::NAN);
            eprintln!(
                "{file:60} {rule_name:10} {took:9.4}s (pabutools {pabutools:.4}s) voters {} raises {:?}",
                election.ballots.len(),
                outcome.budget_increments
            );
            let got = outcome.selected_sorted();
            if got != want {
                failures.push(format!(
                    "{file} {rule_name}: got {got:?}, expected {want:?}"
                ));
            }
            assert!(
                outcome.total_cost <= outcome.budget,
                "{file} {rule_name} overspends"
            );
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
