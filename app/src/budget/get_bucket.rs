use super::types::BucketPage;
use crate::error::AppError;
use leptos::prelude::*;

/// A bucket with its budget lines, co-creators, comments and the viewer's balance and rights.
#[server(endpoint = "get_bucket")]
pub async fn get_bucket(bucket: i64) -> Result<BucketPage, AppError> {
    use super::money::Account;
    use super::types::BucketStatus;
    use super::types::{BucketComment, BudgetLine};
    use super::{access, consent, ledger, queries, rounds};
    use crate::accounts::authz;
    use crate::context::{db, fail};

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (found, round, pot) = rounds::bucket_round_pot(&db, bucket).await?;
    let view = queries::buckets_of_round(&db, round.id, Some(viewer.id))
        .await?
        .into_iter()
        .find(|view| view.id == found.id)
        .ok_or_else(|| fail(AppError::NotFound))?;
    let lines: Vec<(String, i64)> = sqlx::query_as(
        "SELECT label, amount_cents FROM bucket_lines WHERE bucket_id = $1 ORDER BY id",
    )
    .bind(found.id)
    .fetch_all(&db)
    .await?;
    let cocreators: Vec<(i64, String)> = sqlx::query_as(
        "SELECT u.id, u.name FROM bucket_cocreators c JOIN users u ON u.id = c.user_id \
         WHERE c.bucket_id = $1 ORDER BY u.name",
    )
    .bind(found.id)
    .fetch_all(&db)
    .await?;
    let comments: Vec<(Option<String>, String, i64)> = sqlx::query_as(
        "SELECT u.name, c.body_html, c.created_at FROM bucket_comments c \
         LEFT JOIN users u ON u.id = c.author_id WHERE c.bucket_id = $1 ORDER BY c.id LIMIT 500",
    )
    .bind(found.id)
    .fetch_all(&db)
    .await?;
    let may_take_part = access::may_take_part(&viewer, pot.scope());
    let my_balance = match may_take_part {
        true => Some(
            ledger::balance(
                &db,
                Account::Member {
                    round: round.id,
                    user: viewer.id,
                },
            )
            .await?,
        ),
        false => None,
    };
    let is_cocreator = cocreators.iter().any(|(id, _)| *id == viewer.id);
    let may_manage = access::may_manage(&viewer, pot.scope());
    let held = ledger::balance(&db, Account::Bucket(found.id)).await?;
    let payout_needs = match may_manage
        && view.status == BucketStatus::Funded
        && consent::payout_needs_decision(consent::rules(&db).await?, held)
    {
        true => Some(consent::choices(&db, &pot).await?),
        false => None,
    };
    Ok(BucketPage {
        bucket: view,
        round: queries::summary(&round, &pot),
        lines: lines
            .into_iter()
            .map(|(label, amount_cents)| BudgetLine {
                label,
                amount_cents,
            })
            .collect(),
        cocreators: cocreators.into_iter().map(|(_, name)| name).collect(),
        comments: comments
            .into_iter()
            .map(|(author, html, at)| BucketComment { author, html, at })
            .collect(),
        my_balance_cents: my_balance,
        may_manage,
        may_edit: is_cocreator && !viewer.is_alumni,
        pot_version: pot.version,
        payout_decision: consent::payout_decision(&db, found.id).await?,
        payout_needs,
    })
}
