//! Decisions: proposals decided by lazy consent, the 3-connector rule, sense checks and polls;
//! their stances, outcomes and timeline; the scheduler's closing jobs; the decision log.
mod author_tools;
pub mod create_proposal;
pub mod decisions_page;
pub mod get_live_tally;
pub mod get_proposal;
mod labels;
pub mod list_decision_notices;
pub mod list_open_proposals;
pub mod list_proposal_scopes;
pub mod local_time;
pub mod log_page;
pub mod mark_decision_notices_read;
pub mod new_proposal_page;
pub mod proposal_page;
mod proposal_timeline;
pub mod revise_proposal;
pub mod rules;
pub mod search_decision_log;
mod stance_panel;
pub mod take_stance;
pub mod types;
pub mod validate;
pub mod withdraw_block;
pub mod withdraw_proposal;
pub mod write_outcome;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod closing;
#[cfg(feature = "ssr")]
pub mod history;
#[cfg(feature = "ssr")]
pub mod jobs;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod log;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod scope;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod thread;
#[cfg(feature = "ssr")]
pub mod writes;

pub use decisions_page::DecisionsPage;
