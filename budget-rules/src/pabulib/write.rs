//! Writes an [`Election`] as a `.pb` file that [`parse`](super::parse) reads back equal.

use std::collections::HashSet;

use super::error::WriteError;
use super::meta::REQUIRED_META_KEYS;
use crate::amount::{format_amount, parse_amount};
use crate::election::{Ballot, Election, VoteType};

/// Serialises an election. META rows are written verbatim, except that `budget`, `vote_type`,
/// `num_projects` and `num_votes` are rewritten (or added) when they disagree with the typed
/// fields, so an edited election never writes stale numbers.
pub fn write(election: &Election) -> Result<String, WriteError> {
    check_ids(election)?;
    let mut out = String::new();
    write_meta(election, &mut out)?;
    write_projects(election, &mut out)?;
    write_votes(election, &mut out)?;
    Ok(out)
}

fn check_ids(election: &Election) -> Result<(), WriteError> {
    let mut seen = HashSet::new();
    for p in &election.projects {
        let id = p.id.as_str();
        if id.is_empty() || id.contains(',') || id.trim() != id {
            return Err(WriteError::UnwritableProjectId(id.into()));
        }
        if !seen.insert(id) {
            return Err(WriteError::DuplicateProjectId(id.into()));
        }
    }
    Ok(())
}

/// The value the typed fields give a computed META key, if `key` is one.
fn computed_meta(election: &Election, key: &str, stored: Option<&str>) -> Option<String> {
    let keep = |same: bool| stored.filter(|_| same).map(str::to_string);
    let fresh = match key {
        "budget" => {
            let same =
                stored.and_then(|s| parse_amount(s.trim()).ok()) == Some(election.budget.clone());
            keep(same).unwrap_or_else(|| format_amount(&election.budget))
        }
        "vote_type" => {
            let same =
                stored.and_then(|s| VoteType::from_pabulib(s.trim())) == Some(election.vote_type);
            keep(same).unwrap_or_else(|| election.vote_type.as_str().into())
        }
        "num_projects" => counted(stored, election.projects.len()),
        "num_votes" => counted(stored, election.ballots.len()),
        _ => return None,
    };
    Some(fresh)
}

fn counted(stored: Option<&str>, actual: usize) -> String {
    match stored {
        Some(s) if s.trim().parse::<usize>() == Ok(actual) => s.to_string(),
        _ => actual.to_string(),
    }
}

fn write_meta(election: &Election, out: &mut String) -> Result<(), WriteError> {
    out.push_str("META\nkey;value\n");
    let mut written = HashSet::new();
    for (key, value) in &election.meta {
        if !written.insert(key.as_str()) {
            return Err(WriteError::DuplicateColumn(key.clone()));
        }
        let value = computed_meta(election, key, Some(value)).unwrap_or_else(|| value.clone());
        row(out, &[key.as_str(), value.as_str()]);
    }
    for key in REQUIRED_META_KEYS {
        if written.contains(key) {
            continue;
        }
        let value = computed_meta(election, key, None)
            .ok_or_else(|| WriteError::MissingMetaKey(key.into()))?;
        row(out, &[key, value.as_str()]);
    }
    Ok(())
}

/// Header columns: the stored ones, then `required` ones that are missing, then any extra
/// field name used by a row but absent from the header.
fn columns<'a>(
    stored: &'a [String],
    required: &[&'a str],
    extras: impl Iterator<Item = &'a str>,
) -> Result<Vec<&'a str>, WriteError> {
    let mut cols: Vec<&str> = stored.iter().map(String::as_str).collect();
    let mut seen = HashSet::new();
    for c in &cols {
        if !seen.insert(*c) {
            return Err(WriteError::DuplicateColumn((*c).into()));
        }
    }
    for name in required.iter().copied().chain(extras) {
        if seen.insert(name) {
            cols.push(name);
        }
    }
    Ok(cols)
}

fn field<'a>(extra: &'a [(String, String)], name: &str) -> &'a str {
    extra
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn write_projects(election: &Election, out: &mut String) -> Result<(), WriteError> {
    out.push_str("PROJECTS\n");
    // The first column is the id whatever the stored header calls it; "cost" never can be.
    let stored = &election.project_columns;
    let id_col = match stored.first() {
        Some(first) if first != "cost" => first.as_str(),
        _ => "project_id",
    };
    let rest: Vec<String> = stored.iter().filter(|c| *c != id_col).cloned().collect();
    let extras = election
        .projects
        .iter()
        .flat_map(|p| p.extra.iter().map(|(k, _)| k.as_str()));
    let mut cols = vec![id_col];
    cols.extend(columns(&rest, &["cost"], extras)?);
    row(out, &cols);
    for p in &election.projects {
        let cost = format_amount(&p.cost);
        let cells: Vec<&str> = cols
            .iter()
            .enumerate()
            .map(|(i, &c)| match c {
                _ if i == 0 => p.id.as_str(),
                "cost" => cost.as_str(),
                _ => field(&p.extra, c),
            })
            .collect();
        row(out, &cells);
    }
    Ok(())
}

fn write_votes(election: &Election, out: &mut String) -> Result<(), WriteError> {
    out.push_str("VOTES\n");
    let mut required = vec!["voter_id", "vote"];
    if election.vote_type.has_points() {
        required.push("points");
    }
    let extras = election
        .ballots
        .iter()
        .flat_map(|b| b.extra.iter().map(|(k, _)| k.as_str()));
    let cols = columns(&election.vote_columns, &required, extras)?;
    row(out, &cols);
    for b in &election.ballots {
        let (vote, points) = vote_cells(election, b)?;
        let cells: Vec<&str> = cols
            .iter()
            .map(|&c| match c {
                "voter_id" => b.voter_id.as_str(),
                "vote" => vote.as_str(),
                "points" if election.vote_type.has_points() => points.as_str(),
                _ => field(&b.extra, c),
            })
            .collect();
        row(out, &cells);
    }
    Ok(())
}

fn vote_cells(election: &Election, b: &Ballot) -> Result<(String, String), WriteError> {
    let mut ids = Vec::with_capacity(b.projects.len());
    for &i in &b.projects {
        let p = election
            .projects
            .get(i)
            .ok_or_else(|| WriteError::BallotProjectOutOfRange {
                voter_id: b.voter_id.clone(),
                index: i,
            })?;
        ids.push(p.id.as_str());
    }
    let mismatch = || WriteError::BallotPointsMismatch {
        voter_id: b.voter_id.clone(),
    };
    let points = match (&b.points, election.vote_type.has_points()) {
        (Some(points), true) if points.len() == ids.len() => points
            .iter()
            .map(format_amount)
            .collect::<Vec<_>>()
            .join(","),
        (None, false) => String::new(),
        _ => return Err(mismatch()),
    };
    Ok((ids.join(","), points))
}

/// Writes one row. A row whose cells are all empty would read back as a blank line, so its
/// first cell is then written as `""`.
fn row(out: &mut String, cells: &[&str]) {
    let all_empty = cells.iter().all(|c| c.is_empty());
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        if all_empty && i == 0 {
            out.push_str("\"\"");
        } else {
            push_cell(out, c);
        }
    }
    out.push('\n');
}

fn push_cell(out: &mut String, text: &str) {
    // Quote what the reader would otherwise split, trim, or take for a section line.
    let section_word = ["META", "PROJECTS", "VOTES"]
        .iter()
        .any(|w| text.eq_ignore_ascii_case(w));
    let needs_quotes = text.contains([';', '"', '\n', '\r']) || text.trim() != text || section_word;
    if !needs_quotes {
        out.push_str(text);
        return;
    }
    out.push('"');
    out.push_str(&text.replace('"', "\"\""));
    out.push('"');
}
