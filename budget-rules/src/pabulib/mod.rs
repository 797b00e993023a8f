//! The pabulib `.pb` format (pabulib.org): sections META, PROJECTS and VOTES, each a
//! `;`-separated table with a header row.
//!
//! Choices where the format leaves room:
//! - numbers (budget, costs, points) are read exactly as rationals; `123.45` and `123,45` are
//!   decimals and `p/q` is accepted too (the writer uses it for non-decimal fractions);
//! - unquoted cells are trimmed, quoted cells are kept verbatim and may span lines;
//! - cells past the header width are allowed only when empty (trailing `;`);
//! - `num_projects` and `num_votes` must match the rows, which catches truncated files;
//! - a project repeated in an approval vote is ignored (a ballot is a set), in other vote types
//!   it is an error;
//! - errors carry the 1-based line of the row at fault; the parser never panics.

mod error;
mod lexer;
mod meta;
mod parse;
mod tables;
mod write;

pub use error::{ParseError, ParseErrorKind, WriteError};
pub use meta::REQUIRED_META_KEYS;
pub use parse::{parse, parse_bytes};
pub use write::write;
