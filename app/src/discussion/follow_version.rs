//! Keeps a page current: it follows one thing (a pot's money, a proposal's stances) over the
//! live socket, and each time its version moves past the one shown, the page fetches again.
use super::types::{ClientFrame, ServerFrame};
use leptos::prelude::*;

/// How to ask the server to follow one kind of thing, and how to hear that one changed.
#[derive(Clone, Copy)]
pub struct Followable {
    /// The frame that follows thing `id` shown at `version`.
    pub watch: fn(i64, i64) -> ClientFrame,
    /// (id, version) when the frame says a thing of this kind changed.
    pub changed: fn(&ServerFrame) -> Option<(i64, i64)>,
}

pub const POT: Followable = Followable {
    watch: |pot, version| ClientFrame::WatchPot { pot, version },
    changed: |frame| match frame {
        ServerFrame::PotChanged { pot, version } => Some((*pot, *version)),
        _ => None,
    },
};

pub const PROPOSAL: Followable = Followable {
    watch: |proposal, version| ClientFrame::WatchProposal { proposal, version },
    changed: |frame| match frame {
        ServerFrame::ProposalChanged { proposal, version } => Some((*proposal, *version)),
        _ => None,
    },
};

#[derive(Clone, Copy)]
pub struct VersionFollow {
    target: RwSignal<Option<i64>>,
    version: RwSignal<i64>,
    /// Bumped on every newer version: resources keyed on it refetch.
    pub refresh: RwSignal<u32>,
}

impl VersionFollow {
    /// The page now shows thing `id` at `version`.
    pub fn showing(&self, id: i64, version: i64) {
        if self.version.get_untracked() < version {
            self.version.set(version);
        }
        if self.target.get_untracked() != Some(id) {
            self.target.set(Some(id));
        }
    }
}

/// Called once per page, outside its Suspense boundaries. The socket opens in the browser only.
pub fn follow_version(followable: Followable) -> VersionFollow {
    let follow = VersionFollow {
        target: RwSignal::new(None),
        version: RwSignal::new(0),
        refresh: RwSignal::new(0),
    };
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use super::live_socket::LiveSocket;
        let Some(target) = follow.target.get() else {
            return;
        };
        let socket = LiveSocket::start(
            move || vec![(followable.watch)(target, follow.version.get_untracked())],
            move |frame| {
                if let Some((changed, version)) = (followable.changed)(&frame) {
                    if changed == target && version > follow.version.get_untracked() {
                        follow.version.set(version);
                        follow.refresh.update(|count| *count += 1);
                    }
                }
            },
            |_| {},
        );
        on_cleanup(move || socket.stop());
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = followable;
    follow
}
