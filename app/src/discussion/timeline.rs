//! What a channel view shows, and how each live event changes it. No I/O: the browser's live
//! client feeds events in, the view renders what is here.
use super::types::{ChannelEvent, ChannelPage, EventKind, MessageView};
use std::hash::{DefaultHasher, Hash, Hasher};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub channel: i64,
    /// Top-level messages, oldest first.
    pub messages: Vec<MessageView>,
    /// The last event applied: a reconnecting client resumes after it.
    pub last_seq: i64,
    pub has_older: bool,
    /// Later messages exist that this page does not show: new posts are not appended after it.
    pub has_newer: bool,
    /// The open thread: its first message, then the replies.
    pub thread: Vec<MessageView>,
}

impl Timeline {
    pub fn from_page(page: &ChannelPage) -> Timeline {
        Timeline {
            channel: page.channel.id,
            messages: page.messages.clone(),
            last_seq: page.channel.last_seq,
            has_older: page.has_older,
            has_newer: page.has_newer,
            thread: Vec::new(),
        }
    }

    /// Applies one event of this channel; answers false for an event already applied.
    pub fn apply(&mut self, event: &ChannelEvent) -> bool {
        if event.channel != self.channel || event.seq <= self.last_seq {
            return false;
        }
        self.last_seq = event.seq;
        let message = &event.message;
        // Only a new post extends the list, and only when the list reaches the present; any other
        // change to a message not on screen (an edit far back in history) leaves the list alone.
        let appends = event.kind == EventKind::Posted && !self.has_newer;
        match message.parent_id {
            None => upsert(&mut self.messages, message, appends),
            Some(root) if self.thread_root() == Some(root) => {
                upsert(&mut self.thread, message, event.kind == EventKind::Posted)
            }
            Some(_) => {}
        }
        if self.thread_root() == Some(message.id) {
            upsert(&mut self.thread, message, false);
        }
        true
    }

    pub fn thread_root(&self) -> Option<i64> {
        self.thread.first().map(|root| root.id)
    }

    /// Older messages loaded above the current ones.
    pub fn prepend(&mut self, older: Vec<MessageView>, has_older: bool) {
        let known: Vec<i64> = self.messages.iter().map(|message| message.id).collect();
        let mut merged: Vec<MessageView> = older
            .into_iter()
            .filter(|message| !known.contains(&message.id))
            .collect();
        merged.append(&mut self.messages);
        self.messages = merged;
        self.has_older = has_older;
    }

    pub fn oldest_id(&self) -> Option<i64> {
        self.messages.first().map(|message| message.id)
    }
}

/// Replaces the message with the same id, or (when `append`) adds it at the end.
fn upsert(list: &mut Vec<MessageView>, message: &MessageView, append: bool) {
    match list.iter_mut().find(|shown| shown.id == message.id) {
        Some(shown) => *shown = message.clone(),
        None if append => list.push(message.clone()),
        None => {}
    }
}

/// Changes whenever anything shown of the message changes: the key that makes a list re-render
/// exactly the messages an event touched.
pub fn render_key(message: &MessageView) -> (i64, u64) {
    let mut hasher = DefaultHasher::new();
    message.hash(&mut hasher);
    (message.id, hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discussion::types::Reaction;

    fn message(id: i64, seq: i64, parent_id: Option<i64>) -> MessageView {
        MessageView {
            id,
            channel_id: 1,
            seq,
            author: None,
            parent_id,
            body: format!("m{id}"),
            html: format!("<p>m{id}</p>"),
            created_at: 0,
            edited: false,
            deleted: false,
            hidden: false,
            reply_count: 0,
            reactions: Vec::new(),
        }
    }

    fn event(seq: i64, kind: EventKind, message: MessageView) -> ChannelEvent {
        ChannelEvent {
            channel: 1,
            seq,
            kind,
            message,
        }
    }

    fn timeline() -> Timeline {
        Timeline {
            channel: 1,
            messages: vec![message(10, 5, None)],
            last_seq: 5,
            ..Timeline::default()
        }
    }

    #[test]
    fn new_messages_append_and_replayed_events_change_nothing() {
        let mut shown = timeline();
        let posted = event(6, EventKind::Posted, message(11, 6, None));
        assert!(shown.apply(&posted));
        assert!(!shown.apply(&posted));
        assert!(!shown.apply(&event(3, EventKind::Posted, message(9, 3, None))));
        assert_eq!(
            shown.messages.iter().map(|m| m.id).collect::<Vec<_>>(),
            [10, 11]
        );
        assert_eq!(shown.last_seq, 6);
    }

    #[test]
    fn changes_replace_the_message_in_place() {
        let mut shown = timeline();
        let mut reacted = message(10, 5, None);
        reacted.reactions = vec![Reaction {
            emoji: "🎉".into(),
            user_ids: vec![3],
        }];
        let before = render_key(&shown.messages[0]);
        shown.apply(&event(6, EventKind::Reacted, reacted.clone()));
        assert_eq!(shown.messages, vec![reacted]);
        assert_ne!(render_key(&shown.messages[0]), before);
    }

    #[test]
    fn replies_go_to_the_open_thread_only() {
        let mut shown = timeline();
        shown.apply(&event(6, EventKind::Posted, message(11, 6, Some(10))));
        assert!(shown.thread.is_empty());
        assert_eq!(shown.messages.len(), 1);
        shown.thread = vec![message(10, 5, None)];
        shown.apply(&event(7, EventKind::Posted, message(12, 7, Some(10))));
        let mut root = message(10, 5, None);
        root.reply_count = 2;
        shown.apply(&event(8, EventKind::Replied, root));
        assert_eq!(
            shown.thread.iter().map(|m| m.id).collect::<Vec<_>>(),
            [10, 12]
        );
        assert_eq!(shown.thread[0].reply_count, 2);
        assert_eq!(shown.messages[0].reply_count, 2);
    }

    #[test]
    fn changes_to_messages_not_on_screen_leave_the_list_alone() {
        let mut shown = timeline();
        for (seq, kind) in [
            (6, EventKind::Edited),
            (7, EventKind::Deleted),
            (8, EventKind::Hidden),
            (9, EventKind::Reacted),
            (10, EventKind::Replied),
        ] {
            assert!(shown.apply(&event(seq, kind, message(4, 1, None))));
        }
        assert_eq!(
            shown.messages.iter().map(|m| m.id).collect::<Vec<_>>(),
            [10]
        );
        assert_eq!(shown.last_seq, 10);
    }

    #[test]
    fn a_page_back_in_history_does_not_grow_at_the_bottom() {
        let mut shown = Timeline {
            has_newer: true,
            ..timeline()
        };
        shown.apply(&event(6, EventKind::Posted, message(30, 6, None)));
        let mut edited = message(10, 5, None);
        edited.edited = true;
        shown.apply(&event(7, EventKind::Edited, edited.clone()));
        assert_eq!(shown.messages, vec![edited]);
    }

    #[test]
    fn older_pages_go_on_top_without_repeats() {
        let mut shown = timeline();
        shown.prepend(vec![message(8, 2, None), message(10, 5, None)], false);
        assert_eq!(
            shown.messages.iter().map(|m| m.id).collect::<Vec<_>>(),
            [8, 10]
        );
        assert!(!shown.has_older);
    }
}
