//! The election a rule is run on: projects, budget and ballots.
//!
//! The shape follows pabulib so that a `.pb` file round-trips, but nothing here depends on the
//! file format: the app can build an [`Election`] from its own tables.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::amount::Amount;

/// How voters expressed themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteType {
    /// A set of approved projects.
    Approval,
    /// A single approved project (pabulib `choose-1`).
    ChooseOne,
    /// Projects in order of preference.
    Ordinal,
    /// Points spread over projects, with a total cap.
    Cumulative,
    /// A score per project.
    Scoring,
}

impl VoteType {
    /// The pabulib spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            VoteType::Approval => "approval",
            VoteType::ChooseOne => "choose-1",
            VoteType::Ordinal => "ordinal",
            VoteType::Cumulative => "cumulative",
            VoteType::Scoring => "scoring",
        }
    }

    /// Reads the pabulib spelling (case-insensitive).
    pub fn from_pabulib(text: &str) -> Option<VoteType> {
        let all = [
            VoteType::Approval,
            VoteType::ChooseOne,
            VoteType::Ordinal,
            VoteType::Cumulative,
            VoteType::Scoring,
        ];
        all.into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(text))
    }

    /// Whether ballots of this type carry a `points` list aligned with `vote`.
    pub fn has_points(self) -> bool {
        matches!(self, VoteType::Cumulative | VoteType::Scoring)
    }
}

impl fmt::Display for VoteType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A project that can be funded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    /// Identifier, kept as text: ids such as `L2/01/VIII` or `ZB.7` are not numbers, and the
    /// default tie-breaking compares them as strings.
    pub id: String,
    pub cost: Amount,
    /// Other PROJECTS columns (name, category, …) as `(column, value)` in file order.
    pub extra: Vec<(String, String)>,
}

impl Project {
    pub fn new(id: impl Into<String>, cost: Amount) -> Project {
        Project {
            id: id.into(),
            cost,
            extra: Vec::new(),
        }
    }

    /// The value of another column, such as `name`.
    pub fn field(&self, column: &str) -> Option<&str> {
        lookup(&self.extra, column)
    }
}

/// One voter's ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub voter_id: String,
    /// Indices into [`Election::projects`]: the approved set, or the ranking for ordinal ballots.
    pub projects: Vec<usize>,
    /// For cumulative and scoring ballots, the points given to each entry of `projects`.
    pub points: Option<Vec<Amount>>,
    /// Other VOTES columns (age, sex, …) as `(column, value)` in file order.
    pub extra: Vec<(String, String)>,
}

impl Ballot {
    pub fn new(voter_id: impl Into<String>, projects: Vec<usize>) -> Ballot {
        Ballot {
            voter_id: voter_id.into(),
            projects,
            points: None,
            extra: Vec::new(),
        }
    }

    /// The value of another column, such as `age`.
    pub fn field(&self, column: &str) -> Option<&str> {
        lookup(&self.extra, column)
    }
}

/// A complete election.
///
/// The rules assume non-negative costs and budget (the parser guarantees it) and ballot
/// indices within `projects` (out-of-range indices are ignored by the rules).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Election {
    /// META rows in file order, verbatim (including `budget`, `vote_type`, …).
    pub meta: Vec<(String, String)>,
    /// The budget limit; authoritative for the rules.
    pub budget: Amount,
    pub vote_type: VoteType,
    pub projects: Vec<Project>,
    pub ballots: Vec<Ballot>,
    /// PROJECTS header in file order; starts with the id column.
    pub project_columns: Vec<String>,
    /// VOTES header in file order.
    pub vote_columns: Vec<String>,
}

/// A ballot named a project id that is not in the election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProject(pub String);

impl fmt::Display for UnknownProject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown project id {:?}", self.0)
    }
}

impl std::error::Error for UnknownProject {}

impl Election {
    /// An approval election built from ids, for callers that keep votes in their own tables.
    /// Ballots name project ids; voters get ids `1..=n`.
    pub fn approval<B, S>(
        budget: Amount,
        projects: Vec<Project>,
        ballots: impl IntoIterator<Item = B>,
    ) -> Result<Election, UnknownProject>
    where
        B: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let index: HashMap<&str, usize> = projects
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let mut built = Vec::new();
        for (n, ids) in ballots.into_iter().enumerate() {
            let mut chosen = Vec::new();
            for id in ids {
                let id = id.as_ref();
                let i = index
                    .get(id)
                    .copied()
                    .ok_or_else(|| UnknownProject(id.to_string()))?;
                chosen.push(i);
            }
            built.push(Ballot::new((n + 1).to_string(), chosen));
        }
        Ok(Election {
            meta: Vec::new(),
            budget,
            vote_type: VoteType::Approval,
            projects,
            ballots: built,
            project_columns: vec!["project_id".into(), "cost".into()],
            vote_columns: vec!["voter_id".into(), "vote".into()],
        })
    }

    /// A META value by key.
    pub fn meta_value(&self, key: &str) -> Option<&str> {
        lookup(&self.meta, key)
    }

    /// Index of a project by id.
    pub fn project_index(&self, id: &str) -> Option<usize> {
        self.projects.iter().position(|p| p.id == id)
    }

    pub fn num_voters(&self) -> usize {
        self.ballots.len()
    }
}

fn lookup<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}
