//! Reports and mutes: the records behind a connector's moderation of their city's channels.
use super::queries;
use super::types::{MessageView, ModerationReport};
use crate::error::AppError;
use sqlx::{AnyPool, FromRow};

/// Files a report and tells the moderators of the message's channel (the city's connectors, or
/// the admins for network-wide channels).
pub async fn report(
    db: &AnyPool,
    message: &queries::MessageMeta,
    city_id: Option<i64>,
    reporter: i64,
    reason: &str,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO message_reports (message_id, reporter_id, reason, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(message.id)
    .bind(reporter)
    .bind(reason)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let moderators = match city_id {
        Some(_) => "SELECT user_id FROM connectors WHERE city_id = $3",
        None => "SELECT id AS user_id FROM users WHERE is_admin = TRUE AND is_alumni = FALSE",
    };
    let sql = format!(
        "INSERT INTO notifications (user_id, kind, message_id, created_at) \
         SELECT moderators.user_id, 'report', $1, $2 FROM ({moderators}) moderators"
    );
    let notify = sqlx::query(&sql).bind(message.id).bind(now);
    match city_id {
        Some(city) => notify.bind(city),
        None => notify,
    }
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(FromRow)]
struct ReportRow {
    id: i64,
    message_id: i64,
    reporter_name: Option<String>,
    reason: String,
    created_at: i64,
    hidden_reason: Option<String>,
    body: String,
}

/// Open reports about messages of these channels, newest first, with the reported text (moderators
/// see hidden text and the reason it was hidden).
pub async fn open_reports(
    db: &AnyPool,
    channel_ids: &[i64],
) -> Result<Vec<ModerationReport>, AppError> {
    if channel_ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = channel_ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let rows: Vec<ReportRow> = sqlx::query_as(&format!(
        "SELECT r.id, r.message_id, u.name AS reporter_name, r.reason, r.created_at, \
         m.hidden_reason, m.body FROM message_reports r \
         JOIN messages m ON m.id = r.message_id LEFT JOIN users u ON u.id = r.reporter_id \
         WHERE r.resolved_at IS NULL AND m.channel_id IN ({list}) ORDER BY r.id DESC LIMIT 100"
    ))
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.message_id).collect();
    let messages: Vec<MessageView> = queries::messages(db, &ids).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let message = messages
                .iter()
                .find(|message| message.id == row.message_id)?
                .clone();
            Some(ModerationReport {
                id: row.id,
                message,
                original_text: row.body,
                reporter: row.reporter_name,
                reason: row.reason,
                reported_at: row.created_at,
                hidden_reason: row.hidden_reason,
            })
        })
        .collect())
}

/// The channel of an open report, to check who may resolve it.
pub async fn report_channel(db: &AnyPool, report: i64) -> Result<Option<i64>, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT m.channel_id FROM message_reports r JOIN messages m ON m.id = r.message_id WHERE r.id = $1",
    )
    .bind(report)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(channel,)| channel))
}

pub async fn resolve(db: &AnyPool, report: i64, now: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE message_reports SET resolved_at = $2 WHERE id = $1")
        .bind(report)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// Mutes a member in a city's channels until `until` (replacing an earlier mute).
pub async fn mute(
    db: &AnyPool,
    city_id: i64,
    user_id: i64,
    until: i64,
    by: i64,
    reason: &str,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO city_mutes (city_id, user_id, until, muted_by, reason) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (city_id, user_id) DO UPDATE SET until = $3, muted_by = $4, reason = $5",
    )
    .bind(city_id)
    .bind(user_id)
    .bind(until)
    .bind(by)
    .bind(reason)
    .execute(db)
    .await?;
    Ok(())
}
