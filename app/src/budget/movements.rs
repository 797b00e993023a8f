//! The ledger as people read it: each movement with its accounts named, and as CSV.
use super::money::Account;
use super::types::LedgerLine;
use crate::error::AppError;
use sqlx::AnyPool;
use std::collections::HashMap;

type MovementRow = (
    i64,
    String,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
);

pub async fn of_round(
    db: &AnyPool,
    round_id: i64,
    limit: i64,
) -> Result<Vec<LedgerLine>, AppError> {
    let rows: Vec<MovementRow> = sqlx::query_as(
        "SELECT l.id, l.kind, l.amount_cents, l.debit, l.credit, m.name, b.title, a.name, \
         l.created_at FROM ledger l \
         LEFT JOIN users m ON m.id = l.member_id LEFT JOIN users a ON a.id = l.actor_id \
         LEFT JOIN buckets b ON b.id = l.bucket_id \
         WHERE l.round_id = $1 ORDER BY l.id DESC LIMIT $2",
    )
    .bind(round_id)
    .bind(limit)
    .fetch_all(db)
    .await?;
    let pots: HashMap<i64, String> =
        sqlx::query_as::<_, (i64, String)>("SELECT id, name FROM pots")
            .fetch_all(db)
            .await?
            .into_iter()
            .collect();
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, amount_cents, debit, credit, member, bucket, actor, at)| {
                let label =
                    |key: &str| account_label(key, &pots, member.as_deref(), bucket.as_deref());
                LedgerLine {
                    id,
                    kind,
                    amount_cents,
                    from: label(&debit),
                    to: label(&credit),
                    member,
                    bucket,
                    actor,
                    at,
                }
            },
        )
        .collect())
}

fn account_label(
    key: &str,
    pots: &HashMap<i64, String>,
    member: Option<&str>,
    bucket: Option<&str>,
) -> String {
    match Account::parse(key) {
        Some(Account::Outside) => "outside".to_string(),
        Some(Account::Pot(id)) => pots
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("pot {id}")),
        Some(Account::Round(id)) => format!("round {id} budget"),
        Some(Account::Member { user, .. }) => member
            .map(str::to_string)
            .unwrap_or_else(|| format!("member {user}")),
        Some(Account::Bucket(id)) => bucket
            .map(str::to_string)
            .unwrap_or_else(|| format!("bucket {id}")),
        None => key.to_string(),
    }
}

/// The movements as CSV, oldest first, amounts in currency units with two decimals.
pub fn to_csv(lines: &[LedgerLine]) -> String {
    let mut csv = String::from("id,time_utc,kind,amount,from,to,member,bucket,by\n");
    for line in lines.iter().rev() {
        let amount = format!("{}.{:02}", line.amount_cents / 100, line.amount_cents % 100);
        let fields = [
            line.id.to_string(),
            crate::ui::time::iso_minute(line.at),
            line.kind.clone(),
            amount,
            line.from.clone(),
            line.to.clone(),
            line.member.clone().unwrap_or_default(),
            line.bucket.clone().unwrap_or_default(),
            line.actor.clone().unwrap_or_default(),
        ];
        let quoted: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        csv.push_str(&quoted.join(","));
        csv.push('\n');
    }
    csv
}

/// Quotes a field when it holds a separator, a quote or a line break; a leading `=`, `+`, `-` or
/// `@` is prefixed with a quote mark so spreadsheets do not run it as a formula.
fn csv_field(field: &str) -> String {
    let safe = match field.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{field}"),
        _ => field.to_string(),
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: i64, bucket: &str) -> LedgerLine {
        LedgerLine {
            id,
            kind: "contribution".into(),
            amount_cents: 1205,
            from: "Ana Lima".into(),
            to: bucket.into(),
            member: Some("Ana Lima".into()),
            bucket: Some(bucket.into()),
            actor: Some("Ana Lima".into()),
            at: 0,
        }
    }

    #[test]
    fn csv_is_oldest_first_quoted_and_formula_safe() {
        let csv = to_csv(&[line(2, "=HYPERLINK(\"x\")"), line(1, "Seeds, tools")]);
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows[0], "id,time_utc,kind,amount,from,to,member,bucket,by");
        assert!(
            rows[1].starts_with("1,1970-01-01 00:00,contribution,12.05,Ana Lima,\"Seeds, tools\""),
            "{}",
            rows[1]
        );
        assert!(
            rows[2].contains("\"'=HYPERLINK(\"\"x\"\")\""),
            "{}",
            rows[2]
        );
    }
}
