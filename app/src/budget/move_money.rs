use crate::error::AppError;
use leptos::prelude::*;

/// Admins: brings money into a pot (`from_pot` empty) or moves it from one pot to another (the
/// split between the network and its cities).
#[server(endpoint = "move_money")]
pub async fn move_money(
    #[server(default)] from_pot: Option<i64>,
    to_pot: i64,
    amount: String,
) -> Result<(), AppError> {
    use super::{access, pots, validation};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::signed_in().await?;
    if !access::may_split(&viewer) {
        return Err(fail(AppError::Forbidden));
    }
    let cents = validation::amount("amount", &amount).map_err(fail)?;
    let state = state()?;
    pots::move_money(&state, from_pot, to_pot, cents, viewer.id, now()).await
}
