//! The one place that answers "may this member propose, take a stance, revise, withdraw or write
//! the outcome here?". Pure rules first, the database-backed checks after.
use super::rules::stances_offered;
use super::types::{Kind, Rights, Scope, Stance, Status};
use crate::accounts::types::Viewer;

/// What authorization needs to know about a proposal.
#[derive(Clone, Copy, Debug)]
pub struct Facts {
    pub scope: Scope,
    pub kind: Kind,
    pub status: Status,
    pub author_id: Option<i64>,
    /// The viewer's current stance, if any.
    pub own_stance: Option<Stance>,
}

/// A city's decisions belong to its members and its connectors (who may live elsewhere); the
/// network's to every member.
pub fn in_scope(viewer: &Viewer, scope: Scope) -> bool {
    match scope {
        Scope::Network => true,
        Scope::City(id) => viewer.city.id == id || viewer.is_connector_of(id),
    }
}

/// Connectors of a city act for that city; every connector takes part in the network's
/// decisions. Admins steward the installation but are not connectors by being admins.
pub fn is_scope_connector(viewer: &Viewer, scope: Scope) -> bool {
    !viewer.is_alumni
        && match scope {
            Scope::Network => !viewer.connector_of.is_empty(),
            Scope::City(id) => viewer.is_connector_of(id),
        }
}

pub fn may_propose(viewer: &Viewer, scope: Scope) -> bool {
    !viewer.is_alumni && (viewer.is_admin || in_scope(viewer, scope))
}

/// Who coordinates the scope: its connectors and the admins (the network's: admins only).
fn coordinates(viewer: &Viewer, scope: Scope) -> bool {
    match scope {
        Scope::Network => !viewer.is_alumni && viewer.is_admin,
        Scope::City(id) => viewer.may_coordinate(id),
    }
}

/// Everything the viewer may do on the proposal now (the discussion right comes from the
/// channel's own rules and is filled in by the caller).
pub fn rights(viewer: &Viewer, facts: &Facts) -> Rights {
    let active = !viewer.is_alumni;
    let open = facts.status.is_open();
    let author = facts.author_id == Some(viewer.id);
    let stances = if active && open && in_scope(viewer, facts.scope) {
        stances_offered(facts.kind, is_scope_connector(viewer, facts.scope)).to_vec()
    } else {
        Vec::new()
    };
    Rights {
        stances,
        revise: active && open && author,
        withdraw: active && open && author,
        withdraw_block: active && open && facts.own_stance == Some(Stance::Block),
        write_outcome: active && !open && (author || coordinates(viewer, facts.scope)),
        discuss: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::types::CityRef;

    const PARIS: i64 = 1;
    const LYON: i64 = 2;

    fn city(id: i64) -> CityRef {
        CityRef {
            id,
            slug: format!("c{id}"),
            name: format!("City {id}"),
        }
    }

    fn member_of(city_id: i64, id: i64) -> Viewer {
        Viewer {
            id,
            name: format!("Person {id}"),
            city: city(city_id),
            is_admin: false,
            is_alumni: false,
            connector_of: Vec::new(),
        }
    }

    fn connector_of(city_id: i64, id: i64) -> Viewer {
        Viewer {
            connector_of: vec![city(city_id)],
            ..member_of(city_id, id)
        }
    }

    fn facts(scope: Scope, kind: Kind, status: Status) -> Facts {
        Facts {
            scope,
            kind,
            status,
            author_id: Some(1),
            own_stance: None,
        }
    }

    #[test]
    fn only_connectors_of_the_scope_are_offered_a_block() {
        let paris = facts(Scope::City(PARIS), Kind::LazyConsent, Status::Open);
        assert!(rights(&connector_of(PARIS, 5), &paris)
            .stances
            .contains(&Stance::Block));
        assert!(!rights(&member_of(PARIS, 5), &paris)
            .stances
            .contains(&Stance::Block));
        // A connector of Lyon living in Lyon has no say in Paris.
        assert!(rights(&connector_of(LYON, 5), &paris).stances.is_empty());
        // A connector of Paris who lives in Lyon does.
        let mut remote = connector_of(PARIS, 5);
        remote.city = city(LYON);
        assert!(rights(&remote, &paris).stances.contains(&Stance::Block));
        // Admins are not connectors by being admins.
        let mut admin = member_of(PARIS, 5);
        admin.is_admin = true;
        assert!(!rights(&admin, &paris).stances.contains(&Stance::Block));
        // On the network, every connector may block.
        let network = facts(Scope::Network, Kind::LazyConsent, Status::Open);
        assert!(rights(&connector_of(LYON, 5), &network)
            .stances
            .contains(&Stance::Block));
        assert!(!rights(&member_of(LYON, 5), &network)
            .stances
            .contains(&Stance::Block));
    }

    #[test]
    fn alumni_take_no_stances_and_act_on_nothing() {
        let mut alumni = connector_of(PARIS, 1);
        alumni.is_alumni = true;
        for kind in Kind::ALL {
            let open = rights(&alumni, &facts(Scope::City(PARIS), kind, Status::Open));
            assert!(open.stances.is_empty(), "{kind:?}");
            assert!(!open.revise && !open.withdraw && !open.withdraw_block);
            let closed = rights(&alumni, &facts(Scope::City(PARIS), kind, Status::Passed));
            assert!(!closed.write_outcome);
        }
        assert!(!may_propose(&alumni, Scope::Network));
        assert!(!is_scope_connector(&alumni, Scope::City(PARIS)));
    }

    #[test]
    fn members_elsewhere_watch_a_citys_decisions_but_the_network_is_everyones() {
        let paris = facts(Scope::City(PARIS), Kind::LazyConsent, Status::Open);
        assert!(rights(&member_of(LYON, 5), &paris).stances.is_empty());
        assert!(!may_propose(&member_of(LYON, 5), Scope::City(PARIS)));
        assert!(may_propose(&member_of(LYON, 5), Scope::Network));
        let network = facts(Scope::Network, Kind::SenseCheck, Status::Open);
        assert_eq!(rights(&member_of(LYON, 5), &network).stances.len(), 3);
    }

    #[test]
    fn the_three_connector_rule_offers_stances_to_connectors_only() {
        let paris = facts(Scope::City(PARIS), Kind::ThreeConnector, Status::Open);
        assert!(rights(&member_of(PARIS, 5), &paris).stances.is_empty());
        assert_eq!(
            rights(&connector_of(PARIS, 5), &paris).stances,
            vec![Stance::Agree, Stance::Object]
        );
        assert!(may_propose(&member_of(PARIS, 5), Scope::City(PARIS)));
    }

    #[test]
    fn the_author_revises_and_withdraws_while_open_and_only_a_blocker_withdraws_a_block() {
        let mut paris = facts(Scope::City(PARIS), Kind::LazyConsent, Status::Open);
        let author = member_of(PARIS, 1);
        let other = member_of(PARIS, 2);
        assert!(rights(&author, &paris).revise && rights(&author, &paris).withdraw);
        assert!(!rights(&other, &paris).revise && !rights(&other, &paris).withdraw);
        assert!(!rights(&other, &paris).withdraw_block);
        paris.own_stance = Some(Stance::Block);
        assert!(rights(&other, &paris).withdraw_block);
        paris.status = Status::Blocked;
        let closed = rights(&author, &paris);
        assert!(!closed.revise && !closed.withdraw && !closed.withdraw_block);
        assert!(closed.stances.is_empty());
    }

    #[test]
    fn the_author_and_the_scopes_coordinators_write_the_outcome_once_closed() {
        let closed = facts(Scope::City(PARIS), Kind::LazyConsent, Status::Passed);
        assert!(rights(&member_of(PARIS, 1), &closed).write_outcome);
        assert!(rights(&connector_of(PARIS, 7), &closed).write_outcome);
        assert!(!rights(&connector_of(LYON, 7), &closed).write_outcome);
        assert!(!rights(&member_of(PARIS, 7), &closed).write_outcome);
        let mut admin = member_of(LYON, 9);
        admin.is_admin = true;
        assert!(rights(&admin, &closed).write_outcome);
        let open = facts(Scope::City(PARIS), Kind::LazyConsent, Status::Open);
        assert!(!rights(&member_of(PARIS, 1), &open).write_outcome);
        let network = facts(Scope::Network, Kind::LazyConsent, Status::Passed);
        assert!(!rights(&connector_of(PARIS, 7), &network).write_outcome);
        assert!(rights(&admin, &network).write_outcome);
    }
}
