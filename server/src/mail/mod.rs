//! Email out of Edges: notices become emails once each, digests go when due, and an outbox any
//! node drains. By default emails are `.eml` files in a folder (`EDGES_MAIL_DIR`, `mail/`), so
//! everything works offline; `EDGES_SMTP_URL` sends them through an SMTP server instead.
pub mod compose;
pub mod digest;
pub mod outbox;
pub mod queue;
pub mod transport;

use app::context::ServerState;
use lettre::message::Mailbox;
use std::time::Duration;
use transport::{Transport, TransportConfig};

/// How often a node looks for emails to compose and send by default.
pub const LOOK_EVERY: Duration = Duration::from_secs(5);

#[derive(Clone, Debug)]
pub struct MailConfig {
    /// Where members reach the site, for the links in emails.
    pub public_url: String,
    /// The sender, `Name <address>`.
    pub from: String,
    pub transport: TransportConfig,
    pub every: Duration,
}

impl MailConfig {
    /// `.eml` files in this folder.
    pub fn folder(path: impl Into<std::path::PathBuf>, public_url: &str) -> MailConfig {
        MailConfig {
            public_url: public_url.trim_end_matches('/').to_string(),
            from: "Edges <no-reply@edges.invalid>".to_string(),
            transport: TransportConfig::Folder(path.into()),
            every: LOOK_EVERY,
        }
    }

    /// From `EDGES_PUBLIC_URL`, `EDGES_MAIL_FROM`, `EDGES_SMTP_URL` or `EDGES_MAIL_DIR`.
    pub fn from_env(default_public_url: &str) -> MailConfig {
        let var = |name: &str| {
            std::env::var(name)
                .ok()
                .filter(|value| !value.trim().is_empty())
        };
        let public_url = var("EDGES_PUBLIC_URL").unwrap_or_else(|| default_public_url.to_string());
        let mut config = MailConfig::folder(
            var("EDGES_MAIL_DIR").unwrap_or_else(|| "mail".to_string()),
            &public_url,
        );
        if let Some(from) = var("EDGES_MAIL_FROM") {
            config.from = from;
        }
        if let Some(url) = var("EDGES_SMTP_URL") {
            config.transport = TransportConfig::Smtp(url);
        }
        config
    }
}

/// Starts this node's mailer. Fails at once on a sender or transport that cannot work, so a
/// misconfigured node says so at start rather than queueing mail forever.
pub fn start(
    state: ServerState,
    config: MailConfig,
) -> Result<tokio::task::JoinHandle<()>, String> {
    let from: Mailbox = config
        .from
        .parse()
        .map_err(|error| format!("EDGES_MAIL_FROM {:?}: {error}", config.from))?;
    let transport = Transport::open(&config.transport)?;
    match &config.transport {
        TransportConfig::Folder(path) => {
            tracing::info!(folder = %path.display(), "emails are written as .eml files")
        }
        TransportConfig::Smtp(_) => tracing::info!("emails go out through SMTP"),
    }
    let node = crate::scheduler::node_name();
    Ok(tokio::spawn(async move {
        let mut moved = state.clock.watch();
        let mut pass: u64 = 0;
        loop {
            pass += 1;
            let claim = format!("{node}:{pass}");
            if let Err(error) = one_pass(&state, &config, &transport, &from, &claim).await {
                tracing::warn!(%error, "mail pass failed; trying again");
            }
            tokio::select! {
                () = tokio::time::sleep(config.every) => {}
                _ = moved.changed() => {}
            }
        }
    }))
}

async fn one_pass(
    state: &ServerState,
    config: &MailConfig,
    transport: &Transport,
    from: &Mailbox,
    claim: &str,
) -> Result<(), app::error::AppError> {
    let now = state.clock.now();
    let notices = queue::queue_notices(&state.db, &config.public_url, now).await?;
    let digests = digest::queue_digests(&state.db, &config.public_url, now).await?;
    let sent = outbox::send_due(&state.db, transport, from, claim, now).await?;
    outbox::forget_old(&state.db, now).await?;
    if notices + digests + sent > 0 {
        tracing::debug!(notices, digests, sent, "mail pass");
    }
    Ok(())
}
