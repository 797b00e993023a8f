//! Keeps a budget page current: it follows its pot over the live socket, and each time the pot's
//! money moves past the version shown, the page's data is fetched again.
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct PotFollow {
    pot: RwSignal<Option<i64>>,
    version: RwSignal<i64>,
    /// Bumped on every newer version: resources keyed on it refetch.
    pub refresh: RwSignal<u32>,
}

impl PotFollow {
    /// The page now shows this pot at this version.
    pub fn showing(&self, pot: i64, version: i64) {
        if self.version.get_untracked() < version {
            self.version.set(version);
        }
        if self.pot.get_untracked() != Some(pot) {
            self.pot.set(Some(pot));
        }
    }
}

/// Called once per page, outside its Suspense boundaries. The socket opens in the browser only.
pub fn follow_pot() -> PotFollow {
    let follow = PotFollow {
        pot: RwSignal::new(None),
        version: RwSignal::new(0),
        refresh: RwSignal::new(0),
    };
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use crate::discussion::live_socket::LiveSocket;
        use crate::discussion::types::{ClientFrame, ServerFrame};
        let Some(pot) = follow.pot.get() else { return };
        let socket = LiveSocket::start(
            move || {
                vec![ClientFrame::WatchPot {
                    pot,
                    version: follow.version.get_untracked(),
                }]
            },
            move |frame| {
                if let ServerFrame::PotChanged {
                    pot: changed,
                    version,
                } = frame
                {
                    if changed == pot && version > follow.version.get_untracked() {
                        follow.version.set(version);
                        follow.refresh.update(|count| *count += 1);
                    }
                }
            },
            |_| {},
        );
        on_cleanup(move || socket.stop());
    });
    follow
}
