//! `edges user create`: accounts made by an operator (the first admin, connectors of a new city).
use app::accounts::{password, queries, validation};
use app::error::AppError;
use sqlx::AnyPool;

pub struct NewAccount {
    pub name: String,
    pub email: String,
    pub city: String,
    pub password: String,
    pub admin: bool,
    pub connector_of: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("{field}: {problem:?}")]
    Invalid {
        field: String,
        problem: app::error::Problem,
    },
    #[error("no city has the slug {0:?} (see /cities)")]
    NoSuchCity(String),
    #[error("an account already uses this email")]
    EmailTaken,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("internal error")]
    Internal,
}

impl From<AppError> for CreateUserError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::Invalid { field, problem } => CreateUserError::Invalid { field, problem },
            _ => CreateUserError::Internal,
        }
    }
}

async fn city_id(db: &AnyPool, slug: &str) -> Result<i64, CreateUserError> {
    queries::city_id_by_slug(db, slug)
        .await?
        .ok_or_else(|| CreateUserError::NoSuchCity(slug.to_string()))
}

pub async fn create(db: &AnyPool, account: NewAccount) -> Result<i64, CreateUserError> {
    let name = validation::name(&account.name)?;
    let email = validation::email(&account.email)?;
    validation::password(&account.password)?;
    let home = city_id(db, &account.city).await?;
    let mut connector_cities = Vec::new();
    for slug in &account.connector_of {
        connector_cities.push(city_id(db, slug).await?);
    }
    let password_hash = password::hash(&account.password)?;
    let user = queries::NewUser {
        name: &name,
        email: &email,
        password_hash: &password_hash,
        city_id: home,
        now: app::context::now(),
        locale: app::i18n::Locale::default(),
    };
    let id = queries::insert_user(db, user)
        .await?
        .ok_or(CreateUserError::EmailTaken)?;
    app::discussion::sidebar::follow_defaults(db, id, home, app::context::now()).await?;
    if account.admin {
        sqlx::query("UPDATE users SET is_admin = TRUE WHERE id = $1")
            .bind(id)
            .execute(db)
            .await?;
    }
    for city in connector_cities {
        app::cities::queries::appoint(db, city, id, app::context::now()).await?;
    }
    Ok(id)
}
