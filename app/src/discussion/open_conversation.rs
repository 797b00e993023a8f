use crate::error::AppError;
use leptos::prelude::*;

/// Opens the private conversation between the viewer and these members (ids, comma-separated),
/// 2 to 9 people in all; the existing one when these same people already have one.
#[server(endpoint = "open_conversation")]
pub async fn open_conversation(with: String) -> Result<i64, AppError> {
    use super::conversations;
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let mut people: Vec<i64> = Vec::new();
    for part in with
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let id = part
            .parse::<i64>()
            .map_err(|_| fail(AppError::invalid("with", Problem::NoSuchMember)))?;
        if !people.contains(&id) && id != viewer.id {
            people.push(id);
        }
    }
    people.push(viewer.id);
    if people.len() < 2 {
        return Err(fail(AppError::invalid("with", Problem::Required)));
    }
    if people.len() > conversations::MAX_PEOPLE {
        return Err(fail(AppError::invalid(
            "with",
            Problem::TooMany {
                max: conversations::MAX_PEOPLE - 1,
            },
        )));
    }
    let db = db()?;
    let names = conversations::active_names(&db, &people).await?;
    if names.len() != people.len() {
        return Err(fail(AppError::invalid("with", Problem::NoSuchMember)));
    }
    let channel = match conversations::find(&db, &people).await? {
        Some(existing) => existing,
        None => conversations::create(&db, &people, &names, viewer.id, now()).await?,
    };
    leptos_axum::redirect(&format!("/discussion/{channel}"));
    Ok(channel)
}
