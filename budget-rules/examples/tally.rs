//! Counts one `.pb` file with one rule and prints the winners and the time the rule took.
//!
//! `cargo run --release -p budget-rules --example tally -- FILE.pb [RULE] [REPEAT]`

use std::time::Instant;

use budget_rules::{format_amount, pabulib, tally, Rule, TieBreak};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        return Err("usage: tally FILE.pb [RULE] [REPEAT]".into());
    };
    let election = pabulib::parse_bytes(&std::fs::read(path)?)?;
    let rules = match args.get(1) {
        Some(name) => vec![name.parse::<Rule>()?],
        None => Rule::ALL.to_vec(),
    };
    let repeat: u32 = args.get(2).map(|r| r.parse()).transpose()?.unwrap_or(1);
    for rule in rules {
        let started = Instant::now();
        let mut outcome = tally(&election, rule, TieBreak::default());
        for _ in 1..repeat {
            outcome = tally(&election, rule, TieBreak::default());
        }
        let took = started.elapsed().as_secs_f64() / f64::from(repeat.max(1));
        println!(
            "{rule:10} {took:.4}s spent {} of {}: {}",
            format_amount(&outcome.total_cost),
            format_amount(&outcome.budget),
            outcome.selected_sorted().join(",")
        );
    }
    Ok(())
}
