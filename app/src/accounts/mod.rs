//! Accounts: signing up and in, roles, profiles.
pub mod edit_profile_page;
pub mod get_profile;
pub mod get_profile_draft;
pub mod get_viewer;
pub mod log_in;
pub mod log_in_page;
pub mod log_out;
pub mod profile_page;
pub mod set_alumni;
pub mod sign_up;
pub mod sign_up_page;
pub mod types;
pub mod update_profile;
pub mod validation;

#[cfg(feature = "ssr")]
pub mod authz;
#[cfg(feature = "ssr")]
pub mod login_throttle;
#[cfg(feature = "ssr")]
pub mod member_data;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod session;
