//! The voters' money during one MES run, and how a project is priced and paid for.
//!
//! Voters who paid for the same projects in the same way have the same money left, so money is
//! kept per budget class rather than per voter group: pricing a project then compares a few
//! classes' money instead of hundreds of groups', and buying one only splits the classes of its
//! supporters. Class 0 is "nothing left"; emptied classes are reused.
//!
//! Money is an integer number of units of `1 / scale`; when a share is not a whole number of
//! units, every live amount is multiplied by the missing factor (at most the number of payers).
//! Each amount is an [`Affine`] function of the extra raises `t` (see `horizon`); its slope
//! stays zero in runs that do not track their horizon.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Zero;

use super::horizon::{Affine, Horizon};
use super::products::cmp_products;
use super::wide_sum::AffineSum;
use super::Context;
use crate::amount::{div_ceil_by, fraction, remainder_by, Amount};

/// How a project would be paid for right now: `full` voters pay `full_total / full` each, the
/// `partial` others everything they have. Its price per unit of utility is
/// `rho = full_total / (cost × full)`.
pub(crate) struct Price {
    pub full_total: Affine,
    pub full: u64,
    pub partial: u64,
}

/// What pricing a project found.
pub(crate) enum Priced {
    Affordable(Price),
    /// Its supporters have this much together, less than its cost.
    Short(Affine),
    /// Its `rho` is above the cutoff; this is a lower bound of it.
    Above(Rho),
}

/// A lower bound of a price per unit of utility, `num / den` with `den > 0`.
#[derive(Debug)]
pub(crate) struct Rho {
    pub num: Affine,
    pub den: BigInt,
}

// By hand so that copying bounds over older ones keeps their storage (see `Affine`).
impl Clone for Rho {
    fn clone(&self) -> Rho {
        Rho {
            num: self.num.clone(),
            den: self.den.clone(),
        }
    }

    fn clone_from(&mut self, source: &Rho) {
        self.num.clone_from(&source.num);
        self.den.clone_from(&source.den);
    }
}

impl Rho {
    pub fn of(price: &Price, cost: &BigInt) -> Rho {
        Rho {
            num: price.full_total.clone(),
            den: cost * price.full,
        }
    }

    pub fn cmp_at0(&self, other: &Rho) -> Ordering {
        cmp_products(&self.num.at0, &other.den, &other.num.at0, &self.den)
    }

    /// As a pair for [`Horizon::ordered_until`].
    pub fn ratio(&self) -> (&Affine, &BigInt) {
        (&self.num, &self.den)
    }
}

pub(crate) struct Money<'c, 'e> {
    ctx: &'c Context<'e>,
    pub scale: BigInt,
    /// Money left per voter in each class, times `scale`.
    class_money: Vec<Affine>,
    /// Number of voter groups in each class.
    class_groups: Vec<usize>,
    /// Classes emptied, ready for reuse.
    free: Vec<usize>,
    /// Scratch: classes emptied by the payment in progress, freed once it is done.
    emptied: Vec<usize>,
    /// Class of each voter group.
    group_class: Vec<usize>,
    /// Cost of each project times `scale`; kept up to date only for projects still in the run.
    pub costs: Vec<BigInt>,
    /// Scratch: supporters' weight per class while pricing one project.
    weights: Vec<u64>,
    /// Scratch: `(class, voters)` of one project's supporters.
    classes: Vec<(usize, u64)>,
    /// Scratch for products.
    scratch: BigInt,
    /// Scratch: where each class moves while a project is paid for (`None` outside of that),
    /// and the classes that moved.
    moved_to: Vec<Option<usize>>,
    split: Vec<usize>,
}

impl<'c, 'e> Money<'c, 'e> {
    /// Every voter starts with `start`.
    pub fn new(ctx: &'c Context<'e>, scale: BigInt, start: Affine, costs: Vec<BigInt>) -> Self {
        let groups = ctx.profile.groups.len();
        // Every class but "nothing left" holds a group, and a payment splits each class at most
        // once before the emptied ones are freed: sized so, the per-class vectors never grow.
        let classes = 2 * groups + 2;
        let mut class_money = Vec::with_capacity(classes);
        class_money.extend([Affine::default(), start]);
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
            scratch: BigInt::zero(),
            moved_to: Vec::new(),
            split: Vec::new(),
        }
    }

    /// Drops the dependence on further raises, once nothing needs it: the rest of the run then
    /// costs what an untracked one does.
    pub fn forget_slopes(&mut self) {
        for money in &mut self.class_money {
            money.slope.set_zero();
        }
    }

    /// Fills `self.classes` with `(class, voters)` for the supporters of `p`.
    fn collect_supporter_classes(&mut self, p: usize) {
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
    pub fn supporters_money(&mut self, p: usize) -> Amount {
        fraction(self.supporters_total(p).at0, self.scale.clone())
    }

    /// What the supporters of `p` have left, as `(money per voter, voters)`, scaled.
    pub fn supporter_levels(&mut self, p: usize) -> Vec<(BigInt, u64)> {
        self.collect_supporter_classes(p);
        self.classes
            .iter()
            .map(|&(c, voters)| (self.class_money[c].at0.clone(), voters))
            .collect()
    }

    /// What the supporters of `p` have left, scaled.
    pub fn supporters_total(&mut self, p: usize) -> Affine {
        self.collect_supporter_classes(p);
        let mut total = Affine::default();
        for &(c, voters) in &self.classes {
            total.add_weighted(&self.class_money[c], voters, &mut self.scratch);
        }
        total
    }

    /// For a project whose supporters have `total` together, short of its cost: a lower bound
    /// of its share should they ever afford it, `num / voters`. It assumes the richest class
    /// pays the share and everyone else all they have, the split that gives the highest bound
    /// (any split gives a lower bound, see `mes_engine`).
    pub fn share_bound_when_short(&mut self, p: usize, total: &Affine) -> (Affine, u64) {
        self.collect_supporter_classes(p);
        let richest = self
            .classes
            .iter()
            .max_by(|a, b| self.class_money[a.0].at0.cmp(&self.class_money[b.0].at0));
        let Some(&(c, voters)) = richest else {
            return (Affine::default(), 1);
        };
        let mut num = Affine::constant(self.costs[p].clone());
        num -= total;
        num.add_weighted(&self.class_money[c], voters, &mut self.scratch);
        (num, voters)
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
    pub fn price(&mut self, p: usize, cutoff: Option<&Rho>) -> Priced {
        self.collect_supporter_classes(p);
        let mut full_payers = std::mem::take(&mut self.classes);
        let cost = &self.costs[p];
        let mut full = self.ctx.profile.approvals[p];
        let mut partial_money = AffineSum::default();
        // What the full payers pay together: the cost, less what the partial payers have.
        let mut full_total = cost.clone();
        let result = loop {
            // money < full_total / full  <=>  money < ceil(full_total / full), as money is whole.
            let threshold = div_ceil_by(&full_total, full);
            let before = full_payers.len();
            full_payers.retain(|&(c, voters)| {
                let money = &self.class_money[c];
                let poor = money.at0 < threshold;
                if poor {
                    partial_money.add(money, voters);
                    full -= voters;
                }
                !poor
            });
            if full == 0 {
                break Priced::Short(partial_money.total());
            }
            let slope = || -partial_money.slope.total();
            if full_payers.len() == before {
                break Priced::Affordable(Price {
                    full_total: Affine::new(full_total, slope()),
                    full,
                    partial: self.ctx.profile.approvals[p] - full,
                });
            }
            full_total.clone_from(cost);
            full_total -= partial_money.at0.total();
            if let Some(cut) = cutoff {
                let den = cost * full;
                if cmp_products(&full_total, &cut.den, &cut.num.at0, &den).is_gt() {
                    let num = Affine::new(full_total, slope());
                    break Priced::Above(Rho { num, den });
                }
            }
        };
        self.classes = full_payers;
        result
    }

    /// Records the signs that make `price` the price of `p`: partial payers have less than the
    /// share, full payers at least the share (`money × full` against `full_total`).
    pub fn require_price_structure(&mut self, p: usize, price: &Price, horizon: &mut Horizon) {
        self.collect_supporter_classes(p);
        let full = BigInt::from(price.full);
        let one = BigInt::from(1u8);
        let share = (&price.full_total, &full);
        for &(c, _) in &self.classes {
            if !horizon.is_open() {
                return;
            }
            let money = (&self.class_money[c], &one);
            if cmp_products(&money.0.at0, &full, &price.full_total.at0, &one).is_lt() {
                horizon.require_ordered(share, money, true);
            } else {
                horizon.require_ordered(money, share, false);
            }
        }
    }

    /// Buys `p`: full payers pay the share, partial payers everything they have. `keep` lists
    /// the projects whose costs must stay up to date.
    pub fn pay(&mut self, p: usize, price: Price, keep: &[&[usize]]) {
        let mut full_total = price.full_total;
        // Make the share a whole number of units: multiply everything by full / gcd. The
        // remainders are below `full`, so the gcd is taken on machine integers (the sign of a
        // remainder does not change the gcd).
        let full = price.full;
        let gcd = remainder_by(&full_total.at0, full)
            .gcd(&remainder_by(&full_total.slope, full))
            .gcd(&full);
        let factor = full / gcd;
        if factor != 1 {
            self.scale *= factor;
            for &q in keep.iter().copied().flatten() {
                self.costs[q] *= factor;
            }
            for (money, &groups) in self.class_money.iter_mut().zip(&self.class_groups) {
                if groups > 0 {
                    money.scale_by(factor);
                }
            }
            full_total.scale_by(factor);
        }
        // Exact divisions by a machine integer.
        let share = Affine::new(full_total.at0 / full, full_total.slope / full);
        self.split_classes(p, &share);
    }

    /// Moves every supporter of `p` to the class "same money minus the share", or to class 0
    /// when that leaves nothing, creating each new class once.
    fn split_classes(&mut self, p: usize, share: &Affine) {
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
                    let c = self.class_after_paying(old, share);
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
    fn class_after_paying(&mut self, old: usize, share: &Affine) -> usize {
        let money = &self.class_money[old];
        // Partial payers pay everything they have, and so do full payers left with nothing.
        if money.at0 < share.at0 || money == share {
            return 0;
        }
        // A reused class keeps its storage: copying into it allocates nothing.
        let c = match self.free.pop() {
            Some(c) => c,
            None => {
                self.class_money.push(Affine::default());
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
        *to -= share;
        c
    }
}
