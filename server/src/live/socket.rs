//! One live connection per browser tab: authenticated by the session cookie, same-origin only.
//! It replays what the client missed, then forwards its channels' events in order, exactly once.
use super::connection::Connection;
use super::hub::Hub;
use app::accounts::session::AuthSession;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

pub async fn live_socket(
    upgrade: WebSocketUpgrade,
    auth: AuthSession,
    headers: HeaderMap,
    State(hub): State<Arc<Hub>>,
) -> Response {
    if !same_origin(&headers) {
        return (StatusCode::FORBIDDEN, "cross-site live connection refused").into_response();
    }
    let Some(user) = auth.user else {
        return (StatusCode::UNAUTHORIZED, "please log in first").into_response();
    };
    let viewer = match app::accounts::queries::viewer(hub.db(), user.id).await {
        Ok(Some(viewer)) => viewer,
        Ok(None) => return (StatusCode::UNAUTHORIZED, "please log in first").into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    upgrade
        .max_message_size(64 * 1024)
        .read_buffer_size(4 * 1024) // tungstenite zero-fills this much on every read attempt
        .on_upgrade(move |socket| Connection::new(hub, viewer).run(socket))
}

/// Browsers always send `Origin` on a WebSocket handshake; a page of another site must not ride on
/// the member's cookie. Clients that are not browsers send none and are judged by their session.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok());
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|origin| origin.split_once("://"))
        .map(|(_, rest)| rest.trim_end_matches('/'));
    matches!((origin_host, host), (Some(origin), Some(host)) if origin.eq_ignore_ascii_case(host))
}

#[cfg(test)]
mod tests {
    use super::same_origin;
    use axum::http::{HeaderMap, HeaderValue};

    fn headers(origin: Option<&'static str>, host: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("host", HeaderValue::from_static(host));
        if let Some(origin) = origin {
            headers.insert("origin", HeaderValue::from_static(origin));
        }
        headers
    }

    #[test]
    fn only_this_site_may_open_a_live_connection_from_a_browser() {
        assert!(same_origin(&headers(
            Some("http://127.0.0.1:3000"),
            "127.0.0.1:3000"
        )));
        assert!(same_origin(&headers(
            Some("https://edges.example"),
            "edges.example"
        )));
        assert!(!same_origin(&headers(
            Some("https://evil.example"),
            "edges.example"
        )));
        assert!(!same_origin(&headers(Some("null"), "edges.example")));
        assert!(same_origin(&headers(None, "edges.example")));
    }
}
