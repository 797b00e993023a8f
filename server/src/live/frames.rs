//! Events read back from the table and serialized once, for every connection that needs them.
use app::discussion::queries;
use app::discussion::types::{ChannelEvent, ServerFrame};
use app::error::AppError;
use axum::extract::ws::Utf8Bytes;
use sqlx::AnyPool;
use std::collections::HashMap;

/// A frame ready to send. Numbered frames are channel events; unnumbered ones (typing, presence)
/// are passing signals that nobody replays.
#[derive(Debug)]
pub struct Delivery {
    pub seq: Option<i64>,
    /// Shared, not copied, by every connection that sends it.
    pub json: Utf8Bytes,
}

impl Delivery {
    pub fn signal(frame: &ServerFrame) -> Option<Delivery> {
        serde_json::to_string(frame).ok().map(|json| Delivery {
            seq: None,
            json: json.into(),
        })
    }
}

/// The channel's events after `after`, at most `limit`, each with its message as it is now.
pub async fn events_after(
    db: &AnyPool,
    channel: i64,
    after: i64,
    limit: usize,
) -> Result<Vec<Delivery>, AppError> {
    let events = queries::events_after(db, channel, after, limit).await?;
    let mut ids: Vec<i64> = events.iter().map(|event| event.message_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let messages: HashMap<i64, _> = queries::messages(db, &ids)
        .await?
        .into_iter()
        .map(|message| (message.id, message))
        .collect();
    let mut deliveries = Vec::with_capacity(events.len());
    for event in events {
        let Some(message) = messages.get(&event.message_id) else {
            tracing::error!(channel, seq = event.seq, "event without its message");
            return Err(AppError::Internal);
        };
        let frame = ServerFrame::Event(ChannelEvent {
            channel,
            seq: event.seq,
            kind: event.kind,
            message: message.clone(),
        });
        let json = serde_json::to_string(&frame).map_err(|_| AppError::Internal)?;
        deliveries.push(Delivery {
            seq: Some(event.seq),
            json: json.into(),
        });
    }
    Ok(deliveries)
}
