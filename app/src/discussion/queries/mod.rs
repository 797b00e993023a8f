//! Reading the discussion's tables: channels on one side, messages on the other.
mod channels;
mod messages;

pub use channels::{
    channel, channels, city_channel, is_member, members_of, muted_until, running_mutes, Channel,
};
pub use messages::{
    events_after, has_top_level_after, message_meta, messages, thread, top_level_page, users_named,
    EventRef, MessageMeta,
};
