//! Sessions through axum-login: who is signed in, and how credentials are checked.
use super::password;
use axum_login::{AuthUser, AuthnBackend};
use sqlx::AnyPool;

/// The little a session needs to know about its user. The password hash doubles as the session
/// auth hash, so changing the password ends every other session.
#[derive(Clone, sqlx::FromRow)]
pub struct SessionUser {
    pub id: i64,
    pub password_hash: String,
}

impl std::fmt::Debug for SessionUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionUser").field("id", &self.id).finish()
    }
}

impl AuthUser for SessionUser {
    type Id = i64;

    fn id(&self) -> i64 {
        self.id
    }

    fn session_auth_hash(&self) -> &[u8] {
        self.password_hash.as_bytes()
    }
}

pub struct Credentials {
    pub email: String,
    pub password: String,
}

#[derive(Clone, Debug)]
pub struct Backend {
    db: AnyPool,
}

impl Backend {
    pub fn new(db: AnyPool) -> Self {
        Backend { db }
    }
}

pub type AuthSession = axum_login::AuthSession<Backend>;

/// Verified against when the email is unknown, so both answers take the same time.
const DECOY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2rYvO2E0lJ1nQn0b8m0p7Yqk1d7Qe2xJm8Qd8rY9X0c";

impl AuthnBackend for Backend {
    type User = SessionUser;
    type Credentials = Credentials;
    type Error = sqlx::Error;

    async fn authenticate(&self, creds: Credentials) -> Result<Option<SessionUser>, sqlx::Error> {
        let user: Option<SessionUser> =
            sqlx::query_as("SELECT id, password_hash FROM users WHERE email = $1")
                .bind(&creds.email)
                .fetch_optional(&self.db)
                .await?;
        let stored = user
            .as_ref()
            .map(|user| user.password_hash.clone())
            .unwrap_or_else(|| DECOY_HASH.to_string());
        let valid = password::verify_off_thread(creds.password, stored).await;
        Ok(user.filter(|_| valid))
    }

    async fn get_user(&self, id: &i64) -> Result<Option<SessionUser>, sqlx::Error> {
        sqlx::query_as("SELECT id, password_hash FROM users WHERE id = $1 AND deleted_at IS NULL")
            .bind(id)
            .fetch_optional(&self.db)
            .await
    }
}
