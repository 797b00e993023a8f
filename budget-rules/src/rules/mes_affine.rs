//! What only runs on big integers need of the voters' money: the signs and bounds of runs that
//! track their horizon (see `mes_search`), and the levels that explanations show.

use num_bigint::BigInt;
use num_traits::Zero;

use super::horizon::{Affine, Horizon};
use super::mes_money::{Money, Price};
use super::products::cmp_products;

impl Money<'_, '_> {
    /// Drops the dependence on further raises, once nothing needs it: the rest of the run then
    /// costs what an untracked one does.
    pub fn forget_slopes(&mut self) {
        for money in &mut self.class_money {
            money.slope.set_zero();
        }
    }

    /// What the supporters of `p` have left, as `(money per voter, voters)`, scaled.
    pub fn supporter_levels(&mut self, p: usize) -> Vec<(BigInt, u64)> {
        self.collect_supporter_classes(p);
        self.classes
            .iter()
            .map(|&(c, voters)| (self.class_money[c].at0.clone(), voters))
            .collect()
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
}
