//! The participatory budgeting rules engine of Edges.
//!
//! - [`pabulib`]: read and write elections in the pabulib `.pb` format.
//! - [`rules::tally`]: count an [`Election`] with a [`Rule`] (greedy, MES, MES with Add1
//!   completion, MES + Add1 + greedy, sequential Phragmén) and a [`TieBreak`], returning an
//!   [`Outcome`] that explains every project's fate. [`PreparedElection`] counts one election
//!   with several rules, merging its ballots once.
//! - [`ballot_rules`]: what a round accepts as a ballot (approval with a number of projects
//!   or a total cost limit, cumulative points) and checking a submitted ballot.
//! - [`explain`]: for a MES outcome, how each winner's cost was split among its supporters and
//!   how far each loser was from winning.
//!
//! Pure and deterministic: no I/O, no clock, no threads, no floating point in any decision
//! (all money is exact rationals), so it builds for `wasm32-unknown-unknown` and gives the same
//! answer everywhere. With the default tie-breaking the results equal pabutools 1.2.3's.
//!
//! ```
//! use budget_rules::{amount, pabulib, tally, Election, Project, Reason, Rule, TieBreak};
//!
//! let projects = vec![Project::new("park", amount(60)), Project::new("bench", amount(10))];
//! let ballots = [vec!["park"], vec!["park", "bench"], vec!["bench"]];
//! let election = Election::approval(amount(60), projects, ballots).unwrap();
//!
//! // MES gives each of the 3 voters 20: the bench costs its two supporters 5 each, while the
//! // park's two supporters cannot raise 60 between them.
//! let outcome = tally(&election, Rule::Mes, TieBreak::default());
//! assert_eq!(outcome.selected, ["bench"]);
//! let park = outcome.project("park").unwrap();
//! assert!(matches!(park.reason, Reason::Unaffordable { round: 2, .. }));
//!
//! // A `.pb` file is read with `pabulib::parse`; errors carry their line.
//! let err = pabulib::parse("META\nkey;value\n\"budget;1000\n").unwrap_err();
//! assert_eq!(err.to_string(), "line 3: a quoted cell opened here is never closed");
//! ```

pub mod amount;
pub mod ballot_rules;
pub mod election;
pub mod explain;
pub mod pabulib;
mod profile;
pub mod rules;
pub mod tie_break;

pub use amount::{amount, format_amount, parse_amount, Amount};
pub use ballot_rules::{validate_ballot, BallotError, BallotRules, Choice};
pub use election::{Ballot, Election, Project, VoteType};
pub use explain::{explain_mes, LoserGap, MesExplanation, Payment, WinnerSplit};
pub use rules::{tally, Outcome, PreparedElection, ProjectResult, Reason, Rule};
pub use tie_break::TieBreak;
