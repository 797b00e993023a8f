//! Reading one proposal and its tally, on a pooled connection or inside a transaction. Written once
//! for SQLite and PostgreSQL.
use super::types::{Kind, OptionCount, Scope, Stance, Status, Tally};
use crate::context::Flag;
use crate::error::AppError;
use sqlx::{AnyConnection, FromRow};

/// A proposal as stored.
#[derive(Clone, Debug)]
pub struct Proposal {
    pub id: i64,
    pub scope: Scope,
    pub kind: Kind,
    pub status: Status,
    pub title: String,
    pub body: String,
    pub body_html: String,
    pub author_id: Option<i64>,
    pub created_at: i64,
    pub closes_at: i64,
    pub review_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub outcome_statement: String,
    pub revision: i64,
    pub thread_message_id: Option<i64>,
}

#[derive(FromRow)]
struct ProposalRow {
    id: i64,
    city_id: Option<i64>,
    kind: String,
    status: String,
    title: String,
    body: String,
    body_html: String,
    author_id: Option<i64>,
    created_at: i64,
    closes_at: i64,
    review_at: Option<i64>,
    closed_at: Option<i64>,
    outcome_statement: String,
    revision: i64,
    thread_message_id: Option<i64>,
}

impl ProposalRow {
    fn into_proposal(self) -> Result<Proposal, AppError> {
        let (Some(kind), Some(status)) = (Kind::parse(&self.kind), Status::parse(&self.status))
        else {
            tracing::error!(proposal = self.id, kind = %self.kind, status = %self.status, "unknown proposal kind or status");
            return Err(AppError::Internal);
        };
        Ok(Proposal {
            id: self.id,
            scope: Scope::from_city(self.city_id),
            kind,
            status,
            title: self.title,
            body: self.body,
            body_html: self.body_html,
            author_id: self.author_id,
            created_at: self.created_at,
            closes_at: self.closes_at,
            review_at: self.review_at,
            closed_at: self.closed_at,
            outcome_statement: self.outcome_statement,
            revision: self.revision,
            thread_message_id: self.thread_message_id,
        })
    }
}

pub async fn proposal(conn: &mut AnyConnection, id: i64) -> Result<Option<Proposal>, AppError> {
    let row: Option<ProposalRow> = sqlx::query_as(
        "SELECT id, city_id, kind, status, title, body, body_html, author_id, created_at, \
         closes_at, review_at, closed_at, outcome_statement, revision, thread_message_id \
         FROM proposals WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(ProposalRow::into_proposal).transpose()
}

/// Takes the proposal's row for this transaction before anything is read: concurrent changes to
/// one proposal queue up (a row lock on PostgreSQL, the write lock on SQLite), so a stance and
/// the closing time, or two closers, never both see it open.
pub async fn lock(conn: &mut AnyConnection, id: i64) -> Result<Option<Proposal>, AppError> {
    let touched = sqlx::query("UPDATE proposals SET revision = revision WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if touched == 0 {
        return Ok(None);
    }
    proposal(conn, id).await
}

/// One current stance, with whether its author is a connector of the proposal's scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cast {
    pub stance: Stance,
    pub option_id: Option<i64>,
    pub by_connector: bool,
}

/// Counts stances; connectors' agreements and objections are counted apart for the 3-connector
/// rule. `options` are the poll's (id, label) in order.
pub fn count(casts: &[Cast], options: &[(i64, String)]) -> Tally {
    let mut tally = Tally {
        options: options
            .iter()
            .map(|(id, label)| OptionCount {
                id: *id,
                label: label.clone(),
                votes: 0,
            })
            .collect(),
        ..Tally::default()
    };
    for cast in casts {
        match cast.stance {
            Stance::Agree => {
                tally.agree += 1;
                tally.connectors_agree += i64::from(cast.by_connector);
            }
            Stance::Abstain => tally.abstain += 1,
            Stance::Object => {
                tally.object += 1;
                tally.connectors_object += i64::from(cast.by_connector);
            }
            Stance::Block => tally.block += 1,
            Stance::Choice => {
                if let Some(option) = tally
                    .options
                    .iter_mut()
                    .find(|option| Some(option.id) == cast.option_id)
                {
                    option.votes += 1;
                }
            }
        }
    }
    tally
}

pub async fn options(
    conn: &mut AnyConnection,
    proposal_id: i64,
) -> Result<Vec<(i64, String)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT id, label FROM proposal_options WHERE proposal_id = $1 ORDER BY position",
    )
    .bind(proposal_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The proposal's tally as the stances stand now. A connector of the scope is one of the city's
/// connectors, or (for the network) any connector.
pub async fn tally(conn: &mut AnyConnection, proposal: &Proposal) -> Result<Tally, AppError> {
    let rows: Vec<(String, Option<i64>, Flag)> = sqlx::query_as(
        "SELECT s.stance, s.option_id, EXISTS (SELECT 1 FROM connectors c \
         WHERE c.user_id = s.user_id AND (p.city_id IS NULL OR c.city_id = p.city_id)) \
         FROM stances s JOIN proposals p ON p.id = s.proposal_id WHERE s.proposal_id = $1",
    )
    .bind(proposal.id)
    .fetch_all(&mut *conn)
    .await?;
    let casts: Vec<Cast> = rows
        .into_iter()
        .filter_map(|(stance, option_id, connector)| {
            Some(Cast {
                stance: Stance::parse(&stance)?,
                option_id,
                by_connector: connector.0,
            })
        })
        .collect();
    let options = options(conn, proposal.id).await?;
    Ok(count(&casts, &options))
}

/// The viewer's current stance on the proposal.
pub async fn own_stance(
    conn: &mut AnyConnection,
    proposal_id: i64,
    user_id: i64,
) -> Result<Option<Stance>, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT stance FROM stances WHERE proposal_id = $1 AND user_id = $2")
            .bind(proposal_id)
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.and_then(|(stance,)| Stance::parse(&stance)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cast(stance: Stance, by_connector: bool) -> Cast {
        Cast {
            stance,
            option_id: None,
            by_connector,
        }
    }

    #[test]
    fn connectors_are_counted_apart_and_votes_go_to_their_option() {
        let casts = [
            cast(Stance::Agree, true),
            cast(Stance::Agree, false),
            cast(Stance::Object, true),
            cast(Stance::Abstain, false),
            cast(Stance::Block, true),
            Cast {
                stance: Stance::Choice,
                option_id: Some(8),
                by_connector: false,
            },
            Cast {
                stance: Stance::Choice,
                option_id: Some(99),
                by_connector: false,
            },
        ];
        let tally = count(&casts, &[(7, "Tuesday".into()), (8, "Thursday".into())]);
        assert_eq!(
            (tally.agree, tally.connectors_agree, tally.object),
            (2, 1, 1)
        );
        assert_eq!(
            (tally.connectors_object, tally.abstain, tally.block),
            (1, 1, 1)
        );
        let votes: Vec<i64> = tally.options.iter().map(|option| option.votes).collect();
        assert_eq!(
            votes,
            vec![0, 1],
            "a vote for an unknown option counts nowhere"
        );
    }
}
