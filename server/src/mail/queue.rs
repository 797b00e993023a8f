//! Notices become emails. Each source is read in id order; a notice is claimed by marking it
//! mailed, in the transaction that puts its email (if the member wants one) into the outbox, so
//! with several nodes each notice is mailed once, and a crash loses none.
use super::compose::{self, Email, Footer, MessageNotice};
use super::outbox;
use app::context::Flag;
use app::error::AppError;
use app::i18n::Locale;
use sqlx::{AnyConnection, AnyPool, FromRow};

/// Notices handled per source and pass.
const BATCH: i64 = 200;

/// Who a notice is for, and whether they want this kind of email.
#[derive(FromRow)]
struct Recipient {
    id: i64,
    user_id: i64,
    email: String,
    locale: String,
    wanted: Flag,
}

#[derive(FromRow)]
struct MessageRow {
    #[sqlx(flatten)]
    to: Recipient,
    kind: String,
    author: Option<String>,
    channel_name: String,
    channel_id: i64,
    message_id: i64,
    parent_id: Option<i64>,
    body: String,
}

#[derive(FromRow)]
struct ProposalRow {
    #[sqlx(flatten)]
    to: Recipient,
    proposal_id: i64,
    title: String,
    closes_at: i64,
}

#[derive(FromRow)]
struct BucketRow {
    #[sqlx(flatten)]
    to: Recipient,
    bucket_id: i64,
    title: String,
}

/// Marks everything noticed so far as told: the demo network's history is not mailed.
pub async fn count_history_as_told(db: &AnyPool) -> Result<(), AppError> {
    for table in ["notifications", "decision_notices", "bucket_notices"] {
        sqlx::query(&format!(
            "UPDATE {table} SET mailed_at = created_at WHERE mailed_at IS NULL"
        ))
        .execute(db)
        .await?;
    }
    Ok(())
}

/// One pass over every source. Answers how many emails it put into the outbox.
pub async fn queue_notices(db: &AnyPool, base: &str, now: i64) -> Result<usize, AppError> {
    Ok(messages(db, base, now).await?
        + closing_soon(db, base, now).await?
        + funded(db, base, now).await?)
}

const MESSAGE_NOTICES: &str = "SELECT n.id, n.user_id, u.email, u.locale, \
     CASE WHEN n.kind = 'reply' THEN COALESCE(p.replies, TRUE) ELSE COALESCE(p.mentions, TRUE) END AS wanted, \
     n.kind, a.name AS author, c.name AS channel_name, m.channel_id, m.id AS message_id, m.parent_id, m.body \
     FROM notifications n JOIN users u ON u.id = n.user_id JOIN messages m ON m.id = n.message_id \
     JOIN channels c ON c.id = m.channel_id LEFT JOIN users a ON a.id = m.author_id \
     LEFT JOIN email_preferences p ON p.user_id = n.user_id \
     WHERE n.mailed_at IS NULL AND n.kind IN ('mention', 'reply') AND u.is_alumni = FALSE \
     AND m.deleted_at IS NULL AND m.hidden_at IS NULL ORDER BY n.id LIMIT $1";

async fn messages(db: &AnyPool, base: &str, now: i64) -> Result<usize, AppError> {
    let rows: Vec<MessageRow> = sqlx::query_as(MESSAGE_NOTICES)
        .bind(BATCH)
        .fetch_all(db)
        .await?;
    let mut queued = 0;
    for row in rows {
        let link =
            app::discussion::types::message_link(row.channel_id, row.message_id, row.parent_id);
        let channel = if row.channel_name.starts_with('#') {
            row.channel_name.clone()
        } else {
            format!("#{}", row.channel_name)
        };
        let notice = MessageNotice {
            kind: &row.kind,
            author: row.author.as_deref(),
            channel: &channel,
            body: &row.body,
            link: &link,
        };
        let kind = if row.kind == "reply" {
            "reply"
        } else {
            "mention"
        };
        queued += mail_once(db, "notifications", &row.to, base, now, kind, |footer| {
            compose::message_notice(&notice, footer)
        })
        .await? as usize;
    }
    Ok(queued)
}

const CLOSING_NOTICES: &str = "SELECT n.id, n.user_id, u.email, u.locale, COALESCE(p.decisions, TRUE) AS wanted, \
     n.proposal_id, pr.title, pr.closes_at \
     FROM decision_notices n JOIN users u ON u.id = n.user_id JOIN proposals pr ON pr.id = n.proposal_id \
     LEFT JOIN email_preferences p ON p.user_id = n.user_id \
     WHERE n.mailed_at IS NULL AND n.kind = 'closing_soon' AND u.is_alumni = FALSE \
     ORDER BY n.id LIMIT $1";

async fn closing_soon(db: &AnyPool, base: &str, now: i64) -> Result<usize, AppError> {
    let rows: Vec<ProposalRow> = sqlx::query_as(CLOSING_NOTICES)
        .bind(BATCH)
        .fetch_all(db)
        .await?;
    let mut queued = 0;
    for row in rows {
        let closes_at = app::ui::time::iso_minute(row.closes_at);
        let link = format!("/decisions/{}", row.proposal_id);
        queued += mail_once(
            db,
            "decision_notices",
            &row.to,
            base,
            now,
            "closing_soon",
            |footer| compose::closing_soon(&row.title, &closes_at, &link, footer),
        )
        .await? as usize;
    }
    // Other decision notices (revised, blocked, closed) are told in the app and the digest.
    sqlx::query("UPDATE decision_notices SET mailed_at = $1 WHERE mailed_at IS NULL AND kind <> 'closing_soon'")
        .bind(now)
        .execute(db)
        .await?;
    Ok(queued)
}

const FUNDED_NOTICES: &str =
    "SELECT n.id, n.user_id, u.email, u.locale, COALESCE(p.buckets, TRUE) AS wanted, \
     n.bucket_id, b.title \
     FROM bucket_notices n JOIN users u ON u.id = n.user_id JOIN buckets b ON b.id = n.bucket_id \
     LEFT JOIN email_preferences p ON p.user_id = n.user_id \
     WHERE n.mailed_at IS NULL AND n.kind = 'funded' AND u.is_alumni = FALSE \
     ORDER BY n.id LIMIT $1";

async fn funded(db: &AnyPool, base: &str, now: i64) -> Result<usize, AppError> {
    let rows: Vec<BucketRow> = sqlx::query_as(FUNDED_NOTICES)
        .bind(BATCH)
        .fetch_all(db)
        .await?;
    let mut queued = 0;
    for row in rows {
        let link = format!("/budgets/buckets/{}", row.bucket_id);
        queued += mail_once(
            db,
            "bucket_notices",
            &row.to,
            base,
            now,
            "bucket_funded",
            |footer| compose::bucket_funded(&row.title, &link, footer),
        )
        .await? as usize;
    }
    Ok(queued)
}

/// Claims the notice and, when its member wants this email, queues it, in one transaction.
/// Answers whether an email was queued (false too when another node claimed the notice first).
async fn mail_once(
    db: &AnyPool,
    table: &str,
    to: &Recipient,
    base: &str,
    now: i64,
    kind: &'static str,
    compose: impl FnOnce(&Footer<'_>) -> (String, String),
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let claimed = sqlx::query(&format!(
        "UPDATE {table} SET mailed_at = $2 WHERE id = $1 AND mailed_at IS NULL"
    ))
    .bind(to.id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() == 0 || !to.wanted.0 {
        tx.commit().await?;
        return Ok(false);
    }
    let reader = Reader {
        user_id: to.user_id,
        address: &to.email,
        locale: app::email::locale::stored(&to.locale),
    };
    let email = member_email(&mut tx, &reader, base, kind, compose).await?;
    outbox::put(&mut tx, &email, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// The member an email is for: who, where, and in which language.
struct Reader<'a> {
    user_id: i64,
    address: &'a str,
    locale: Locale,
}

/// An email to a member, with the footer of their settings and unsubscribe links.
async fn member_email(
    conn: &mut AnyConnection,
    reader: &Reader<'_>,
    base: &str,
    kind: &'static str,
    compose: impl FnOnce(&Footer<'_>) -> (String, String),
) -> Result<Email, AppError> {
    let token = app::email::preferences::token_of(conn, reader.user_id).await?;
    let footer = Footer {
        base,
        token: &token,
        locale: reader.locale,
    };
    let (subject, body) = compose(&footer);
    Ok(Email {
        user_id: Some(reader.user_id),
        to: reader.address.to_string(),
        kind,
        subject,
        body,
        unsubscribe_url: Some(footer.unsubscribe_url()),
    })
}
