//! Where emails go: `.eml` files in a folder (the default, so everything works offline and tests
//! read what was sent), or an SMTP server.
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub enum TransportConfig {
    Folder(PathBuf),
    /// `smtps://user:password@host:465` or `smtp://host:587?tls=required`, as lettre reads them.
    Smtp(String),
}

#[derive(Clone)]
pub enum Transport {
    Folder(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// One email ready to leave.
pub struct Outgoing<'a> {
    pub from: &'a Mailbox,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub unsubscribe_url: Option<&'a str>,
}

impl Transport {
    pub fn open(config: &TransportConfig) -> Result<Transport, String> {
        match config {
            TransportConfig::Folder(path) => {
                std::fs::create_dir_all(path)
                    .map_err(|error| format!("mail folder {}: {error}", path.display()))?;
                Ok(Transport::Folder(AsyncFileTransport::new(path)))
            }
            TransportConfig::Smtp(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|builder| Transport::Smtp(builder.build()))
                .map_err(|error| format!("SMTP URL: {error}")),
        }
    }

    pub async fn send(&self, email: Outgoing<'_>) -> Result<(), String> {
        let message = build(email)?;
        match self {
            Transport::Folder(folder) => folder
                .send(message)
                .await
                .map(drop)
                .map_err(|e| e.to_string()),
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(drop)
                .map_err(|e| e.to_string()),
        }
    }
}

fn build(email: Outgoing<'_>) -> Result<Message, String> {
    let to: Mailbox = email
        .to
        .parse()
        .map_err(|error| format!("address {}: {error}", email.to))?;
    let mut builder = Message::builder()
        .from(email.from.clone())
        .to(to)
        .subject(email.subject)
        .header(ContentType::TEXT_PLAIN);
    if let Some(url) = email.unsubscribe_url {
        // RFC 8058: mail clients offer their own one-click button, which POSTs to this address.
        builder = builder
            .header(ListUnsubscribe(format!("<{url}>")))
            .header(ListUnsubscribePost);
    }
    builder
        .body(email.body.to_string())
        .map_err(|error| format!("message: {error}"))
}

#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(text: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(text.to_string()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_string())
    }
}
