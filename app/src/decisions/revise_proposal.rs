use crate::error::AppError;
use leptos::prelude::*;

/// The author revises an open proposal's text (and may move its closing time); the earlier text is
/// kept and everyone who took a stance is told.
#[server(endpoint = "revise_proposal")]
pub async fn revise_proposal(
    proposal: i64,
    title: String,
    body: String,
    #[server(default)] note: String,
    #[server(default)] closes_at: String,
    #[server(default)] zone_offset: String,
) -> Result<(), AppError> {
    use super::{access, queries, validate, writes};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::active_member().await?;
    let state = state()?;
    let db = state.db.clone();
    let (found, facts) = queries::facts(&db, &viewer, proposal)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    if !access::rights(&viewer, &facts).revise {
        return Err(fail(AppError::Forbidden));
    }
    let title = validate::title(&title).map_err(fail)?;
    let body = validate::body(&body).map_err(fail)?;
    let note = validate::note("note", &note).map_err(fail)?;
    let now = now();
    let closes_at = match closes_at.trim() {
        "" => None,
        local => {
            let offset = validate::zone_offset(&zone_offset).map_err(fail)?;
            Some(validate::closing_time("closes_at", local, offset, now).map_err(fail)?)
        }
    };
    let body_html = crate::markdown::render(&body);
    writes::revise(
        &db,
        found.id,
        viewer.id,
        writes::Revision {
            title: &title,
            body: &body,
            body_html: &body_html,
            note: &note,
            closes_at,
            now,
        },
    )
    .await?;
    super::live::announce(&state, found.id).await;
    Ok(())
}
