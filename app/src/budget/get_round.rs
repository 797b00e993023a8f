use super::types::RoundPage;
use crate::error::AppError;
use leptos::prelude::*;

/// A round with its buckets, totals and the viewer's balance and rights.
#[server(endpoint = "get_round")]
pub async fn get_round(round: i64) -> Result<RoundPage, AppError> {
    use super::money::Account;
    use super::{access, consent, ledger, queries, rounds};
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (round, pot) = rounds::round_and_pot(&db, round).await?;
    let may_take_part = access::may_take_part(&viewer, pot.scope());
    let buckets = queries::buckets_of_round(&db, round.id, Some(viewer.id)).await?;
    let balances = ledger::member_balances_in(&db, round.id).await?;
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
    let may_manage = access::may_manage(&viewer, pot.scope());
    Ok(RoundPage {
        round: queries::summary(&round, &pot),
        description_html: round.description_html.clone(),
        rules: round.rules.clone(),
        given_cents: buckets.iter().map(|bucket| bucket.received_cents).sum(),
        buckets,
        pot_balance_cents: ledger::balance(&db, Account::Pot(pot.id)).await?,
        unspent_cents: balances.iter().map(|(_, cents)| cents).sum(),
        members_with_balance: balances.len() as i64,
        my_balance_cents: my_balance,
        may_manage,
        may_take_part,
        pot_version: pot.version,
        rules_consent: consent::for_round(&db, &round, &pot, may_manage).await?,
    })
}
