//! The one place that answers "may this member manage this pot, or take part in its rounds?".
use crate::accounts::types::Viewer;

/// What authorization needs to know of a pot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PotScope {
    /// None for the network's pot.
    pub city_id: Option<i64>,
}

/// The network's pot is the admins'; a city's pot is its connectors' (and the admins').
pub fn may_manage(viewer: &Viewer, pot: PotScope) -> bool {
    match pot.city_id {
        None => viewer.is_admin && !viewer.is_alumni,
        Some(city) => viewer.may_coordinate(city),
    }
}

/// Everyone takes part in the network's rounds; a city's rounds belong to its members.
pub fn may_take_part(viewer: &Viewer, pot: PotScope) -> bool {
    !viewer.is_alumni
        && match pot.city_id {
            None => true,
            Some(city) => viewer.city.id == city,
        }
}

/// Only admins move money between pots or into the network.
pub fn may_split(viewer: &Viewer) -> bool {
    viewer.is_admin && !viewer.is_alumni
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::types::CityRef;

    fn person(city: i64) -> Viewer {
        Viewer {
            id: 1,
            name: "Ana".into(),
            city: CityRef {
                id: city,
                slug: format!("c{city}"),
                name: format!("City {city}"),
            },
            is_admin: false,
            is_alumni: false,
            connector_of: Vec::new(),
        }
    }

    const NETWORK: PotScope = PotScope { city_id: None };
    const PARIS: PotScope = PotScope { city_id: Some(1) };

    #[test]
    fn members_take_part_at_home_and_in_the_network() {
        let member = person(1);
        assert!(may_take_part(&member, PARIS));
        assert!(may_take_part(&member, NETWORK));
        assert!(!may_take_part(&person(2), PARIS));
        assert!(!may_manage(&member, PARIS));
        assert!(!may_manage(&member, NETWORK));
        assert!(!may_split(&member));
    }

    #[test]
    fn connectors_manage_their_city_only_and_admins_everything() {
        let mut connector = person(2);
        connector.connector_of = vec![CityRef {
            id: 1,
            slug: "c1".into(),
            name: "City 1".into(),
        }];
        assert!(may_manage(&connector, PARIS));
        assert!(!may_manage(&connector, PotScope { city_id: Some(3) }));
        assert!(!may_manage(&connector, NETWORK));
        let mut admin = person(3);
        admin.is_admin = true;
        assert!(may_manage(&admin, PARIS) && may_manage(&admin, NETWORK) && may_split(&admin));
    }

    #[test]
    fn alumni_neither_manage_nor_take_part() {
        let mut alumni = person(1);
        alumni.is_alumni = true;
        alumni.is_admin = true;
        assert!(!may_take_part(&alumni, PARIS));
        assert!(!may_manage(&alumni, NETWORK));
        assert!(!may_split(&alumni));
    }
}
