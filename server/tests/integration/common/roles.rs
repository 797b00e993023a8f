//! The kinds of people every server function is tried as.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Anonymous,
    Member,
    MemberElsewhere,
    Connector,
    ConnectorElsewhere,
    Alumni,
    Admin,
}

pub const ROLES: [Role; 7] = [
    Role::Anonymous,
    Role::Member,
    Role::MemberElsewhere,
    Role::Connector,
    Role::ConnectorElsewhere,
    Role::Alumni,
    Role::Admin,
];
