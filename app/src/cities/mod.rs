//! Cities: the directory, city pages, and connector appointments.
pub mod appoint_connector;
pub mod cities_page;
mod city_admin;
pub mod city_page;
pub mod get_city;
pub mod list_cities;
pub mod list_city_members;
pub mod list_newcomers;
pub mod remove_connector;
pub mod types;

#[cfg(feature = "ssr")]
pub mod queries;
