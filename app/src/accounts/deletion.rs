//! Deleting an account. The profile goes, but the row stays behind as a pseudonym: ballots, ledger
//! entries, stances and the audit trail still point at it, so no vote and no cent leaves any total.
//! What the member wrote stays where it was said, signed by nobody ("a former member").
use crate::error::AppError;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use sqlx::AnyPool;

/// Rows that only say something about the member: they go with the profile.
const FORGOTTEN: &[&str] = &[
    "DELETE FROM user_skills WHERE user_id = $1",
    "DELETE FROM user_languages WHERE user_id = $1",
    "DELETE FROM connectors WHERE user_id = $1",
    "DELETE FROM channel_members WHERE user_id = $1",
    "DELETE FROM notifications WHERE user_id = $1",
    "DELETE FROM decision_notices WHERE user_id = $1",
    "DELETE FROM mentions WHERE user_id = $1",
    "DELETE FROM city_mutes WHERE user_id = $1",
    "DELETE FROM bucket_cocreators WHERE user_id = $1",
    "DELETE FROM bucket_notices WHERE user_id = $1",
    "DELETE FROM email_preferences WHERE user_id = $1",
    "DELETE FROM email_outbox WHERE user_id = $1",
];

/// What the member wrote or started: it stays, without their name.
const UNSIGNED: &[&str] = &[
    "UPDATE messages SET author_id = NULL WHERE author_id = $1",
    "UPDATE bucket_comments SET author_id = NULL WHERE author_id = $1",
    "UPDATE proposals SET author_id = NULL WHERE author_id = $1",
    "UPDATE buckets SET created_by = NULL WHERE created_by = $1",
    "UPDATE ballot_projects SET proposed_by = NULL WHERE proposed_by = $1",
    "UPDATE channels SET created_by = NULL WHERE created_by = $1",
    "UPDATE message_reports SET reporter_id = NULL WHERE reporter_id = $1",
];

/// Letters that cannot be misread for one another (no 0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A random pseudonym: nothing in it leads back to the member.
fn pseudonym() -> String {
    let code: String = (0..6)
        .map(|_| {
            let index = OsRng.next_u32() as usize % CODE_ALPHABET.len();
            char::from(CODE_ALPHABET[index])
        })
        .collect();
    format!("Former member {code}")
}

/// True when this member is the network's only active admin: deleting them would leave nobody to
/// appoint connectors or set the rules.
pub async fn is_last_admin(db: &AnyPool, user_id: i64) -> Result<bool, AppError> {
    let (others,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM users WHERE is_admin = TRUE AND is_alumni = FALSE AND id <> $1",
    )
    .bind(user_id)
    .fetch_one(db)
    .await?;
    let (is_admin,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM users WHERE id = $1 AND is_admin = TRUE AND is_alumni = FALSE",
    )
    .bind(user_id)
    .fetch_one(db)
    .await?;
    Ok(is_admin > 0 && others == 0)
}

/// Turns the account into its pseudonym, in one transaction. The email address becomes free for a
/// new sign-up; the empty password hash matches no password, and changing it ends every session.
/// Answers false when there is no such account (or it was already deleted).
pub async fn delete_account(db: &AnyPool, user_id: i64, now: i64) -> Result<bool, AppError> {
    let name = pseudonym();
    let mut tx = db.begin().await?;
    let done = sqlx::query(
        "UPDATE users SET email = $2, name = $3, name_lower = $4, password_hash = '', bio = '', \
         map_visible = FALSE, is_admin = FALSE, is_alumni = TRUE, deleted_at = $5, locale = 'en' \
         WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(user_id)
    .bind(format!("deleted-{user_id}@former.invalid"))
    .bind(&name)
    .bind(name.to_lowercase())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    for statement in FORGOTTEN.iter().chain(UNSIGNED) {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pseudonym_is_random_and_readable() {
        let first = pseudonym();
        let code = first.strip_prefix("Former member ").expect("prefix");
        assert_eq!(code.len(), 6);
        assert!(
            code.bytes().all(|byte| CODE_ALPHABET.contains(&byte)),
            "{code}"
        );
        assert!((0..20).any(|_| pseudonym() != first));
    }
}
