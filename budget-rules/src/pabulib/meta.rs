//! The META section: required keys, budget, vote type, dates and declared counts.

use std::collections::HashSet;

use super::error::{ParseError, ParseErrorKind as K};
use super::lexer::Record;
use super::parse::{check_width, non_negative};
use crate::amount::Amount;
use crate::election::VoteType;

/// META keys every valid file has.
pub const REQUIRED_META_KEYS: [&str; 11] = [
    "description",
    "country",
    "unit",
    "instance",
    "num_projects",
    "num_votes",
    "budget",
    "vote_type",
    "rule",
    "date_begin",
    "date_end",
];

pub(super) fn is_meta_header(r: &Record) -> bool {
    r.text(0).eq_ignore_ascii_case("key") && r.text(1).eq_ignore_ascii_case("value")
}

/// The checked META section.
pub(super) struct Meta {
    pub rows: Vec<(String, String, usize)>,
    pub budget: Amount,
    pub vote_type: VoteType,
    /// Declared counts with their lines.
    pub num_projects: (usize, usize),
    pub num_votes: (usize, usize),
}

impl Meta {
    pub fn validate(records: Vec<Record>, section_line: usize) -> Result<Meta, ParseError> {
        let mut rows: Vec<(String, String, usize)> = Vec::with_capacity(records.len());
        let mut keys = HashSet::new();
        for r in &records {
            if r.cells.len() < 2 {
                return Err(ParseError::new(r.line, K::MetaRowWithoutValue));
            }
            check_width(r, 2)?;
            let key = r.text(0).trim().to_string();
            if !keys.insert(key.clone()) {
                return Err(ParseError::new(r.line, K::DuplicateMetaKey(key)));
            }
            rows.push((key, r.text(1).to_string(), r.line));
        }
        let find = |key: &str| -> Result<(&str, usize), ParseError> {
            rows.iter()
                .find(|(k, _, _)| k == key)
                .map(|(_, v, line)| (v.as_str(), *line))
                .ok_or_else(|| ParseError::new(section_line, K::MissingMetaKey(key.into())))
        };
        for key in REQUIRED_META_KEYS {
            find(key)?;
        }
        let (budget, line) = find("budget")?;
        let budget = non_negative(budget, "budget", line)?;
        let (vote_type, line) = find("vote_type")?;
        let vote_type = VoteType::from_pabulib(vote_type.trim())
            .ok_or_else(|| ParseError::new(line, K::UnknownVoteType(vote_type.into())))?;
        for key in ["date_begin", "date_end"] {
            let (value, line) = find(key)?;
            check_date(value, key, line)?;
        }
        let num_projects = count(find("num_projects")?, "num_projects")?;
        let num_votes = count(find("num_votes")?, "num_votes")?;
        Ok(Meta {
            rows,
            budget,
            vote_type,
            num_projects,
            num_votes,
        })
    }

    pub fn check_count(
        &self,
        key: &'static str,
        (declared, line): (usize, usize),
        actual: usize,
    ) -> Result<(), ParseError> {
        if declared == actual {
            return Ok(());
        }
        let kind = K::CountMismatch {
            key,
            declared,
            actual,
        };
        Err(ParseError::new(line, kind))
    }
}

fn count((text, line): (&str, usize), field: &str) -> Result<(usize, usize), ParseError> {
    let value = text.trim().parse::<usize>().map_err(|_| {
        let kind = K::BadNumber {
            field: field.into(),
            value: text.into(),
        };
        ParseError::new(line, kind)
    })?;
    Ok((value, line))
}

/// Accepts `d.m.yyyy` (one or two digits for day and month) or a bare `yyyy`.
fn check_date(text: &str, field: &str, line: usize) -> Result<(), ParseError> {
    let bad = || {
        let kind = K::BadDate {
            field: field.into(),
            value: text.into(),
        };
        ParseError::new(line, kind)
    };
    let numeric = |s: &str, min_len: usize, max_len: usize| -> Option<u32> {
        let ok_len = (min_len..=max_len).contains(&s.len());
        (ok_len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let parts: Vec<&str> = text.trim().split('.').collect();
    let valid = match parts.as_slice() {
        [year] => numeric(year, 4, 4).is_some(),
        [day, month, year] => {
            let day = numeric(day, 1, 2);
            let month = numeric(month, 1, 2);
            let year = numeric(year, 4, 4);
            matches!((day, month, year), (Some(1..=31), Some(1..=12), Some(_)))
        }
        _ => false,
    };
    if valid {
        Ok(())
    } else {
        Err(bad())
    }
}
