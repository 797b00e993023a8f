//! `edges pb`: pabulib `.pb` files. `tally` counts one with a budgeting rule; `import` makes a
//! ballot round of it and `export` writes a round back as one.
pub mod export;
pub mod import;

use budget_rules::{amount, format_amount, pabulib, tally, Amount, Rule, TieBreak};
use num_traits::ToPrimitive;
use std::path::Path;

/// An amount of the network's currency in whole cents, when it is one and fits a ledger entry.
fn cents(value: &Amount) -> Option<i64> {
    let cents = value * amount(100);
    let whole = cents.is_integer().then(|| cents.to_integer().to_i64())??;
    (0..=app::budget::money::MAX_CENTS)
        .contains(&whole)
        .then_some(whole)
}

pub struct Tally {
    pub selected: Vec<String>,
    pub spent: String,
    pub budget: String,
}

pub fn tally_file(
    path: &Path,
    rule: Rule,
) -> Result<Tally, Box<dyn std::error::Error + Send + Sync>> {
    let bytes =
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let election =
        pabulib::parse_bytes(&bytes).map_err(|error| format!("{}: {error}", path.display()))?;
    let outcome = tally(&election, rule, TieBreak::default());
    Ok(Tally {
        selected: outcome.selected_sorted(),
        spent: format_amount(&outcome.total_cost),
        budget: format_amount(&outcome.budget),
    })
}

impl Tally {
    /// One JSON line: `{"selected":[ids…],"spent":…,"budget":…}`.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "selected": self.selected,
            "spent": number(&self.spent),
            "budget": number(&self.budget),
        })
        .to_string()
    }
}

/// Amounts are exact decimals; JSON carries them as numbers when they fit one, else as text.
fn number(amount: &str) -> serde_json::Value {
    amount
        .parse::<serde_json::Number>()
        .map(serde_json::Value::Number)
        .unwrap_or_else(|_| serde_json::Value::String(amount.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_a_shared_election_like_pabutools() {
        // ../shared beside the checkout, as the workspace's tests find it.
        let file = "shared/pabulib/poland_gdynia_2020_maly-kack-large.pb";
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|dir| dir.join(file))
            .find(|path| path.is_file())
            .expect("shared/pabulib beside the checkout");
        let result = tally_file(&path, Rule::Phragmen).unwrap();
        assert_eq!(result.selected, vec!["1", "6"]);
        let json: serde_json::Value = serde_json::from_str(&result.to_json()).unwrap();
        assert_eq!(json["selected"], serde_json::json!(["1", "6"]));
        assert!(json["budget"].is_number());
    }

    #[test]
    fn a_missing_file_is_a_clear_error() {
        let error = tally_file(Path::new("/nonexistent.pb"), Rule::Greedy)
            .err()
            .unwrap();
        assert!(error.to_string().contains("cannot read /nonexistent.pb"));
    }
}
