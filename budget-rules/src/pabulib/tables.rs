//! The PROJECTS and VOTES tables.

use std::collections::{HashMap, HashSet};

use super::error::{ParseError, ParseErrorKind as K};
use super::lexer::Record;
use super::parse::{check_width, non_negative, number};
use crate::amount::Amount;
use crate::election::{Ballot, Project, VoteType};

pub(super) struct ProjectColumns {
    pub names: Vec<String>,
    cost: usize,
}

fn column_names(header: &Record, section: &'static str) -> Result<Vec<String>, ParseError> {
    let names: Vec<String> = header
        .cells
        .iter()
        .map(|c| c.text.trim().to_string())
        .collect();
    let mut seen = HashSet::new();
    for name in &names {
        if !seen.insert(name.as_str()) {
            let kind = K::DuplicateColumn {
                section,
                column: name.clone(),
            };
            return Err(ParseError::new(header.line, kind));
        }
    }
    Ok(names)
}

fn column(
    names: &[String],
    name: &str,
    section: &'static str,
    line: usize,
) -> Result<usize, ParseError> {
    names
        .iter()
        .position(|n| n == name)
        .ok_or_else(|| missing_column(name, section, line))
}

fn missing_column(name: &str, section: &'static str, line: usize) -> ParseError {
    let kind = K::MissingColumn {
        section,
        column: name.into(),
    };
    ParseError::new(line, kind)
}

impl ProjectColumns {
    pub fn new(header: &Record) -> Result<ProjectColumns, ParseError> {
        let names = column_names(header, "PROJECTS")?;
        // The first column is the id whatever it is called, so it cannot also be the cost.
        let cost = match names.iter().skip(1).position(|n| n == "cost") {
            Some(i) => i + 1,
            None => return Err(missing_column("cost", "PROJECTS", header.line)),
        };
        Ok(ProjectColumns { names, cost })
    }
}

pub(super) fn parse_projects(
    rows: &[Record],
    cols: &ProjectColumns,
) -> Result<Vec<Project>, ParseError> {
    let mut seen = HashSet::new();
    let mut projects = Vec::with_capacity(rows.len());
    for r in rows {
        check_width(r, cols.names.len())?;
        let id = r.text(0).trim().to_string();
        if id.is_empty() {
            return Err(ParseError::new(r.line, K::EmptyProjectId));
        }
        if !seen.insert(id.clone()) {
            return Err(ParseError::new(r.line, K::DuplicateProjectId(id)));
        }
        let cost = non_negative(r.text(cols.cost), "cost", r.line)?;
        let extra = (1..cols.names.len())
            .filter(|&i| i != cols.cost)
            .map(|i| (cols.names[i].clone(), r.text(i).to_string()))
            .collect();
        projects.push(Project { id, cost, extra });
    }
    Ok(projects)
}

pub(super) struct VoteColumns {
    pub names: Vec<String>,
    voter_id: usize,
    vote: usize,
    points: Option<usize>,
}

impl VoteColumns {
    pub fn new(header: &Record, vote_type: VoteType) -> Result<VoteColumns, ParseError> {
        let names = column_names(header, "VOTES")?;
        let voter_id = column(&names, "voter_id", "VOTES", header.line)?;
        let vote = column(&names, "vote", "VOTES", header.line)?;
        let points = if vote_type.has_points() {
            Some(column(&names, "points", "VOTES", header.line)?)
        } else {
            None
        };
        Ok(VoteColumns {
            names,
            voter_id,
            vote,
            points,
        })
    }

    fn is_extra(&self, i: usize) -> bool {
        i != self.voter_id && i != self.vote && Some(i) != self.points
    }
}

fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(',').map(str::trim).filter(|s| !s.is_empty())
}

pub(super) fn parse_ballots(
    rows: &[Record],
    cols: &VoteColumns,
    projects: &[Project],
    vote_type: VoteType,
) -> Result<Vec<Ballot>, ParseError> {
    let index: HashMap<&str, usize> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut ballots = Vec::with_capacity(rows.len());
    for r in rows {
        check_width(r, cols.names.len())?;
        let chosen = vote_list(r, cols, &index, vote_type)?;
        let points = match cols.points {
            Some(i) => Some(points_list(r, i, chosen.len())?),
            None => None,
        };
        let extra = (0..cols.names.len())
            .filter(|&i| cols.is_extra(i))
            .map(|i| (cols.names[i].clone(), r.text(i).to_string()))
            .collect();
        ballots.push(Ballot {
            voter_id: r.text(cols.voter_id).to_string(),
            projects: chosen,
            points,
            extra,
        });
    }
    Ok(ballots)
}

fn vote_list(
    r: &Record,
    cols: &VoteColumns,
    index: &HashMap<&str, usize>,
    vote_type: VoteType,
) -> Result<Vec<usize>, ParseError> {
    let mut chosen: Vec<usize> = Vec::new();
    // A set keeps a hostile ballot listing thousands of ids from costing quadratic time.
    let mut seen: HashSet<usize> = HashSet::new();
    for id in list(r.text(cols.vote)) {
        let Some(&i) = index.get(id) else {
            return Err(ParseError::new(r.line, K::UnknownProject(id.into())));
        };
        if !seen.insert(i) {
            // An approval ballot is a set, so a repeat is harmless (pabutools ignores it too);
            // in a ranking or a points list it is ambiguous.
            if matches!(vote_type, VoteType::Approval | VoteType::ChooseOne) {
                continue;
            }
            return Err(ParseError::new(r.line, K::DuplicateVote(id.into())));
        }
        chosen.push(i);
    }
    Ok(chosen)
}

fn points_list(r: &Record, column: usize, votes: usize) -> Result<Vec<Amount>, ParseError> {
    let points = list(r.text(column))
        .map(|p| number(p, "points", r.line))
        .collect::<Result<Vec<_>, _>>()?;
    if points.len() != votes {
        let kind = K::PointsMismatch {
            votes,
            points: points.len(),
        };
        return Err(ParseError::new(r.line, kind));
    }
    Ok(points)
}
