use super::types::LogPage;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the decision log: `q` searches titles, texts and outcome statements; `scope` is
/// `network` or a city slug; `kind` a kind's name; `from` and `to` closing dates (`YYYY-MM-DD`).
#[server(endpoint = "search_decision_log")]
pub async fn search_decision_log(
    #[server(default)] q: String,
    #[server(default)] scope: String,
    #[server(default)] kind: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] page: u32,
) -> Result<LogPage, AppError> {
    use super::types::LogFilter;
    use crate::accounts::authz;
    use crate::context::{db, fail};

    authz::signed_in().await?;
    let filter = LogFilter {
        q,
        scope,
        kind,
        from,
        to,
        page,
    };
    super::log::page(&db()?, &filter).await.map_err(fail)
}
