//! Invitations: a city's connectors invite people by an emailed link (Ouishare's "ask a
//! connector" way in). A link works once, for two weeks, unless a connector revokes it.
pub mod get_invitation;
pub mod get_sign_up_policy;
pub mod invitations_panel;
pub mod invite_member;
pub mod join_page;
pub mod list_invitations;
pub mod revoke_invitation;
pub mod set_sign_up_policy;
pub mod sign_up_policy_form;
pub mod types;

#[cfg(feature = "ssr")]
pub mod policy;
#[cfg(feature = "ssr")]
pub mod queries;
