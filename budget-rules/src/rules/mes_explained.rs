//! An explained MES run: each pick with the numbers that decided it, and what the supporters of
//! the other candidates had left. It goes on machine integers while each next round surely fits
//! them, then on big integers from that round on (see `exact_int`).

use super::exact_int::{infallible, ExactInt, Overflow};
use super::horizon::Horizon;
use super::mes_engine::{Engine, Rounds};
use super::mes_value::{Failure, MesValue};
use crate::amount::Amount;

#[cfg(test)]
#[path = "mes_explained_tests.rs"]
mod tests;

/// A project bought in an explained run, with the numbers that decided it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pick {
    pub project: usize,
    pub round: usize,
    pub rho: Amount,
    pub share: Amount,
    pub full_payers: u64,
    pub partial_payers: u64,
}

/// An explained run.
#[derive(Debug, PartialEq)]
pub(crate) struct Explained {
    pub picks: Vec<Pick>,
    /// For each project dropped as unaffordable, the round it happened in.
    pub dropped: Vec<Option<usize>>,
    /// For each candidate not bought, what its supporters had left at the end (`None` for the
    /// other projects: a zero amount would allocate its denominator).
    pub money_left: Vec<Option<Amount>>,
}

/// Where the rounds of a run stopped.
#[derive(Debug, PartialEq, Eq)]
enum Stopped {
    Finished,
    /// The next round might not fit the integers counted with.
    TooWide,
}

impl<'c, 'e> Engine<'c, 'e> {
    /// Runs MES with every voter's budget raised by `raises` units, explaining each pick.
    pub fn explain(&self, raises: u64) -> Explained {
        self.explain_narrow(raises).unwrap_or_else(|Overflow| {
            // Never, as each round is checked first; exact all the same.
            self.explain_wide(self.start(raises, Horizon::untracked()), Vec::new())
        })
    }

    /// [`Self::explain`] on machine integers, going on with big integers once they might not
    /// be enough; [`Overflow`] if even the start does not fit.
    fn explain_narrow(&self, raises: u64) -> Result<Explained, Overflow> {
        let start = i128::from_big(&self.share_after(raises))?;
        let mut rounds = self.rounds_from(start, Horizon::untracked())?;
        let mut picks = Vec::new();
        match rounds.explained_rounds(&mut picks)? {
            Stopped::Finished => self.explained(rounds, picks),
            Stopped::TooWide => Ok(self.explain_wide(rounds.widen(), picks)),
        }
    }

    /// Goes on with a run on big integers, after `picks`.
    fn explain_wide(&self, mut rounds: Rounds<'c, 'e>, mut picks: Vec<Pick>) -> Explained {
        infallible(rounds.explained_rounds(&mut picks));
        infallible(self.explained(rounds, picks))
    }

    /// The explanation of a finished run that bought `picks`.
    fn explained<V: MesValue>(
        &self,
        mut rounds: Rounds<'_, '_, V>,
        picks: Vec<Pick>,
    ) -> Result<Explained, Failure<V>> {
        // What the supporters of the candidates not bought have left: known already for those
        // dropped in the last round.
        let mut money_left = vec![None; self.ctx.money.costs.len()];
        for (p, total) in std::mem::take(&mut rounds.short_this_round) {
            money_left[p] = Some(total.at0().fraction_over(&rounds.money.scale, 1));
        }
        for &p in &self.candidates {
            let bought = picks.iter().any(|pick: &Pick| pick.project == p);
            if !bought && money_left[p].is_none() {
                money_left[p] = Some(rounds.money.supporters_money(p)?);
            }
        }
        Ok(Explained {
            picks,
            money_left,
            dropped: rounds.dropped,
        })
    }
}

impl<V: MesValue> Rounds<'_, '_, V> {
    /// Buys projects round by round, explaining each pick, until none is affordable or the
    /// next round might not fit `V`.
    ///
    /// Why the check: with every amount at most `a` when a round starts, its sums of money
    /// over supporters are at most `a × voters`, and its payment multiplies amounts by at most
    /// the number of payers, so nothing it computes exceeds `a × (voters + 1)²` (comparisons
    /// of products are exact at any size).
    fn explained_rounds(&mut self, picks: &mut Vec<Pick>) -> Result<Stopped, Failure<V>> {
        let voters = u128::from(self.ctx.profile.num_voters) + 1;
        let growth = voters.saturating_mul(voters);
        loop {
            if !self.money.fits_times(growth) {
                return Ok(Stopped::TooWide);
            }
            let round = picks.len() + 1;
            let Some((p, price)) = self.pick(round)? else {
                return Ok(Stopped::Finished);
            };
            let money = &self.money;
            let full_total = price.full_total.at0();
            picks.push(Pick {
                project: p,
                round,
                rho: full_total.fraction_over(&money.costs[p], price.full),
                share: full_total.fraction_over(&money.scale, price.full),
                full_payers: price.full,
                partial_payers: price.partial,
            });
            self.money.pay(p, price, &[&self.active])?;
        }
    }
}
