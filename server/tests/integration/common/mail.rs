//! Scenarios that read what the server emailed: each backend's server writes `.eml` files into
//! its own folder, and these read them back.
use super::TestServer;
use server::http::HttpConfig;
use server::mail::MailConfig;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One email as the folder holds it, its body decoded.
#[derive(Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub headers: String,
    pub body: String,
}

/// Quoted-printable, as lettre writes long lines.
fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let mut bytes = Vec::new();
    let raw = joined.as_bytes();
    let mut index = 0;
    while index < raw.len() {
        let hex = raw
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok());
        match (
            raw[index],
            hex.and_then(|pair| u8::from_str_radix(pair, 16).ok()),
        ) {
            (b'=', Some(byte)) => {
                bytes.push(byte);
                index += 3;
            }
            (byte, _) => {
                bytes.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
}

/// One RFC 2047 encoded word (`=?utf-8?b?…?=` or `=?utf-8?q?…?=`), as lettre writes headers
/// that are not ASCII; `None` for plain text.
fn decode_word(word: &str) -> Option<String> {
    use base64::Engine;
    let inner = word.strip_prefix("=?")?.strip_suffix("?=")?;
    let mut parts = inner.splitn(3, '?');
    let (_charset, encoding, text) = (parts.next()?, parts.next()?, parts.next()?);
    let bytes = match encoding {
        "b" | "B" => base64::engine::general_purpose::STANDARD
            .decode(text)
            .ok()?,
        "q" | "Q" => decode_quoted_printable(&text.replace('_', " ")).into_bytes(),
        _ => return None,
    };
    String::from_utf8(bytes).ok()
}

/// A header's value as read: folded lines joined, encoded words decoded (the space between two
/// encoded words is not part of the text).
fn header_text(value: &str) -> String {
    let mut text = String::new();
    let mut after_word = false;
    for token in value.split_whitespace() {
        match decode_word(token) {
            Some(decoded) => {
                if !text.is_empty() && !after_word {
                    text.push(' ');
                }
                text.push_str(&decoded);
                after_word = true;
            }
            None => {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(token);
                after_word = false;
            }
        }
    }
    text
}

fn read_mail(path: &Path) -> Option<Mail> {
    let text = std::fs::read_to_string(path).ok()?;
    let (headers, body) = text.split_once("\r\n\r\n")?;
    let unfolded = headers.replace("\r\n ", " ").replace("\r\n\t", " ");
    let header = |name: &str| {
        let value = unfolded
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{name}: ")))
            .unwrap_or_default();
        header_text(value)
    };
    let body = if header("Content-Transfer-Encoding") == "quoted-printable" {
        decode_quoted_printable(body)
    } else {
        body.replace("\r\n", "\n")
    };
    Some(Mail {
        to: header("To"),
        subject: header("Subject"),
        headers: headers.to_string(),
        body,
    })
}

pub fn all_mail(folder: &Path) -> Vec<Mail> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "eml"))
        .filter_map(|path| read_mail(&path))
        .collect()
}

pub fn mail_to<'a>(mails: &'a [Mail], address: &str, subject: &str) -> Vec<&'a Mail> {
    mails
        .iter()
        .filter(|mail| mail.to.contains(address) && mail.subject.contains(subject))
        .collect()
}

/// Waits (at most 20 s) until the member has an email whose subject has this text.
pub async fn wait_for_mail(folder: &Path, address: &str, subject: &str) -> Mail {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let mut mails = all_mail(folder);
        if let Some(index) = mails
            .iter()
            .position(|mail| mail.to.contains(address) && mail.subject.contains(subject))
        {
            return mails.swap_remove(index);
        }
        assert!(
            Instant::now() < deadline,
            "no email to {address} about {subject:?}; have: {:?}",
            mails
                .iter()
                .map(|mail| (&mail.to, &mail.subject))
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the mailer has handled every notice and emptied the outbox.
pub async fn wait_until_mailed(server: &TestServer) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let waiting = server
            .scalar(
                "SELECT (SELECT COUNT(*) FROM notifications WHERE mailed_at IS NULL) \
                 + (SELECT COUNT(*) FROM decision_notices WHERE mailed_at IS NULL) \
                 + (SELECT COUNT(*) FROM bucket_notices WHERE mailed_at IS NULL) \
                 + (SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL)",
            )
            .await;
        if waiting == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{waiting} notices or emails still waiting"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Each backend's server mails into its own folder under `root`, on its own clock.
pub fn mailing(root: &Path) -> impl Fn(&'static str) -> HttpConfig + '_ {
    move |backend| {
        let mut mail = MailConfig::folder(root.join(backend), "https://edges.example");
        mail.every = Duration::from_millis(100);
        HttpConfig {
            mail: Some(mail),
            clock: Default::default(),
            ..HttpConfig::default()
        }
    }
}

pub fn folder_of(root: &Path, server: &TestServer) -> PathBuf {
    root.join(server.backend)
}
