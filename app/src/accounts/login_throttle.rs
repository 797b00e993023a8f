//! Failed logins are limited per account and per address, in the database so every node agrees.
use crate::error::AppError;
use sqlx::AnyPool;

pub const WINDOW_SECONDS: i64 = 15 * 60;
pub const PER_ACCOUNT: i64 = 5;
/// Higher than per account: many members can share one address (an office, a coworking space).
pub const PER_ADDRESS: i64 = 20;

async fn failures(db: &AnyPool, column: &str, key: &str, since: i64) -> Result<i64, AppError> {
    let (count,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM login_failures WHERE {column} = $1 AND at > $2"
    ))
    .bind(key)
    .bind(since)
    .fetch_one(db)
    .await?;
    Ok(count)
}

pub async fn check(db: &AnyPool, account: &str, ip: &str, now: i64) -> Result<(), AppError> {
    let since = now - WINDOW_SECONDS;
    if failures(db, "account", account, since).await? >= PER_ACCOUNT
        || failures(db, "ip", ip, since).await? >= PER_ADDRESS
    {
        return Err(AppError::RateLimited {
            retry_after_minutes: (WINDOW_SECONDS / 60) as u32,
        });
    }
    Ok(())
}

pub async fn record_failure(
    db: &AnyPool,
    account: &str,
    ip: &str,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query("INSERT INTO login_failures (account, ip, at) VALUES ($1, $2, $3)")
        .bind(account)
        .bind(ip)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// A successful login forgives the account's earlier mistakes (not the address's).
pub async fn forget_account(db: &AnyPool, account: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM login_failures WHERE account = $1")
        .bind(account)
        .execute(db)
        .await?;
    Ok(())
}
