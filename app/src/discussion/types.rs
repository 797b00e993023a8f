//! Discussion data that crosses the wire: channels, messages, and the live protocol's frames.
use serde::{Deserialize, Serialize};

/// Longest message accepted, in characters.
pub const MAX_MESSAGE_CHARS: usize = 10_000;
/// Messages the server renders with a channel; older ones load page by page.
pub const PAGE_SIZE: usize = 50;
/// Posting allowance per member: this many messages in any window of this many seconds.
pub const POSTS_PER_WINDOW: i64 = 10;
pub const POST_WINDOW_SECONDS: i64 = 10;
/// A private conversation's size, the member who opens it included.
pub const MAX_CONVERSATION_PEOPLE: usize = 9;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// One per city: its members write, everyone reads unless it is members-only.
    City,
    /// Network-wide, opened by a connector or an admin.
    Topic,
    /// A private conversation of 2 to 9 people.
    Direct,
}

impl ChannelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::City => "city",
            ChannelKind::Topic => "topic",
            ChannelKind::Direct => "direct",
        }
    }

    pub fn parse(text: &str) -> Option<ChannelKind> {
        match text {
            "city" => Some(ChannelKind::City),
            "topic" => Some(ChannelKind::Topic),
            "direct" => Some(ChannelKind::Direct),
            _ => None,
        }
    }
}

/// A channel as the sidebar lists it, with the viewer's unread and mention counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelSummary {
    pub id: i64,
    pub kind: ChannelKind,
    pub name: String,
    pub members_only: bool,
    pub last_seq: i64,
    pub following: bool,
    pub muted: bool,
    pub unread: i64,
    pub mentions: i64,
}

/// Someone who wrote or reacted; `None` where a deleted account used to be.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reaction {
    pub emoji: String,
    /// Who reacted, so each viewer can tell whether they did.
    pub user_ids: Vec<i64>,
}

/// One message as everyone who may read the channel sees it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i64,
    pub channel_id: i64,
    pub seq: i64,
    pub author: Option<Author>,
    pub parent_id: Option<i64>,
    /// The markdown source (for editing); empty once deleted or hidden.
    pub body: String,
    /// Rendered and sanitized on the server.
    pub html: String,
    pub created_at: i64,
    pub edited: bool,
    pub deleted: bool,
    pub hidden: bool,
    pub reply_count: i64,
    pub reactions: Vec<Reaction>,
}

impl MessageView {
    /// Where the message can be seen: its thread, or the channel page that ends with it.
    pub fn link(&self) -> String {
        message_link(self.channel_id, self.id, self.parent_id)
    }
}

/// Where a message can be seen: its thread, or the channel page that ends with it.
pub fn message_link(channel_id: i64, id: i64, parent_id: Option<i64>) -> String {
    match parent_id {
        Some(root) => format!("/discussion/{channel_id}?thread={root}#m{id}"),
        None => format!("/discussion/{channel_id}?before={}#m{id}", id + 1),
    }
}

/// A channel opened at its latest messages (or around one message).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelPage {
    pub channel: ChannelSummary,
    /// Oldest first.
    pub messages: Vec<MessageView>,
    pub has_older: bool,
    /// Opened back in history (at a linked message): later messages exist that are not shown, so
    /// new posts are not appended below this page.
    pub has_newer: bool,
    /// Where the viewer left off: the "new messages" divider goes after this sequence number.
    pub last_read_seq: i64,
    pub may_post: bool,
    pub may_moderate: bool,
}

/// A member's report of a message, as the moderation queue shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationReport {
    pub id: i64,
    pub message: MessageView,
    /// The text as written, even when hidden (moderators only).
    pub original_text: String,
    pub reporter: Option<String>,
    pub reason: String,
    pub reported_at: i64,
    pub hidden_reason: Option<String>,
}

/// One search hit: the message and where it was said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub channel_name: String,
    pub message: MessageView,
}

/// A mention of, or reply to, the member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    /// "mention", "reply" or "report".
    pub kind: String,
    pub channel_name: String,
    pub message: MessageView,
    pub unread: bool,
}

/// An earlier version of an edited message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierVersion {
    pub html: String,
    pub replaced_at: i64,
}

/// What happened to a message; every kind carries the message as it now is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Posted,
    Edited,
    Deleted,
    Hidden,
    Reacted,
    /// A reply was posted in this message's thread.
    Replied,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Posted => "posted",
            EventKind::Edited => "edited",
            EventKind::Deleted => "deleted",
            EventKind::Hidden => "hidden",
            EventKind::Reacted => "reacted",
            EventKind::Replied => "replied",
        }
    }

    pub fn parse(text: &str) -> Option<EventKind> {
        [
            EventKind::Posted,
            EventKind::Edited,
            EventKind::Deleted,
            EventKind::Hidden,
            EventKind::Reacted,
            EventKind::Replied,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == text)
    }
}

/// One numbered event of a channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelEvent {
    pub channel: i64,
    pub seq: i64,
    pub kind: EventKind,
    pub message: MessageView,
}

/// What a browser tab (or any client) sends over its live connection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientFrame {
    /// Start (or resume) receiving a channel's events after sequence number `after`.
    Subscribe {
        channel: i64,
        after: i64,
    },
    Unsubscribe {
        channel: i64,
    },
    Typing {
        channel: i64,
    },
    /// Be told when the money of a pot moves past `version` (budget pages refresh then).
    WatchPot {
        pot: i64,
        version: i64,
    },
    /// Be told when the member map moves past `version` (map pages refresh then).
    WatchMap {
        version: i64,
    },
    /// Be told when a proposal's stances or status move past `version` (its page refreshes).
    WatchProposal {
        proposal: i64,
        version: i64,
    },
}

/// What the server sends over a live connection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerFrame {
    Event(ChannelEvent),
    /// Too much was missed to replay: reload the channel, then resubscribe after `seq`.
    Refetch {
        channel: i64,
        seq: i64,
    },
    /// This channel cannot be read by this connection's member (or does not exist).
    Denied {
        channel: i64,
    },
    Typing {
        channel: i64,
        user: Author,
    },
    /// Who has the channel open right now.
    Presence {
        channel: i64,
        online: Vec<Author>,
    },
    /// The pot's money moved: it is now at `version`.
    PotChanged {
        pot: i64,
        version: i64,
    },
    /// Someone moved on, off or around the member map: it is now at `version`.
    MapChanged {
        version: i64,
    },
    /// Someone took a stance on the proposal, or it changed otherwise: it is now at `version`.
    ProposalChanged {
        proposal: i64,
        version: i64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_tagged_json() {
        let frame: ClientFrame =
            serde_json::from_str(r#"{"type":"subscribe","channel":4,"after":17}"#).unwrap();
        assert_eq!(
            frame,
            ClientFrame::Subscribe {
                channel: 4,
                after: 17
            }
        );
        let refetch = serde_json::to_string(&ServerFrame::Refetch {
            channel: 4,
            seq: 90,
        })
        .unwrap();
        assert_eq!(refetch, r#"{"type":"refetch","channel":4,"seq":90}"#);
    }

    #[test]
    fn event_kinds_round_trip_through_their_names() {
        for kind in [
            "posted", "edited", "deleted", "hidden", "reacted", "replied",
        ] {
            assert_eq!(EventKind::parse(kind).map(EventKind::as_str), Some(kind));
        }
        assert_eq!(EventKind::parse("exploded"), None);
    }
}
