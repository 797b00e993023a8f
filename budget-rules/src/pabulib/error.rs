//! Typed parse and write errors.

use std::fmt;

/// A `.pb` file could not be read. `line` is 1-based; it points at the row at fault, or at the
/// section header when something is missing from a whole section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    NotUtf8,
    UnterminatedQuote,
    TextAfterQuote,
    RowOutsideSection,
    /// A section header out of order (or repeated); `expected` is what should come next.
    UnexpectedSection {
        found: String,
        expected: &'static str,
    },
    MissingSection(&'static str),
    MissingHeader(&'static str),
    MissingColumn {
        section: &'static str,
        column: String,
    },
    DuplicateColumn {
        section: &'static str,
        column: String,
    },
    TooManyCells {
        expected: usize,
        found: usize,
    },
    MetaRowWithoutValue,
    DuplicateMetaKey(String),
    MissingMetaKey(String),
    BadNumber {
        field: String,
        value: String,
    },
    NegativeNumber {
        field: String,
        value: String,
    },
    BadDate {
        field: String,
        value: String,
    },
    UnknownVoteType(String),
    EmptyProjectId,
    DuplicateProjectId(String),
    UnknownProject(String),
    DuplicateVote(String),
    PointsMismatch {
        votes: usize,
        points: usize,
    },
    CountMismatch {
        key: &'static str,
        declared: usize,
        actual: usize,
    },
}

impl ParseError {
    pub(crate) fn new(line: usize, kind: ParseErrorKind) -> ParseError {
        ParseError { line, kind }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ParseErrorKind::*;
        match self {
            NotUtf8 => write!(f, "the file is not valid UTF-8"),
            UnterminatedQuote => write!(f, "a quoted cell opened here is never closed"),
            TextAfterQuote => write!(
                f,
                "text after a closing quote (write \"\" for a quote inside a quoted cell)"
            ),
            RowOutsideSection => write!(f, "row before the META section"),
            UnexpectedSection { found, expected } => {
                write!(f, "section {found} found where {expected} was expected")
            }
            MissingSection(name) => write!(f, "the {name} section is missing"),
            MissingHeader(name) => write!(f, "the {name} section has no header row"),
            MissingColumn { section, column } => {
                write!(f, "the {section} header has no {column:?} column")
            }
            DuplicateColumn { section, column } => {
                write!(f, "the {section} header repeats the column {column:?}")
            }
            TooManyCells { expected, found } => {
                write!(f, "row has {found} cells but the header has {expected}")
            }
            MetaRowWithoutValue => write!(f, "META row needs the form key;value"),
            DuplicateMetaKey(key) => write!(f, "META key {key:?} appears twice"),
            MissingMetaKey(key) => write!(f, "required META key {key:?} is missing"),
            BadNumber { field, value } => write!(f, "{field} {value:?} is not a number"),
            NegativeNumber { field, value } => write!(f, "{field} {value:?} is negative"),
            BadDate { field, value } => {
                write!(
                    f,
                    "{field} {value:?} is not a date of the form dd.mm.yyyy or yyyy"
                )
            }
            UnknownVoteType(v) => write!(
                f,
                "vote_type {v:?} is not one of approval, choose-1, ordinal, cumulative, scoring"
            ),
            EmptyProjectId => write!(f, "project id is empty"),
            DuplicateProjectId(id) => write!(f, "project id {id:?} appears twice"),
            UnknownProject(id) => write!(f, "vote names project {id:?}, which is not in PROJECTS"),
            DuplicateVote(id) => write!(f, "vote names project {id:?} twice"),
            PointsMismatch { votes, points } => {
                write!(
                    f,
                    "vote lists {votes} projects but points has {points} entries"
                )
            }
            CountMismatch {
                key,
                declared,
                actual,
            } => {
                write!(f, "META {key} says {declared} but the file has {actual}")
            }
        }
    }
}

impl std::error::Error for ParseError {}

/// An election that cannot be written as a `.pb` file that would read back the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// Ids are listed with `,` inside vote cells and are trimmed when read, so an id that is
    /// empty, contains a comma or has surrounding spaces cannot be written.
    UnwritableProjectId(String),
    DuplicateProjectId(String),
    /// A ballot refers to a project index that does not exist.
    BallotProjectOutOfRange {
        voter_id: String,
        index: usize,
    },
    /// A ballot's points are missing or not aligned with its projects.
    BallotPointsMismatch {
        voter_id: String,
    },
    MissingMetaKey(String),
    DuplicateColumn(String),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::UnwritableProjectId(id) => write!(
                f,
                "project id {id:?} cannot be written (empty, has a comma, or surrounding spaces)"
            ),
            WriteError::DuplicateProjectId(id) => write!(f, "project id {id:?} appears twice"),
            WriteError::BallotProjectOutOfRange { voter_id, index } => {
                write!(
                    f,
                    "ballot of voter {voter_id:?} names project #{index}, which does not exist"
                )
            }
            WriteError::BallotPointsMismatch { voter_id } => {
                write!(
                    f,
                    "ballot of voter {voter_id:?} has points not aligned with its projects"
                )
            }
            WriteError::MissingMetaKey(key) => write!(f, "required META key {key:?} is missing"),
            WriteError::DuplicateColumn(c) => write!(f, "column {c:?} appears twice"),
        }
    }
}

impl std::error::Error for WriteError {}
