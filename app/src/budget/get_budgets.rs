use super::types::BudgetsOverview;
use crate::error::AppError;
use leptos::prelude::*;

/// Every pot with its balance and every round: the network's money is open to its members.
#[server(endpoint = "get_budgets")]
pub async fn get_budgets() -> Result<BudgetsOverview, AppError> {
    use super::money::Account;
    use super::types::PotSummary;
    use super::{access, consent, ledger, queries};
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let balances = queries::pot_balances(&db).await?;
    let cities = crate::cities::queries::list_refs(&db).await?;
    let pots = queries::pots(&db)
        .await?
        .into_iter()
        .map(|pot| PotSummary {
            id: pot.id,
            balance_cents: balances.get(&pot.id).copied().unwrap_or(0),
            may_manage: access::may_manage(&viewer, pot.scope()),
            city: pot
                .city_id
                .and_then(|id| cities.iter().find(|city| city.id == id).cloned()),
            name: pot.name,
        })
        .collect();
    Ok(BudgetsOverview {
        pots,
        rounds: queries::round_summaries(&db).await?,
        network_total_cents: -ledger::balance(&db, Account::Outside).await?,
        may_split: access::may_split(&viewer),
        consent: consent::rules(&db).await?,
        may_set_consent: viewer.is_admin && !viewer.is_alumni,
    })
}
