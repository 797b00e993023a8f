//! What crosses the wire about budgets.
use crate::accounts::types::CityRef;
use crate::decisions::types::DecisionRef;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoundMode {
    /// Collaborative funding: members fund buckets from their allocation.
    Funding,
    /// Participatory budgeting: members vote on projects, a rule picks the winners.
    Ballot,
}

impl RoundMode {
    pub fn as_str(self) -> &'static str {
        match self {
            RoundMode::Funding => "funding",
            RoundMode::Ballot => "ballot",
        }
    }

    pub fn parse(text: &str) -> Option<RoundMode> {
        match text {
            "funding" => Some(RoundMode::Funding),
            "ballot" => Some(RoundMode::Ballot),
            _ => None,
        }
    }

    /// The phases of this mode, in order.
    pub fn phases(self) -> &'static [Phase] {
        match self {
            RoundMode::Funding => &[Phase::Draft, Phase::Open, Phase::Closed],
            RoundMode::Ballot => &[
                Phase::Proposals,
                Phase::Review,
                Phase::Voting,
                Phase::Tallied,
            ],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phase {
    /// Funding: connectors prepare the round and allocate; members cannot fund yet.
    Draft,
    /// Funding: members propose and fund buckets.
    Open,
    /// Funding: over; unspent balances can be withdrawn to the pot.
    Closed,
    Proposals,
    Review,
    Voting,
    Tallied,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::Open => "open",
            Phase::Closed => "closed",
            Phase::Proposals => "proposals",
            Phase::Review => "review",
            Phase::Voting => "voting",
            Phase::Tallied => "tallied",
        }
    }

    pub fn parse(text: &str) -> Option<Phase> {
        [
            Phase::Draft,
            Phase::Open,
            Phase::Closed,
            Phase::Proposals,
            Phase::Review,
            Phase::Voting,
            Phase::Tallied,
        ]
        .into_iter()
        .find(|phase| phase.as_str() == text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BucketStatus {
    Draft,
    /// Open for funding, below its minimum.
    Open,
    /// At or above its minimum; still takes money up to its maximum.
    Funded,
    /// Paid out.
    Completed,
    /// Every contribution went back to its contributor.
    Cancelled,
}

impl BucketStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BucketStatus::Draft => "draft",
            BucketStatus::Open => "open",
            BucketStatus::Funded => "funded",
            BucketStatus::Completed => "completed",
            BucketStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<BucketStatus> {
        [
            BucketStatus::Draft,
            BucketStatus::Open,
            BucketStatus::Funded,
            BucketStatus::Completed,
            BucketStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.as_str() == text)
    }

    /// Money may still come in.
    pub fn takes_money(self) -> bool {
        matches!(self, BucketStatus::Open | BucketStatus::Funded)
    }
}

/// A round's rules, stored as JSON with the round.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRules {
    /// Funding: the most one member may give one bucket, in cents.
    #[serde(default)]
    pub cap_per_bucket_cents: Option<i64>,
    /// Ballot rounds: their budget, ballot and counting rule.
    #[serde(default)]
    pub ballot: Option<super::ballot_setup::BallotSetup>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PotSummary {
    pub id: i64,
    pub name: String,
    /// None for the network's pot.
    pub city: Option<CityRef>,
    pub balance_cents: i64,
    pub may_manage: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundSummary {
    pub id: i64,
    pub pot_id: i64,
    pub pot_name: String,
    pub mode: RoundMode,
    pub title: String,
    pub phase: Phase,
    pub schedule: super::schedule::RoundSchedule,
}

/// What must wait for a passed lazy-consent decision of the pot's scope, as the admins set it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRules {
    /// A round moves past its draft (its rules take effect) only once a decision agreed them.
    pub rules_need_decision: bool,
    /// A payout of more than this needs a decision; None: no payout does.
    pub payout_decision_above_cents: Option<i64>,
}

/// The decisions a manager may cite for a step that needs one: the passed lazy-consent
/// decisions of the pot's scope (possibly none yet), and where to propose one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionChoices {
    pub decisions: Vec<DecisionRef>,
    /// "network" or the city's slug, as the new proposal form takes it.
    pub scope: String,
}

/// How a round's rules were agreed, for everyone; and for its managers, while its rules still
/// need a decision before it moves past its draft, what they may cite.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesConsent {
    pub agreed_in: Option<DecisionRef>,
    pub needs: Option<DecisionChoices>,
}

/// The budgets overview: every pot and every round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetsOverview {
    pub pots: Vec<PotSummary>,
    pub rounds: Vec<RoundSummary>,
    /// Money held by all pots, rounds, members and buckets together.
    pub network_total_cents: i64,
    pub may_split: bool,
    pub consent: ConsentRules,
    /// Admins set the consent rules.
    pub may_set_consent: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketView {
    pub id: i64,
    pub round_id: i64,
    pub title: String,
    pub description_html: String,
    pub min_cents: i64,
    pub max_cents: i64,
    pub received_cents: i64,
    pub status: BucketStatus,
    pub contributors: i64,
    pub created_by: Option<String>,
    /// What the viewer gave it so far.
    pub mine_cents: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub label: String,
    pub amount_cents: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketComment {
    pub author: Option<String>,
    pub html: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketPage {
    pub bucket: BucketView,
    pub round: RoundSummary,
    pub lines: Vec<BudgetLine>,
    pub cocreators: Vec<String>,
    pub comments: Vec<BucketComment>,
    pub my_balance_cents: Option<i64>,
    pub may_manage: bool,
    pub may_edit: bool,
    pub pot_version: i64,
    /// The decision that agreed the payout, once paid.
    pub payout_decision: Option<DecisionRef>,
    /// For managers, when paying this bucket out needs a decision.
    pub payout_needs: Option<DecisionChoices>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundPage {
    pub round: RoundSummary,
    pub description_html: String,
    pub rules: RoundRules,
    pub buckets: Vec<BucketView>,
    pub pot_balance_cents: i64,
    /// Members' balances in the round, together.
    pub unspent_cents: i64,
    /// Given to buckets, together (paid out or not).
    pub given_cents: i64,
    pub members_with_balance: i64,
    /// The viewer's balance, when they take part.
    pub my_balance_cents: Option<i64>,
    pub may_manage: bool,
    pub may_take_part: bool,
    /// Moves with every change of the pot's money: live pages refresh when it does.
    pub pot_version: i64,
    pub rules_consent: RulesConsent,
}

/// One movement of money, as the ledger page and its CSV export show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerLine {
    pub id: i64,
    pub kind: String,
    pub amount_cents: i64,
    pub from: String,
    pub to: String,
    pub member: Option<String>,
    pub bucket: Option<String>,
    pub actor: Option<String>,
    pub at: i64,
}

/// One change a connector or admin made, with what it was before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub id: i64,
    pub actor: Option<String>,
    pub action: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub at: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProjectStatus {
    Proposed,
    Accepted,
    Rejected,
}

impl ProjectStatus {
    pub fn parse(text: &str) -> Option<ProjectStatus> {
        match text {
            "proposed" => Some(ProjectStatus::Proposed),
            "accepted" => Some(ProjectStatus::Accepted),
            "rejected" => Some(ProjectStatus::Rejected),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotProject {
    pub id: i64,
    pub title: String,
    pub description_html: String,
    pub cost_cents: i64,
    pub status: ProjectStatus,
    /// Why connectors rejected it (or adjusted it).
    pub review_reason: String,
    pub proposed_by: Option<String>,
    /// Ballots naming it, when the round shows counts.
    pub votes: Option<i64>,
    pub points: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotRoundPage {
    pub round: RoundSummary,
    pub description_html: String,
    pub setup: super::ballot_setup::BallotSetup,
    pub projects: Vec<BallotProject>,
    /// The viewer's own ballot: (project, points).
    pub my_ballot: Vec<(i64, i64)>,
    pub ballots_cast: i64,
    pub counts_shown: bool,
    /// The round's budget, once set aside from the pot.
    pub reserved_cents: i64,
    pub pot_balance_cents: i64,
    pub may_manage: bool,
    pub may_take_part: bool,
    pub pot_version: i64,
    pub rules_consent: RulesConsent,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundResults {
    pub round: RoundSummary,
    pub setup: super::ballot_setup::BallotSetup,
    pub tally: super::tally_view::TallyView,
    pub election: super::ballot_setup::ElectionData,
    pub may_manage: bool,
}
