//! Connects a channel view to the live socket: applies its events to the timeline, keeps the
//! sidebar's badges current, shows who types and who is here.
use super::timeline::Timeline;
use super::types::{Author, ChannelSummary, ServerFrame};
use leptos::prelude::*;

/// The live state a channel view renders.
#[derive(Clone, Copy)]
pub struct LiveState {
    pub channel: i64,
    pub viewer: StoredValue<Option<(i64, String)>>,
    pub timeline: RwSignal<Timeline>,
    pub sidebar: RwSignal<Vec<ChannelSummary>>,
    pub typing: RwSignal<Option<String>>,
    pub online: RwSignal<Vec<Author>>,
    /// None until the first connection; then whether the socket is up.
    pub connected: RwSignal<Option<bool>>,
    /// Bumped when the current channel moved on too far and must be reloaded.
    pub stale: RwSignal<u32>,
    /// Bumped each time an event of the current channel was applied (to mark it read).
    pub applied: RwSignal<u32>,
}

impl LiveState {
    pub fn viewer_id(&self) -> Option<i64> {
        self.viewer
            .with_value(|viewer| viewer.as_ref().map(|(id, _)| *id))
    }

    // Only the browser's socket calls the next two.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    /// Each followed channel (and the open one) with the last event this tab has of it.
    pub fn subscriptions(&self) -> Vec<(i64, i64)> {
        let current = (
            self.channel,
            self.timeline.with_untracked(|timeline| timeline.last_seq),
        );
        let mut list = vec![current];
        self.sidebar.with_untracked(|channels| {
            list.extend(
                channels
                    .iter()
                    .filter(|channel| channel.following && channel.id != self.channel)
                    .map(|channel| (channel.id, channel.last_seq)),
            )
        });
        list
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub fn on_frame(&self, frame: ServerFrame) {
        match frame {
            ServerFrame::Event(event) if event.channel == self.channel => self.apply(&event),
            ServerFrame::Event(event) => {
                let mine =
                    event.message.author.as_ref().map(|author| author.id) == self.viewer_id();
                let mention = self.viewer.with_value(|viewer| {
                    viewer.as_ref().is_some_and(|(_, name)| {
                        event
                            .message
                            .body
                            .to_lowercase()
                            .contains(&format!("@**{}**", name.to_lowercase()))
                    })
                });
                let new_post = event.kind == super::types::EventKind::Posted && !mine;
                self.sidebar.update(|channels| {
                    if let Some(channel) = channels
                        .iter_mut()
                        .find(|channel| channel.id == event.channel)
                    {
                        if event.seq > channel.last_seq {
                            channel.last_seq = event.seq;
                            channel.unread += i64::from(new_post);
                            channel.mentions += i64::from(new_post && mention);
                        }
                    }
                });
            }
            // No longer allowed to read the open channel (or it is gone): reloading shows why.
            ServerFrame::Denied { channel } if channel == self.channel => {
                self.stale.update(|count| *count += 1);
            }
            ServerFrame::Refetch { channel, .. } if channel == self.channel => {
                self.stale.update(|count| *count += 1);
            }
            ServerFrame::Refetch { channel, seq } => self.sidebar.update(|channels| {
                if let Some(channel) = channels.iter_mut().find(|found| found.id == channel) {
                    channel.last_seq = seq;
                }
            }),
            ServerFrame::Typing { channel, user }
                if channel == self.channel && self.viewer_id() != Some(user.id) =>
            {
                self.typing.set(Some(user.name));
                let typing = self.typing;
                set_timeout(move || typing.set(None), std::time::Duration::from_secs(4));
            }
            ServerFrame::Presence { channel, online } if channel == self.channel => {
                self.online.set(online)
            }
            _ => {}
        }
    }

    fn apply(&self, event: &super::types::ChannelEvent) {
        if self.timeline.try_update(|timeline| timeline.apply(event)) == Some(true) {
            self.applied.update(|count| *count += 1);
        }
    }

    /// The open channel has been read up to here.
    pub fn mark_current_read(&self) {
        self.sidebar.update(|channels| {
            if let Some(channel) = channels
                .iter_mut()
                .find(|channel| channel.id == self.channel)
            {
                channel.unread = 0;
                channel.mentions = 0;
            }
        });
    }
}

/// Opens the socket in the browser (never on the server) and closes it with the view.
pub fn connect(state: LiveState) -> StoredValue<Option<TypingSender>> {
    let sender = StoredValue::new(None);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use super::live_socket::LiveSocket;
        let socket = LiveSocket::start(
            move || {
                state
                    .subscriptions()
                    .into_iter()
                    .map(|(channel, after)| super::types::ClientFrame::Subscribe { channel, after })
                    .collect()
            },
            move |frame| state.on_frame(frame),
            move |up| state.connected.set(Some(up)),
        );
        sender.set_value(Some(TypingSender::new(socket.clone(), state.channel)));
        on_cleanup(move || socket.stop());
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = state;
    sender
}

/// Tells the channel the member is typing, at most every two seconds.
#[derive(Clone)]
pub struct TypingSender {
    #[cfg(feature = "hydrate")]
    socket: super::live_socket::LiveSocket,
    #[cfg(feature = "hydrate")]
    last: std::sync::Arc<std::sync::atomic::AtomicU64>,
    channel: i64,
}

impl TypingSender {
    #[cfg(feature = "hydrate")]
    fn new(socket: super::live_socket::LiveSocket, channel: i64) -> TypingSender {
        TypingSender {
            socket,
            last: Default::default(),
            channel,
        }
    }

    pub fn typing(&self) {
        #[cfg(feature = "hydrate")]
        {
            use std::sync::atomic::Ordering;
            let now = web_sys::js_sys::Date::now() as u64;
            if now.saturating_sub(self.last.load(Ordering::Relaxed)) >= 2_000 {
                self.last.store(now, Ordering::Relaxed);
                self.socket.send(&super::types::ClientFrame::Typing {
                    channel: self.channel,
                });
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = self.channel;
    }
}
