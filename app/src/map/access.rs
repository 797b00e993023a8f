//! The one place that answers "may this person see who is on the map, and change how it works?".
use crate::accounts::types::Viewer;

/// The admins' choices for the map; the defaults keep visitors to counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapSettings {
    pub visitors_see_members: bool,
}

/// Members (alumni too: they may still read the directory) see who is on the map; visitors who
/// are not signed in see counts only, unless the admins open the map to them.
pub fn sees_members(viewer: Option<&Viewer>, settings: MapSettings) -> bool {
    match viewer {
        Some(_) => true,
        None => settings.visitors_see_members,
    }
}

/// Only admins who can still act decide what visitors see.
pub fn may_configure(viewer: Option<&Viewer>) -> bool {
    viewer.is_some_and(|viewer| viewer.is_admin && !viewer.is_alumni)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::types::CityRef;

    fn person() -> Viewer {
        Viewer {
            id: 1,
            name: "Ana".into(),
            city: CityRef {
                id: 1,
                slug: "paris".into(),
                name: "Paris".into(),
            },
            is_admin: false,
            is_alumni: false,
            connector_of: Vec::new(),
        }
    }

    #[test]
    fn visitors_see_counts_only_by_default() {
        assert!(!sees_members(None, MapSettings::default()));
        let open = MapSettings {
            visitors_see_members: true,
        };
        assert!(sees_members(None, open));
    }

    #[test]
    fn every_signed_in_person_sees_members() {
        let mut alumni = person();
        alumni.is_alumni = true;
        for viewer in [person(), alumni] {
            assert!(sees_members(Some(&viewer), MapSettings::default()));
        }
    }

    #[test]
    fn only_active_admins_configure_the_map() {
        let mut admin = person();
        assert!(!may_configure(Some(&admin)) && !may_configure(None));
        admin.is_admin = true;
        assert!(may_configure(Some(&admin)));
        admin.is_alumni = true;
        assert!(!may_configure(Some(&admin)));
    }
}
