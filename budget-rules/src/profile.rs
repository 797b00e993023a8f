//! The approval view of an election, with identical ballots merged.
//!
//! Every rule here works on approval sets: an ordinal ballot approves the projects it ranks, a
//! cumulative or scoring ballot the projects it gives positive points. Voters with the same set
//! are merged into one weighted group (pabutools' "multiprofile"): they always pay and carry load
//! identically, and merging turns 80,000 single-choice voters into at most one group per project.

use std::collections::HashMap;

use num_traits::Signed;

use crate::election::{Ballot, Election};

/// Voters who approve exactly the same projects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    /// Approved project indices, sorted and distinct.
    pub projects: Vec<usize>,
    /// How many voters cast this set.
    pub weight: u64,
}

#[derive(Debug, Clone)]
pub(crate) struct ApprovalProfile {
    /// Non-empty approval sets, in order of first appearance.
    pub groups: Vec<Group>,
    /// For each project, the groups that approve it.
    pub supporters: Vec<Vec<usize>>,
    /// For each project, the number of voters approving it.
    pub approvals: Vec<u64>,
    /// All voters, including those who approved nothing (they still get a share in MES).
    pub num_voters: u64,
}

/// The projects a ballot approves.
fn approved(ballot: &Ballot, num_projects: usize) -> Vec<usize> {
    let mut set: Vec<usize> = match &ballot.points {
        Some(points) => ballot
            .projects
            .iter()
            .zip(points)
            .filter(|(_, pts)| pts.is_positive())
            .map(|(p, _)| *p)
            .collect(),
        None => ballot.projects.clone(),
    };
    // Out-of-range indices can only come from a hand-built election; they approve nothing.
    set.retain(|&p| p < num_projects);
    set.sort_unstable();
    set.dedup();
    set
}

impl ApprovalProfile {
    pub fn new(election: &Election) -> ApprovalProfile {
        let n = election.projects.len();
        let mut index: HashMap<Vec<usize>, usize> = HashMap::new();
        let mut groups: Vec<Group> = Vec::new();
        for ballot in &election.ballots {
            let set = approved(ballot, n);
            if set.is_empty() {
                continue;
            }
            match index.get(&set) {
                Some(&g) => groups[g].weight += 1,
                None => {
                    index.insert(set.clone(), groups.len());
                    groups.push(Group {
                        projects: set,
                        weight: 1,
                    });
                }
            }
        }
        let mut supporters = vec![Vec::new(); n];
        let mut approvals = vec![0u64; n];
        for (g, group) in groups.iter().enumerate() {
            for &p in &group.projects {
                supporters[p].push(g);
                approvals[p] += group.weight;
            }
        }
        ApprovalProfile {
            groups,
            supporters,
            approvals,
            num_voters: election.ballots.len() as u64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::amount;
    use crate::election::Project;

    #[test]
    fn merges_identical_sets_and_counts_empty_ballots() {
        let projects = vec![Project::new("a", amount(1)), Project::new("b", amount(1))];
        let ballots = vec![vec!["a", "b"], vec!["b", "a"], vec![], vec!["b"]];
        let e = Election::approval(amount(2), projects, ballots).unwrap();
        let prof = ApprovalProfile::new(&e);
        assert_eq!(prof.num_voters, 4);
        assert_eq!(prof.groups.len(), 2);
        assert_eq!(prof.groups[0].weight, 2);
        assert_eq!(prof.approvals, vec![2, 3]);
        assert_eq!(prof.supporters, vec![vec![0], vec![0, 1]]);
    }
}
