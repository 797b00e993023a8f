//! Pages that follow something's version (a pot's money, a proposal's stances): one watch per
//! followed thing with watchers on this node. The version in the table is the truth; a change
//! notice (or the periodic check) only says "look".
use sqlx::AnyPool;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use tokio::sync::broadcast;

/// Only the latest version matters to a watcher: a few missed in between cost nothing.
const WATCH_CAPACITY: usize = 4;

/// A pot's version moves with every movement of its money.
pub const POT_VERSION: &str = "SELECT version FROM pots WHERE id = $1";

struct Watch {
    version: i64,
    sender: broadcast::Sender<i64>,
}

pub struct VersionWatches {
    /// Reads the current version of one followed thing, by id (`$1`).
    version_sql: &'static str,
    watches: Mutex<HashMap<i64, Watch>>,
}

impl VersionWatches {
    pub fn new(version_sql: &'static str) -> VersionWatches {
        VersionWatches {
            version_sql,
            watches: Mutex::new(HashMap::new()),
        }
    }

    fn watches(&self) -> MutexGuard<'_, HashMap<i64, Watch>> {
        self.watches
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub async fn current(&self, db: &AnyPool, id: i64) -> Result<i64, sqlx::Error> {
        let (version,): (i64,) = sqlx::query_as(self.version_sql)
            .bind(id)
            .fetch_one(db)
            .await?;
        Ok(version)
    }

    /// Starts watching: the receiver hears each new version; answers the current one.
    pub async fn watch(
        &self,
        db: &AnyPool,
        id: i64,
    ) -> Result<(broadcast::Receiver<i64>, i64), sqlx::Error> {
        let current = self.current(db, id).await?;
        let mut watches = self.watches();
        let watch = watches.entry(id).or_insert_with(|| Watch {
            version: current,
            sender: broadcast::channel(WATCH_CAPACITY).0,
        });
        watch.version = watch.version.max(current);
        Ok((watch.sender.subscribe(), watch.version))
    }

    /// Forgets what nobody here watches any more.
    pub fn prune(&self) {
        self.watches()
            .retain(|_, watch| watch.sender.receiver_count() > 0);
    }

    pub fn on_change(&self, id: i64, version: i64) {
        if let Some(watch) = self.watches().get_mut(&id) {
            if version > watch.version {
                watch.version = version;
                let _ = watch.sender.send(version);
            }
        }
    }

    /// Compares everything watched with the table, in case a notice was lost.
    pub async fn check_all(&self, db: &AnyPool) {
        self.prune();
        let ids: Vec<i64> = self.watches().keys().copied().collect();
        for id in ids {
            match self.current(db, id).await {
                Ok(version) => self.on_change(id, version),
                Err(error) => {
                    tracing::warn!(%error, id, sql = self.version_sql, "version check failed")
                }
            }
        }
    }
}
