use crate::error::AppError;
use leptos::prelude::*;

/// Admins: whether round rules need a passed lazy-consent decision before a round opens, and
/// above which amount (in euros; empty: none) a payout needs one. A checkbox: absent means no.
#[server(endpoint = "set_budget_consent")]
pub async fn set_budget_consent(
    rules_need_decision: Option<String>,
    payout_above: String,
) -> Result<(), AppError> {
    use super::consent;
    use super::money::parse_amount;
    use super::types::ConsentRules;
    use crate::accounts::authz;
    use crate::context::{db, fail};

    let admin = authz::admin().await?;
    let payout_above = payout_above.trim();
    let payout_decision_above_cents = match payout_above.is_empty() {
        true => None,
        false => Some(
            parse_amount(payout_above)
                .map_err(|problem| fail(AppError::invalid("payout_above", problem)))?,
        ),
    };
    let rules = ConsentRules {
        rules_need_decision: rules_need_decision
            .is_some_and(|value| value == "on" || value == "true"),
        payout_decision_above_cents,
    };
    consent::save(&db()?, rules).await?;
    tracing::info!(admin = admin.id, ?rules, "budget consent rules changed");
    Ok(())
}
