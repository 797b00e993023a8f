//! The one place that answers "may this member read, write or moderate in this channel?".
use super::queries::{self, Channel};
use super::types::ChannelKind;
use crate::accounts::types::Viewer;
use crate::context::fail;
use crate::error::AppError;
use sqlx::AnyPool;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    pub read: bool,
    pub post: bool,
    pub moderate: bool,
}

/// What is known about the viewer's relation to a channel beyond their roles.
#[derive(Clone, Copy, Debug, Default)]
pub struct Standing {
    /// Takes part in the private conversation (only read for those).
    pub member: bool,
    /// A connector muted them in this city's channels and the mute still runs.
    pub muted: bool,
}

/// The rules, without I/O: city channels are written by the city's members and read by everyone
/// signed in unless members-only; topics are open to every active member; private conversations
/// exist only for those in them. Connectors moderate their own city's channel, admins every
/// shared one; nobody moderates a private conversation.
pub fn rules(viewer: &Viewer, channel: &Channel, standing: Standing) -> Access {
    let active = !viewer.is_alumni;
    match channel.kind {
        ChannelKind::City => {
            let city = channel.city_id.unwrap_or(-1);
            let coordinates = viewer.may_coordinate(city);
            let local = viewer.city.id == city || coordinates;
            Access {
                read: !channel.members_only || local,
                post: active && local && (coordinates || !standing.muted),
                moderate: coordinates,
            }
        }
        ChannelKind::Topic => Access {
            read: true,
            post: active,
            moderate: active && viewer.is_admin,
        },
        ChannelKind::Direct => Access {
            read: standing.member,
            post: active && standing.member,
            moderate: false,
        },
    }
}

pub async fn access(db: &AnyPool, viewer: &Viewer, channel: &Channel) -> Result<Access, AppError> {
    let standing = standing(db, viewer, channel).await?;
    Ok(rules(viewer, channel, standing))
}

/// The part of the viewer's standing that [`rules`] looks at for a channel: every post and every
/// live connection's periodic check reads only that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needed {
    /// Whether they take part in the private conversation.
    Membership,
    /// Whether a mute runs for them in this city: it matters only to a local member who does
    /// not coordinate the city.
    Mute {
        city: i64,
    },
    Nothing,
}

pub fn needed(viewer: &Viewer, channel: &Channel) -> Needed {
    match (channel.kind, channel.city_id) {
        (ChannelKind::Direct, _) => Needed::Membership,
        (ChannelKind::City, Some(city))
            if viewer.city.id == city && !viewer.may_coordinate(city) =>
        {
            Needed::Mute { city }
        }
        _ => Needed::Nothing,
    }
}

async fn standing(db: &AnyPool, viewer: &Viewer, channel: &Channel) -> Result<Standing, AppError> {
    let standing = match needed(viewer, channel) {
        Needed::Membership => Standing {
            member: queries::is_member(db, channel.id, viewer.id).await?,
            muted: false,
        },
        Needed::Mute { city } => Standing {
            member: false,
            muted: queries::muted_until(db, city, viewer.id, crate::context::now())
                .await?
                .is_some(),
        },
        Needed::Nothing => Standing::default(),
    };
    Ok(standing)
}

/// The channel and the viewer's rights in it, when they may at least read it. A channel one may
/// not read answers "not found", so private conversations do not reveal that they exist.
pub async fn readable(
    db: &AnyPool,
    viewer: &Viewer,
    channel_id: i64,
) -> Result<(Channel, Access), AppError> {
    let channel = queries::channel(db, channel_id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let access = access(db, viewer, &channel).await?;
    if !access.read {
        return Err(fail(AppError::NotFound));
    }
    Ok((channel, access))
}

/// Those of `user_ids` who may read the channel: a mention or a reply notifies only them, since a
/// notification carries the message.
pub async fn readers_among(
    db: &AnyPool,
    channel: &Channel,
    user_ids: &[i64],
) -> Result<Vec<i64>, AppError> {
    let mut readers = Vec::with_capacity(user_ids.len());
    for &id in user_ids {
        let Some(person) = crate::accounts::queries::viewer(db, id).await? else {
            continue;
        };
        if access(db, &person, channel).await?.read {
            readers.push(id);
        }
    }
    Ok(readers)
}

/// A message, its channel and the viewer's rights there, when they may read it (otherwise "not
/// found", like the channel itself).
pub async fn readable_message(
    db: &AnyPool,
    viewer: &Viewer,
    message_id: i64,
) -> Result<(queries::MessageMeta, Channel, Access), AppError> {
    let meta = queries::message_meta(db, message_id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let (channel, access) = readable(db, viewer, meta.channel_id).await?;
    Ok((meta, channel, access))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::types::CityRef;

    fn city(id: i64) -> CityRef {
        CityRef {
            id,
            slug: format!("c{id}"),
            name: format!("City {id}"),
        }
    }

    fn member_of(city_id: i64) -> Viewer {
        Viewer {
            id: 10,
            name: "Sam".into(),
            city: city(city_id),
            is_admin: false,
            is_alumni: false,
            connector_of: Vec::new(),
        }
    }

    fn channel(kind: ChannelKind, city_id: Option<i64>, members_only: bool) -> Channel {
        Channel {
            id: 1,
            kind,
            city_id,
            name: "c".into(),
            members_only,
            last_seq: 0,
        }
    }

    #[test]
    fn city_channels_are_written_by_their_members_and_read_by_all() {
        let paris = channel(ChannelKind::City, Some(1), false);
        let local = rules(&member_of(1), &paris, Standing::default());
        assert_eq!(
            (local.read, local.post, local.moderate),
            (true, true, false)
        );
        let visitor = rules(&member_of(2), &paris, Standing::default());
        assert_eq!((visitor.read, visitor.post), (true, false));
    }

    #[test]
    fn members_only_city_channels_hide_from_other_cities() {
        let closed = channel(ChannelKind::City, Some(1), true);
        assert!(!rules(&member_of(2), &closed, Standing::default()).read);
        assert!(rules(&member_of(1), &closed, Standing::default()).read);
        let mut admin = member_of(2);
        admin.is_admin = true;
        assert!(rules(&admin, &closed, Standing::default()).moderate);
    }

    #[test]
    fn a_muted_member_reads_but_cannot_post_and_alumni_only_read() {
        let paris = channel(ChannelKind::City, Some(1), false);
        let muted = rules(
            &member_of(1),
            &paris,
            Standing {
                member: true,
                muted: true,
            },
        );
        assert_eq!((muted.read, muted.post), (true, false));
        let mut alumni = member_of(1);
        alumni.is_alumni = true;
        let access = rules(&alumni, &paris, Standing::default());
        assert_eq!((access.read, access.post), (true, false));
    }

    #[test]
    fn connectors_moderate_their_city_only() {
        let mut connector = member_of(1);
        connector.connector_of = vec![city(3)];
        let home = rules(
            &connector,
            &channel(ChannelKind::City, Some(1), false),
            Standing::default(),
        );
        assert!(!home.moderate);
        let theirs = rules(
            &connector,
            &channel(ChannelKind::City, Some(3), false),
            Standing::default(),
        );
        assert!(theirs.moderate && theirs.post);
    }

    #[test]
    fn private_conversations_exist_only_for_their_participants() {
        let direct = channel(ChannelKind::Direct, None, false);
        let outsider = rules(&member_of(1), &direct, Standing::default());
        assert_eq!((outsider.read, outsider.post), (false, false));
        let mut admin = member_of(1);
        admin.is_admin = true;
        assert!(!rules(&admin, &direct, Standing::default()).read);
        let inside = rules(
            &member_of(1),
            &direct,
            Standing {
                member: true,
                muted: false,
            },
        );
        assert_eq!(
            (inside.read, inside.post, inside.moderate),
            (true, true, false)
        );
    }
}
