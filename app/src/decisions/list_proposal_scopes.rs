use super::types::ScopeChoice;
use crate::error::AppError;
use leptos::prelude::*;

/// Where the viewer may open a proposal: the network, then the cities they belong to or
/// coordinate (every city, for an admin).
#[server(endpoint = "list_proposal_scopes")]
pub async fn list_proposal_scopes() -> Result<Vec<ScopeChoice>, AppError> {
    use super::access;
    use super::scope::NETWORK;
    use super::types::Scope;
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::active_member().await?;
    let mut choices = vec![ScopeChoice {
        value: NETWORK.to_string(),
        name: None,
    }];
    let cities: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, slug, name FROM cities ORDER BY name")
            .fetch_all(&db()?)
            .await?;
    for (id, slug, name) in cities {
        if access::may_propose(&viewer, Scope::City(id)) {
            choices.push(ScopeChoice {
                value: slug,
                name: Some(name),
            });
        }
    }
    Ok(choices)
}
