//! Search runs of MES, for the Add1 completion: each run also works out how many further raises
//! of every voter's budget keep its picks (its [`Horizon`]), and how much of it the next run
//! can take over.
//!
//! Along a run every amount is affine in the extra raises `t`, and a run at `t` makes the same
//! picks in the same way as long as these signs hold:
//! - the winner's price has the same payers: partial payers below the share, full ones not;
//! - every other project's bound stays above the winner's `rho` (or equal, losing the tie);
//! - a project dropped as unaffordable either stays short of its cost or keeps a bound above
//!   the winner's `rho`, and at the end of the run it is still short of its cost.
//!
//! A bound from any earlier round, computed with any split into full and partial payers, is a
//! lower bound of the project's `rho` for every `t`: paying `min(money, share)` never collects
//! more than the split assumes. So bounds need no sign for their own payers.
//!
//! Taking over: the first rounds of a run whose signs still hold at the next raise searched are
//! the same there. The next run replays their picks (one price each, no search among the
//! projects) and goes on from the bounds this run had at that point, moved to the new raise.

use num_bigint::BigInt;
use num_traits::Zero;

use super::exact_int::infallible;
use super::horizon::{Affine, Horizon};
use super::mes_engine::{Engine, Rounds};
use super::mes_money::{Priced, Rho};

/// A project dropped in a search run, as seen from further raises.
pub(super) struct Dropped {
    pub project: usize,
    /// Raises until which it is still short of its cost in the round it was dropped.
    short_until: u64,
    /// A lower bound of its `rho` should it become affordable.
    bound: Rho,
}

/// A search run that stayed within the budget.
pub(crate) struct Searched {
    pub picked: Vec<usize>,
    /// Their total cost, scaled as `Context::money`.
    pub spent: BigInt,
    /// Further raises that provably pick the same projects.
    pub horizon: u64,
    /// What the run at the next raise worth searching can take over.
    pub resume: Option<Resume>,
}

/// The first rounds of a run at `raises`, known from an earlier run.
pub(crate) struct Resume {
    raises: u64,
    picked: Vec<usize>,
    /// Further raises for which these rounds are known to be the same.
    valid: u64,
    /// Projects still in play after them (including those dropped so far, which may be
    /// affordable at this raise), and bounds for them at this raise.
    active: Vec<usize>,
    bound: Vec<Rho>,
}

/// The state at the start of a round of a search run.
struct Snapshot {
    rounds_done: usize,
    /// Further raises for which the rounds done are the same.
    valid: u64,
    active: Vec<usize>,
    bound: Vec<Rho>,
}

impl<'c, 'e> Engine<'c, 'e> {
    /// Runs MES with every voter's budget raised by `raises` units, tracking the horizon when
    /// `track` (taking over from `resume` when it is for this raise). `None` as soon as the
    /// picks cost more than the budget, since such a run is discarded.
    pub fn search(&self, raises: u64, track: bool, resume: Option<&Resume>) -> Option<Searched> {
        let money = &self.ctx.money;
        let cap = if track {
            self.cap.saturating_sub(raises)
        } else {
            0
        };
        let (mut rounds, mut picked) = resume
            .filter(|r| r.raises == raises)
            .and_then(|r| self.take_over(r, cap))
            .unwrap_or_else(|| (self.start(raises, Horizon::up_to(cap)), Vec::new()));
        let mut spent = money.total(&picked);
        let mut snapshots: Vec<Snapshot> = Vec::new();
        for round in picked.len() + 1.. {
            rounds.snapshot(&mut snapshots, picked.len());
            let Some((p, price)) = rounds.next_pick(round) else {
                break;
            };
            spent += &money.costs[p];
            if spent > money.budget {
                return None;
            }
            picked.push(p);
            let dropped: Vec<usize> = rounds.dropped_bounds.iter().map(|d| d.project).collect();
            infallible(rounds.money.pay(p, price, &[&rounds.active, &dropped]));
        }
        rounds.require_dropped_stay_short();
        let horizon = rounds.horizon.limit();
        let resume = resume_after(raises, horizon, &picked, snapshots);
        Some(Searched {
            picked,
            spent,
            horizon,
            resume,
        })
    }

    /// A run at `resume.raises` with its first rounds replayed. `None` if a replayed pick is
    /// not affordable, which the signs rule out (the caller then starts afresh).
    fn take_over(&self, resume: &Resume, cap: u64) -> Option<(Rounds<'c, 'e>, Vec<usize>)> {
        let horizon = Horizon::up_to(cap.min(resume.valid));
        let mut rounds = self.start(resume.raises, horizon);
        for &p in &resume.picked {
            let Priced::Affordable(price) = infallible(rounds.money.price(p, None)) else {
                return None;
            };
            infallible(rounds.money.pay(p, price, &[&self.candidates]));
        }
        rounds.bound.clone_from(&resume.bound);
        rounds.active.clone_from(&resume.active);
        rounds.sort_active();
        Some((rounds, resume.picked.clone()))
    }
}

/// What the run at the next raise worth searching, `raises + horizon + 1`, can take over: the
/// latest snapshot still valid there, with its bounds moved to that raise.
fn resume_after(
    raises: u64,
    horizon: u64,
    picked: &[usize],
    snapshots: Vec<Snapshot>,
) -> Option<Resume> {
    let ahead = horizon.checked_add(1)?;
    let snapshot = snapshots.into_iter().rev().find(|s| s.valid >= ahead)?;
    let bound = snapshot
        .bound
        .into_iter()
        .map(|rho| Rho {
            num: Affine::new(&rho.num.at0 + &rho.num.slope * ahead, rho.num.slope),
            den: rho.den,
        })
        .collect();
    Some(Resume {
        raises: raises.checked_add(ahead)?,
        picked: picked[..snapshot.rounds_done].to_vec(),
        valid: snapshot.valid - ahead,
        active: snapshot.active,
        bound,
    })
}

impl Rounds<'_, '_> {
    /// Keeps the state at the start of this round while the horizon is open; a snapshot with
    /// the same validity as the previous one replaces it, as it covers more rounds.
    fn snapshot(&self, snapshots: &mut Vec<Snapshot>, rounds_done: usize) {
        if rounds_done == 0 || !self.horizon.is_open() {
            return;
        }
        let valid = self.horizon.limit();
        if snapshots.last().is_some_and(|s| s.valid == valid) {
            snapshots.pop();
        }
        let mut active = self.active.clone();
        active.extend(self.dropped_bounds.iter().map(|d| d.project));
        let mut bound = self.bound.clone();
        for d in &self.dropped_bounds {
            bound[d.project] = d.bound.clone();
        }
        snapshots.push(Snapshot {
            rounds_done,
            valid,
            active,
            bound,
        });
    }

    /// How far `p`, found short of its cost with `total`, stays so, and its bound otherwise.
    pub fn remember_dropped(&mut self, p: usize, total: &Affine) {
        let mut short = Affine::constant(self.money.costs[p].clone());
        short -= total;
        let short_until = self.horizon.holds_until(&short, true);
        debug_assert!(
            short_until.is_some(),
            "a dropped project is short of its cost"
        );
        let (num, voters) = self.money.share_bound_when_short(p, total);
        self.dropped_bounds.push(Dropped {
            project: p,
            short_until: short_until.unwrap_or(0),
            bound: Rho {
                num,
                den: &self.money.costs[p] * voters,
            },
        });
    }

    /// At the end of a search run, every project dropped is still short of its cost.
    fn require_dropped_stay_short(&mut self) {
        for d in &self.dropped_bounds {
            if !self.horizon.is_open() {
                return;
            }
            let mut short = Affine::constant(self.money.costs[d.project].clone());
            short -= &infallible(self.money.supporters_total(d.project));
            self.horizon.require(&short, true);
        }
    }

    /// Every other project still in the run keeps a bound above the winner's price (or equal
    /// and losing the tie); every project dropped does too, or stays short of its cost.
    pub fn require_winner_stays_best(&mut self, p: usize) {
        let ranks = &self.ctx.ranks;
        let winner = &self.bound[p];
        for d in &self.dropped_bounds {
            if !self.horizon.is_open() {
                return;
            }
            if d.short_until >= self.horizon.limit() {
                continue;
            }
            let strict = ranks[d.project] < ranks[p];
            let above = self
                .horizon
                .ordered_until(d.bound.ratio(), winner.ratio(), strict);
            self.horizon.restrict(above.unwrap_or(0).max(d.short_until));
        }
        for &q in &self.active {
            if !self.horizon.is_open() {
                return;
            }
            if q == p || self.dropped[q].is_some() {
                continue;
            }
            let other = &self.bound[q];
            if other.num.slope.is_zero() && winner.num.slope.is_zero() {
                // Both constant: what holds at t = 0 holds for every t.
                continue;
            }
            self.horizon
                .require_ordered(other.ratio(), winner.ratio(), ranks[q] < ranks[p]);
        }
    }
}
