//! Widgets shared by every capability: the page frame, messages, form fields.
pub mod errors;
pub mod field;
pub mod layout;
pub mod time;
