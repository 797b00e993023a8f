//! Many members' rights in their channels, checked again together. Each live connection has its
//! rights checked every period; a node with thousands of them gathers those checks, so a few
//! queries answer dozens of connections instead of several queries each.
use super::access::{needed, rules, Access, Needed, Standing};
use super::queries::{self, Channel};
use crate::accounts::queries::viewers;
use crate::accounts::types::Viewer;
use crate::error::AppError;
use sqlx::AnyPool;
use std::collections::{BTreeSet, HashMap, HashSet};

/// One connection's question: this member, these channels.
#[derive(Clone, Debug)]
pub struct Asked {
    pub user_id: i64,
    pub channels: Vec<i64>,
}

/// The answer, in the order asked.
#[derive(Clone, Debug, PartialEq)]
pub enum Checked {
    /// The account is gone.
    Gone,
    /// The member as they are now, and their rights in each channel asked about (none for a
    /// channel that no longer exists).
    Now {
        viewer: Viewer,
        channels: Vec<(i64, Option<Access>)>,
    },
}

/// What the rules need to know beyond viewers and channels, read for all at once.
struct Standings {
    /// (private conversation, member) pairs.
    memberships: HashSet<(i64, i64)>,
    /// (city, member) pairs of the mutes running now.
    mutes: HashSet<(i64, i64)>,
}

impl Standings {
    fn of(&self, viewer: &Viewer, channel: &Channel) -> Standing {
        match needed(viewer, channel) {
            Needed::Membership => Standing {
                member: self.memberships.contains(&(channel.id, viewer.id)),
                muted: false,
            },
            Needed::Mute { city } => Standing {
                member: false,
                muted: self.mutes.contains(&(city, viewer.id)),
            },
            Needed::Nothing => Standing::default(),
        }
    }
}

/// Answers each question with the same rules as [`super::access::access`], at `now`.
pub async fn check_many(db: &AnyPool, asked: &[Asked], now: i64) -> Result<Vec<Checked>, AppError> {
    let user_ids: Vec<i64> = distinct(asked.iter().map(|asked| asked.user_id));
    let channel_ids: Vec<i64> = distinct(asked.iter().flat_map(|asked| asked.channels.clone()));
    let viewers = viewers(db, &user_ids).await?;
    let channels = queries::channels(db, &channel_ids).await?;
    let standings = standings(db, asked, &viewers, &channels, now).await?;
    Ok(asked
        .iter()
        .map(|asked| match viewers.get(&asked.user_id) {
            None => Checked::Gone,
            Some(viewer) => Checked::Now {
                viewer: viewer.clone(),
                channels: asked
                    .channels
                    .iter()
                    .map(|id| {
                        let rights = channels
                            .get(id)
                            .map(|channel| rules(viewer, channel, standings.of(viewer, channel)));
                        (*id, rights)
                    })
                    .collect(),
            },
        })
        .collect())
}

/// Reads only the memberships and mutes that the rules will look at.
async fn standings(
    db: &AnyPool,
    asked: &[Asked],
    viewers: &HashMap<i64, Viewer>,
    channels: &HashMap<i64, Channel>,
    now: i64,
) -> Result<Standings, AppError> {
    let mut conversations = BTreeSet::new();
    let mut mutable = BTreeSet::new();
    for question in asked {
        let Some(viewer) = viewers.get(&question.user_id) else {
            continue;
        };
        for channel in question.channels.iter().filter_map(|id| channels.get(id)) {
            match needed(viewer, channel) {
                Needed::Membership => {
                    conversations.insert(channel.id);
                }
                Needed::Mute { .. } => {
                    mutable.insert(viewer.id);
                }
                Needed::Nothing => {}
            }
        }
    }
    let conversations: Vec<i64> = conversations.into_iter().collect();
    let mutable: Vec<i64> = mutable.into_iter().collect();
    let memberships = match conversations.is_empty() {
        true => HashSet::new(),
        false => queries::members_of(db, &conversations).await?,
    };
    let mutes = match mutable.is_empty() {
        true => HashSet::new(),
        false => queries::running_mutes(db, &mutable, now).await?,
    };
    Ok(Standings { memberships, mutes })
}

fn distinct(ids: impl Iterator<Item = i64>) -> Vec<i64> {
    ids.collect::<BTreeSet<i64>>().into_iter().collect()
}
