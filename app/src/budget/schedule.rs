//! A round's planned dates. Connectors move a round from phase to phase; the dates tell members
//! when to expect it, and two of them are deadlines the server keeps: no project is proposed
//! once proposals close, and no ballot or contribution is taken once the round closes.
use super::types::RoundMode;
use crate::decisions::validate::local_minute;
use crate::error::{AppError, Problem};
use serde::{Deserialize, Serialize};

/// Moments in UTC seconds; none is required. Read straight from a round's row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct RoundSchedule {
    /// Funding: when funding opens.
    pub opens_at: Option<i64>,
    /// Ballot: when proposals close and review begins.
    pub review_at: Option<i64>,
    /// Ballot: when voting opens.
    pub voting_at: Option<i64>,
    /// When voting (ballot) or funding closes.
    pub closes_at: Option<i64>,
}

/// One planned date of a round, as forms and pages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Milestone {
    FundingOpens,
    ProposalsClose,
    VotingOpens,
    Closes,
}

impl Milestone {
    /// Every milestone, in declaration order (a milestone's index is its position here).
    pub const ALL: [Milestone; 4] = [
        Milestone::FundingOpens,
        Milestone::ProposalsClose,
        Milestone::VotingOpens,
        Milestone::Closes,
    ];

    /// The form field it is typed in.
    pub fn field(self) -> &'static str {
        match self {
            Milestone::FundingOpens => "opens_on",
            Milestone::ProposalsClose => "review_on",
            Milestone::VotingOpens => "voting_on",
            Milestone::Closes => "closes_on",
        }
    }

    /// The milestones of a mode, in the order they come.
    pub fn of(mode: RoundMode) -> &'static [Milestone] {
        match mode {
            RoundMode::Funding => &[Milestone::FundingOpens, Milestone::Closes],
            RoundMode::Ballot => &[
                Milestone::ProposalsClose,
                Milestone::VotingOpens,
                Milestone::Closes,
            ],
        }
    }
}

impl RoundSchedule {
    pub fn at(&self, milestone: Milestone) -> Option<i64> {
        match milestone {
            Milestone::FundingOpens => self.opens_at,
            Milestone::ProposalsClose => self.review_at,
            Milestone::VotingOpens => self.voting_at,
            Milestone::Closes => self.closes_at,
        }
    }

    fn set(&mut self, milestone: Milestone, at: Option<i64>) {
        match milestone {
            Milestone::FundingOpens => self.opens_at = at,
            Milestone::ProposalsClose => self.review_at = at,
            Milestone::VotingOpens => self.voting_at = at,
            Milestone::Closes => self.closes_at = at,
        }
    }

    /// The mode's milestones that have a date, in order.
    pub fn planned(&self, mode: RoundMode) -> Vec<(Milestone, i64)> {
        Milestone::of(mode)
            .iter()
            .filter_map(|milestone| self.at(*milestone).map(|at| (*milestone, at)))
            .collect()
    }

    /// Whether members may still propose projects at `now`.
    pub fn takes_proposals(&self, now: i64) -> bool {
        self.review_at.is_none_or(|at| now < at)
    }

    /// Whether members may still vote or give at `now`.
    pub fn takes_part(&self, now: i64) -> bool {
        self.closes_at.is_none_or(|at| now < at)
    }
}

/// The dates as a form sends them: `YYYY-MM-DDTHH:MM` in the member's zone, blank for none,
/// and that zone's offset in minutes (blank: the times are UTC).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleInput {
    pub opens_on: String,
    pub review_on: String,
    pub voting_on: String,
    pub closes_on: String,
    pub zone_offset: String,
}

impl ScheduleInput {
    fn text(&self, milestone: Milestone) -> &str {
        match milestone {
            Milestone::FundingOpens => &self.opens_on,
            Milestone::ProposalsClose => &self.review_on,
            Milestone::VotingOpens => &self.voting_on,
            Milestone::Closes => &self.closes_on,
        }
    }
}

/// Dates may be planned up to this far ahead.
const HORIZON_SECONDS: i64 = 2 * 366 * 86_400;

/// Reads the dates of a mode from a form. Each must come after the one before it, and a date
/// that changes (from `before`) must lie ahead: a deadline cannot be moved into the past.
pub fn read(
    mode: RoundMode,
    input: &ScheduleInput,
    before: &RoundSchedule,
    now: i64,
) -> Result<RoundSchedule, AppError> {
    let offset = crate::decisions::validate::zone_offset(&input.zone_offset)
        .map_err(|_| AppError::invalid("zone_offset", Problem::BadDate))?;
    let mut schedule = RoundSchedule::default();
    let mut previous: Option<i64> = None;
    for milestone in Milestone::of(mode) {
        let field = milestone.field();
        let text = input.text(*milestone).trim();
        if text.is_empty() {
            continue;
        }
        let at = local_minute(text).ok_or_else(|| AppError::invalid(field, Problem::BadDate))?
            + offset * 60;
        // Typed times are to the minute: an unchanged date may read back a few seconds apart.
        let unchanged = before
            .at(*milestone)
            .is_some_and(|old| (old - at).abs() < 60);
        if !unchanged && at <= now {
            return Err(AppError::invalid(field, Problem::TooSoon { minutes: 1 }));
        }
        if at > now + HORIZON_SECONDS {
            return Err(AppError::invalid(
                field,
                Problem::TooFar {
                    days: HORIZON_SECONDS / 86_400,
                },
            ));
        }
        if previous.is_some_and(|earlier| at <= earlier) {
            return Err(AppError::invalid(field, Problem::OutOfOrder));
        }
        previous = Some(at);
        let kept = match before.at(*milestone) {
            Some(old) if unchanged => old,
            _ => at,
        };
        schedule.set(*milestone, Some(kept));
    }
    Ok(schedule)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_790_000_000;

    fn ballot(review: &str, voting: &str, closes: &str) -> ScheduleInput {
        ScheduleInput {
            review_on: review.into(),
            voting_on: voting.into(),
            closes_on: closes.into(),
            ..ScheduleInput::default()
        }
    }

    fn field_of(error: AppError) -> Option<(String, Problem)> {
        match error {
            AppError::Invalid { field, problem } => Some((field, problem)),
            _ => None,
        }
    }

    #[test]
    fn dates_in_order_are_read_in_the_members_zone() {
        // 2026-09-22 is after NOW (2026-09-21 14:13 UTC).
        let mut input = ballot("2026-10-01T09:00", "2026-10-08T09:00", "");
        input.zone_offset = "-120".into();
        let schedule = read(RoundMode::Ballot, &input, &RoundSchedule::default(), NOW).unwrap();
        let nine_utc = local_minute("2026-10-01T09:00").unwrap();
        assert_eq!(schedule.review_at, Some(nine_utc - 7_200));
        assert_eq!(schedule.closes_at, None);
        assert_eq!(schedule.planned(RoundMode::Ballot).len(), 2);
        // A funding round reads only its own dates.
        let funding = read(RoundMode::Funding, &input, &RoundSchedule::default(), NOW).unwrap();
        assert_eq!(funding, RoundSchedule::default());
    }

    #[test]
    fn dates_out_of_order_in_the_past_or_unreadable_are_refused_by_field() {
        let none = RoundSchedule::default();
        let cases = [
            (
                ballot("2026-10-08T09:00", "2026-10-01T09:00", ""),
                "voting_on",
                Problem::OutOfOrder,
            ),
            (
                ballot("2020-01-01T09:00", "", ""),
                "review_on",
                Problem::TooSoon { minutes: 1 },
            ),
            (
                ballot("", "", "2026-13-01T09:00"),
                "closes_on",
                Problem::BadDate,
            ),
            (
                ballot("", "", "2031-01-01T09:00"),
                "closes_on",
                Problem::TooFar { days: 732 },
            ),
        ];
        for (input, field, problem) in cases {
            let error = read(RoundMode::Ballot, &input, &none, NOW).unwrap_err();
            assert_eq!(field_of(error), Some((field.to_string(), problem)));
        }
    }

    #[test]
    fn a_date_already_passed_may_stay_but_not_be_moved_back() {
        let passed = local_minute("2026-09-01T09:00").unwrap();
        let before = RoundSchedule {
            review_at: Some(passed + 30),
            ..RoundSchedule::default()
        };
        let kept = read(
            RoundMode::Ballot,
            &ballot("2026-09-01T09:00", "", "2026-10-01T09:00"),
            &before,
            NOW,
        )
        .unwrap();
        assert_eq!(kept.review_at, Some(passed + 30));
        let moved = read(
            RoundMode::Ballot,
            &ballot("2026-08-01T09:00", "", ""),
            &before,
            NOW,
        );
        assert!(moved.is_err());
    }

    #[test]
    fn deadlines_close_proposals_and_taking_part() {
        let schedule = RoundSchedule {
            review_at: Some(NOW),
            closes_at: Some(NOW + 10),
            ..RoundSchedule::default()
        };
        assert!(schedule.takes_proposals(NOW - 1));
        assert!(!schedule.takes_proposals(NOW));
        assert!(schedule.takes_part(NOW + 9));
        assert!(!schedule.takes_part(NOW + 10));
        assert!(RoundSchedule::default().takes_part(i64::MAX));
    }
}
