//! The voters' money during one MES run, and how a project is priced and paid for.
//!
//! Voters who paid for the same projects in the same way have the same money left, so money is
//! kept per budget class rather than per voter group: pricing a project then compares a few
//! classes' money instead of hundreds of groups', and buying one only splits the classes of its
//! supporters. Class 0 is "nothing left"; emptied classes are reused.
//!
//! Money is an integer number of units of `1 / scale`; when a share is not a whole number of
//! units, every live amount is multiplied by the missing factor (at most the number of payers).
//! Amounts are machine integers or big ones (see `mes_value`); on big integers each is an
//! [`Affine`] function of the extra raises `t` (see `horizon`), whose slope stays zero in runs
//! that do not track their horizon.

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::exact_int::ExactInt;
use super::horizon::Affine;
use super::mes_value::{Failure, MesValue};
use super::Context;
use crate::amount::Amount;

/// How a project would be paid for right now: `full` voters pay `full_total / full` each, the
/// `partial` others everything they have. Its price per unit of utility is
/// `rho = full_total / (cost × full)`.
pub(crate) struct Price<V = Affine> {
    pub full_total: V,
    pub full: u64,
    pub partial: u64,
}

/// What pricing a project found.
pub(crate) enum Priced<V: MesValue = Affine> {
    Affordable(Price<V>),
    /// Its supporters have this much together, less than its cost.
    Short(V),
    /// Its `rho` is above the cutoff; this is a lower bound of it.
    Above(Rho<V>),
}

/// A lower bound of a price per unit of utility, `num / den` with `den > 0`.
#[derive(Debug)]
pub(crate) struct Rho<V: MesValue = Affine> {
    pub num: V,
    pub den: V::Int,
}

// By hand so that copying bounds over older ones keeps their storage (see `Affine`).
impl<V: MesValue> Clone for Rho<V> {
    fn clone(&self) -> Rho<V> {
        Rho {
            num: self.num.clone(),
            den: self.den.clone(),
        }
    }

    fn clone_from(&mut self, source: &Rho<V>) {
        self.num.clone_from(&source.num);
        self.den.clone_from(&source.den);
    }
}

impl<V: MesValue> Rho<V> {
    pub fn of(price: &Price<V>, cost: &V::Int) -> Result<Rho<V>, Failure<V>> {
        Ok(Rho {
            num: price.full_total.clone(),
            den: cost.mul_u64(price.full)?,
        })
    }

    pub fn cmp_at0(&self, other: &Rho<V>) -> Ordering {
        V::Int::cmp_products(self.num.at0(), &other.den, other.num.at0(), &self.den)
    }
}

impl Rho {
    /// As a pair for [`super::horizon::Horizon::ordered_until`].
    pub fn ratio(&self) -> (&Affine, &BigInt) {
        (&self.num, &self.den)
    }
}

pub(crate) struct Money<'c, 'e, V: MesValue = Affine> {
    ctx: &'c Context<'e>,
    pub scale: V::Int,
    /// Money left per voter in each class, times `scale`.
    pub(super) class_money: Vec<V>,
    /// Number of voter groups in each class.
    class_groups: Vec<usize>,
    /// Classes emptied, ready for reuse.
    free: Vec<usize>,
    /// Scratch: classes emptied by the payment in progress, freed once it is done.
    emptied: Vec<usize>,
    /// Class of each voter group.
    group_class: Vec<usize>,
    /// Cost of each project times `scale`; kept up to date only for projects still in the run.
    pub costs: Vec<V::Int>,
    /// Scratch: supporters' weight per class while pricing one project.
    weights: Vec<u64>,
    /// Scratch: `(class, voters)` of one project's supporters.
    pub(super) classes: Vec<(usize, u64)>,
    /// Scratch for products.
    pub(super) scratch: V::Int,
    /// Scratch: where each class moves while a project is paid for (`None` outside of that),
    /// and the classes that moved.
    moved_to: Vec<Option<usize>>,
    split: Vec<usize>,
}

impl<'c, 'e, V: MesValue> Money<'c, 'e, V> {
    /// Every voter starts with `start`.
    pub fn new(ctx: &'c Context<'e>, scale: V::Int, start: V, costs: Vec<V::Int>) -> Self {
        let groups = ctx.profile.groups.len();
        // Every class but "nothing left" holds a group, and a payment splits each class at most
        // once before the emptied ones are freed: sized so, the per-class vectors never grow.
        let classes = 2 * groups + 2;
        let mut class_money = Vec::with_capacity(classes);
        class_money.extend([V::default(), start]);
        let mut class_groups = Vec::with_capacity(classes);
        class_groups.extend([0, groups]);
        let mut weights = Vec::with_capacity(classes);
        weights.extend([0, 0]);
        Money {
            ctx,
            scale,
            class_money,
            class_groups,
            free: Vec::new(),
            emptied: Vec::new(),
            group_class: vec![1; groups],
            costs,
            weights,
            classes: Vec::with_capacity(groups),
            scratch: V::Int::zero(),
            moved_to: Vec::new(),
            split: Vec::new(),
        }
    }

    /// Whether every amount of a round surely fits `V`, as long as every amount so far times
    /// `growth` does (see `mes_engine`).
    pub fn fits_times(&self, growth: u128) -> bool {
        let money = self.class_money.iter().map(MesValue::at0);
        let amounts = self.costs.iter().chain(money).chain([&self.scale]);
        V::Int::all_fit_times(amounts, growth)
    }

    /// Fills `self.classes` with `(class, voters)` for the supporters of `p`.
    pub(super) fn collect_supporter_classes(&mut self, p: usize) {
        let groups = &self.ctx.profile.groups;
        self.weights.resize(self.class_money.len(), 0);
        self.classes.clear();
        // Borrowed apart, so that the loop keeps them in registers.
        let (weights, classes, group_class) = (
            &mut self.weights[..],
            &mut self.classes,
            &self.group_class[..],
        );
        for &g in &self.ctx.profile.supporters[p] {
            let c = group_class[g];
            if weights[c] == 0 {
                classes.push((c, 0));
            }
            weights[c] += groups[g].weight;
        }
        for (c, voters) in classes.iter_mut() {
            *voters = std::mem::take(&mut weights[*c]);
        }
    }

    /// What the supporters of `p` have left, as an amount.
    pub fn supporters_money(&mut self, p: usize) -> Result<Amount, Failure<V>> {
        let total = self.supporters_total(p)?;
        Ok(total.at0().fraction_over(&self.scale, 1))
    }

    /// What the supporters of `p` have left, scaled.
    pub fn supporters_total(&mut self, p: usize) -> Result<V, Failure<V>> {
        self.collect_supporter_classes(p);
        let mut total = V::default();
        for &(c, voters) in &self.classes {
            total.add_weighted(&self.class_money[c], voters, &mut self.scratch)?;
        }
        Ok(total)
    }

    /// The price of `p`, or what its supporters have together when that is short of its cost,
    /// or (with a `cutoff`) a lower bound of its `rho` once that is above the cutoff: a project
    /// that cannot win the round needs no exact price.
    ///
    /// Starts with every supporter paying an equal share, then repeatedly moves the classes
    /// with less money than the share to "pays everything" and recomputes the share from what
    /// is left. The share only grows, so this ends at the exact solution, usually after one or
    /// two passes, and every intermediate share is a lower bound. If every class ends up paying
    /// everything, their money is short of the cost.
    pub fn price(&mut self, p: usize, cutoff: Option<&Rho<V>>) -> Result<Priced<V>, Failure<V>> {
        self.collect_supporter_classes(p);
        let mut full_payers = std::mem::take(&mut self.classes);
        let result = self.price_among(p, cutoff, &mut full_payers);
        self.classes = full_payers;
        result
    }

    /// [`Self::price`], with `full_payers` the `(class, voters)` of `p`'s supporters.
    fn price_among(
        &self,
        p: usize,
        cutoff: Option<&Rho<V>>,
        full_payers: &mut Vec<(usize, u64)>,
    ) -> Result<Priced<V>, Failure<V>> {
        let cost = &self.costs[p];
        let approvals = self.ctx.profile.approvals[p];
        let mut full = approvals;
        let mut partial_money = V::Sum::default();
        // What the full payers pay together: the cost, less what the partial payers have.
        let mut full_total = cost.clone();
        loop {
            // money < full_total / full  <=>  money < ceil(full_total / full), as money is whole.
            let threshold = full_total.div_ceil_u64(full);
            let before = full_payers.len();
            let mut added = Ok(());
            full_payers.retain(|&(c, voters)| {
                let money = &self.class_money[c];
                let poor = *money.at0() < threshold;
                if poor {
                    if added.is_ok() {
                        added = V::add_to_sum(&mut partial_money, money, voters);
                    }
                    full -= voters;
                }
                !poor
            });
            added?;
            if full == 0 {
                return Ok(Priced::Short(V::sum_total(&partial_money)));
            }
            if full_payers.len() == before {
                return Ok(Priced::Affordable(Price {
                    full_total: V::less_sum(full_total, &partial_money),
                    full,
                    partial: approvals - full,
                }));
            }
            full_total.clone_from(cost);
            full_total.sub_in_place(&V::sum_at0(&partial_money))?;
            if let Some(cut) = cutoff {
                let den = cost.mul_u64(full)?;
                if V::Int::cmp_products(&full_total, &cut.den, cut.num.at0(), &den).is_gt() {
                    let num = V::less_sum(full_total, &partial_money);
                    return Ok(Priced::Above(Rho { num, den }));
                }
            }
        }
    }

    /// Buys `p`: full payers pay the share, partial payers everything they have. `keep` lists
    /// the projects whose costs must stay up to date.
    pub fn pay(&mut self, p: usize, price: Price<V>, keep: &[&[usize]]) -> Result<(), Failure<V>> {
        let mut full_total = price.full_total;
        // Make the share a whole number of units: multiply everything by full / gcd.
        let full = price.full;
        let factor = full / full_total.gcd_with(full);
        if factor != 1 {
            self.scale.mul_in_place(factor)?;
            for &q in keep.iter().copied().flatten() {
                self.costs[q].mul_in_place(factor)?;
            }
            for (money, &groups) in self.class_money.iter_mut().zip(&self.class_groups) {
                if groups > 0 {
                    money.scale_by(factor)?;
                }
            }
            full_total.scale_by(factor)?;
        }
        let share = full_total.div_exact(full);
        self.split_classes(p, &share)
    }

    /// Moves every supporter of `p` to the class "same money minus the share", or to class 0
    /// when that leaves nothing, creating each new class once.
    fn split_classes(&mut self, p: usize, share: &V) -> Result<(), Failure<V>> {
        self.reserve_payment_scratch();
        // Entries are reset after use, so the map is only grown, never cleared: there can be
        // thousands of classes, and a project's supporters are in a few of them.
        let mut moved_to = std::mem::take(&mut self.moved_to);
        moved_to.resize(self.class_money.len(), None);
        let mut split = std::mem::take(&mut self.split);
        let mut emptied = std::mem::take(&mut self.emptied);
        for &g in &self.ctx.profile.supporters[p] {
            let old = self.group_class[g];
            let new = match moved_to[old] {
                Some(c) => c,
                None => {
                    let c = self.class_after_paying(old, share)?;
                    moved_to[old] = Some(c);
                    split.push(old);
                    c
                }
            };
            self.group_class[g] = new;
            self.class_groups[old] -= 1;
            self.class_groups[new] += 1;
            if self.class_groups[old] == 0 && old != 0 {
                emptied.push(old);
            }
        }
        self.free.append(&mut emptied);
        self.emptied = emptied;
        for old in split.drain(..) {
            moved_to[old] = None;
        }
        self.moved_to = moved_to;
        self.split = split;
        Ok(())
    }

    /// Sizes the scratch of payments at the first one, for as many classes as there can be; a
    /// run that buys nothing (many do) allocates none of it.
    fn reserve_payment_scratch(&mut self) {
        if self.moved_to.capacity() > 0 {
            return;
        }
        let classes = self.class_money.capacity();
        self.moved_to.reserve_exact(classes);
        self.free.reserve_exact(classes);
        self.emptied.reserve_exact(classes);
        self.split.reserve_exact(self.ctx.profile.groups.len());
    }

    /// The class for voters of class `old` once they paid (at most) `share`.
    fn class_after_paying(&mut self, old: usize, share: &V) -> Result<usize, Failure<V>> {
        let money = &self.class_money[old];
        // Partial payers pay everything they have, and so do full payers left with nothing.
        if money.at0() < share.at0() || money == share {
            return Ok(0);
        }
        // A reused class keeps its storage: copying into it allocates nothing.
        let c = match self.free.pop() {
            Some(c) => c,
            None => {
                self.class_money.push(V::default());
                self.class_groups.push(0);
                self.class_money.len() - 1
            }
        };
        let (from, to) = if old < c {
            let (head, tail) = self.class_money.split_at_mut(c);
            (&head[old], &mut tail[0])
        } else {
            let (head, tail) = self.class_money.split_at_mut(old);
            (&tail[0], &mut head[c])
        };
        to.clone_from(from);
        to.sub_assign(share)?;
        Ok(c)
    }
}

impl<'c, 'e> Money<'c, 'e, i128> {
    /// The same money on big integers.
    pub fn widen(self) -> Money<'c, 'e> {
        let big = |x: &i128| x.to_big();
        Money {
            ctx: self.ctx,
            scale: self.scale.to_big(),
            class_money: self
                .class_money
                .iter()
                .map(|m| Affine::constant(big(m)))
                .collect(),
            class_groups: self.class_groups,
            free: self.free,
            emptied: self.emptied,
            group_class: self.group_class,
            costs: self.costs.iter().map(big).collect(),
            weights: self.weights,
            classes: self.classes,
            scratch: BigInt::default(),
            moved_to: self.moved_to,
            split: self.split,
        }
    }
}
