//! A live-connection client for tests: speaks the WebSocket protocol like a browser tab does.
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// Long enough for any healthy delivery; a test waiting longer has found a lost event.
const PATIENCE: Duration = Duration::from_secs(10);

pub struct LiveClient {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl LiveClient {
    pub async fn connect(base: &str, cookie: &str) -> LiveClient {
        let url = format!("{}/live", base.replacen("http", "ws", 1));
        let mut request = url.into_client_request().expect("request");
        request
            .headers_mut()
            .insert("cookie", cookie.parse().expect("cookie header"));
        let (socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("live connection");
        LiveClient { socket }
    }

    pub async fn send(&mut self, frame: Value) {
        self.socket
            .send(Message::Text(frame.to_string().into()))
            .await
            .expect("send");
    }

    pub async fn subscribe(&mut self, channel: i64, after: i64) {
        self.send(json!({"type": "subscribe", "channel": channel, "after": after}))
            .await;
    }

    /// The next frame of any type.
    pub async fn frame(&mut self) -> Value {
        loop {
            let message = tokio::time::timeout(PATIENCE, self.socket.next())
                .await
                .expect("a frame within the patience window")
                .expect("connection open")
                .expect("frame");
            if let Message::Text(text) = message {
                return serde_json::from_str(text.as_str()).expect("JSON frame");
            }
        }
    }

    /// The next frame that is not presence or typing.
    pub async fn significant_frame(&mut self) -> Value {
        loop {
            let frame = self.frame().await;
            if !matches!(frame["type"].as_str(), Some("presence" | "typing")) {
                return frame;
            }
        }
    }

    /// The next `count` channel events, skipping passing signals.
    pub async fn events(&mut self, count: usize) -> Vec<Value> {
        let mut events = Vec::with_capacity(count);
        while events.len() < count {
            let frame = self.significant_frame().await;
            assert_eq!(frame["type"], "event", "unexpected frame {frame}");
            events.push(frame);
        }
        events
    }

    /// Waits for a frame of this type, skipping others.
    pub async fn frame_of_type(&mut self, kind: &str) -> Value {
        loop {
            let frame = self.frame().await;
            if frame["type"] == kind {
                return frame;
            }
        }
    }

    /// Reads (and so answers pings) until the server ends the connection; panics if it does not
    /// within the patience window.
    pub async fn until_closed_by_server(&mut self) {
        loop {
            let next = tokio::time::timeout(PATIENCE, self.socket.next())
                .await
                .expect("the server closes the connection within the patience window");
            match next {
                None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return,
                Some(Ok(_)) => {}
            }
        }
    }

    /// Reads until the server's close frame and answers its code; panics if the connection ends
    /// without one, or not within the patience window.
    pub async fn close_code(&mut self) -> u16 {
        loop {
            let next = tokio::time::timeout(PATIENCE, self.socket.next())
                .await
                .expect("the server closes the connection within the patience window");
            match next {
                Some(Ok(Message::Close(Some(frame)))) => return frame.code.into(),
                None | Some(Err(_)) | Some(Ok(Message::Close(None))) => {
                    panic!("the connection ended without a close code")
                }
                Some(Ok(_)) => {}
            }
        }
    }

    pub async fn close(mut self) {
        let _ = self.socket.close(None).await;
    }
}
