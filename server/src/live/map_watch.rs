//! Pages that follow the member map. One version for the whole map, in the table; a change
//! notice (or the periodic check) only says "look", so a lost notice costs latency, not data.
use app::discussion::types::ServerFrame;
use futures::StreamExt;
use sqlx::AnyPool;
use std::sync::{Mutex, MutexGuard};
use tokio::sync::broadcast;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;
use tokio_stream::wrappers::BroadcastStream;

/// Only the latest version matters to a watcher: a few missed in between cost nothing.
const WATCH_CAPACITY: usize = 4;

pub struct MapWatch {
    /// The newest version this node knows of.
    version: Mutex<i64>,
    sender: broadcast::Sender<i64>,
}

impl Default for MapWatch {
    fn default() -> MapWatch {
        MapWatch {
            version: Mutex::new(0),
            sender: broadcast::channel(WATCH_CAPACITY).0,
        }
    }
}

impl MapWatch {
    fn version(&self) -> MutexGuard<'_, i64> {
        self.version
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts watching: the receiver hears each newer version; answers the current one.
    pub async fn watch(
        &self,
        db: &AnyPool,
    ) -> Result<(broadcast::Receiver<i64>, i64), sqlx::Error> {
        let current = read(db).await?;
        let receiver = self.sender.subscribe();
        let mut known = self.version();
        *known = (*known).max(current);
        Ok((receiver, *known))
    }

    pub fn on_change(&self, version: i64) {
        let mut known = self.version();
        if version > *known {
            *known = version;
            let _ = self.sender.send(version);
        }
    }

    /// Compares with the table, in case a notice was lost; only while someone watches.
    pub async fn check(&self, db: &AnyPool) {
        if self.sender.receiver_count() == 0 {
            return;
        }
        match read(db).await {
            Ok(version) => self.on_change(version),
            Err(error) => tracing::warn!(%error, "map check failed"),
        }
    }
}

/// One connection's watch of the map, and the last version it was told of. Every signed-in
/// member may watch: the frames carry a version number, nothing about anyone.
#[derive(Default)]
pub struct MapFollower {
    known: i64,
    feed: Option<BroadcastStream<i64>>,
}

impl MapFollower {
    pub fn is_watching(&self) -> bool {
        self.feed.is_some()
    }

    /// Starts (or restarts) watching after `version`; answers a frame when the map is already
    /// newer.
    pub async fn watch(
        &mut self,
        watch: &MapWatch,
        db: &AnyPool,
        version: i64,
    ) -> Option<ServerFrame> {
        let (receiver, current) = watch.watch(db).await.ok()?;
        self.feed = Some(BroadcastStream::new(receiver));
        self.known = version;
        self.tell(current)
    }

    /// The next version heard; never resolves while not watching.
    pub async fn next_item(&mut self) -> Option<Result<i64, BroadcastStreamRecvError>> {
        match &mut self.feed {
            Some(feed) => feed.next().await,
            None => std::future::pending().await,
        }
    }

    pub async fn on_item(
        &mut self,
        item: Result<i64, BroadcastStreamRecvError>,
        db: &AnyPool,
    ) -> Option<ServerFrame> {
        let version = match item {
            Ok(version) => version,
            // Missed some versions: only the latest matters, and the table has it.
            Err(BroadcastStreamRecvError::Lagged(_)) => read(db).await.ok()?,
        };
        self.tell(version)
    }

    fn tell(&mut self, version: i64) -> Option<ServerFrame> {
        (version > self.known).then(|| {
            self.known = version;
            ServerFrame::MapChanged { version }
        })
    }
}

pub async fn read(db: &AnyPool) -> Result<i64, sqlx::Error> {
    let (version,): (i64,) = sqlx::query_as("SELECT version FROM map_state WHERE id = 1")
        .fetch_one(db)
        .await?;
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::{MapFollower, MapWatch};
    use app::discussion::types::ServerFrame;

    #[test]
    fn a_follower_is_told_each_newer_version_once() {
        let mut follower = MapFollower {
            known: 4,
            feed: None,
        };
        assert_eq!(follower.tell(4), None);
        assert_eq!(
            follower.tell(6),
            Some(ServerFrame::MapChanged { version: 6 })
        );
        assert_eq!(follower.tell(5), None);
    }

    #[test]
    fn only_newer_versions_reach_watchers() {
        let watch = MapWatch::default();
        let mut receiver = watch.sender.subscribe();
        watch.on_change(3);
        watch.on_change(2);
        watch.on_change(3);
        watch.on_change(5);
        assert_eq!(receiver.try_recv().ok(), Some(3));
        assert_eq!(receiver.try_recv().ok(), Some(5));
        assert!(
            receiver.try_recv().is_err(),
            "older and repeated versions are not sent"
        );
    }
}
