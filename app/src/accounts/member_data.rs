//! "Download my data": everything Edges holds about one member, as JSON documents by name. Every
//! query is bound to the member's own id, so nobody else's data comes along: other people appear
//! only by what the member's own records already show (a channel's name, a proposal's title).
use crate::error::AppError;
use serde_json::{Map, Value};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Column, Row};

/// (file name, query with `$1` the member's id), in the order the archive lists them.
const DOCUMENTS: &[(&str, &str)] = &[
    (
        "profile.json",
        "SELECT u.id, u.name, u.email, c.name AS city, u.bio, u.map_visible, u.is_admin, \
         u.is_alumni, u.created_at FROM users u JOIN cities c ON c.id = u.city_id WHERE u.id = $1",
    ),
    ("skills.json", "SELECT skill FROM user_skills WHERE user_id = $1 ORDER BY skill"),
    (
        "languages.json",
        "SELECT language FROM user_languages WHERE user_id = $1 ORDER BY language",
    ),
    (
        "connector_of.json",
        "SELECT c.name AS city FROM connectors k JOIN cities c ON c.id = k.city_id \
         WHERE k.user_id = $1 ORDER BY c.name",
    ),
    (
        "channels.json",
        "SELECT c.name AS channel, m.joined_at, m.last_read_seq FROM channel_members m \
         JOIN channels c ON c.id = m.channel_id WHERE m.user_id = $1 ORDER BY c.id",
    ),
    (
        "messages.json",
        "SELECT m.id, c.name AS channel, m.parent_id, m.body, m.created_at, m.edited_at, \
         m.deleted_at, m.hidden_at FROM messages m JOIN channels c ON c.id = m.channel_id \
         WHERE m.author_id = $1 ORDER BY m.id",
    ),
    (
        "message_edits.json",
        "SELECT e.message_id, e.body, e.replaced_at FROM message_edits e \
         JOIN messages m ON m.id = e.message_id WHERE m.author_id = $1 ORDER BY e.message_id, e.id",
    ),
    (
        "reactions.json",
        "SELECT message_id, emoji FROM reactions WHERE user_id = $1 ORDER BY message_id",
    ),
    (
        "notifications.json",
        "SELECT kind, message_id, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY id",
    ),
    (
        "money.json",
        "SELECT id, kind, debit, credit, amount_cents, round_id, bucket_id, note, created_at \
         FROM ledger WHERE member_id = $1 OR actor_id = $1 \
         OR debit LIKE 'member:%:' || CAST($1 AS TEXT) OR credit LIKE 'member:%:' || CAST($1 AS TEXT) \
         ORDER BY id",
    ),
    (
        "buckets.json",
        "SELECT id, round_id, title, description, min_cents, max_cents, status, created_at \
         FROM buckets WHERE created_by = $1 ORDER BY id",
    ),
    (
        "bucket_comments.json",
        "SELECT bucket_id, body, created_at FROM bucket_comments WHERE author_id = $1 ORDER BY id",
    ),
    (
        "projects.json",
        "SELECT id, round_id, title, cost_cents, status FROM ballot_projects \
         WHERE proposed_by = $1 ORDER BY id",
    ),
    (
        "ballots.json",
        "SELECT b.round_id, r.title AS round, p.title AS project, c.points, b.cast_at \
         FROM ballots b JOIN budget_rounds r ON r.id = b.round_id \
         JOIN ballot_choices c ON c.ballot_id = b.id JOIN ballot_projects p ON p.id = c.project_id \
         WHERE b.user_id = $1 ORDER BY b.round_id, p.id",
    ),
    (
        "proposals.json",
        "SELECT id, kind, status, title, body, created_at, closes_at, closed_at, outcome_statement FROM proposals \
         WHERE author_id = $1 ORDER BY id",
    ),
    (
        "stances.json",
        "SELECT s.proposal_id, p.title AS proposal, s.stance, s.reason, s.revision, s.updated_at \
         FROM stances s JOIN proposals p ON p.id = s.proposal_id WHERE s.user_id = $1 \
         ORDER BY s.proposal_id",
    ),
    (
        "email_settings.json",
        "SELECT mentions, replies, decisions, buckets, digest, last_digest_at \
         FROM email_preferences WHERE user_id = $1",
    ),
    (
        "emails.json",
        "SELECT kind, to_address, subject, body, created_at, sent_at FROM email_outbox \
         WHERE user_id = $1 ORDER BY id",
    ),
    (
        "invitations_sent.json",
        "SELECT c.name AS city, i.created_at, i.expires_at, i.revoked_at, i.accepted_at \
         FROM invitations i JOIN cities c ON c.id = i.city_id WHERE i.invited_by = $1 ORDER BY i.id",
    ),
];

/// Each document as (file name, JSON array of rows).
pub async fn of_member(db: &AnyPool, user_id: i64) -> Result<Vec<(&'static str, Value)>, AppError> {
    let mut documents = Vec::with_capacity(DOCUMENTS.len());
    for (name, sql) in DOCUMENTS {
        let rows = sqlx::query(sql).bind(user_id).fetch_all(db).await?;
        documents.push((*name, Value::Array(rows.iter().map(row_json).collect())));
    }
    Ok(documents)
}

fn row_json(row: &AnyRow) -> Value {
    let mut object = Map::new();
    for (index, column) in row.columns().iter().enumerate() {
        object.insert(column.name().to_string(), cell(row, index));
    }
    Value::Object(object)
}

/// The two databases store the same columns under different types (a flag is an integer on
/// SQLite, a boolean on PostgreSQL): each cell is read as the first type that fits.
fn cell(row: &AnyRow, index: usize) -> Value {
    if let Ok(number) = row.try_get::<Option<i64>, _>(index) {
        return number.map_or(Value::Null, Value::from);
    }
    if let Ok(text) = row.try_get::<Option<String>, _>(index) {
        return text.map_or(Value::Null, Value::from);
    }
    if let Ok(flag) = row.try_get::<Option<bool>, _>(index) {
        return flag.map_or(Value::Null, Value::from);
    }
    Value::Null
}
