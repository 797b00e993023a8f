//! Participatory budgeting by ballot: the round's budget set aside when voting opens, one ballot
//! per member replaced until the close, and the tally that pays the winners and returns the rest.
use super::audit::{self, Change};
use super::ballot_setup::{self, BallotSetup, ElectionData};
use super::funding::{self, finish, Act};
use super::ledger::{self, lock_pot, Movement, MovementKind, Tx};
use super::money::Account;
use super::queries::Round;
use super::tally_view::{self, TallyView};
use super::types::Phase;
use crate::context::{fail, ServerState};
use crate::error::{AppError, Problem};
use serde_json::json;

fn movement(
    round: &Round,
    kind: MovementKind,
    amount: i64,
    from: Account,
    to: Account,
    act: Act,
) -> Movement {
    Movement {
        actor_id: Some(act.actor_id),
        at: act.at,
        ..funding::movement(round, kind, amount, from, to)
    }
}

/// Moves the round from `from` to `to` phase unless someone moved it meanwhile.
async fn move_phase(
    tx: &mut Tx<'_>,
    round: &Round,
    from: Phase,
    to: Phase,
) -> Result<(), AppError> {
    let done = sqlx::query("UPDATE budget_rounds SET phase = $2 WHERE id = $1 AND phase = $3")
        .bind(round.id)
        .bind(to.as_str())
        .bind(from.as_str())
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(fail(AppError::Conflict));
    }
    Ok(())
}

/// Opens voting: the round's budget leaves the pot for the round's own account, so the pot can
/// no longer promise it elsewhere.
pub async fn open_voting(
    state: &ServerState,
    round: &Round,
    setup: &BallotSetup,
    act: Act,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let version = lock_pot(&mut tx, round.pot_id).await?;
    move_phase(&mut tx, round, round.phase, Phase::Voting).await?;
    let held = ledger::balance(&mut *tx, Account::Round(round.id)).await?;
    let missing = setup.budget_cents - held;
    if missing > 0 {
        let reserve = movement(
            round,
            MovementKind::Reserve,
            missing,
            Account::Pot(round.pot_id),
            Account::Round(round.id),
            act,
        );
        ledger::record(&mut tx, reserve).await.map_err(fail)?;
    }
    record_phase(&mut tx, round, Phase::Voting, act).await?;
    finish(state, tx, round.pot_id, version).await
}

/// Leaves voting for an earlier phase: the budget goes back to the pot.
pub async fn close_voting_early(
    state: &ServerState,
    round: &Round,
    to: Phase,
    act: Act,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let version = lock_pot(&mut tx, round.pot_id).await?;
    move_phase(&mut tx, round, Phase::Voting, to).await?;
    release_rest(&mut tx, round, act).await?;
    record_phase(&mut tx, round, to, act).await?;
    finish(state, tx, round.pot_id, version).await
}

async fn release_rest(tx: &mut Tx<'_>, round: &Round, act: Act) -> Result<i64, AppError> {
    let held = ledger::balance(&mut **tx, Account::Round(round.id)).await?;
    if held > 0 {
        let release = movement(
            round,
            MovementKind::Release,
            held,
            Account::Round(round.id),
            Account::Pot(round.pot_id),
            act,
        );
        ledger::record(tx, release).await?;
    }
    Ok(held)
}

async fn record_phase(tx: &mut Tx<'_>, round: &Round, to: Phase, act: Act) -> Result<(), AppError> {
    audit::record(
        tx,
        Change::in_round(round, act, "phase", audit::round_subject(round)).values(
            json!({ "phase": round.phase.as_str() }),
            json!({ "phase": to.as_str() }),
        ),
    )
    .await
}

/// Replaces the member's ballot (choices already validated) while voting is open. When the
/// round shows its counts, the pot's version moves too, so open pages of the round refresh.
pub async fn cast(
    state: &ServerState,
    round: &Round,
    member: i64,
    choices: &[(i64, i64)],
    at: i64,
) -> Result<(), AppError> {
    let counts_public = round
        .rules
        .ballot
        .as_ref()
        .is_some_and(|setup| setup.counts_public);
    let mut tx = state.db.begin().await?;
    // The pot first, as every other operation of the pot takes it.
    let version = match counts_public {
        true => Some(lock_pot(&mut tx, round.pot_id).await?),
        false => None,
    };
    // Takes the round's row for the rest of the transaction, and sees whether voting is open:
    // a ballot cannot slip in after the tally closed the round, nor after its closing date.
    let open: Option<(i64,)> = sqlx::query_as(
        "UPDATE budget_rounds SET version = version + 1 WHERE id = $1 AND phase = 'voting' \
         AND (closes_at IS NULL OR closes_at > $2) RETURNING id",
    )
    .bind(round.id)
    .bind(at)
    .fetch_optional(&mut *tx)
    .await?;
    if open.is_none() {
        return Err(fail(AppError::invalid("ballot", Problem::NotOpen)));
    }
    sqlx::query("DELETE FROM ballots WHERE round_id = $1 AND user_id = $2")
        .bind(round.id)
        .bind(member)
        .execute(&mut *tx)
        .await?;
    let (ballot,): (i64,) = sqlx::query_as(
        "INSERT INTO ballots (round_id, user_id, cast_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(round.id)
    .bind(member)
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    for (project, points) in choices {
        sqlx::query(
            "INSERT INTO ballot_choices (ballot_id, project_id, points) VALUES ($1, $2, $3)",
        )
        .bind(ballot)
        .bind(project)
        .bind(points)
        .execute(&mut *tx)
        .await?;
    }
    match version {
        Some(version) => finish(state, tx, round.pot_id, version).await,
        None => Ok(tx.commit().await?),
    }
}

/// The accepted projects (id, cost) and all ballots of the round, without voters.
pub async fn election_data(
    connection: &mut sqlx::AnyConnection,
    round_id: i64,
) -> Result<ElectionData, AppError> {
    let projects: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, cost_cents FROM ballot_projects WHERE round_id = $1 AND status = 'accepted' ORDER BY id",
    )
    .bind(round_id)
    .fetch_all(&mut *connection)
    .await?;
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT b.id, c.project_id, c.points FROM ballots b JOIN ballot_choices c ON c.ballot_id = b.id \
         JOIN ballot_projects p ON p.id = c.project_id \
         WHERE b.round_id = $1 AND p.status = 'accepted' ORDER BY b.id, c.project_id",
    )
    .bind(round_id)
    .fetch_all(&mut *connection)
    .await?;
    let mut ballots: Vec<Vec<(i64, i64)>> = Vec::new();
    let mut current = None;
    for (ballot, project, points) in rows {
        if current != Some(ballot) {
            ballots.push(Vec::new());
            current = Some(ballot);
        }
        if let Some(last) = ballots.last_mut() {
            last.push((project, points));
        }
    }
    Ok(ElectionData { projects, ballots })
}

/// Closes voting and counts, once: winners are paid from the round's budget (their cost leaves
/// the network for the project), the rest returns to the pot, the result is published.
pub async fn tally(
    state: &ServerState,
    round: &Round,
    setup: &BallotSetup,
    act: Act,
) -> Result<TallyView, AppError> {
    let mut tx = state.db.begin().await?;
    let version = lock_pot(&mut tx, round.pot_id).await?;
    move_phase(&mut tx, round, Phase::Voting, Phase::Tallied).await?;
    let data = election_data(&mut tx, round.id).await?;
    let titles: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, title FROM ballot_projects WHERE round_id = $1")
            .bind(round.id)
            .fetch_all(&mut *tx)
            .await?;
    let election = ballot_setup::election(&data, setup.budget_cents, setup.uses_points(), &[]);
    let prepared =
        budget_rules::PreparedElection::new(&election, budget_rules::TieBreak::default());
    let outcome = prepared.tally(setup.rule);
    let explanation = budget_rules::explain_mes(&prepared, setup.rule);
    let view = tally_view::view(&outcome, explanation.as_ref(), &titles, &data);
    for line in view.lines.iter().filter(|line| line.selected) {
        let payout = Movement {
            project_id: Some(line.id),
            ..movement(
                round,
                MovementKind::Payout,
                line.cost_cents,
                Account::Round(round.id),
                Account::Outside,
                act,
            )
        };
        ledger::record(&mut tx, payout).await.map_err(fail)?;
    }
    let returned = release_rest(&mut tx, round, act).await?;
    let stored = serde_json::to_string(&view).map_err(|_| AppError::Internal)?;
    sqlx::query("INSERT INTO round_results (round_id, outcome, tallied_at, tallied_by) VALUES ($1, $2, $3, $4)")
        .bind(round.id)
        .bind(stored)
        .bind(act.at)
        .bind(act.actor_id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Change::in_round(round, act, "tally", audit::round_subject(round)).values(json!({ "phase": "voting", "budget_cents": setup.budget_cents }), json!({ "phase": "tallied", "rule": setup.rule.name(), "spent_cents": view.spent_cents, "returned_cents": returned })),
    )
    .await?;
    finish(state, tx, round.pot_id, version).await?;
    Ok(view)
}
