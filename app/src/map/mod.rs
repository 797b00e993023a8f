//! The member map: who is where in the network, private by design. Members choose to appear;
//! a location is only ever their city; those who did not choose are counted, never named.
pub mod access;
mod city_panel;
mod city_table;
pub mod clusters;
mod filter_form;
pub mod filters;
mod follow_map;
#[cfg(feature = "hydrate")]
mod gestures;
pub mod get_map;
mod land;
pub mod list_map_facets;
pub mod list_map_members;
mod map_page;
mod map_settings;
mod map_view;
mod member_search;
pub mod projection;
pub mod search_map_members;
pub mod set_map_visitors;
mod tooltip;
pub mod topology;
pub mod types;
pub mod viewport;
mod world_map;

#[cfg(feature = "ssr")]
pub mod changes;
#[cfg(feature = "ssr")]
pub mod queries;

pub use map_page::MapPage;
