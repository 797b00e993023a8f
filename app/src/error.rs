//! The one error type every server function returns: it crosses the wire as JSON and never carries
//! internal details (those are logged on the server, the user sees a short, translated-on-screen kind).
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("please log in first")]
    Unauthenticated,
    #[error("you are not allowed to do this")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// A form field failed validation; `field` names the input so the form can show it in place.
    #[error("{field}: {problem:?}")]
    Invalid { field: String, problem: Problem },
    #[error("already signed in")]
    AlreadySignedIn,
    #[error("too many attempts, try again in {retry_after_minutes} minutes")]
    RateLimited { retry_after_minutes: u32 },
    /// Posting faster than the per-member allowance.
    #[error("slow down: try again in {retry_after_seconds} seconds")]
    SlowDown { retry_after_seconds: u32 },
    #[error("the request could not be read")]
    BadRequest,
    /// Someone else changed it meanwhile.
    #[error("this changed meanwhile; reload and try again")]
    Conflict,
    #[error("something went wrong on our side; please try again")]
    Internal,
}

impl AppError {
    pub fn invalid(field: &str, problem: Problem) -> Self {
        AppError::Invalid {
            field: field.to_string(),
            problem,
        }
    }

    /// What is wrong with one form field, when this error is about that field.
    pub fn field_problem(&self, name: &str) -> Option<Problem> {
        match self {
            AppError::Invalid { field, problem } if field == name => Some(problem.clone()),
            _ => None,
        }
    }

    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Invalid { .. } => 422,
            AppError::AlreadySignedIn | AppError::Conflict => 409,
            AppError::RateLimited { .. } | AppError::SlowDown { .. } => 429,
            AppError::BadRequest => 400,
            AppError::Internal => 500,
        }
    }
}

/// What is wrong with a field, as a code the interface translates (never free text from the server).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    TooMany {
        max: usize,
    },
    ControlCharacters,
    BadEmail,
    EmailTaken,
    /// Another record already uses this name.
    Taken,
    BadTag {
        tag: String,
    },
    BadLanguage {
        code: String,
    },
    NoSuchCity,
    WrongCredentials,
    NoSuchMember,
    AlreadyConnector,
    AlumniCannotAct,
    /// Not an amount of money (or zero, or negative).
    BadAmount,
    AmountTooLarge,
    NotEnoughMoney {
        available_cents: i64,
    },
    /// More than a bucket still takes.
    OverMaximum {
        room_cents: i64,
    },
    /// More than one member may give one bucket.
    OverCap {
        room_cents: i64,
    },
    /// The round or bucket does not take this now (wrong phase or status).
    NotOpen,
    NotFunded,
    MinAboveMax,
    /// Not a whole number.
    BadNumber,
    /// A ballot that does not name accepted projects the right way.
    BadBallot,
    TooFewChoices,
    /// The approved projects cost more together than the round allows.
    OverBallotCost,
    TooManyPoints,
    /// This line of a pasted list could not be read.
    BadLine {
        line: usize,
    },
    /// A date or time that cannot be read.
    BadDate,
    /// A time that must be further ahead (at least `minutes` from now).
    TooSoon {
        minutes: i64,
    },
    /// A time too far ahead (more than `days` from now).
    TooFar {
        days: i64,
    },
    TooFew {
        min: usize,
    },
    /// A review date that is not after the closing time.
    BeforeClosing,
    /// A date that does not come after the one before it.
    OutOfOrder,
    /// The same entry twice in a list.
    Duplicate,
    /// This step needs a passed lazy-consent decision of the scope, and none valid was named.
    NeedsDecision,
    /// The network's only admin cannot leave it without one.
    LastAdmin,
    /// Someone with this email is a member already.
    AlreadyMember,
    /// The invitation link is unknown, used, expired or revoked.
    InvitationInvalid,
    /// Joining needs an invitation from a connector.
    InvitationNeeded,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_problem_only_matches_its_field() {
        let error = AppError::invalid("email", Problem::EmailTaken);
        assert_eq!(error.field_problem("email"), Some(Problem::EmailTaken));
        assert_eq!(error.field_problem("name"), None);
    }

    #[test]
    fn every_kind_has_a_distinct_client_or_server_status() {
        assert_eq!(
            AppError::RateLimited {
                retry_after_minutes: 15
            }
            .status_code(),
            429
        );
        assert_eq!(AppError::Unauthenticated.status_code(), 401);
        assert_eq!(AppError::Internal.status_code(), 500);
    }
}
