//! On PostgreSQL, every node hears every commit through LISTEN/NOTIFY. After the listening
//! connection is lost and comes back, the hub compares its feeds with the table, since
//! notifications sent meanwhile are gone.
use super::hub::Hub;
use super::signals::SIGNAL_CHANNEL;
use app::discussion::notices::{LiveNotice, LiveNotifier, PG_CHANNEL};
use sqlx::postgres::{PgListener, PgPool};
use std::sync::Arc;
use std::time::Duration;

pub async fn run(pool: PgPool, notifier: LiveNotifier, hub: Arc<Hub>) {
    loop {
        match listen(&pool).await {
            Ok(mut listener) => {
                hub.check_all().await;
                forward(&mut listener, &notifier, &hub).await;
            }
            Err(error) => tracing::warn!(%error, "cannot listen for live events; retrying"),
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

async fn listen(pool: &PgPool) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen_all([PG_CHANNEL, SIGNAL_CHANNEL]).await?;
    Ok(listener)
}

async fn forward(listener: &mut PgListener, notifier: &LiveNotifier, hub: &Hub) {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) if notification.channel() == SIGNAL_CHANNEL => {
                hub.on_remote_signal(notification.payload());
            }
            Ok(Some(notification)) => {
                if let Some(notice) = LiveNotice::parse(notification.payload()) {
                    notifier.committed(notice);
                }
            }
            // The connection dropped; the next call reconnects and listens again.
            Ok(None) => {
                tracing::warn!("live listener lost its connection; reconnecting");
                hub.check_all().await;
            }
            Err(error) => {
                tracing::warn!(%error, "live listener failed");
                return;
            }
        }
    }
}
