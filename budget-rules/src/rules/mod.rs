//! The counting rules. All arithmetic is exact; floating point never decides anything.
//!
//! Every rule reads ballots as approval sets: an approval ballot as it is, an ordinal ballot as
//! the set of projects it ranks, a cumulative or scoring ballot as the projects it gives positive
//! points. The exception is greedy over cumulative and scoring ballots, which ranks projects by
//! total points. Voters who approved nothing still count (they get a share of the budget in MES).

mod completion;
mod exact_int;
mod greedy;
mod horizon;
mod mes;
mod mes_affine;
mod mes_engine;
mod mes_explained;
mod mes_money;
mod mes_search;
mod mes_trace;
mod mes_value;
mod outcome;
mod phragmen;
mod products;
#[cfg(test)]
mod test_elections;
mod wide_sum;

use std::fmt;
use std::str::FromStr;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};
use serde::{Deserialize, Serialize};

use crate::amount::{fraction, Amount};
use crate::election::Election;
use crate::profile::ApprovalProfile;
use crate::tie_break::TieBreak;

pub use outcome::{Outcome, ProjectResult, Reason};

/// A counting rule, named as in the expected results (`greedy`, `mes`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rule {
    /// Most approvals first (total points for cumulative/scoring ballots); a project that no
    /// longer fits is skipped and the count goes on (pabutools `greedy_utilitarian_welfare`
    /// with cost satisfaction).
    #[serde(rename = "greedy")]
    Greedy,
    /// Method of Equal Shares with cost utilities, no completion.
    #[serde(rename = "mes")]
    Mes,
    /// MES, re-run with every voter's budget raised by 1 while the result still fits the real
    /// budget; the last result that fits is returned ("Add1" completion).
    #[serde(rename = "mes-add1")]
    MesAdd1,
    /// [`Rule::MesAdd1`], then greedy with what is left.
    #[serde(rename = "mes-add1u")]
    MesAdd1Greedy,
    /// Sequential Phragmén.
    #[serde(rename = "phragmen")]
    Phragmen,
}

impl Rule {
    pub const ALL: [Rule; 5] = [
        Rule::Greedy,
        Rule::Mes,
        Rule::MesAdd1,
        Rule::MesAdd1Greedy,
        Rule::Phragmen,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::Greedy => "greedy",
            Rule::Mes => "mes",
            Rule::MesAdd1 => "mes-add1",
            Rule::MesAdd1Greedy => "mes-add1u",
            Rule::Phragmen => "phragmen",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The text is not a rule name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown rule {:?} (expected one of greedy, mes, mes-add1, mes-add1u, phragmen)",
            self.0
        )
    }
}

impl std::error::Error for UnknownRule {}

impl FromStr for Rule {
    type Err = UnknownRule;
    fn from_str(s: &str) -> Result<Rule, UnknownRule> {
        Rule::ALL
            .into_iter()
            .find(|r| r.name() == s)
            .ok_or_else(|| UnknownRule(s.into()))
    }
}

/// Runs `rule` on `election`. Deterministic: the same input always gives the same outcome.
///
/// To count one election with several rules, [`PreparedElection`] merges the ballots once.
pub fn tally(election: &Election, rule: Rule, tie_break: TieBreak) -> Outcome {
    PreparedElection::new(election, tie_break).tally(rule)
}

/// An election ready to be counted: identical ballots merged, the tie-break order fixed and
/// costs brought to a common denominator. This is the work every rule shares (pabutools'
/// "multiprofile"); a results page showing several rules pays for it once.
pub struct PreparedElection<'a> {
    ctx: Context<'a>,
    tie_break: TieBreak,
}

impl<'a> PreparedElection<'a> {
    pub fn new(election: &'a Election, tie_break: TieBreak) -> PreparedElection<'a> {
        PreparedElection {
            ctx: Context::new(election, &tie_break),
            tie_break,
        }
    }

    /// Counts with `rule`; the same as [`tally`] on the election.
    pub fn tally(&self, rule: Rule) -> Outcome {
        let ctx = &self.ctx;
        let draft = match rule {
            Rule::Greedy => greedy::run(ctx),
            Rule::Mes => mes::plain(ctx),
            Rule::MesAdd1 => mes::add1(ctx),
            Rule::MesAdd1Greedy => completion::add1_then_greedy(ctx),
            Rule::Phragmen => phragmen::run(ctx),
        };
        draft.finish(ctx, rule, self.tie_break.clone())
    }

    pub fn election(&self) -> &'a Election {
        self.ctx.election
    }

    pub fn tie_break(&self) -> &TieBreak {
        &self.tie_break
    }

    /// See [`crate::explain::explain_mes`].
    pub(crate) fn explain_mes(&self, rule: Rule) -> crate::explain::MesExplanation {
        mes_trace::explain(&self.ctx, rule)
    }
}

/// What every rule needs, computed once per election.
pub(crate) struct Context<'a> {
    pub election: &'a Election,
    /// Tie-break rank per project; lower wins.
    pub ranks: Vec<usize>,
    pub profile: ApprovalProfile,
    /// Total points per project, for cumulative and scoring ballots.
    pub points: Option<Vec<Amount>>,
    /// Costs and budget as integers over one denominator, so that adding up and comparing
    /// spending needs no gcd.
    pub money: ScaledMoney,
}

/// Costs and budget times `scale`, the lcm of their denominators.
pub(crate) struct ScaledMoney {
    pub scale: BigInt,
    pub costs: Vec<BigInt>,
    pub budget: BigInt,
}

impl ScaledMoney {
    fn new(election: &Election) -> ScaledMoney {
        let scale = election
            .projects
            .iter()
            .fold(election.budget.denom().clone(), |acc, p| {
                acc.lcm(p.cost.denom())
            });
        let scaled = |x: &Amount| x.numer() * (&scale / x.denom());
        ScaledMoney {
            costs: election.projects.iter().map(|p| scaled(&p.cost)).collect(),
            budget: scaled(&election.budget),
            scale,
        }
    }

    /// Back to an exact amount.
    pub fn amount(&self, scaled: BigInt) -> Amount {
        fraction(scaled, self.scale.clone())
    }

    /// Whether `p` fits next to projects costing `spent` (scaled).
    pub fn fits(&self, spent: &BigInt, p: usize) -> bool {
        spent + &self.costs[p] <= self.budget
    }

    /// Scaled total cost of `projects`.
    pub fn total(&self, projects: &[usize]) -> BigInt {
        // Costs usually fit in 128 bits, and their sum then needs no big integer additions.
        let machine = projects
            .iter()
            .try_fold(0u128, |sum, &p| sum.checked_add(self.costs[p].to_u128()?));
        match machine {
            Some(sum) => BigInt::from(sum),
            None => projects.iter().map(|&p| &self.costs[p]).sum(),
        }
    }
}

impl<'a> Context<'a> {
    fn new(election: &'a Election, tie_break: &TieBreak) -> Context<'a> {
        let points = election
            .vote_type
            .has_points()
            .then(|| total_points(election));
        Context {
            election,
            ranks: tie_break.ranks(election),
            profile: ApprovalProfile::new(election),
            points,
            money: ScaledMoney::new(election),
        }
    }

    pub fn cost(&self, p: usize) -> &Amount {
        &self.election.projects[p].cost
    }
}

fn total_points(election: &Election) -> Vec<Amount> {
    let mut totals = vec![Amount::zero(); election.projects.len()];
    for ballot in &election.ballots {
        let Some(points) = &ballot.points else {
            continue;
        };
        for (&p, pts) in ballot.projects.iter().zip(points) {
            if let Some(total) = totals.get_mut(p) {
                *total += pts;
            }
        }
    }
    totals
}
