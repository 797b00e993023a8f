#![recursion_limit = "512"]
//! The Edges application: routes, pages and server functions, grouped by capability.

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod accounts;
mod app;
pub mod budget;
pub mod cities;
#[cfg(feature = "ssr")]
pub mod context;
pub mod decisions;
pub mod discussion;
pub mod email;
pub mod error;
mod home;
pub mod invitations;
pub mod map;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod secrets;
pub mod ui;

pub use app::{shell, App};
