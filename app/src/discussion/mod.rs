//! Live discussion: channels, threads and real-time delivery.
mod channel_list;
mod channel_settings;
mod channel_view;
mod composer;
pub mod create_topic;
pub mod delete_message;
pub mod discussion_page;
pub mod edit_message;
pub mod follow_channel;
pub mod follow_version;
pub mod get_channel_page;
pub mod get_message_history;
pub mod get_thread;
pub mod hide_message;
pub mod history_page;
pub mod list_channels;
pub mod list_notifications;
pub mod list_older_messages;
pub mod list_reports;
#[cfg(feature = "hydrate")]
pub mod live_socket;
mod live_view;
pub mod mark_channel_read;
pub mod mark_notifications_read;
mod message_item;
pub mod message_text;
pub mod moderation_page;
pub mod mute_channel;
pub mod mute_member;
mod new_conversation;
pub mod notifications_page;
pub mod open_conversation;
pub mod post_message;
pub mod report_message;
pub mod resolve_report;
pub mod search_messages;
pub mod search_page;
pub mod set_members_only;
pub mod suggest_members;
mod thread_panel;
pub mod timeline;
pub mod toggle_reaction;
pub mod types;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod access_check;
#[cfg(feature = "ssr")]
pub mod conversations;
#[cfg(feature = "ssr")]
pub mod moderation;
#[cfg(feature = "ssr")]
pub mod notices;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod readable_channels;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod sidebar;
#[cfg(feature = "ssr")]
pub mod topics;
#[cfg(feature = "ssr")]
pub mod writes;

pub use discussion_page::DiscussionPage;
