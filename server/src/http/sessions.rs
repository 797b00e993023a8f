//! Sessions live in the database (SQLite or PostgreSQL), through tower-sessions' sqlx stores.
use crate::db::NativePool;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Clone, Debug)]
pub enum DatabaseSessionStore {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl DatabaseSessionStore {
    /// Creates the store's table when missing.
    pub async fn open(pool: &NativePool) -> Result<Self, sqlx::Error> {
        Ok(match pool {
            NativePool::Sqlite(pool) => {
                let store = SqliteStore::new(pool.clone());
                store.migrate().await?;
                DatabaseSessionStore::Sqlite(store)
            }
            NativePool::Postgres(pool) => {
                let store = PostgresStore::new(pool.clone());
                store.migrate().await?;
                DatabaseSessionStore::Postgres(store)
            }
        })
    }

    /// Removes expired sessions now and then, forever.
    pub async fn delete_expired_periodically(self) {
        use tower_sessions::ExpiredDeletion;
        let period = tokio::time::Duration::from_secs(3600);
        let outcome = match self {
            DatabaseSessionStore::Sqlite(store) => store.continuously_delete_expired(period).await,
            DatabaseSessionStore::Postgres(store) => {
                store.continuously_delete_expired(period).await
            }
        };
        if let Err(error) = outcome {
            tracing::warn!(%error, "expired session cleanup stopped");
        }
    }
}

#[async_trait::async_trait]
impl SessionStore for DatabaseSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            DatabaseSessionStore::Sqlite(store) => store.create(record).await,
            DatabaseSessionStore::Postgres(store) => store.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            DatabaseSessionStore::Sqlite(store) => store.save(record).await,
            DatabaseSessionStore::Postgres(store) => store.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            DatabaseSessionStore::Sqlite(store) => store.load(id).await,
            DatabaseSessionStore::Postgres(store) => store.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            DatabaseSessionStore::Sqlite(store) => store.delete(id).await,
            DatabaseSessionStore::Postgres(store) => store.delete(id).await,
        }
    }
}
