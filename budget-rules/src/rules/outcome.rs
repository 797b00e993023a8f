//! What a rule returns: the winners and, for every project, why it won or lost.

use serde::{Deserialize, Serialize};

use super::{Context, Rule};
use crate::amount::Amount;
use crate::tie_break::TieBreak;

/// The result of one count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub rule: Rule,
    pub tie_break: TieBreak,
    pub budget: Amount,
    /// Selected project ids, in the order the rule picked them.
    pub selected: Vec<String>,
    /// Sum of the selected projects' costs.
    pub total_cost: Amount,
    /// One entry per project, in election order.
    pub projects: Vec<ProjectResult>,
    /// MES rules: the budget each voter started with in the run reported here.
    pub voter_budget: Option<Amount>,
    /// Add1 rules: how many times every voter's budget was raised by one unit.
    pub budget_increments: Option<u64>,
}

impl Outcome {
    /// Selected ids sorted as strings (the order pabutools results are compared in).
    pub fn selected_sorted(&self) -> Vec<String> {
        let mut ids = self.selected.clone();
        ids.sort();
        ids
    }

    pub fn is_selected(&self, id: &str) -> bool {
        self.selected.iter().any(|s| s == id)
    }

    pub fn project(&self, id: &str) -> Option<&ProjectResult> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// Budget left unspent.
    pub fn remaining(&self) -> Amount {
        &self.budget - &self.total_cost
    }
}

/// One project's fate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectResult {
    pub id: String,
    pub cost: Amount,
    /// Voters who approve it (ranked it, or gave it positive points).
    pub approvals: u64,
    /// Total points, for cumulative and scoring ballots.
    pub points: Option<Amount>,
    /// Index in [`Outcome::selected`] when selected.
    pub position: Option<usize>,
    /// What the rule itself decided.
    pub reason: Reason,
    /// mes-add1u: what the greedy completion did, when it ran. Boxed, as the other rules never
    /// set it: every project's entry is then smaller to build and to move.
    pub completion: Option<Box<Reason>>,
}

/// Why a project was or was not selected, with the numbers that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// Greedy: its turn came and it fit in what was left.
    Fitted { remaining_before: Amount },
    /// Greedy: its turn came but it cost more than what was left.
    DidNotFit { remaining: Amount },
    /// MES: approved and free, so taken before any round.
    Free,
    /// MES: its supporters bought it in `round` (1-based). Each supporter who could paid
    /// `share`; supporters with less left paid all they had. `rho` is the price per unit of
    /// utility (share / cost with cost utilities): the lowest `rho` wins a round.
    Bought {
        round: usize,
        rho: Amount,
        share: Amount,
        full_payers: u64,
        partial_payers: u64,
    },
    /// MES: in `round` its supporters together were found to have less money than its cost
    /// (rounds only look at projects that could still win, so it may have happened earlier);
    /// `supporters_money` is what they had left when the count ended.
    Unaffordable {
        round: usize,
        supporters_money: Amount,
    },
    /// Phragmén: selected in `round` (1-based); its supporters' load rose to `load`
    /// (`None`: it had no supporters, so nobody carries it).
    Loaded { round: usize, load: Option<Amount> },
    /// Phragmén: it had the lowest new load but did not fit, which ends the count.
    StoppedCount { load: Option<Amount> },
    /// Phragmén: the count ended before its turn; `load` is what it would have cost its
    /// supporters then (`None` when it has no supporters).
    NotReached { load: Option<Amount> },
    /// It costs more than the whole budget.
    OverBudget,
    /// Nobody approved it.
    NoSupporters,
}

/// A result under construction, by project index: each project's entry is built once, and the
/// rule writes its reasons in place.
pub(crate) struct Draft {
    pub order: Vec<usize>,
    projects: Vec<ProjectResult>,
    pub voter_budget: Option<Amount>,
    pub budget_increments: Option<u64>,
}

impl Draft {
    pub fn new(ctx: &Context, placeholder: Reason) -> Draft {
        let e = ctx.election;
        let projects = e
            .projects
            .iter()
            .enumerate()
            .map(|(p, project)| ProjectResult {
                id: project.id.clone(),
                cost: project.cost.clone(),
                approvals: ctx.profile.approvals[p],
                points: ctx.points.as_ref().map(|pts| pts[p].clone()),
                position: None,
                reason: placeholder.clone(),
                completion: None,
            })
            .collect();
        Draft {
            order: Vec::with_capacity(e.projects.len()),
            projects,
            voter_budget: None,
            budget_increments: None,
        }
    }

    pub fn num_projects(&self) -> usize {
        self.projects.len()
    }

    /// Adds `project` to the selection, leaving its reason for the caller to set.
    pub fn push(&mut self, project: usize) {
        self.projects[project].position = Some(self.order.len());
        self.order.push(project);
    }

    pub fn select(&mut self, project: usize, reason: Reason) {
        self.push(project);
        self.set_reason(project, reason);
    }

    pub fn set_reason(&mut self, project: usize, reason: Reason) {
        self.projects[project].reason = reason;
    }

    pub fn set_completion(&mut self, project: usize, reason: Reason) {
        self.projects[project].completion = Some(Box::new(reason));
    }

    pub fn is_selected(&self, project: usize) -> bool {
        self.projects[project].position.is_some()
    }

    pub fn finish(self, ctx: &Context, rule: Rule, tie_break: TieBreak) -> Outcome {
        let e = ctx.election;
        Outcome {
            rule,
            tie_break,
            budget: e.budget.clone(),
            selected: self
                .order
                .iter()
                .map(|&p| e.projects[p].id.clone())
                .collect(),
            total_cost: ctx.money.amount(ctx.money.total(&self.order)),
            projects: self.projects,
            voter_budget: self.voter_budget,
            budget_increments: self.budget_increments,
        }
    }
}
