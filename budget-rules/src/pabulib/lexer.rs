//! Splits a `.pb` text into `;`-separated records.
//!
//! Quoting follows CSV: a cell that starts with `"` runs to the next lone `"`, `""` inside it is
//! one quote, and it may span lines. Unquoted cells are trimmed (as pabutools does); quoted cells
//! are kept verbatim, which is how the writer preserves surrounding spaces.

use super::error::{ParseError, ParseErrorKind};

/// One cell of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    pub text: String,
    /// Quoted cells are never taken for section names, so a value `"votes"` stays a value.
    pub quoted: bool,
}

/// One non-blank row, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub line: usize,
    pub cells: Vec<Cell>,
}

impl Record {
    /// The trimmed text of cell `i`, or "" when the row is shorter.
    pub fn text(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", |c| c.text.as_str())
    }
}

enum End {
    Semicolon,
    Newline,
    Eof,
}

pub(crate) struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Lexer<'a> {
        // Spreadsheet exports often start with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Lexer {
            text,
            pos: 0,
            line: 1,
        }
    }

    /// The next record, skipping blank lines; `None` at the end of the text.
    pub fn next_record(&mut self) -> Result<Option<Record>, ParseError> {
        while self.pos < self.text.len() {
            let line = self.line;
            let cells = self.read_row()?;
            let blank = cells.iter().all(|c| c.text.is_empty() && !c.quoted);
            if !blank {
                return Ok(Some(Record { line, cells }));
            }
        }
        Ok(None)
    }

    fn read_row(&mut self) -> Result<Vec<Cell>, ParseError> {
        let mut cells = Vec::new();
        loop {
            let (cell, end) = if self.text.as_bytes().get(self.pos) == Some(&b'"') {
                self.quoted()?
            } else {
                self.unquoted()
            };
            cells.push(cell);
            match end {
                End::Semicolon => continue,
                End::Newline | End::Eof => return Ok(cells),
            }
        }
    }

    fn unquoted(&mut self) -> (Cell, End) {
        let rest = &self.text[self.pos..];
        let stop = rest.find([';', '\n']).unwrap_or(rest.len());
        let text = rest[..stop].trim().to_string();
        let end = match rest.as_bytes().get(stop) {
            Some(b';') => End::Semicolon,
            Some(_) => {
                self.line += 1;
                End::Newline
            }
            None => End::Eof,
        };
        self.pos += (stop + 1).min(rest.len());
        (
            Cell {
                text,
                quoted: false,
            },
            end,
        )
    }

    fn quoted(&mut self) -> Result<(Cell, End), ParseError> {
        let open_line = self.line;
        self.pos += 1; // the opening quote
        let mut text = String::new();
        loop {
            let rest = &self.text[self.pos..];
            let Some(q) = rest.find('"') else {
                return Err(ParseError::new(
                    open_line,
                    ParseErrorKind::UnterminatedQuote,
                ));
            };
            let chunk = &rest[..q];
            self.line += chunk.matches('\n').count();
            text.push_str(chunk);
            self.pos += q + 1;
            if self.text.as_bytes().get(self.pos) == Some(&b'"') {
                text.push('"');
                self.pos += 1;
            } else {
                break;
            }
        }
        let end = self.after_quote()?;
        Ok((Cell { text, quoted: true }, end))
    }

    /// After a closing quote only a separator or the end of the line may follow.
    fn after_quote(&mut self) -> Result<End, ParseError> {
        let rest = &self.text.as_bytes()[self.pos..];
        let (end, consumed) = match rest {
            [] => (End::Eof, 0),
            [b';', ..] => (End::Semicolon, 1),
            [b'\n', ..] => (End::Newline, 1),
            [b'\r', b'\n', ..] => (End::Newline, 2),
            _ => {
                return Err(ParseError::new(self.line, ParseErrorKind::TextAfterQuote));
            }
        };
        if matches!(end, End::Newline) {
            self.line += 1;
        }
        self.pos += consumed;
        Ok(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Result<Vec<(usize, Vec<String>)>, ParseError> {
        let mut lexer = Lexer::new(text);
        let mut out = Vec::new();
        while let Some(r) = lexer.next_record()? {
            out.push((r.line, r.cells.into_iter().map(|c| c.text).collect()));
        }
        Ok(out)
    }

    #[test]
    fn splits_quotes_and_escapes() {
        let got = rows("a;\"b;c\";\"say \"\"hi\"\"\"\r\n\n x ; y \n").unwrap();
        assert_eq!(
            got,
            vec![
                (1, vec!["a".into(), "b;c".into(), "say \"hi\"".into()]),
                (3, vec!["x".into(), "y".into()]),
            ]
        );
    }

    #[test]
    fn quoted_cells_may_span_lines() {
        let got = rows("\"one\ntwo\";z\nnext").unwrap();
        assert_eq!(got[0], (1, vec!["one\ntwo".into(), "z".into()]));
        assert_eq!(got[1], (3, vec!["next".into()]));
    }

    #[test]
    fn reports_quote_errors_with_lines() {
        let err = rows("a\nb;\"open\n\n").unwrap_err();
        assert_eq!(err, ParseError::new(2, ParseErrorKind::UnterminatedQuote));
        let err = rows("a\n\"x\"y;z").unwrap_err();
        assert_eq!(err, ParseError::new(2, ParseErrorKind::TextAfterQuote));
    }
}
