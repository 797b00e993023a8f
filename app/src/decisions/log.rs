//! The decision log: every proposal that has its outcome, searchable and filtered by scope, kind
//! and closing date; and its exports as CSV and Markdown.
use super::queries::{SummaryRow, SUMMARY_SELECT};
use super::types::{Kind, LogFilter, LogPage, ProposalSummary, LOG_PAGE_SIZE};
use super::validate::local_date;
use crate::error::{AppError, Problem};
use crate::ui::time::iso_minute;
use sqlx::AnyPool;

/// The most an export holds.
pub const EXPORT_LIMIT: usize = 5_000;

const FILTER: &str = "WHERE p.status <> 'open' \
     AND ($1 = '' OR LOWER(p.title) LIKE $2 ESCAPE '\\' OR LOWER(p.body) LIKE $2 ESCAPE '\\' \
          OR LOWER(p.outcome_statement) LIKE $2 ESCAPE '\\') \
     AND ($3 = '' OR ($3 = 'network' AND p.city_id IS NULL) OR c.slug = $3) \
     AND ($4 = '' OR p.kind = $4) \
     AND p.closed_at >= $5 AND p.closed_at < $6";

/// The filter's bounds, checked: a known kind, readable dates.
struct Bounds {
    query: String,
    pattern: String,
    scope: String,
    kind: String,
    from: i64,
    until: i64,
}

fn bounds(filter: &LogFilter) -> Result<Bounds, AppError> {
    let kind = filter.kind.trim();
    if !kind.is_empty() && Kind::parse(kind).is_none() {
        return Err(AppError::invalid("kind", Problem::Required));
    }
    let day = |field: &str, text: &str| -> Result<Option<i64>, AppError> {
        match text.trim() {
            "" => Ok(None),
            text => local_date(text)
                .map(Some)
                .ok_or_else(|| AppError::invalid(field, Problem::BadDate)),
        }
    };
    let query: String = filter.q.trim().chars().take(200).collect();
    Ok(Bounds {
        pattern: crate::cities::queries::like_pattern(&query),
        query,
        scope: filter.scope.trim().to_string(),
        kind: kind.to_string(),
        from: day("from", &filter.from)?.unwrap_or(i64::MIN),
        until: day("to", &filter.to)?.map_or(i64::MAX, |day| day + 86_400),
    })
}

async fn fetch(
    db: &AnyPool,
    bounds: &Bounds,
    limit: usize,
    offset: usize,
) -> Result<Vec<ProposalSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{SUMMARY_SELECT} {FILTER} ORDER BY p.closed_at DESC, p.id DESC LIMIT $7 OFFSET $8"
    ))
    .bind(&bounds.query)
    .bind(&bounds.pattern)
    .bind(&bounds.scope)
    .bind(&bounds.kind)
    .bind(bounds.from)
    .bind(bounds.until)
    .bind(limit as i64)
    .bind(offset as i64)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(SummaryRow::into_summary)
        .collect())
}

pub async fn page(db: &AnyPool, filter: &LogFilter) -> Result<LogPage, AppError> {
    let bounds = bounds(filter)?;
    let (total,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM proposals p LEFT JOIN cities c ON c.id = p.city_id {FILTER}"
    ))
    .bind(&bounds.query)
    .bind(&bounds.pattern)
    .bind(&bounds.scope)
    .bind(&bounds.kind)
    .bind(bounds.from)
    .bind(bounds.until)
    .fetch_one(db)
    .await?;
    let page = filter.page.min(10_000);
    let decisions = fetch(db, &bounds, LOG_PAGE_SIZE, page as usize * LOG_PAGE_SIZE).await?;
    Ok(LogPage {
        decisions,
        total,
        page,
    })
}

/// Everything the filter finds, for an export.
pub async fn all(db: &AnyPool, filter: &LogFilter) -> Result<Vec<ProposalSummary>, AppError> {
    fetch(db, &bounds(filter)?, EXPORT_LIMIT, 0).await
}

fn scope_name(decision: &ProposalSummary) -> &str {
    decision.city_name.as_deref().unwrap_or("Network")
}

fn closed(decision: &ProposalSummary) -> String {
    decision.closed_at.map(iso_minute).unwrap_or_default()
}

/// RFC 4180 CSV, times in UTC. Cells that a spreadsheet would run as a formula are quoted with a
/// leading apostrophe.
pub fn csv(decisions: &[ProposalSummary]) -> String {
    let mut out =
        String::from("id,closed_utc,scope,kind,outcome,title,proposed_by,outcome_statement\r\n");
    for decision in decisions {
        let cells = [
            decision.id.to_string(),
            closed(decision),
            scope_name(decision).to_string(),
            decision.kind.as_str().to_string(),
            decision.status.as_str().to_string(),
            decision.title.clone(),
            decision
                .author
                .as_ref()
                .map(|author| author.name.clone())
                .unwrap_or_default(),
            decision.outcome_statement.clone(),
        ];
        let line: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// A Markdown document: one section per decision, times in UTC.
pub fn markdown(decisions: &[ProposalSummary]) -> String {
    let mut out = String::from("# Decision log\n");
    for decision in decisions {
        out.push_str(&format!(
            "\n## {}\n\n- Closed: {} UTC\n- Scope: {}\n- Kind: {}\n- Outcome: {}\n",
            markdown_line(&decision.title),
            closed(decision),
            markdown_line(scope_name(decision)),
            decision.kind.as_str(),
            decision.status.as_str(),
        ));
        if let Some(author) = &decision.author {
            out.push_str(&format!("- Proposed by: {}\n", markdown_line(&author.name)));
        }
        if !decision.outcome_statement.trim().is_empty() {
            for line in decision.outcome_statement.lines() {
                out.push_str(&format!("\n> {}", markdown_line(line)));
            }
            out.push('\n');
        }
    }
    out
}

/// Text kept on one line, with the characters Markdown would read as markup escaped.
fn markdown_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decisions::types::{Person, Status};

    fn decision(title: &str, statement: &str) -> ProposalSummary {
        ProposalSummary {
            id: 7,
            kind: Kind::LazyConsent,
            status: Status::Passed,
            title: title.into(),
            city_name: Some("Paris".into()),
            author: Some(Person {
                id: 1,
                name: "Ana".into(),
            }),
            created_at: 0,
            closes_at: 86_400,
            closed_at: Some(86_400),
            outcome_statement: statement.into(),
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_defuses_formulas() {
        let out = csv(&[decision("Budget, \"festival\"", "=HYPERLINK(1)")]);
        let mut lines = out.split("\r\n");
        assert_eq!(
            lines.next(),
            Some("id,closed_utc,scope,kind,outcome,title,proposed_by,outcome_statement")
        );
        assert_eq!(
            lines.next(),
            Some("7,1970-01-02 00:00,Paris,lazy_consent,passed,\"Budget, \"\"festival\"\"\",Ana,'=HYPERLINK(1)")
        );
    }

    #[test]
    fn markdown_escapes_markup_and_quotes_the_statement() {
        let out = markdown(&[decision("A *bold* [link]", "We go.\nSee you there.")]);
        assert!(out.contains("## A \\*bold\\* \\[link\\]"), "{out}");
        assert!(out.contains("- Outcome: passed"), "{out}");
        assert!(out.contains("> We go.\n> See you there."), "{out}");
    }

    #[test]
    fn filters_refuse_unknown_kinds_and_unreadable_dates() {
        let bad_kind = LogFilter {
            kind: "coin_toss".into(),
            ..LogFilter::default()
        };
        assert!(bounds(&bad_kind).is_err());
        let bad_date = LogFilter {
            from: "yesterday".into(),
            ..LogFilter::default()
        };
        assert!(bounds(&bad_date).is_err());
        let dated = LogFilter {
            from: "1970-01-02".into(),
            to: "1970-01-02".into(),
            ..LogFilter::default()
        };
        let range = bounds(&dated).unwrap();
        assert_eq!((range.from, range.until), (86_400, 2 * 86_400));
    }
}
