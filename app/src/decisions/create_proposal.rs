// One argument per form field: the form is the function's signature (the client half the macro
// generates would not carry an allow placed on the function).
#![allow(clippy::too_many_arguments)]
use crate::error::AppError;
use leptos::prelude::*;

/// Opens a proposal in a city or the whole network, with its discussion thread, and goes to its
/// page. `closes_at` is the browser's local time and `zone_offset` the page's measure of it.
#[server(endpoint = "create_proposal")]
pub async fn create_proposal(
    scope: String,
    kind: String,
    title: String,
    body: String,
    closes_at: String,
    #[server(default)] zone_offset: String,
    #[server(default)] review_on: String,
    #[server(default)] options: String,
) -> Result<i64, AppError> {
    use super::types::Kind;
    use super::{access, scope as scopes, thread, validate, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let state = state()?;
    let scope = scopes::resolve(&state.db, &scope)
        .await?
        .ok_or_else(|| fail(AppError::invalid("scope", Problem::NoSuchCity)))?;
    if !access::may_propose(&viewer, scope) {
        return Err(fail(AppError::Forbidden));
    }
    let kind = Kind::parse(kind.trim())
        .ok_or_else(|| fail(AppError::invalid("kind", Problem::Required)))?;
    let title = validate::title(&title).map_err(fail)?;
    let body = validate::body(&body).map_err(fail)?;
    let now = now();
    let offset = validate::zone_offset(&zone_offset).map_err(fail)?;
    let closes_at = validate::closing_time("closes_at", &closes_at, offset, now).map_err(fail)?;
    let review_at = validate::review_date(&review_on, offset, closes_at).map_err(fail)?;
    let options = if kind == Kind::Poll {
        validate::poll_options(&options).map_err(fail)?
    } else {
        Vec::new()
    };
    let body_html = crate::markdown::render(&body);
    let id = writes::create(
        &state.db,
        writes::NewProposal {
            scope,
            kind,
            title: &title,
            body: &body,
            body_html: &body_html,
            author_id: viewer.id,
            closes_at,
            review_at,
            options: &options,
            now,
        },
    )
    .await?;
    // The proposal stands even if its thread cannot be opened; the page then has no discussion.
    if let Err(error) = thread::open(&state, id, scope, viewer.id, &title, now).await {
        tracing::error!(proposal = id, %error, "could not open the proposal's discussion");
    }
    leptos_axum::redirect(&format!("/decisions/{id}"));
    Ok(id)
}
