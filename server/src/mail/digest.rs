//! The daily or weekly digest: what happened in a member's city and the network since their last
//! one. A member is claimed by moving their `last_digest_at` in the transaction that queues the
//! email, so each digest goes once even with several nodes. Digests with nothing to tell are
//! skipped (the clock still moves on).
use super::compose;
use super::outbox;
use app::email::types::Digest;
use app::error::AppError;
use app::i18n::*;
use sqlx::{AnyConnection, AnyPool, FromRow};

/// Members handled per pass.
const BATCH: i64 = 200;
/// Lines per section.
const LINES: i64 = 5;

#[derive(FromRow)]
struct DueMember {
    id: i64,
    email: String,
    city_id: i64,
    locale: String,
    digest: String,
    last_digest_at: Option<i64>,
    since: i64,
}

const STARTED: &str = "CASE WHEN u.created_at > $1 THEN u.created_at ELSE $1 END";

fn due_members_sql() -> String {
    format!(
        "SELECT u.id, u.email, u.city_id, u.locale, COALESCE(p.digest, 'weekly') AS digest, p.last_digest_at, \
         COALESCE(p.last_digest_at, {STARTED}) AS since \
         FROM users u LEFT JOIN email_preferences p ON p.user_id = u.id \
         WHERE u.is_alumni = FALSE AND COALESCE(p.digest, 'weekly') <> 'off' \
         AND COALESCE(p.last_digest_at, {STARTED}) \
           + CASE WHEN COALESCE(p.digest, 'weekly') = 'daily' THEN 86400 ELSE 604800 END <= $2 \
         ORDER BY u.id LIMIT $3"
    )
}

/// When digests began on this network (set when email arrived, and by seeding).
async fn digests_since(db: &AnyPool) -> Result<i64, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT value FROM network_settings WHERE name = 'digests_since'")
            .fetch_optional(db)
            .await?;
    Ok(row.and_then(|(value,)| value.parse().ok()).unwrap_or(0))
}

pub async fn start_digests_at(db: &AnyPool, at: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE network_settings SET value = $1 WHERE name = 'digests_since'")
        .bind(at.to_string())
        .execute(db)
        .await?;
    Ok(())
}

/// Queues the digests that are due. Answers how many emails it queued.
pub async fn queue_digests(db: &AnyPool, base: &str, now: i64) -> Result<usize, AppError> {
    let since = digests_since(db).await?;
    let due: Vec<DueMember> = sqlx::query_as(&due_members_sql())
        .bind(since)
        .bind(now)
        .bind(BATCH)
        .fetch_all(db)
        .await?;
    let mut queued = 0;
    for member in due {
        queued += digest_once(db, &member, base, now).await? as usize;
    }
    Ok(queued)
}

async fn digest_once(
    db: &AnyPool,
    member: &DueMember,
    base: &str,
    now: i64,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let token = app::email::preferences::token_of(&mut tx, member.id).await?;
    let claimed = sqlx::query(
        "UPDATE email_preferences SET last_digest_at = $2 \
         WHERE user_id = $1 AND COALESCE(last_digest_at, -1) = $3",
    )
    .bind(member.id)
    .bind(now)
    .bind(member.last_digest_at.unwrap_or(-1))
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() == 0 {
        tx.commit().await?;
        return Ok(false);
    }
    let locale = app::email::locale::stored(&member.locale);
    let reader = Reader {
        member,
        base,
        now,
        locale,
    };
    let sections = sections(&mut tx, &reader).await?;
    let period = Digest::parse(&member.digest).unwrap_or(Digest::Weekly);
    let footer = compose::Footer {
        base,
        token: &token,
        locale,
    };
    let Some((subject, body)) = compose::digest(period, &sections, &footer) else {
        tx.commit().await?;
        return Ok(false);
    };
    let email = compose::Email {
        user_id: Some(member.id),
        to: member.email.clone(),
        kind: "digest",
        subject,
        body,
        unsubscribe_url: Some(footer.unsubscribe_url()),
    };
    outbox::put(&mut tx, &email, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Open decisions of the member's city and the network they have not taken a stance on.
async fn waiting(conn: &mut AnyConnection, reader: &Reader<'_>) -> Result<Vec<String>, AppError> {
    let Reader {
        member,
        base,
        now,
        locale,
    } = *reader;
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT p.id, p.title, p.closes_at FROM proposals p \
         WHERE p.status = 'open' AND p.closes_at > $3 AND (p.city_id = $2 OR p.city_id IS NULL) \
         AND NOT EXISTS (SELECT 1 FROM stances s WHERE s.proposal_id = p.id AND s.user_id = $1) \
         ORDER BY p.closes_at, p.id LIMIT $4",
    )
    .bind(member.id)
    .bind(member.city_id)
    .bind(now)
    .bind(LINES)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, closes_at)| {
            let closes_at = app::ui::time::iso_minute(closes_at);
            let link = format!("{base}/decisions/{id}");
            td_string!(locale, mail.digest_waiting_line, title, closes_at, link)
        })
        .collect())
}

/// Decisions of the member's city and the network that closed since their last digest.
async fn decided(conn: &mut AnyConnection, reader: &Reader<'_>) -> Result<Vec<String>, AppError> {
    let Reader {
        member,
        base,
        locale,
        ..
    } = *reader;
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT p.id, p.title, p.status FROM proposals p \
         WHERE p.closed_at >= $2 AND (p.city_id = $1 OR p.city_id IS NULL) \
         ORDER BY p.closed_at DESC, p.id LIMIT $3",
    )
    .bind(member.city_id)
    .bind(member.since)
    .bind(LINES)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, status)| {
            let status = status_word(locale, &status);
            let link = format!("{base}/decisions/{id}");
            td_string!(locale, mail.digest_decided_line, title, status, link)
        })
        .collect())
}

/// How many messages others wrote in the member's channels since their last digest.
async fn talked(conn: &mut AnyConnection, reader: &Reader<'_>) -> Result<Vec<String>, AppError> {
    let Reader {
        member,
        base,
        locale,
        ..
    } = *reader;
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT c.id, c.name, COUNT(*) FROM messages m JOIN channels c ON c.id = m.channel_id \
         JOIN channel_members cm ON cm.channel_id = m.channel_id AND cm.user_id = $1 \
         WHERE m.created_at >= $2 AND m.deleted_at IS NULL \
         AND (m.author_id IS NULL OR m.author_id <> $1) \
         GROUP BY c.id, c.name ORDER BY COUNT(*) DESC, c.id LIMIT $3",
    )
    .bind(member.id)
    .bind(member.since)
    .bind(LINES)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, channel, count)| {
            let link = format!("{base}/discussion/{id}");
            td_string!(locale, mail.digest_talked_line, channel, count, link)
        })
        .collect())
}

/// Buckets opened for funding in the pots of the member's city and the network.
async fn buckets(conn: &mut AnyConnection, reader: &Reader<'_>) -> Result<Vec<String>, AppError> {
    let Reader { member, base, .. } = *reader;
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT b.id, b.title FROM buckets b JOIN budget_rounds r ON r.id = b.round_id \
         JOIN pots t ON t.id = r.pot_id WHERE b.status = 'open' AND b.created_at >= $2 \
         AND (t.city_id = $1 OR t.city_id IS NULL) ORDER BY b.id DESC LIMIT $3",
    )
    .bind(member.city_id)
    .bind(member.since)
    .bind(LINES)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title)| format!("{title}: {base}/budgets/buckets/{id}"))
        .collect())
}

/// What a closed decision's status is called in the reader's language.
fn status_word(locale: Locale, status: &str) -> String {
    match status {
        "passed" => td_string!(locale, decisions.status.passed),
        "blocked" => td_string!(locale, decisions.status.blocked),
        "withdrawn" => td_string!(locale, decisions.status.withdrawn),
        "lapsed" => td_string!(locale, decisions.status.lapsed),
        "closed" => td_string!(locale, decisions.status.closed),
        other => other,
    }
    .to_lowercase()
}

/// Whose digest is being written, in which language, where links lead, and when it is.
#[derive(Clone, Copy)]
struct Reader<'a> {
    member: &'a DueMember,
    base: &'a str,
    now: i64,
    locale: Locale,
}

async fn sections(
    conn: &mut AnyConnection,
    reader: &Reader<'_>,
) -> Result<Vec<(String, Vec<String>)>, AppError> {
    let locale = reader.locale;
    Ok(vec![
        (
            td_string!(locale, mail.digest_waiting).to_string(),
            waiting(conn, reader).await?,
        ),
        (
            td_string!(locale, mail.digest_decided).to_string(),
            decided(conn, reader).await?,
        ),
        (
            td_string!(locale, mail.digest_talked).to_string(),
            talked(conn, reader).await?,
        ),
        (
            td_string!(locale, mail.digest_buckets).to_string(),
            buckets(conn, reader).await?,
        ),
    ])
}
