//! A ballot as a form sends it, read and checked against the round's rules with the engine's
//! own validation. Pure, so the browser can check before sending and the server again after.
use super::ballot_setup::BallotSetup;
use crate::error::{AppError, Problem};
use budget_rules::{amount, BallotError, Choice, Project};

/// No round has this many projects: a longer ballot is not a ballot.
const CHOICES_MAX: usize = 1_000;

fn bad() -> AppError {
    AppError::invalid("ballot", Problem::BadBallot)
}

/// Ticked project ids: (project id, 1) each.
pub fn read_approvals(ids: &[String]) -> Result<Vec<(i64, i64)>, AppError> {
    if ids.len() > CHOICES_MAX {
        return Err(bad());
    }
    ids.iter()
        .map(|id| {
            id.trim()
                .parse::<i64>()
                .map(|id| (id, 1))
                .map_err(|_| bad())
        })
        .collect()
}

/// Points typed per project id; blank fields are skipped, anything else must be a number.
pub fn read_points(
    points: &std::collections::BTreeMap<String, String>,
) -> Result<Vec<(i64, i64)>, AppError> {
    if points.len() > CHOICES_MAX {
        return Err(bad());
    }
    let mut choices = Vec::new();
    for (id, value) in points {
        let value = value.trim();
        if value.is_empty() || value == "0" {
            continue;
        }
        let project = id.trim().parse::<i64>().map_err(|_| bad())?;
        let weight = value
            .parse::<i64>()
            .map_err(|_| AppError::invalid("ballot", Problem::BadNumber))?;
        choices.push((project, weight));
    }
    Ok(choices)
}

/// Checks the choices against the round's rules and its accepted projects (id, cost).
pub fn check(
    setup: &BallotSetup,
    accepted: &[(i64, i64)],
    choices: &[(i64, i64)],
) -> Result<(), AppError> {
    let projects: Vec<Project> = accepted
        .iter()
        .map(|(id, cost)| Project::new(id.to_string(), amount(*cost)))
        .collect();
    let engine_choices: Vec<Choice> = choices
        .iter()
        .map(|(project, weight)| match setup.uses_points() {
            true => Choice::points(project.to_string(), amount(*weight)),
            false => Choice::approve(project.to_string()),
        })
        .collect();
    budget_rules::validate_ballot(&setup.engine_rules(), &projects, &engine_choices)
        .map_err(|error| AppError::invalid("ballot", problem_of(&error)))
}

fn problem_of(error: &BallotError) -> Problem {
    match error {
        BallotError::TooFew { .. } => Problem::TooFewChoices,
        BallotError::TooMany { max, .. } => Problem::TooMany { max: *max },
        BallotError::OverCostLimit { .. } => Problem::OverBallotCost,
        BallotError::OverPointsPerProject { .. } | BallotError::OverTotalPoints { .. } => {
            Problem::TooManyPoints
        }
        _ => Problem::BadBallot,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::ballot_setup::BallotKind;

    fn approval(max_projects: Option<usize>, max_total_cost_cents: Option<i64>) -> BallotSetup {
        BallotSetup {
            budget_cents: 10_000,
            kind: BallotKind::Approval {
                min_projects: Some(1),
                max_projects,
                max_total_cost_cents,
            },
            rule: budget_rules::Rule::Mes,
            counts_public: false,
        }
    }

    const ACCEPTED: [(i64, i64); 3] = [(4, 3_000), (5, 5_000), (6, 7_000)];

    #[test]
    fn choices_are_read_and_garbage_refused() {
        let ids = |list: &[&str]| list.iter().map(|id| id.to_string()).collect::<Vec<_>>();
        assert_eq!(read_approvals(&ids(&["4", " 5"])), Ok(vec![(4, 1), (5, 1)]));
        assert!(read_approvals(&ids(&["x"])).is_err());
        let points: std::collections::BTreeMap<String, String> =
            [("4", "3"), ("6", " 2 "), ("7", ""), ("8", "0")]
                .into_iter()
                .map(|(id, value)| (id.to_string(), value.to_string()))
                .collect();
        assert_eq!(read_points(&points), Ok(vec![(4, 3), (6, 2)]));
        let junk: std::collections::BTreeMap<String, String> =
            [("4".to_string(), "lots".to_string())]
                .into_iter()
                .collect();
        assert!(read_points(&junk).is_err());
    }

    #[test]
    fn ballots_keep_to_the_rounds_limits() {
        let setup = approval(Some(2), Some(9_000));
        assert_eq!(check(&setup, &ACCEPTED, &[(4, 1), (5, 1)]), Ok(()));
        let problem = |choices: &[(i64, i64)]| match check(&setup, &ACCEPTED, choices) {
            Err(AppError::Invalid { problem, .. }) => Some(problem),
            _ => None,
        };
        assert_eq!(problem(&[]), Some(Problem::TooFewChoices));
        assert_eq!(
            problem(&[(4, 1), (5, 1), (6, 1)]),
            Some(Problem::TooMany { max: 2 })
        );
        assert_eq!(problem(&[(5, 1), (6, 1)]), Some(Problem::OverBallotCost));
        assert_eq!(
            problem(&[(9, 1)]),
            Some(Problem::BadBallot),
            "not an accepted project"
        );
        assert_eq!(
            problem(&[(4, 1), (4, 1)]),
            Some(Problem::BadBallot),
            "twice the same"
        );
    }

    #[test]
    fn points_keep_to_their_limits() {
        let setup = BallotSetup {
            kind: BallotKind::Cumulative {
                max_per_project: Some(5),
                max_total: 8,
            },
            ..approval(None, None)
        };
        assert_eq!(check(&setup, &ACCEPTED, &[(4, 5), (5, 3)]), Ok(()));
        assert!(check(&setup, &ACCEPTED, &[(4, 6)]).is_err());
        assert!(check(&setup, &ACCEPTED, &[(4, 5), (5, 4)]).is_err());
        assert!(check(&setup, &ACCEPTED, &[(4, 0)]).is_err());
    }
}
