//! Live discussion: channels, threads and real-time delivery.
pub mod delete_message;
pub mod edit_message;
pub mod follow_channel;
pub mod get_channel_page;
pub mod get_thread;
pub mod hide_message;
pub mod list_channels;
pub mod list_older_messages;
pub mod mark_channel_read;
pub mod message_text;
pub mod mute_channel;
pub mod open_conversation;
pub mod post_message;
pub mod set_members_only;
pub mod toggle_reaction;
pub mod types;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod conversations;
#[cfg(feature = "ssr")]
pub mod notices;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod sidebar;
#[cfg(feature = "ssr")]
pub mod writes;

use crate::i18n::*;
use crate::ui::layout::NotYet;
use leptos::prelude::*;

#[component]
pub fn DiscussionPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <NotYet
            title=Signal::derive(move || t_string!(i18n, nav.discussion).to_string())
            text=Signal::derive(move || t_string!(i18n, empty.discussion).to_string())
        />
    }
}
