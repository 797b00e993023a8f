//! A tallied round as people read it: each project with its votes and why it won or lost, how
//! MES split each winner's cost, and how far each loser was. Amounts from the engine are exact
//! rationals of cents; they are turned into cents here for display only, after every decision.
use super::ballot_setup::ElectionData;
use budget_rules::{Amount, MesExplanation, Outcome, Reason};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Why {
    /// Greedy: it fitted in what was left when its turn came.
    Fitted,
    /// Greedy: it cost more than what was left.
    DidNotFit {
        remaining_cents: f64,
    },
    /// Equal shares: its supporters bought it in this round, each paying up to this share.
    Bought {
        round: usize,
        share_cents: f64,
    },
    /// Equal shares: its supporters together had less money left than its cost.
    Unaffordable {
        supporters_money_cents: f64,
    },
    /// Approved and free.
    Free,
    /// Phragmén: chosen in this round.
    Loaded {
        round: usize,
    },
    /// Phragmén: its turn came but it did not fit, which ended the count.
    StoppedCount,
    /// Phragmén: the count ended before its turn.
    NotReached,
    OverBudget,
    NoSupporters,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultLine {
    pub id: i64,
    pub title: String,
    pub cost_cents: i64,
    pub approvals: u64,
    pub points: Option<f64>,
    pub selected: bool,
    pub why: Why,
    /// Added after the main count by the greedy completion (mes-add1u).
    pub completed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WinnerShare {
    pub project: i64,
    /// (what each paid, how many paid it), largest first.
    pub payments: Vec<(f64, u64)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoserGap {
    pub project: i64,
    pub cost_reduction_cents: Option<f64>,
    pub extra_supporters: Option<u64>,
}

/// What a tally stores and the results page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TallyView {
    pub lines: Vec<ResultLine>,
    pub spent_cents: i64,
    pub budget_cents: i64,
    pub voters: usize,
    pub winners: Vec<WinnerShare>,
    pub losers: Vec<LoserGap>,
}

/// Cents for display: exact up to the float's precision, which is far finer than a cent here.
pub fn cents(amount: &Amount) -> f64 {
    use num_traits::ToPrimitive;
    amount.to_f64().unwrap_or(0.0)
}

fn why(reason: &Reason) -> Why {
    match reason {
        Reason::Fitted { .. } => Why::Fitted,
        Reason::DidNotFit { remaining } => Why::DidNotFit {
            remaining_cents: cents(remaining),
        },
        Reason::Free => Why::Free,
        Reason::Bought { round, share, .. } => Why::Bought {
            round: *round,
            share_cents: cents(share),
        },
        Reason::Unaffordable {
            supporters_money, ..
        } => Why::Unaffordable {
            supporters_money_cents: cents(supporters_money),
        },
        Reason::Loaded { round, .. } => Why::Loaded { round: *round },
        Reason::StoppedCount { .. } => Why::StoppedCount,
        Reason::NotReached { .. } => Why::NotReached,
        Reason::OverBudget => Why::OverBudget,
        Reason::NoSupporters => Why::NoSupporters,
    }
}

pub fn view(
    outcome: &Outcome,
    explanation: Option<&MesExplanation>,
    titles: &[(i64, String)],
    data: &ElectionData,
) -> TallyView {
    let title_of = |id: i64| {
        titles
            .iter()
            .find(|(project, _)| *project == id)
            .map(|(_, title)| title.clone())
            .unwrap_or_default()
    };
    let lines = outcome
        .projects
        .iter()
        .filter_map(|result| {
            let id: i64 = result.id.parse().ok()?;
            Some(ResultLine {
                id,
                title: title_of(id),
                cost_cents: data
                    .projects
                    .iter()
                    .find(|(project, _)| *project == id)
                    .map_or(0, |(_, cost)| *cost),
                approvals: result.approvals,
                points: result.points.as_ref().map(cents),
                selected: outcome.is_selected(&result.id),
                completed: result.completion.is_some() && outcome.is_selected(&result.id),
                why: why(&result.reason),
            })
        })
        .collect();
    let project_id = |text: &str| text.parse::<i64>().ok();
    TallyView {
        lines,
        spent_cents: cents(&outcome.total_cost).round() as i64,
        budget_cents: cents(&outcome.budget).round() as i64,
        voters: data.ballots.len(),
        winners: explanation
            .map(|explained| {
                explained
                    .winners
                    .iter()
                    .filter_map(|winner| {
                        Some(WinnerShare {
                            project: project_id(&winner.project)?,
                            payments: winner
                                .payments
                                .iter()
                                .map(|payment| (cents(&payment.amount), payment.voters))
                                .collect(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default(),
        losers: explanation
            .map(|explained| {
                explained
                    .losers
                    .iter()
                    .filter_map(|loser| {
                        Some(LoserGap {
                            project: project_id(&loser.project)?,
                            cost_reduction_cents: loser.cost_reduction.as_ref().map(cents),
                            extra_supporters: loser.extra_supporters,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}
