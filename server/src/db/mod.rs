//! Opening the database (SQLite file or PostgreSQL), and migrating it.
use app::context::Dialect;
use sqlx::any::AnyPoolOptions;
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{AnyPool, PgPool, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

/// The same database seen through the generic pool the application queries with, and through the
/// native pool the session store needs.
#[derive(Clone, Debug)]
pub struct Database {
    pub any: AnyPool,
    pub native: NativePool,
    pub dialect: Dialect,
}

#[derive(Clone, Debug)]
pub enum NativePool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

pub fn dialect_of(url: &str) -> Result<Dialect, sqlx::Error> {
    if url.starts_with("sqlite:") {
        Ok(Dialect::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Dialect::Postgres)
    } else {
        Err(sqlx::Error::Configuration(
            format!("unsupported database URL {url:?}: use sqlite://FILE or postgres://…").into(),
        ))
    }
}

pub async fn connect(url: &str) -> Result<Database, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let dialect = dialect_of(url)?;
    let native = match dialect {
        Dialect::Sqlite => {
            // Created on first start; WAL lets readers work while one writer commits.
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true);
            NativePool::Sqlite(
                SqlitePoolOptions::new()
                    .max_connections(4)
                    .connect_with(options)
                    .await?,
            )
        }
        Dialect::Postgres => {
            NativePool::Postgres(PgPoolOptions::new().max_connections(4).connect(url).await?)
        }
    };
    let any = AnyPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |connection, _| {
            Box::pin(async move {
                if dialect == Dialect::Sqlite {
                    // Per-connection settings: the file already is in WAL mode.
                    sqlx::query("PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL")
                        .execute(connection)
                        .await?;
                }
                Ok(())
            })
        })
        .connect(url)
        .await?;
    Ok(Database {
        any,
        native,
        dialect,
    })
}

pub async fn migrate(db: &Database) -> Result<(), sqlx::migrate::MigrateError> {
    match &db.native {
        NativePool::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
        NativePool::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
    }
    // Rows the schema needs before anyone acts: every city's money pot.
    let mut connection = db.any.acquire().await?;
    app::budget::pots::ensure_pots(&mut connection, app::context::now()).await?;
    Ok(())
}

/// Answers whether the database responds, for the health check.
pub async fn ping(db: &AnyPool) -> bool {
    sqlx::query("SELECT 1").execute(db).await.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_scheme_selects_the_backend() {
        assert_eq!(dialect_of("sqlite://edges.db").unwrap(), Dialect::Sqlite);
        assert_eq!(dialect_of("postgres://u@h/db").unwrap(), Dialect::Postgres);
        assert_eq!(
            dialect_of("postgresql://u@h/db").unwrap(),
            Dialect::Postgres
        );
        assert!(dialect_of("mysql://x").is_err());
    }
}
