//! What a round accepts as a ballot, and checking a submitted ballot against it.
//!
//! A round takes either approval ballots (a set of projects, optionally between a minimum and
//! a maximum number of them and within a total cost, the "knapsack" ballot) or cumulative
//! ballots (points spread over projects, within a maximum per project and a maximum in all).
//! [`validate_ballot`] names the first problem found, checking the choices in the order given
//! and then the ballot as a whole, so a voter is told about the project at fault first.

// An error carries the exact amounts at fault (two rationals): large, but made at most once
// per ballot, and matching on it beats unboxing it.
#![allow(clippy::result_large_err)]

use std::collections::{HashMap, HashSet};
use std::fmt;

use num_traits::Zero;
use serde::{Deserialize, Serialize};

use crate::amount::{format_amount, Amount};
use crate::election::Project;

/// The ballot a round accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum BallotRules {
    /// A set of approved projects, without points.
    Approval {
        min_projects: Option<usize>,
        max_projects: Option<usize>,
        /// The approved projects may cost at most this much together.
        max_total_cost: Option<Amount>,
    },
    /// Positive points given to projects.
    Cumulative {
        max_per_project: Option<Amount>,
        max_total: Amount,
    },
}

/// One line of a submitted ballot: a project id and, on cumulative ballots, its points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub project: String,
    pub points: Option<Amount>,
}

impl Choice {
    /// An approval.
    pub fn approve(project: impl Into<String>) -> Choice {
        Choice {
            project: project.into(),
            points: None,
        }
    }

    /// Points for a project.
    pub fn points(project: impl Into<String>, points: Amount) -> Choice {
        Choice {
            project: project.into(),
            points: Some(points),
        }
    }
}

/// Why a ballot is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum BallotError {
    UnknownProject {
        project: String,
    },
    Duplicate {
        project: String,
    },
    /// Points on an approval ballot.
    UnexpectedPoints {
        project: String,
    },
    /// No points for a project on a cumulative ballot.
    MissingPoints {
        project: String,
    },
    /// Zero or negative points: leave the project out instead.
    NonPositivePoints {
        project: String,
        points: Amount,
    },
    OverPointsPerProject {
        project: String,
        points: Amount,
        max: Amount,
    },
    TooFew {
        chosen: usize,
        min: usize,
    },
    TooMany {
        chosen: usize,
        max: usize,
    },
    OverCostLimit {
        total_cost: Amount,
        max: Amount,
    },
    OverTotalPoints {
        total: Amount,
        max: Amount,
    },
}

impl fmt::Display for BallotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = format_amount;
        match self {
            BallotError::UnknownProject { project } => write!(f, "unknown project {project:?}"),
            BallotError::Duplicate { project } => write!(f, "project {project:?} is listed twice"),
            BallotError::UnexpectedPoints { project } => {
                write!(
                    f,
                    "project {project:?} has points, but this ballot only approves"
                )
            }
            BallotError::MissingPoints { project } => {
                write!(f, "project {project:?} needs a number of points")
            }
            BallotError::NonPositivePoints { project, points } => {
                write!(
                    f,
                    "project {project:?} has {} points; give it more than 0 or leave it out",
                    a(points)
                )
            }
            BallotError::OverPointsPerProject {
                project,
                points,
                max,
            } => write!(
                f,
                "project {project:?} has {} points, more than the {} allowed per project",
                a(points),
                a(max)
            ),
            BallotError::TooFew { chosen, min } => {
                write!(f, "{chosen} projects chosen, at least {min} needed")
            }
            BallotError::TooMany { chosen, max } => {
                write!(f, "{chosen} projects chosen, at most {max} allowed")
            }
            BallotError::OverCostLimit { total_cost, max } => write!(
                f,
                "the chosen projects cost {} together, more than the {} allowed",
                a(total_cost),
                a(max)
            ),
            BallotError::OverTotalPoints { total, max } => {
                write!(
                    f,
                    "{} points given, more than the {} allowed",
                    a(total),
                    a(max)
                )
            }
        }
    }
}

impl std::error::Error for BallotError {}

/// Checks `choices` against `rules` for a round with `projects`.
pub fn validate_ballot(
    rules: &BallotRules,
    projects: &[Project],
    choices: &[Choice],
) -> Result<(), BallotError> {
    let costs: HashMap<&str, &Amount> = projects.iter().map(|p| (p.id.as_str(), &p.cost)).collect();
    let mut seen: HashSet<&str> = HashSet::with_capacity(choices.len());
    let mut total_cost = Amount::zero();
    let mut total_points = Amount::zero();
    for choice in choices {
        let project = choice.project.as_str();
        let Some(cost) = costs.get(project) else {
            return Err(BallotError::UnknownProject {
                project: project.into(),
            });
        };
        if !seen.insert(project) {
            return Err(BallotError::Duplicate {
                project: project.into(),
            });
        }
        total_cost += *cost;
        if let Some(points) = check_points(rules, choice)? {
            total_points += points;
        }
    }
    check_totals(rules, choices.len(), &total_cost, &total_points)
}

/// The points of one choice, as the rules allow them.
fn check_points<'c>(
    rules: &BallotRules,
    choice: &'c Choice,
) -> Result<Option<&'c Amount>, BallotError> {
    let project = || choice.project.clone();
    match (rules, &choice.points) {
        (BallotRules::Approval { .. }, None) => Ok(None),
        (BallotRules::Approval { .. }, Some(_)) => {
            Err(BallotError::UnexpectedPoints { project: project() })
        }
        (BallotRules::Cumulative { .. }, None) => {
            Err(BallotError::MissingPoints { project: project() })
        }
        (
            BallotRules::Cumulative {
                max_per_project, ..
            },
            Some(points),
        ) => {
            if *points <= Amount::zero() {
                return Err(BallotError::NonPositivePoints {
                    project: project(),
                    points: points.clone(),
                });
            }
            if let Some(max) = max_per_project.as_ref().filter(|max| points > *max) {
                return Err(BallotError::OverPointsPerProject {
                    project: project(),
                    points: points.clone(),
                    max: max.clone(),
                });
            }
            Ok(Some(points))
        }
    }
}

/// The checks on the ballot as a whole.
fn check_totals(
    rules: &BallotRules,
    chosen: usize,
    total_cost: &Amount,
    total_points: &Amount,
) -> Result<(), BallotError> {
    match rules {
        BallotRules::Approval {
            min_projects,
            max_projects,
            max_total_cost,
        } => {
            if let Some(min) = min_projects.filter(|&min| chosen < min) {
                return Err(BallotError::TooFew { chosen, min });
            }
            if let Some(max) = max_projects.filter(|&max| chosen > max) {
                return Err(BallotError::TooMany { chosen, max });
            }
            if let Some(max) = max_total_cost.as_ref().filter(|max| total_cost > *max) {
                return Err(BallotError::OverCostLimit {
                    total_cost: total_cost.clone(),
                    max: max.clone(),
                });
            }
            Ok(())
        }
        BallotRules::Cumulative { max_total, .. } => {
            if total_points > max_total {
                return Err(BallotError::OverTotalPoints {
                    total: total_points.clone(),
                    max: max_total.clone(),
                });
            }
            Ok(())
        }
    }
}
