//! Reads a `.pb` file into an [`Election`].

use num_traits::Signed;

use super::error::{ParseError, ParseErrorKind as K};
use super::lexer::{Lexer, Record};
use super::meta::{is_meta_header, Meta};
use super::tables::{parse_ballots, parse_projects, ProjectColumns, VoteColumns};
use crate::amount::{parse_amount, Amount};
use crate::election::Election;

/// Parses raw bytes, rejecting invalid UTF-8 with the line where it occurs.
pub fn parse_bytes(bytes: &[u8]) -> Result<Election, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Err(ParseError::new(line, K::NotUtf8))
        }
    }
}

/// Parses the text of a `.pb` file.
pub fn parse(text: &str) -> Result<Election, ParseError> {
    let mut reader = Reader {
        lexer: Lexer::new(text),
        last_line: 1,
    };
    let meta_line = expect_section(&mut reader, "META", 1)?;
    let (mut meta_rows, next) = reader.rows_until_section()?;
    // The `key;value` header is usual but some published files (two in shared/pabulib) omit
    // it; pabutools then silently eats the first key as a header, here it is kept as data.
    if meta_rows.first().is_some_and(is_meta_header) {
        meta_rows.remove(0);
    }
    let meta = Meta::validate(meta_rows, meta_line)?;

    let projects_line = expect_next_section(next, "PROJECTS", reader.last_line)?;
    let header = reader.header("PROJECTS", projects_line)?;
    let columns = ProjectColumns::new(&header)?;
    let (project_rows, next) = reader.rows_until_section()?;
    let projects = parse_projects(&project_rows, &columns)?;

    let votes_line = expect_next_section(next, "VOTES", reader.last_line)?;
    let header = reader.header("VOTES", votes_line)?;
    let vote_columns = VoteColumns::new(&header, meta.vote_type)?;
    let (vote_rows, next) = reader.rows_until_section()?;
    if let Next::Section(found, line) = next {
        let kind = K::UnexpectedSection {
            found: found.into(),
            expected: "the end of the file",
        };
        return Err(ParseError::new(line, kind));
    }
    let ballots = parse_ballots(&vote_rows, &vote_columns, &projects, meta.vote_type)?;

    meta.check_count("num_projects", meta.num_projects, projects.len())?;
    meta.check_count("num_votes", meta.num_votes, ballots.len())?;
    Ok(Election {
        meta: meta.rows.into_iter().map(|(k, v, _)| (k, v)).collect(),
        budget: meta.budget,
        vote_type: meta.vote_type,
        projects,
        ballots,
        project_columns: columns.names,
        vote_columns: vote_columns.names,
    })
}

enum Next {
    Section(&'static str, usize),
    End,
}

struct Reader<'a> {
    lexer: Lexer<'a>,
    /// Line of the last record read: where a missing section is reported.
    last_line: usize,
}

impl Reader<'_> {
    fn next_record(&mut self) -> Result<Option<Record>, ParseError> {
        let record = self.lexer.next_record()?;
        if let Some(r) = &record {
            self.last_line = r.line;
        }
        Ok(record)
    }

    /// The header row right after a section line.
    fn header(&mut self, section: &'static str, line: usize) -> Result<Record, ParseError> {
        match self.next_record()? {
            Some(r) if section_name(&r).is_none() => Ok(r),
            _ => Err(ParseError::new(line, K::MissingHeader(section))),
        }
    }

    fn rows_until_section(&mut self) -> Result<(Vec<Record>, Next), ParseError> {
        let mut rows = Vec::new();
        while let Some(r) = self.next_record()? {
            if let Some(name) = section_name(&r) {
                return Ok((rows, Next::Section(name, r.line)));
            }
            rows.push(r);
        }
        Ok((rows, Next::End))
    }
}

/// A section line is an unquoted META/PROJECTS/VOTES alone on its row.
fn section_name(r: &Record) -> Option<&'static str> {
    let first = r.cells.first()?;
    let rest_empty = r.cells[1..].iter().all(|c| c.text.is_empty() && !c.quoted);
    if first.quoted || !rest_empty {
        return None;
    }
    ["META", "PROJECTS", "VOTES"]
        .into_iter()
        .find(|name| first.text.eq_ignore_ascii_case(name))
}

fn expect_section(
    reader: &mut Reader,
    name: &'static str,
    line: usize,
) -> Result<usize, ParseError> {
    match reader.next_record()? {
        None => Err(ParseError::new(line, K::MissingSection(name))),
        Some(r) => match section_name(&r) {
            Some(found) if found == name => Ok(r.line),
            Some(found) => Err(unexpected(found, name, r.line)),
            None => Err(ParseError::new(r.line, K::RowOutsideSection)),
        },
    }
}

fn expect_next_section(
    next: Next,
    name: &'static str,
    last_line: usize,
) -> Result<usize, ParseError> {
    match next {
        Next::Section(found, line) if found == name => Ok(line),
        Next::Section(found, line) => Err(unexpected(found, name, line)),
        Next::End => Err(ParseError::new(last_line, K::MissingSection(name))),
    }
}

fn unexpected(found: &str, expected: &'static str, line: usize) -> ParseError {
    let kind = K::UnexpectedSection {
        found: found.into(),
        expected,
    };
    ParseError::new(line, kind)
}

/// Cells past the header are tolerated only when empty (trailing `;` from spreadsheets).
pub(super) fn check_width(r: &Record, expected: usize) -> Result<(), ParseError> {
    let extra = r.cells.iter().skip(expected);
    if extra.clone().any(|c| !c.text.is_empty() || c.quoted) {
        let kind = K::TooManyCells {
            expected,
            found: r.cells.len(),
        };
        return Err(ParseError::new(r.line, kind));
    }
    Ok(())
}

pub(super) fn number(text: &str, field: &str, line: usize) -> Result<Amount, ParseError> {
    parse_amount(text.trim()).map_err(|_| {
        let kind = K::BadNumber {
            field: field.into(),
            value: text.into(),
        };
        ParseError::new(line, kind)
    })
}

pub(super) fn non_negative(text: &str, field: &str, line: usize) -> Result<Amount, ParseError> {
    let value = number(text, field, line)?;
    if value.is_negative() {
        let kind = K::NegativeNumber {
            field: field.into(),
            value: text.into(),
        };
        return Err(ParseError::new(line, kind));
    }
    Ok(value)
}
