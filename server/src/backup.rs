//! Backups that restore. On SQLite, `VACUUM INTO` writes a consistent copy while the server runs:
//! it reads in one transaction, so writers go on and the copy is the database as it was when the
//! backup began. On PostgreSQL, `pg_dump` and `pg_restore` are the right tools; the commands say
//! how to use them instead of imitating them.
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use std::path::{Path, PathBuf};
use std::str::FromStr;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "PostgreSQL is backed up with its own tools, which copy a running database consistently:\n  \
         pg_dump --format=custom --file=BACKUP.dump '{url}'\n\
         and restored into an empty database with:\n  \
         pg_restore --no-owner --exit-on-error --dbname='{url}' BACKUP.dump"
    )]
    Postgres { url: String },
    #[error("{0} already exists: a backup never overwrites a file")]
    Exists(PathBuf),
    #[error("the database to restore into must be empty, and {0} already holds tables")]
    NotEmpty(String),
    #[error("{0} is not an Edges backup: {1}")]
    NotABackup(PathBuf, String),
    #[error("unsupported database URL {0:?}: use sqlite://FILE or postgres://…")]
    Url(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// What a backup holds, for the line the command prints.
#[derive(Debug)]
pub struct BackupSummary {
    pub members: i64,
    pub messages: i64,
    pub movements: i64,
    pub bytes: u64,
}

impl std::fmt::Display for BackupSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} members, {} messages, {} ledger movements ({} bytes)",
            self.members, self.messages, self.movements, self.bytes
        )
    }
}

fn sqlite_file(url: &str) -> Result<PathBuf, BackupError> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Err(BackupError::Postgres {
            url: url.to_string(),
        });
    }
    let options =
        SqliteConnectOptions::from_str(url).map_err(|_| BackupError::Url(url.to_string()))?;
    Ok(options.get_filename().to_path_buf())
}

async fn open(file: &Path, create: bool) -> Result<SqliteConnection, sqlx::Error> {
    SqliteConnectOptions::new()
        .filename(file)
        .create_if_missing(create)
        .connect()
        .await
}

/// Copies the database at `url` to the new file `to`, then checks the copy.
pub async fn backup(url: &str, to: &Path) -> Result<BackupSummary, BackupError> {
    let source = sqlite_file(url)?;
    if to.exists() {
        return Err(BackupError::Exists(to.to_path_buf()));
    }
    // Written beside its final name and renamed once whole: a file at `to` is always complete.
    let partial = to.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let mut connection = open(&source, false).await?;
    sqlx::query("VACUUM INTO $1")
        .bind(partial.to_string_lossy().into_owned())
        .execute(&mut connection)
        .await?;
    connection.close().await?;
    let checked = check(&partial).await;
    match checked {
        Ok(summary) => {
            std::fs::rename(&partial, to)?;
            Ok(summary)
        }
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            Err(error)
        }
    }
}

/// An intact SQLite file with the Edges schema, and what it holds.
async fn check(file: &Path) -> Result<BackupSummary, BackupError> {
    let not_a_backup = |why: String| BackupError::NotABackup(file.to_path_buf(), why);
    let mut connection = open(file, false)
        .await
        .map_err(|error| not_a_backup(error.to_string()))?;
    let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&mut connection)
        .await
        .map_err(|error| not_a_backup(error.to_string()))?;
    if integrity != "ok" {
        return Err(not_a_backup(integrity));
    }
    let count = |table: &'static str| format!("SELECT COUNT(*) FROM {table}");
    let mut counts = Vec::new();
    for table in ["users", "messages", "ledger"] {
        let (rows,): (i64,) = sqlx::query_as(&count(table))
            .fetch_one(&mut connection)
            .await
            .map_err(|error| not_a_backup(error.to_string()))?;
        counts.push(rows);
    }
    connection.close().await?;
    Ok(BackupSummary {
        members: counts[0],
        messages: counts[1],
        movements: counts[2],
        bytes: std::fs::metadata(file)?.len(),
    })
}

/// Restores the backup `from` into the empty (or missing) database at `url`.
pub async fn restore(from: &Path, url: &str) -> Result<BackupSummary, BackupError> {
    let target = sqlite_file(url)?;
    let summary = check(from).await?;
    if target.exists() {
        let mut connection = open(&target, false).await?;
        let (tables,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")
                .fetch_one(&mut connection)
                .await?;
        connection.close().await?;
        if tables > 0 {
            return Err(BackupError::NotEmpty(target.display().to_string()));
        }
        std::fs::remove_file(&target)?;
    }
    // What an earlier empty file may have left beside it would be read as part of the restored one.
    for suffix in ["-wal", "-shm"] {
        let mut beside = target.clone().into_os_string();
        beside.push(suffix);
        let _ = std::fs::remove_file(beside);
    }
    let mut connection = open(from, false).await?;
    sqlx::query("VACUUM INTO $1")
        .bind(target.to_string_lossy().into_owned())
        .execute(&mut connection)
        .await?;
    connection.close().await?;
    // The restored file runs like one Edges created: in WAL mode.
    let restored = SqliteConnectOptions::new()
        .filename(&target)
        .journal_mode(SqliteJournalMode::Wal)
        .connect()
        .await?;
    restored.close().await?;
    Ok(summary)
}
