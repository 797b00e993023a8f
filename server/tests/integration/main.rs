//! Integration tests of the `edges` server through HTTP and WebSockets, each on SQLite and on
//! PostgreSQL. One test binary: every extra one links the whole server again.
mod common;

mod account_deletion;
mod accounts;
mod authorization;
mod backup;
mod ballots;
mod budget_consent;
mod budget_money;
mod budget_roles;
mod budget_schedule;
mod budgets;
mod cli;
mod decision_jobs;
mod decision_rules;
mod decisions;
mod discussion_privacy;
mod discussion_rules;
mod drain;
mod email;
mod email_language;
mod invitations;
mod live;
mod live_follows;
mod live_rights;
mod map;
mod map_privacy;
mod member_data;
mod pages;
mod pb_files;
mod two_nodes;
