//! "Download my data" (`GET /me/data.zip`): what Edges holds about the signed-in member, as a ZIP
//! of JSON files. A plain GET, so the link works without JavaScript; never cached, since it is
//! private.
use app::accounts::session::Backend;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum_login::AuthSession;
use serde_json::Value;
use sqlx::AnyPool;
use std::io::Write;
use zip::write::SimpleFileOptions;

pub async fn member_data_zip(State(db): State<AnyPool>, session: AuthSession<Backend>) -> Response {
    let Some(user) = session.user else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let documents = match app::accounts::member_data::of_member(&db, user.id).await {
        Ok(documents) => documents,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    match archive(&documents) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/zip"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"edges-my-data.zip\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, user = user.id, "the member's data could not be archived");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn archive(documents: &[(&str, Value)]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in documents {
        zip.start_file(*name, options)?;
        zip.write_all(&serde_json::to_vec_pretty(content)?)?;
    }
    Ok(zip.finish()?.into_inner())
}
