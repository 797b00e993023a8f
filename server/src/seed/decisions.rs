//! The demo network's decisions: past ones with their outcomes and timelines, and open ones with
//! their closing jobs and a discussion thread in the scope's channel.
use app::decisions::closing::reminder_time;
use app::decisions::jobs::JobKind;
use demo_network::{DemoProposal, DemoStance};
use sqlx::{Any, Transaction};

type Tx<'c> = Transaction<'c, Any>;

/// Stores the decisions; answers how many.
pub async fn insert(
    tx: &mut Tx<'_>,
    decisions: &[DemoProposal],
    person_ids: &[Option<i64>],
    city_ids: &[i64],
    now: i64,
) -> Result<usize, sqlx::Error> {
    let mut stored = 0;
    for decision in decisions {
        let Some(author) = person_ids.get(decision.author).copied().flatten() else {
            continue;
        };
        let city = decision.city.and_then(|city| city_ids.get(city).copied());
        if decision.city.is_some() && city.is_none() {
            continue;
        }
        let opened = now - decision.opened_ago;
        let closes = opened + decision.open_for;
        let open = decision.status == "open";
        let closed = (!open).then(|| opened + decision.decided_after.unwrap_or(decision.open_for));
        let review = closed
            .zip(decision.review_after)
            .map(|(closed, after)| closed + after);
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO proposals (city_id, kind, title, body, body_html, author_id, created_at, \
             closes_at, review_at, status, closed_at, outcome_statement) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(city)
        .bind(decision.kind)
        .bind(&decision.title)
        .bind(&decision.body)
        .bind(app::markdown::render(&decision.body))
        .bind(author)
        .bind(opened)
        .bind(closes)
        .bind(review)
        .bind(decision.status)
        .bind(closed)
        .bind(&decision.statement)
        .fetch_one(&mut **tx)
        .await?;
        let options = insert_options(tx, id, &decision.options).await?;
        event(tx, id, "proposed", Some(author), decision.kind, "", opened).await?;
        for stance in &decision.stances {
            if let Some(person) = person_ids.get(stance.person).copied().flatten() {
                insert_stance(tx, id, person, stance, &options, opened).await?;
            }
        }
        match closed {
            Some(at) if decision.status == "withdrawn" => {
                event(
                    tx,
                    id,
                    "withdrawn",
                    Some(author),
                    "withdrawn",
                    &decision.statement,
                    at,
                )
                .await?;
            }
            Some(at) => {
                event(tx, id, "closed", None, decision.status, "", at).await?;
                if !decision.statement.is_empty() {
                    event(
                        tx,
                        id,
                        "outcome_statement",
                        Some(author),
                        "",
                        &decision.statement,
                        at + 3_600,
                    )
                    .await?;
                }
            }
            None => {
                job(tx, JobKind::Close, id, closes).await?;
                job(tx, JobKind::ClosingSoon, id, reminder_time(opened, closes)).await?;
                open_thread(tx, id, city, author, &decision.title, opened).await?;
            }
        }
        if let Some(review) = review.filter(|review| *review > now) {
            job(tx, JobKind::Review, id, review).await?;
        }
        stored += 1;
    }
    Ok(stored)
}

async fn insert_options(
    tx: &mut Tx<'_>,
    proposal: i64,
    options: &[String],
) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(options.len());
    for (position, label) in (0_i64..).zip(options) {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO proposal_options (proposal_id, position, label) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(proposal)
        .bind(position)
        .bind(label)
        .fetch_one(&mut **tx)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

async fn insert_stance(
    tx: &mut Tx<'_>,
    proposal: i64,
    person: i64,
    stance: &DemoStance,
    options: &[i64],
    opened: i64,
) -> Result<(), sqlx::Error> {
    let at = opened + stance.after;
    sqlx::query(
        "INSERT INTO stances (proposal_id, user_id, stance, option_id, reason, revision, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6)",
    )
    .bind(proposal)
    .bind(person)
    .bind(stance.stance)
    .bind(stance.option.and_then(|option| options.get(option).copied()))
    .bind(&stance.reason)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    event(
        tx,
        proposal,
        "stance",
        Some(person),
        stance.stance,
        &stance.reason,
        at,
    )
    .await
}

async fn event(
    tx: &mut Tx<'_>,
    proposal: i64,
    kind: &str,
    actor: Option<i64>,
    detail: &str,
    note: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO proposal_events (proposal_id, kind, actor_id, detail, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(proposal)
    .bind(kind)
    .bind(actor)
    .bind(detail)
    .bind(note)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn job(tx: &mut Tx<'_>, kind: JobKind, subject: i64, due: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO jobs (kind, subject_id, due_at) VALUES ($1, $2, $3)")
        .bind(kind.as_str())
        .bind(subject)
        .bind(due)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The first message of the proposal's thread, numbered like every message of its channel (the
/// city's, or `general` for the network).
async fn open_thread(
    tx: &mut Tx<'_>,
    proposal: i64,
    city: Option<i64>,
    author: i64,
    title: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    let channel: Option<(i64,)> = match city {
        Some(city) => {
            sqlx::query_as("SELECT id FROM channels WHERE kind = 'city' AND city_id = $1")
                .bind(city)
                .fetch_optional(&mut **tx)
                .await?
        }
        None => {
            sqlx::query_as("SELECT id FROM channels WHERE slug = 'general'")
                .fetch_optional(&mut **tx)
                .await?
        }
    };
    let Some((channel,)) = channel else {
        return Ok(());
    };
    let (seq,): (i64,) = sqlx::query_as(
        "UPDATE channels SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq",
    )
    .bind(channel)
    .fetch_one(&mut **tx)
    .await?;
    let body = app::decisions::thread::opening_text(proposal, title);
    let (message,): (i64,) = sqlx::query_as(
        "INSERT INTO messages (channel_id, seq, author_id, body, body_html, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(channel)
    .bind(seq)
    .bind(author)
    .bind(&body)
    .bind(app::markdown::render(&body))
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO channel_events (channel_id, seq, kind, message_id, created_at) VALUES ($1, $2, 'posted', $3, $4)",
    )
    .bind(channel)
    .bind(seq)
    .bind(message)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE proposals SET thread_message_id = $2 WHERE id = $1")
        .bind(proposal)
        .bind(message)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
