//! Decision data that crosses the wire: kinds, stances, outcomes, proposals as pages show them.
use serde::{Deserialize, Serialize};

/// Longest title and body accepted, in characters.
pub const MAX_TITLE_CHARS: usize = 140;
pub const MIN_TITLE_CHARS: usize = 5;
pub const MAX_BODY_CHARS: usize = 20_000;
/// Longest reason for a stance, note on a revision or outcome statement.
pub const MAX_REASON_CHARS: usize = 2_000;
/// A poll offers 2 to 10 options of at most 100 characters.
pub const MIN_POLL_OPTIONS: usize = 2;
pub const MAX_POLL_OPTIONS: usize = 10;
pub const MAX_OPTION_CHARS: usize = 100;
/// A proposal stays open at least this long, and closes within a year.
pub const MIN_OPEN_SECONDS: i64 = 5 * 60;
pub const MAX_OPEN_SECONDS: i64 = 366 * 86_400;
/// How many agreeing connectors pass a proposal under the 3-connector rule.
pub const CONNECTORS_NEEDED: i64 = 3;
/// Decisions per page of the log.
pub const LOG_PAGE_SIZE: usize = 50;

/// A decision another part of Edges cites (a budget whose rules or payout it agreed), by title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRef {
    pub id: i64,
    pub title: String,
}

/// Where a proposal is decided: one city, or the whole network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    Network,
    City(i64),
}

impl Scope {
    pub fn from_city(city_id: Option<i64>) -> Scope {
        city_id.map_or(Scope::Network, Scope::City)
    }

    pub fn city_id(self) -> Option<i64> {
        match self {
            Scope::Network => None,
            Scope::City(id) => Some(id),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Formal decisions: silence is consent; a connector's block must be answered.
    LazyConsent,
    /// Day-to-day decisions without budget or brand impact: three connectors agree.
    ThreeConnector,
    /// Advice, not binding.
    SenseCheck,
    /// Choosing between options: the last resort.
    Poll,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::LazyConsent,
        Kind::ThreeConnector,
        Kind::SenseCheck,
        Kind::Poll,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::LazyConsent => "lazy_consent",
            Kind::ThreeConnector => "three_connector",
            Kind::SenseCheck => "sense_check",
            Kind::Poll => "poll",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Agree,
    Abstain,
    /// "Disagree" in a sense check.
    Object,
    Block,
    /// A poll vote; the option is stored beside it.
    Choice,
}

impl Stance {
    pub const ALL: [Stance; 5] = [
        Stance::Agree,
        Stance::Abstain,
        Stance::Object,
        Stance::Block,
        Stance::Choice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Agree => "agree",
            Stance::Abstain => "abstain",
            Stance::Object => "object",
            Stance::Block => "block",
            Stance::Choice => "choice",
        }
    }

    pub fn parse(text: &str) -> Option<Stance> {
        Stance::ALL
            .into_iter()
            .find(|stance| stance.as_str() == text)
    }
}

/// Where a proposal stands; every status but `Open` is an outcome and final.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Passed,
    /// Closed with a block (lazy consent) or an objection (3-connector) standing.
    Blocked,
    /// Taken back by its author.
    Withdrawn,
    /// A 3-connector proposal that reached its closing time without three connectors agreeing.
    Lapsed,
    /// A sense check or poll that reached its closing time: advice and results, nothing binding.
    Closed,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Open,
        Status::Passed,
        Status::Blocked,
        Status::Withdrawn,
        Status::Lapsed,
        Status::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Passed => "passed",
            Status::Blocked => "blocked",
            Status::Withdrawn => "withdrawn",
            Status::Lapsed => "lapsed",
            Status::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
    }

    pub fn is_open(self) -> bool {
        self == Status::Open
    }
}

/// Counts of the current stances. `connectors_*` count only connectors of the proposal's scope.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub agree: i64,
    pub abstain: i64,
    pub object: i64,
    pub block: i64,
    pub connectors_agree: i64,
    pub connectors_object: i64,
    /// Votes per poll option, in the options' order.
    pub options: Vec<OptionCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionCount {
    pub id: i64,
    pub label: String,
    pub votes: i64,
}

/// A proposal's live part: what the page refreshes while it is open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveTally {
    pub status: Status,
    pub tally: Tally,
    /// The proposal's version when counted: the page follows it live from there.
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub name: String,
}

/// A proposal in a list: the open ones, or the decision log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalSummary {
    pub id: i64,
    pub kind: Kind,
    pub status: Status,
    pub title: String,
    /// `None` for the whole network.
    pub city_name: Option<String>,
    pub author: Option<Person>,
    pub created_at: i64,
    pub closes_at: i64,
    pub closed_at: Option<i64>,
    pub outcome_statement: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StanceView {
    pub person: Person,
    pub stance: Stance,
    pub option_label: Option<String>,
    pub reason: String,
    /// Taken on an earlier version of the text.
    pub on_revision: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierText {
    pub revision: i64,
    pub title: String,
    pub body_html: String,
    pub replaced_at: i64,
}

/// One line of a proposal's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub kind: String,
    pub actor: Option<Person>,
    /// A stance, an outcome or a revision number, as the kind needs.
    pub detail: String,
    pub note: String,
    pub at: i64,
}

/// What the viewer may do on this proposal now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rights {
    /// The stances the viewer may take (empty: none).
    pub stances: Vec<Stance>,
    pub revise: bool,
    pub withdraw: bool,
    pub withdraw_block: bool,
    pub write_outcome: bool,
    pub discuss: bool,
}

/// A message of the proposal's discussion thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadMessage {
    pub id: i64,
    pub author: Option<String>,
    pub html: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discussion {
    pub channel_id: i64,
    pub root_id: i64,
    pub replies: Vec<ThreadMessage>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalDetail {
    pub summary: ProposalSummary,
    pub body: String,
    pub body_html: String,
    pub review_at: Option<i64>,
    pub revision: i64,
    pub live: LiveTally,
    pub stances: Vec<StanceView>,
    pub own_stance: Option<StanceView>,
    pub earlier: Vec<EarlierText>,
    pub timeline: Vec<TimelineEntry>,
    pub rights: Rights,
    pub discussion: Option<Discussion>,
}

/// Something the member was told about a proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionNotice {
    pub id: i64,
    /// "closing_soon", "revised", "blocked", "closed" or "review_due".
    pub kind: String,
    pub proposal_id: i64,
    pub title: String,
    pub at: i64,
    pub unread: bool,
}

/// Where a member may open a proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeChoice {
    /// "network" or a city slug.
    pub value: String,
    pub name: Option<String>,
}

/// The decision log's filters, as the page's GET form sends them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogFilter {
    #[serde(default)]
    pub q: String,
    /// "", "network" or a city slug.
    #[serde(default)]
    pub scope: String,
    /// "" or a kind name.
    #[serde(default)]
    pub kind: String,
    /// `YYYY-MM-DD`, on the closing date, inclusive.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub page: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogPage {
    pub decisions: Vec<ProposalSummary>,
    pub total: i64,
    pub page: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        for stance in Stance::ALL {
            assert_eq!(Stance::parse(stance.as_str()), Some(stance));
        }
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Kind::parse("dictatorship"), None);
        assert_eq!(Stance::parse(""), None);
        assert_eq!(Status::parse("OPEN"), None);
    }
}
