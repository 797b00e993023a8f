//! One run of the Method of Equal Shares with cost utilities, in exact integer arithmetic.
//!
//! Every voter starts with the same budget. In each round, each remaining project has a price
//! per unit of utility `rho`: the smallest value such that, if every supporter pays
//! `min(own money, rho × cost)`, the cost is covered. With cost utilities all supporters who can
//! afford it pay the same `share = rho × cost`; poorer ones pay everything they have. The
//! project with the lowest `rho` is bought (ties by tie-break rank); a project whose supporters
//! together have less than its cost is dropped. The run ends when no project is affordable.
//!
//! Why the lower bounds: a project's `rho` can only grow as voters spend, so projects are tried
//! in order of their last known `rho`, and a round stops looking once that bound exceeds the
//! best price found (the pruning pabutools also does).
//!
//! A run that does not track its horizon goes on machine integers while each next round surely
//! fits them, then on big integers from that round on (see `mes_explained`). Search runs, for
//! the Add1 completion, are in `mes_search`.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::exact_int::{infallible, ExactInt};
use super::horizon::{Affine, Horizon};
use super::mes_money::{Money, Price, Priced, Rho};
use super::mes_search::Dropped;
use super::mes_value::{Failure, MesValue};
use super::Context;
use crate::amount::{fraction, Amount};

/// What does not change between runs with different voter budgets.
pub(crate) struct Engine<'c, 'e> {
    pub ctx: &'c Context<'e>,
    /// Projects MES considers: positive cost and at least one supporter, most approved first
    /// (then by tie-break rank).
    pub candidates: Vec<usize>,
    /// Common denominator of all costs and of budget / voters: `ctx.money.scale × factor`.
    scale: BigInt,
    factor: u64,
    /// The equal share of the budget, budget / voters, times `scale`.
    base_share: BigInt,
    /// Raises from which every voter alone can pay all candidates, so a run buys them all:
    /// no search goes further.
    pub cap: u64,
}

/// The state of one run.
pub(super) struct Rounds<'c, 'e, V: MesValue = Affine> {
    pub ctx: &'c Context<'e>,
    pub money: Money<'c, 'e, V>,
    pub bound: Vec<Rho<V>>,
    /// Projects still in the run, by bound, then tie-break rank.
    pub active: Vec<usize>,
    /// For each project dropped as unaffordable, the round it happened in.
    pub dropped: Vec<Option<usize>>,
    /// Search runs: the projects dropped, in order.
    pub dropped_bounds: Vec<Dropped>,
    pub horizon: Horizon,
    /// Scratch: projects priced in the current round.
    repriced: Vec<usize>,
    /// Projects found short in the current round, with what their supporters have together.
    /// Nothing is paid after the last round, so for its drops this is what is left at the end.
    pub short_this_round: Vec<(usize, V)>,
}

impl<'c, 'e> Engine<'c, 'e> {
    /// `None` when there are no voters: there is nobody to share the budget among.
    pub fn new(ctx: &'c Context<'e>) -> Option<Engine<'c, 'e>> {
        let voters = ctx.profile.num_voters;
        if voters == 0 {
            return None;
        }
        // Costs and budget are integers over `money.scale`; budget / voters needs the extra
        // factor voters / gcd, found on machine integers as the remainder is below `voters`.
        let money = &ctx.money;
        let rest = (&money.budget % voters).to_u64().unwrap_or(0);
        let factor = voters / rest.gcd(&voters);
        let scale = &money.scale * factor;
        let base_share = &money.budget * factor / voters;
        let approvals = &ctx.profile.approvals;
        let costs = &money.costs;
        let mut candidates = Vec::with_capacity(costs.len());
        candidates.extend((0..costs.len()).filter(|&p| approvals[p] > 0 && costs[p].is_positive()));
        // The order of the first round's bounds, 1 / approvals.
        candidates.sort_by(|&a, &b| {
            approvals[b]
                .cmp(&approvals[a])
                .then(ctx.ranks[a].cmp(&ctx.ranks[b]))
        });
        let total: BigInt = candidates.iter().map(|&p| &money.costs[p]).sum();
        let cap = Integer::div_ceil(&total, &money.scale)
            .to_u64()
            .unwrap_or(u64::MAX);
        Some(Engine {
            ctx,
            candidates,
            scale,
            factor,
            base_share,
            cap,
        })
    }

    /// The starting budget of each voter after `raises` increments, in units of `scale` (a
    /// multiple of the engine's own scale, as a run's scale always is).
    pub fn voter_budget_scaled(&self, raises: u64, scale: &BigInt) -> BigInt {
        self.share_after(raises) * (scale / &self.scale)
    }

    /// Each voter's starting budget after `raises` increments, in units of the engine's scale.
    pub(super) fn share_after(&self, raises: u64) -> BigInt {
        // No raise, as in every plain count: a copy, without multiplying and adding zero.
        if raises == 0 {
            return self.base_share.clone();
        }
        &self.base_share + &self.scale * raises
    }

    /// The starting budget of each voter after `raises` increments of one unit.
    pub fn voter_budget(&self, raises: u64) -> Amount {
        fraction(self.share_after(raises), self.scale.clone())
    }

    /// A run at `raises`, on big integers.
    pub(super) fn start(&self, raises: u64, horizon: Horizon) -> Rounds<'c, 'e> {
        let slope = if horizon.is_open() {
            self.scale.clone()
        } else {
            BigInt::default()
        };
        let start = Affine::new(self.share_after(raises), slope);
        infallible(self.rounds_from(start, horizon))
    }

    /// A run where every voter starts with `start`, in units of the engine's scale.
    pub(super) fn rounds_from<V: MesValue>(
        &self,
        start: V,
        horizon: Horizon,
    ) -> Result<Rounds<'c, 'e, V>, Failure<V>> {
        // Each run scales the costs itself: a plain count has one run, and copying them once
        // more for the engine would cost as much.
        let costs = (self.ctx.money.costs.iter())
            .map(|c| V::Int::scaled_from_big(c, self.factor))
            .collect::<Result<Vec<_>, _>>()?;
        let num_projects = costs.len();
        let money = Money::new(self.ctx, V::Int::from_big(&self.scale)?, start, costs);
        let approvals = &self.ctx.profile.approvals;
        // Every supporter pays at most the whole cost: rho >= 1 / approvals.
        let bound = (0..num_projects)
            .map(|p| Rho {
                num: V::constant(V::Int::from_u64(1)),
                den: V::Int::from_u64(approvals[p].max(1)),
            })
            .collect();
        Ok(Rounds {
            ctx: self.ctx,
            money,
            bound,
            active: self.candidates.clone(),
            dropped: vec![None; num_projects],
            dropped_bounds: Vec::new(),
            horizon,
            repriced: Vec::new(),
            short_this_round: Vec::new(),
        })
    }
}

impl Rounds<'_, '_> {
    /// The project bought in `round` and its price, with the bookkeeping around it: projects
    /// found unaffordable are dropped, bounds and their order refreshed, signs recorded.
    pub fn next_pick(&mut self, round: usize) -> Option<(usize, Price)> {
        let best = infallible(self.best(round));
        if self.horizon.is_open() {
            let drops = std::mem::take(&mut self.short_this_round);
            for (p, total) in &drops {
                self.remember_dropped(*p, total);
            }
            self.short_this_round = drops;
        }
        let (p, mut price) = best?;
        if self.horizon.is_open() {
            self.money
                .require_price_structure(p, &price, &mut self.horizon);
            self.require_winner_stays_best(p);
            if !self.horizon.is_open() {
                self.forget_slopes();
                price.full_total.slope.set_zero();
            }
        }
        self.refresh_order(p);
        Some((p, price))
    }

    /// Once the horizon is closed, nothing depends on further raises any more.
    fn forget_slopes(&mut self) {
        self.money.forget_slopes();
        for rho in &mut self.bound {
            rho.num.slope.set_zero();
        }
        self.dropped_bounds.clear();
    }
}

impl<'c, 'e> Rounds<'c, 'e, i128> {
    /// The same run on big integers.
    pub(super) fn widen(self) -> Rounds<'c, 'e> {
        let big = |x: &i128| Affine::constant(x.to_big());
        Rounds {
            ctx: self.ctx,
            money: self.money.widen(),
            bound: (self.bound.iter())
                .map(|b| Rho {
                    num: big(&b.num),
                    den: b.den.to_big(),
                })
                .collect(),
            active: self.active,
            dropped: self.dropped,
            dropped_bounds: self.dropped_bounds,
            horizon: self.horizon,
            repriced: self.repriced,
            short_this_round: (self.short_this_round.iter())
                .map(|(p, total)| (*p, big(total)))
                .collect(),
        }
    }
}

impl<V: MesValue> Rounds<'_, '_, V> {
    /// The project bought in `round` of a run that does not track its horizon, and its price.
    pub(super) fn pick(&mut self, round: usize) -> Result<Option<(usize, Price<V>)>, Failure<V>> {
        let Some((p, price)) = self.best(round)? else {
            return Ok(None);
        };
        self.refresh_order(p);
        Ok(Some((p, price)))
    }

    /// Orders `active` by bound, then tie-break rank.
    pub fn sort_active(&mut self) {
        let (bound, ranks) = (&self.bound, &self.ctx.ranks);
        self.active
            .sort_by(|&a, &b| bound[a].cmp_at0(&bound[b]).then(ranks[a].cmp(&ranks[b])));
    }

    /// The cheapest affordable project among `active`, dropping the unaffordable ones it meets
    /// and tightening the bounds it computes.
    fn best(&mut self, round: usize) -> Result<Option<(usize, Price<V>)>, Failure<V>> {
        let ranks = &self.ctx.ranks;
        let mut best: Option<(usize, Price<V>)> = None;
        self.repriced.clear();
        self.short_this_round.clear();
        for i in 0..self.active.len() {
            let p = self.active[i];
            if let Some((b, _)) = &best {
                match self.bound[p].cmp_at0(&self.bound[*b]) {
                    // Sorted by bound: no later project can beat the best either.
                    Ordering::Greater => break,
                    // It could at most tie, and would lose the tie.
                    Ordering::Equal if ranks[p] > ranks[*b] => continue,
                    _ => {}
                }
            }
            self.repriced.push(p);
            let cutoff = best.as_ref().map(|(b, _)| &self.bound[*b]);
            let price = match self.money.price(p, cutoff)? {
                Priced::Affordable(price) => price,
                Priced::Short(supporters_money) => {
                    self.dropped[p] = Some(round);
                    self.short_this_round.push((p, supporters_money));
                    continue;
                }
                Priced::Above(bound) => {
                    self.bound[p] = bound;
                    continue;
                }
            };
            self.bound[p] = Rho::of(&price, &self.money.costs[p])?;
            let better = match &best {
                None => true,
                Some((b, _)) => match self.bound[p].cmp_at0(&self.bound[*b]) {
                    Ordering::Less => true,
                    Ordering::Equal => ranks[p] < ranks[*b],
                    Ordering::Greater => false,
                },
            };
            if better {
                best = Some((p, price));
            }
        }
        Ok(best)
    }

    /// Takes out the winner and the dropped projects and moves the repriced ones to their new
    /// place in the order.
    pub fn refresh_order(&mut self, winner: usize) {
        let moved = std::mem::take(&mut self.repriced);
        self.active.retain(|q| !moved.contains(q));
        let (bound, ranks) = (&self.bound, &self.ctx.ranks);
        for &q in &moved {
            if q == winner || self.dropped[q].is_some() {
                continue;
            }
            let at = self.active.partition_point(|&x| {
                bound[x].cmp_at0(&bound[q]).then(ranks[x].cmp(&ranks[q])) == Ordering::Less
            });
            self.active.insert(at, q);
        }
        self.repriced = moved;
    }
}
