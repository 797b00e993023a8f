//! A ballot round's rules and everything the rules engine needs from them, in integer cents.
//! Pure: the server tallies with it, and the browser's what-if recounts with the very same code.
use budget_rules::{amount, BallotRules, Election, Project, Rule, TieBreak};
use serde::{Deserialize, Serialize};

/// What a ballot looks like in this round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BallotKind {
    /// Approve projects; optionally between a minimum and a maximum number of them, and within a
    /// total cost (the knapsack ballot).
    Approval {
        min_projects: Option<usize>,
        max_projects: Option<usize>,
        max_total_cost_cents: Option<i64>,
    },
    /// Spread points over projects, within a maximum per project and a maximum in all.
    Cumulative {
        max_per_project: Option<i64>,
        max_total: i64,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotSetup {
    /// What the round hands out, set aside from the pot when voting opens.
    pub budget_cents: i64,
    pub kind: BallotKind,
    pub rule: Rule,
    /// Running counts are shown while voting is open (otherwise only after the tally).
    pub counts_public: bool,
}

impl BallotSetup {
    pub fn engine_rules(&self) -> BallotRules {
        match &self.kind {
            BallotKind::Approval {
                min_projects,
                max_projects,
                max_total_cost_cents,
            } => BallotRules::Approval {
                min_projects: *min_projects,
                max_projects: *max_projects,
                max_total_cost: max_total_cost_cents.map(amount),
            },
            BallotKind::Cumulative {
                max_per_project,
                max_total,
            } => BallotRules::Cumulative {
                max_per_project: max_per_project.map(amount),
                max_total: amount(*max_total),
            },
        }
    }

    pub fn uses_points(&self) -> bool {
        matches!(self.kind, BallotKind::Cumulative { .. })
    }
}

/// The counted part of a round: accepted projects (id, cost) and every ballot as (project,
/// points) pairs, without who cast it. What the what-if recounts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionData {
    pub projects: Vec<(i64, i64)>,
    pub ballots: Vec<Vec<(i64, i64)>>,
}

/// A what-if: the same ballots with another budget, another rule, or projects left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub budget_cents: i64,
    pub rule: Rule,
    pub left_out: Vec<i64>,
}

/// Builds the engine's election. Project ids become text, so ties break by the smallest id as
/// a string (pabutools' rule). Points count only for cumulative ballots.
pub fn election(
    data: &ElectionData,
    budget_cents: i64,
    points: bool,
    left_out: &[i64],
) -> Election {
    let kept: Vec<(i64, i64)> = data
        .projects
        .iter()
        .copied()
        .filter(|(id, _)| !left_out.contains(id))
        .collect();
    let projects: Vec<Project> = kept
        .iter()
        .map(|(id, cost)| Project::new(id.to_string(), amount(*cost)))
        .collect();
    let index_of = |project: i64| kept.iter().position(|(id, _)| *id == project);
    let mut ballots = Vec::with_capacity(data.ballots.len());
    for (voter, choices) in data.ballots.iter().enumerate() {
        let chosen: Vec<(usize, i64)> = choices
            .iter()
            .filter_map(|(project, weight)| index_of(*project).map(|index| (index, *weight)))
            .collect();
        let mut ballot = budget_rules::Ballot::new(
            (voter + 1).to_string(),
            chosen.iter().map(|(index, _)| *index).collect(),
        );
        if points {
            ballot.points = Some(chosen.iter().map(|(_, weight)| amount(*weight)).collect());
        }
        ballots.push(ballot);
    }
    Election {
        meta: Vec::new(),
        budget: amount(budget_cents.max(0)),
        vote_type: if points {
            budget_rules::VoteType::Cumulative
        } else {
            budget_rules::VoteType::Approval
        },
        projects,
        ballots,
        project_columns: vec!["project_id".into(), "cost".into()],
        vote_columns: vec!["voter_id".into(), "vote".into()],
    }
}

/// The projects a scenario selects, by id, in the order the rule picked them.
pub fn selected(data: &ElectionData, scenario: &Scenario, points: bool) -> Vec<i64> {
    let election = election(data, scenario.budget_cents, points, &scenario.left_out);
    budget_rules::tally(&election, scenario.rule, TieBreak::default())
        .selected
        .iter()
        .filter_map(|id| id.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> ElectionData {
        // Project 1 is popular and dear, 2 and 3 cheap with smaller followings.
        ElectionData {
            projects: vec![(1, 6_000), (2, 3_000), (3, 3_000)],
            ballots: vec![
                vec![(1, 1)],
                vec![(1, 1)],
                vec![(1, 1), (2, 1)],
                vec![(2, 1)],
                vec![(3, 1)],
            ],
        }
    }

    fn scenario(budget_cents: i64, rule: Rule, left_out: Vec<i64>) -> Scenario {
        Scenario {
            budget_cents,
            rule,
            left_out,
        }
    }

    #[test]
    fn greedy_takes_the_most_approved_first_and_skips_what_no_longer_fits() {
        assert_eq!(
            selected(&data(), &scenario(9_000, Rule::Greedy, vec![]), false),
            [1, 2]
        );
        assert_eq!(
            selected(&data(), &scenario(5_000, Rule::Greedy, vec![]), false),
            [2]
        );
    }

    #[test]
    fn leaving_a_project_out_and_changing_the_budget_change_the_outcome() {
        let all = selected(&data(), &scenario(9_000, Rule::Greedy, vec![]), false);
        let without = selected(&data(), &scenario(9_000, Rule::Greedy, vec![1]), false);
        assert_ne!(all, without);
        assert_eq!(without, [2, 3]);
    }

    #[test]
    fn equal_shares_give_every_group_its_part() {
        // Five voters, 12,000: each may spend 2,400. Project 1's three supporters have 7,200.
        let chosen = selected(&data(), &scenario(12_000, Rule::Mes, vec![]), false);
        assert!(chosen.contains(&1), "{chosen:?}");
    }

    #[test]
    fn cumulative_points_weigh_in_greedy() {
        let data = ElectionData {
            projects: vec![(1, 5_000), (2, 5_000)],
            ballots: vec![vec![(1, 1), (2, 9)], vec![(1, 3), (2, 1)]],
        };
        assert_eq!(
            selected(&data, &scenario(5_000, Rule::Greedy, vec![]), true),
            [2]
        );
        assert_eq!(
            selected(&data, &scenario(5_000, Rule::Greedy, vec![]), false),
            [1]
        );
    }
}
