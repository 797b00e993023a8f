//! What people type into budget forms. Pure: the server checks everything here, whatever the
//! browser did.
use super::ballot_setup::{BallotKind, BallotSetup};
use super::money::parse_amount;
use super::types::BudgetLine;
use crate::error::{AppError, Problem};

pub const TITLE_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 20_000;
pub const LINES_MAX: usize = 30;
/// A CSV of allocations: one line per member, and no network has more than this many.
pub const CSV_LINES_MAX: usize = 100_000;

pub fn title(field: &str, input: &str) -> Result<String, AppError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(AppError::invalid(field, Problem::Required));
    }
    if text.chars().count() > TITLE_MAX {
        return Err(AppError::invalid(
            field,
            Problem::TooLong { max: TITLE_MAX },
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(AppError::invalid(field, Problem::ControlCharacters));
    }
    Ok(text.to_string())
}

pub fn description(field: &str, input: &str) -> Result<String, AppError> {
    let text = input.trim();
    if text.chars().count() > DESCRIPTION_MAX {
        return Err(AppError::invalid(
            field,
            Problem::TooLong {
                max: DESCRIPTION_MAX,
            },
        ));
    }
    Ok(text.to_string())
}

pub fn amount(field: &str, input: &str) -> Result<i64, AppError> {
    parse_amount(input).map_err(|problem| AppError::invalid(field, problem))
}

/// An optional amount: empty means none.
pub fn optional_amount(field: &str, input: &str) -> Result<Option<i64>, AppError> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    amount(field, input).map(Some)
}

/// Budget lines written one per line as `label: amount` (or `label; amount`).
pub fn budget_lines(input: &str) -> Result<Vec<BudgetLine>, AppError> {
    let mut lines = Vec::new();
    for (index, raw) in input.lines().enumerate() {
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let bad = || AppError::invalid("lines", Problem::BadLine { line: index + 1 });
        let (label, amount) = raw.rsplit_once([':', ';']).ok_or_else(bad)?;
        let label = title("lines", label).map_err(|_| bad())?;
        let amount_cents = parse_amount(amount).map_err(|_| bad())?;
        lines.push(BudgetLine {
            label,
            amount_cents,
        });
        if lines.len() > LINES_MAX {
            return Err(AppError::invalid(
                "lines",
                Problem::TooMany { max: LINES_MAX },
            ));
        }
    }
    Ok(lines)
}

/// A bucket's goals: a positive minimum no larger than the maximum (which defaults to it).
pub fn goals(min: &str, max: &str) -> Result<(i64, i64), AppError> {
    let min_cents = amount("min", min)?;
    let max_cents = optional_amount("max", max)?.unwrap_or(min_cents);
    if max_cents < min_cents {
        return Err(AppError::invalid("max", Problem::MinAboveMax));
    }
    Ok((min_cents, max_cents))
}

/// Allocations pasted as CSV, one `email,amount` per line (a header line is skipped). Answers
/// (line number, email, cents) for each.
pub fn allocation_csv(input: &str) -> Result<Vec<(usize, String, i64)>, AppError> {
    let mut grants = Vec::new();
    for (index, raw) in input.lines().enumerate() {
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let bad = || AppError::invalid("csv", Problem::BadLine { line: index + 1 });
        let (email, amount) = raw.split_once([',', ';', '\t']).ok_or_else(bad)?;
        let email = email.trim().trim_matches('"');
        let amount = amount.trim().trim_matches('"');
        if grants.is_empty() && index == 0 && parse_amount(amount).is_err() {
            continue; // a header row
        }
        let email = crate::accounts::validation::email(email).map_err(|_| bad())?;
        let cents = parse_amount(amount).map_err(|_| bad())?;
        grants.push((index + 1, email, cents));
        if grants.len() > CSV_LINES_MAX {
            return Err(AppError::invalid(
                "csv",
                Problem::TooMany { max: CSV_LINES_MAX },
            ));
        }
    }
    if grants.is_empty() {
        return Err(AppError::invalid("csv", Problem::Required));
    }
    Ok(grants)
}

/// A small whole number typed in a form, or none when left empty.
pub fn optional_count(field: &str, input: &str, max: usize) -> Result<Option<usize>, AppError> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<usize>() {
        Ok(count) if count <= max => Ok(Some(count)),
        Ok(_) => Err(AppError::invalid(field, Problem::TooMany { max })),
        Err(_) => Err(AppError::invalid(field, Problem::BadNumber)),
    }
}

/// The ballot and counting rule of a ballot round, as its creation form sends them: funding
/// rounds leave every field out.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct BallotInput {
    pub budget: String,
    pub ballot_kind: String,
    pub min_projects: String,
    pub max_projects: String,
    pub max_total_cost: String,
    pub max_per_project: String,
    pub max_points: String,
    pub rule: String,
    /// A checkbox sends a value only when ticked.
    pub counts_public: Option<String>,
}

pub const POINTS_MAX: usize = 1_000_000;

pub fn ballot_setup(form: &BallotInput) -> Result<BallotSetup, AppError> {
    let budget_cents = amount("budget", &form.budget)?;
    let rule: budget_rules::Rule = form
        .rule
        .parse()
        .map_err(|_| AppError::invalid("rule", Problem::Required))?;
    let kind = match form.ballot_kind.as_str() {
        "approval" => {
            let min_projects = optional_count("min_projects", &form.min_projects, 1_000)?;
            let max_projects = optional_count("max_projects", &form.max_projects, 1_000)?;
            if let (Some(min), Some(max)) = (min_projects, max_projects) {
                if min > max {
                    return Err(AppError::invalid("max_projects", Problem::MinAboveMax));
                }
            }
            BallotKind::Approval {
                min_projects,
                max_projects,
                max_total_cost_cents: optional_amount("max_total_cost", &form.max_total_cost)?,
            }
        }
        "cumulative" => {
            let max_total = optional_count("max_points", &form.max_points, POINTS_MAX)?
                .filter(|points| *points > 0)
                .ok_or_else(|| AppError::invalid("max_points", Problem::Required))?;
            let max_per_project =
                optional_count("max_per_project", &form.max_per_project, POINTS_MAX)?;
            BallotKind::Cumulative {
                max_per_project: max_per_project.map(|points| points as i64),
                max_total: max_total as i64,
            }
        }
        _ => return Err(AppError::invalid("ballot_kind", Problem::Required)),
    };
    Ok(BallotSetup {
        budget_cents,
        kind,
        rule,
        counts_public: form.counts_public.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_lines_are_read_with_their_amounts_and_bad_lines_named() {
        let lines = budget_lines("Seeds: 120\n\n  Tools ; 80,50 \n").unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (lines[1].label.as_str(), lines[1].amount_cents),
            ("Tools", 8050)
        );
        assert_eq!(
            budget_lines("Seeds: 120\nno amount here"),
            Err(AppError::invalid("lines", Problem::BadLine { line: 2 }))
        );
        assert_eq!(
            budget_lines("Seeds: -3"),
            Err(AppError::invalid("lines", Problem::BadLine { line: 1 }))
        );
    }

    #[test]
    fn goals_default_the_maximum_to_the_minimum() {
        assert_eq!(goals("100", ""), Ok((10_000, 10_000)));
        assert_eq!(goals("100", "250"), Ok((10_000, 25_000)));
        assert_eq!(
            goals("100", "50"),
            Err(AppError::invalid("max", Problem::MinAboveMax))
        );
        assert_eq!(
            goals("", "50"),
            Err(AppError::invalid("min", Problem::Required))
        );
    }

    #[test]
    fn allocation_csv_skips_a_header_and_names_the_bad_line() {
        let grants =
            allocation_csv("email,amount\nana@example.org, 50\n\"bo@example.org\";12.5\n").unwrap();
        assert_eq!(
            grants,
            [
                (2, "ana@example.org".to_string(), 5000),
                (3, "bo@example.org".to_string(), 1250)
            ]
        );
        assert_eq!(
            allocation_csv("ana@example.org,50\nnot an email,3"),
            Err(AppError::invalid("csv", Problem::BadLine { line: 2 }))
        );
        assert_eq!(
            allocation_csv("\n\n"),
            Err(AppError::invalid("csv", Problem::Required))
        );
    }

    fn form(kind: &str, rule: &str) -> BallotInput {
        BallotInput {
            budget: "10000".into(),
            ballot_kind: kind.into(),
            max_projects: "3".into(),
            max_per_project: "5".into(),
            max_points: "10".into(),
            rule: rule.into(),
            ..BallotInput::default()
        }
    }

    #[test]
    fn ballot_rounds_take_a_budget_a_ballot_and_a_rule() {
        let setup = ballot_setup(&form("approval", "mes-add1u")).unwrap();
        assert_eq!(setup.budget_cents, 1_000_000);
        assert_eq!(setup.rule, budget_rules::Rule::MesAdd1Greedy);
        assert_eq!(
            setup.kind,
            BallotKind::Approval {
                min_projects: None,
                max_projects: Some(3),
                max_total_cost_cents: None
            }
        );
        let points = ballot_setup(&form("cumulative", "greedy")).unwrap();
        assert!(points.uses_points());
        assert!(ballot_setup(&form("ranked", "greedy")).is_err());
        assert!(ballot_setup(&form("approval", "borda")).is_err());
        let mut bad = form("approval", "mes");
        bad.min_projects = "4".into();
        assert_eq!(
            ballot_setup(&bad),
            Err(AppError::invalid("max_projects", Problem::MinAboveMax))
        );
        let mut no_points = form("cumulative", "mes");
        no_points.max_points = String::new();
        assert!(ballot_setup(&no_points).is_err());
    }

    #[test]
    fn titles_are_required_short_and_plain() {
        assert_eq!(title("title", "  Seeds "), Ok("Seeds".to_string()));
        assert!(title("title", "").is_err());
        assert!(title("title", &"x".repeat(121)).is_err());
        assert!(title("title", "a\u{7}b").is_err());
    }
}
