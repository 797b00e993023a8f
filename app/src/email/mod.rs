//! Email: what each member wants to receive, and the one-click way out. Composing and sending
//! live in the server (`server/src/mail`), which reads these preferences.
pub mod email_settings;
pub mod get_email_preferences;
pub mod locale;
pub mod types;
pub mod unsubscribe;
pub mod unsubscribe_page;
pub mod update_email_preferences;

#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod preferences;

/// The address members reach the site at, for links in emails (`EDGES_PUBLIC_URL`). Provided
/// as context by the server.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct PublicUrl(pub std::sync::Arc<str>);

#[cfg(feature = "ssr")]
pub fn public_url() -> Result<String, crate::error::AppError> {
    leptos::prelude::use_context::<PublicUrl>()
        .map(|PublicUrl(url)| url.trim_end_matches('/').to_string())
        .ok_or_else(|| {
            tracing::error!("public URL missing from the Leptos context");
            crate::error::AppError::Internal
        })
}
