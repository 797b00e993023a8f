//! Invitations as they cross the wire.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationStatus {
    Pending,
    Accepted,
    Expired,
    Revoked,
}

impl InvitationStatus {
    /// What an invitation is at `now`, from its dates. Accepted and revoked are final; a pending
    /// one expires on its own.
    pub fn at(now: i64, expires_at: i64, revoked: bool, accepted: bool) -> InvitationStatus {
        if accepted {
            InvitationStatus::Accepted
        } else if revoked {
            InvitationStatus::Revoked
        } else if now >= expires_at {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Pending
        }
    }
}

/// One line of a city's invitations, for its connectors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationSummary {
    pub id: i64,
    pub email: String,
    pub invited_by: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub status: InvitationStatus,
}

/// What the invitation link's page shows the person invited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationView {
    pub city_slug: String,
    pub city_name: String,
    pub invited_by: Option<String>,
    pub message: String,
    pub email: String,
    pub expires_at: i64,
    pub status: InvitationStatus,
}

#[cfg(test)]
mod tests {
    use super::InvitationStatus::*;
    use super::*;

    #[test]
    fn an_invitation_expires_unless_it_was_used_or_revoked_first() {
        assert_eq!(InvitationStatus::at(10, 20, false, false), Pending);
        assert_eq!(InvitationStatus::at(20, 20, false, false), Expired);
        assert_eq!(InvitationStatus::at(30, 20, true, false), Revoked);
        assert_eq!(InvitationStatus::at(30, 20, true, true), Accepted);
    }
}
