//! Deterministic tie-breaking.
//!
//! Every rule compares projects by its own measure first (approvals, price, load) and, when two
//! are exactly equal, by a fixed priority order over all projects. The order is computed once
//! per run, so ties are broken the same way in every round and on every platform.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::election::Election;

/// How exact ties between projects are broken.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TieBreak {
    /// The project whose id is smallest as a string wins (byte order of UTF-8, which is Unicode
    /// code point order, as Python compares strings). This is pabutools' default, so results
    /// match pabutools exactly.
    #[default]
    LexicographicId,
    /// The project listed first in PROJECTS wins.
    FileOrder,
    /// The cheaper project wins; equal costs fall back to the smallest id.
    MinCost,
    /// The more expensive project wins; equal costs fall back to the smallest id.
    MaxCost,
    /// Projects in this order of ids win first (e.g. an order drawn by lot in public before the
    /// count); unlisted projects come after, by smallest id.
    Priority(Vec<String>),
}

impl TieBreak {
    /// `rank[p]` for every project index `p`; a lower rank wins a tie. Ranks are a permutation
    /// of `0..n`, so two different projects never tie on rank.
    pub fn ranks(&self, election: &Election) -> Vec<usize> {
        let projects = &election.projects;
        let by_id = |a: &usize, b: &usize| projects[*a].id.cmp(&projects[*b].id);
        let mut order: Vec<usize> = (0..projects.len()).collect();
        match self {
            TieBreak::LexicographicId => order.sort_by(by_id),
            TieBreak::FileOrder => {}
            TieBreak::MinCost => {
                order.sort_by(|a, b| projects[*a].cost.cmp(&projects[*b].cost).then(by_id(a, b)))
            }
            TieBreak::MaxCost => {
                order.sort_by(|a, b| projects[*b].cost.cmp(&projects[*a].cost).then(by_id(a, b)))
            }
            TieBreak::Priority(ids) => {
                let position = |p: usize| ids.iter().position(|id| *id == projects[p].id);
                order.sort_by(|a, b| match (position(*a), position(*b)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => by_id(a, b),
                });
            }
        }
        let mut ranks = vec![0; projects.len()];
        for (rank, p) in order.into_iter().enumerate() {
            ranks[p] = rank;
        }
        ranks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::amount;
    use crate::election::Project;

    fn election() -> Election {
        let projects = vec![
            Project::new("b", amount(5)),
            Project::new("10", amount(1)),
            Project::new("a", amount(5)),
            Project::new("9", amount(7)),
        ];
        Election::approval(amount(10), projects, Vec::<Vec<&str>>::new()).unwrap()
    }

    #[test]
    fn orders_are_total_and_deterministic() {
        let e = election();
        // "10" < "9" as strings: that is the pabutools order, not the numeric one.
        assert_eq!(TieBreak::LexicographicId.ranks(&e), vec![3, 0, 2, 1]);
        assert_eq!(TieBreak::FileOrder.ranks(&e), vec![0, 1, 2, 3]);
        assert_eq!(TieBreak::MinCost.ranks(&e), vec![2, 0, 1, 3]);
        assert_eq!(TieBreak::MaxCost.ranks(&e), vec![2, 3, 1, 0]);
        let lot = TieBreak::Priority(vec!["a".into(), "9".into()]);
        assert_eq!(lot.ranks(&e), vec![3, 2, 0, 1]);
    }
}
