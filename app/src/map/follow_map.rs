//! Keeps the map page current: it watches the map's version over the live socket, and each
//! time someone moves on, off or around the map, the page's data is fetched again.
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct MapFollow {
    version: RwSignal<Option<i64>>,
    /// Bumped on every newer version: resources keyed on it refetch.
    pub refresh: RwSignal<u32>,
}

impl MapFollow {
    /// The page now shows the map at this version.
    pub fn showing(&self, version: i64) {
        if self
            .version
            .get_untracked()
            .is_none_or(|known| known < version)
        {
            self.version.set(Some(version));
        }
    }
}

/// Called once per page, outside its Suspense boundaries. The socket opens in the browser, for
/// signed-in members only (the live endpoint refuses visitors; their counts load with the page).
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub fn follow_map(signed_in: Signal<bool>) -> MapFollow {
    let follow = MapFollow {
        version: RwSignal::new(None),
        refresh: RwSignal::new(0),
    };
    #[cfg(feature = "hydrate")]
    start_watching(follow, signed_in);
    follow
}

#[cfg(feature = "hydrate")]
fn start_watching(follow: MapFollow, signed_in: Signal<bool>) {
    // Turns true once and stays so: the effect below then runs once, and its socket lives as
    // long as the page (a re-run would close it).
    let ready = Memo::new(move |_| signed_in.get() && follow.version.with(Option::is_some));
    Effect::new(move |_| {
        use crate::discussion::live_socket::LiveSocket;
        use crate::discussion::types::{ClientFrame, ServerFrame};
        if !ready.get() {
            return;
        }
        let socket = LiveSocket::start(
            move || {
                let version = follow.version.get_untracked().unwrap_or(0);
                vec![ClientFrame::WatchMap { version }]
            },
            move |frame| {
                if let ServerFrame::MapChanged { version } = frame {
                    if follow
                        .version
                        .get_untracked()
                        .is_none_or(|known| version > known)
                    {
                        follow.version.set(Some(version));
                        follow.refresh.update(|count| *count += 1);
                    }
                }
            },
            |_| {},
        );
        on_cleanup(move || socket.stop());
    });
}
