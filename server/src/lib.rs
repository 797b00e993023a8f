//! The `edges` server: configuration, database, HTTP wiring, demo data and operator commands.
pub mod backup;
pub mod db;
pub mod http;
pub mod live;
pub mod mail;
pub mod pb;
pub mod scheduler;
pub mod seed;
pub mod users;
