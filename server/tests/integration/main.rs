//! Integration tests of the `edges` server through HTTP and WebSockets, each on SQLite and on
//! PostgreSQL. One test binary: every extra one links the whole server again.
mod common;

mod accounts;
mod authorization;
mod budget_money;
mod budget_roles;
mod budgets;
mod cli;
mod discussion_privacy;
mod discussion_rules;
mod live;
mod map;
mod map_privacy;
mod pages;
mod two_nodes;
