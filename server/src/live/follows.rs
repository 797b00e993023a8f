//! What one live connection follows by version (pots, proposals): the last version it was told
//! of each, and the hub's feeds that say when there is a newer one.
use super::hub::Hub;
use super::version_watch::VersionWatches;
use app::discussion::types::ServerFrame;
use std::collections::HashMap;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{StreamExt, StreamMap};

/// More than any page needs: a client cannot make the hub watch without bound.
const MAX_FOLLOWED: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Followed {
    /// Its money (budget pages).
    Pot(i64),
    /// Its stances and status (proposal pages). Proposals are public to signed-in members.
    Proposal(i64),
}

impl Followed {
    fn watches(self, hub: &Hub) -> (&VersionWatches, i64) {
        match self {
            Followed::Pot(id) => (&hub.pots, id),
            Followed::Proposal(id) => (&hub.proposals, id),
        }
    }

    fn changed(self, version: i64) -> ServerFrame {
        match self {
            Followed::Pot(pot) => ServerFrame::PotChanged { pot, version },
            Followed::Proposal(proposal) => ServerFrame::ProposalChanged { proposal, version },
        }
    }
}

pub type FollowItem = (Followed, Result<i64, BroadcastStreamRecvError>);

#[derive(Default)]
pub struct Follows {
    versions: HashMap<Followed, i64>,
    feeds: StreamMap<Followed, BroadcastStream<i64>>,
}

impl Follows {
    pub fn is_empty(&self) -> bool {
        self.feeds.is_empty()
    }

    pub async fn next(&mut self) -> Option<FollowItem> {
        self.feeds.next().await
    }

    /// The client shows `followed` at `version`: it is told at once if there is newer.
    pub async fn follow(
        &mut self,
        hub: &Hub,
        followed: Followed,
        version: i64,
    ) -> Option<ServerFrame> {
        if !self.versions.contains_key(&followed) && self.versions.len() >= MAX_FOLLOWED {
            return None;
        }
        let (watches, id) = followed.watches(hub);
        let (receiver, current) = watches.watch(hub.db(), id).await.ok()?;
        self.feeds.insert(followed, BroadcastStream::new(receiver));
        self.versions.insert(followed, version);
        self.tell(followed, current)
    }

    pub async fn on_item(
        &mut self,
        hub: &Hub,
        (followed, item): FollowItem,
    ) -> Option<ServerFrame> {
        let version = match item {
            Ok(version) => version,
            // Missed some versions: only the latest matters, and the table has it.
            Err(BroadcastStreamRecvError::Lagged(_)) => {
                let (watches, id) = followed.watches(hub);
                watches.current(hub.db(), id).await.ok()?
            }
        };
        self.tell(followed, version)
    }

    fn tell(&mut self, followed: Followed, version: i64) -> Option<ServerFrame> {
        let known = self.versions.get_mut(&followed)?;
        if version <= *known {
            return None;
        }
        *known = version;
        Some(followed.changed(version))
    }
}
