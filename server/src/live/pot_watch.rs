//! Pages that follow a pot's money: one watch per pot with watchers on this node. A pot's version
//! in the table is the truth; a change notice (or the periodic check) only says "look".
use app::discussion::notices::PotChange;
use sqlx::AnyPool;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use tokio::sync::broadcast;

/// Only the latest version matters to a watcher: a few missed in between cost nothing.
const WATCH_CAPACITY: usize = 4;

struct Watch {
    version: i64,
    sender: broadcast::Sender<i64>,
}

#[derive(Default)]
pub struct PotWatches {
    watches: Mutex<HashMap<i64, Watch>>,
}

impl PotWatches {
    fn watches(&self) -> MutexGuard<'_, HashMap<i64, Watch>> {
        self.watches
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts watching a pot: the receiver hears each new version; answers the current one.
    pub async fn watch(
        &self,
        db: &AnyPool,
        pot_id: i64,
    ) -> Result<(broadcast::Receiver<i64>, i64), sqlx::Error> {
        let (current,): (i64,) = sqlx::query_as("SELECT version FROM pots WHERE id = $1")
            .bind(pot_id)
            .fetch_one(db)
            .await?;
        let mut watches = self.watches();
        let watch = watches.entry(pot_id).or_insert_with(|| Watch {
            version: current,
            sender: broadcast::channel(WATCH_CAPACITY).0,
        });
        watch.version = watch.version.max(current);
        Ok((watch.sender.subscribe(), watch.version))
    }

    /// Forgets pots nobody here watches any more.
    pub fn prune(&self) {
        self.watches()
            .retain(|_, watch| watch.sender.receiver_count() > 0);
    }

    pub fn on_change(&self, change: PotChange) {
        if let Some(watch) = self.watches().get_mut(&change.pot_id) {
            if change.version > watch.version {
                watch.version = change.version;
                let _ = watch.sender.send(change.version);
            }
        }
    }

    /// Compares every watched pot with the table, in case a notice was lost.
    pub async fn check_all(&self, db: &AnyPool) {
        self.prune();
        let pots: Vec<i64> = self.watches().keys().copied().collect();
        for pot_id in pots {
            let current: Result<(i64,), _> =
                sqlx::query_as("SELECT version FROM pots WHERE id = $1")
                    .bind(pot_id)
                    .fetch_one(db)
                    .await;
            match current {
                Ok((version,)) => self.on_change(PotChange { pot_id, version }),
                Err(error) => tracing::warn!(%error, pot_id, "pot check failed"),
            }
        }
    }
}
