//! Budgets: the network's pots, collaborative funding rounds with buckets, and the ledger every
//! balance derives from.
pub mod add_cocreator;
pub mod allocate_equally;
pub mod allocate_from_csv;
pub mod audit_page;
#[cfg(feature = "ssr")]
mod ballot_form;
pub mod ballot_page;
pub mod ballot_setup;
mod ballot_tools;
mod bucket_actions;
pub mod bucket_page;
pub mod budgets_page;
pub mod cancel_bucket;
pub mod cast_ballot;
pub mod comment_on_bucket;
mod consent_views;
pub mod create_bucket;
pub mod create_round;
mod follow_pot;
pub mod fund_bucket;
mod funding_bar;
pub mod get_ballot_round;
pub mod get_bucket;
pub mod get_budgets;
pub mod get_round;
pub mod get_round_results;
mod labels;
pub mod ledger_page;
pub mod list_pot_audit;
pub mod list_round_ledger;
pub mod money;
pub mod move_money;
pub mod open_bucket;
pub mod pay_out_bucket;
pub mod propose_project;
pub mod results_page;
pub mod review_project;
pub mod round_page;
mod round_tools;
pub mod schedule;
pub mod schedule_view;
pub mod set_budget_consent;
pub mod set_round_phase;
pub mod set_round_schedule;
pub mod tally_round;
pub mod tally_view;
pub mod types;
pub mod validation;
mod what_if;
pub mod withdraw_unspent;

pub mod access;
#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod ballots;
#[cfg(feature = "ssr")]
pub mod consent;
#[cfg(feature = "ssr")]
pub mod funding;
#[cfg(feature = "ssr")]
pub mod ledger;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod movements;
#[cfg(feature = "ssr")]
pub mod payout;
#[cfg(feature = "ssr")]
pub mod pots;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod rounds;

pub use budgets_page::BudgetsPage;
