//! How far a MES run's picks stay the same when every voter's budget is raised further.
//!
//! MES with Add1 completion re-runs MES with each voter's budget raised by 0, 1, 2, … units
//! until a run is exhaustive or overspends. Consecutive runs usually pick the same projects, so
//! a run can compute how many further raises provably change nothing and the search skips them.
//!
//! Why this is exact: along one run, with the same projects bought in the same way, every
//! amount of money is an affine function `at0 + slope × t` of `t`, the number of raises beyond
//! the run's own (its [`Affine`] value). Every decision the run makes is the sign of such a
//! function (see `mes_engine`), so it keeps being made the same way for all `t` up to the
//! largest integer where each of those signs holds, which is [`Horizon::limit`].

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::products::cmp_products;

/// An integer-valued affine function of the number of extra raises `t`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Affine {
    pub at0: BigInt,
    pub slope: BigInt,
}

// By hand, because a derived `clone_from` clones and replaces, allocating: copying field by
// field keeps the destination's storage, which reused classes rely on.
impl Clone for Affine {
    fn clone(&self) -> Affine {
        Affine::new(self.at0.clone(), self.slope.clone())
    }

    fn clone_from(&mut self, source: &Affine) {
        self.at0.clone_from(&source.at0);
        self.slope.clone_from(&source.slope);
    }
}

impl Affine {
    pub fn new(at0: BigInt, slope: BigInt) -> Affine {
        Affine { at0, slope }
    }

    pub fn constant(at0: BigInt) -> Affine {
        Affine::new(at0, BigInt::zero())
    }

    /// `self += other × weight`; `scratch` is reused so that no big integer is allocated.
    pub fn add_weighted(&mut self, other: &Affine, weight: u64, scratch: &mut BigInt) {
        add_weighted(&mut self.at0, &other.at0, weight, scratch);
        // Zero in every run that does not track its horizon: not worth a call.
        if !other.slope.is_zero() {
            add_weighted(&mut self.slope, &other.slope, weight, scratch);
        }
    }

    /// The value at `t`.
    pub fn at(&self, t: u64) -> BigInt {
        if self.slope.is_zero() {
            self.at0.clone()
        } else {
            &self.at0 + &self.slope * t
        }
    }

    pub fn scale_by(&mut self, factor: u64) {
        self.at0 *= factor;
        if !self.slope.is_zero() {
            self.slope *= factor;
        }
    }

    /// `self × a − other × b`, the cross-multiplied difference of two fractions.
    pub fn cross_difference(&self, a: &BigInt, other: &Affine, b: &BigInt) -> Affine {
        let slope = match (self.slope.is_zero(), other.slope.is_zero()) {
            (true, true) => BigInt::zero(),
            (false, true) => &self.slope * a,
            (true, false) => -(&other.slope * b),
            (false, false) => &self.slope * a - &other.slope * b,
        };
        Affine::new(&self.at0 * a - &other.at0 * b, slope)
    }
}

impl std::ops::SubAssign<&Affine> for Affine {
    fn sub_assign(&mut self, other: &Affine) {
        self.at0 -= &other.at0;
        if !other.slope.is_zero() {
            self.slope -= &other.slope;
        }
    }
}

/// `total += value × weight`, computing the product in `scratch`, whose storage is reused.
fn add_weighted(total: &mut BigInt, value: &BigInt, weight: u64, scratch: &mut BigInt) {
    if value.is_zero() {
        return;
    }
    if weight == 1 {
        *total += value;
    } else if let Some(product) = value.to_u128().and_then(|v| v.checked_mul(weight.into())) {
        // Usually the product fits in 128 bits and is added without a big integer.
        *total += product;
    } else {
        scratch.clone_from(value);
        *scratch *= weight;
        *total += &*scratch;
    }
}

/// The largest number of extra raises for which every sign recorded so far still holds, or
/// `None` when the run does not track it (a run that only needs its own result).
#[derive(Debug, Clone)]
pub(crate) struct Horizon {
    limit: Option<u64>,
}

impl Horizon {
    pub fn untracked() -> Horizon {
        Horizon { limit: None }
    }

    /// Tracking, looking no further than `cap` extra raises.
    pub fn up_to(cap: u64) -> Horizon {
        Horizon { limit: Some(cap) }
    }

    /// Whether recording a sign can still change anything: callers skip computing the
    /// functions otherwise.
    pub fn is_open(&self) -> bool {
        self.limit.is_some_and(|l| l > 0)
    }

    pub fn limit(&self) -> u64 {
        self.limit.unwrap_or(0)
    }

    /// The last `t`, up to the limit, until which `h(t) ≥ 0` (or `> 0` when `strict`) holds
    /// (it holds on a range starting at 0, as `h` is affine); `None` when it fails at `t = 0`.
    pub fn holds_until(&self, h: &Affine, strict: bool) -> Option<u64> {
        let holds = |value: &BigInt| {
            if strict {
                value.is_positive()
            } else {
                !value.is_negative()
            }
        };
        if !holds(&h.at0) {
            return None;
        }
        let limit = self.limit();
        if !h.slope.is_negative() || holds(&(&h.at0 + &h.slope * limit)) {
            return Some(limit);
        }
        // Largest t with at0 + slope·t ≥ 0 (≥ 1 when strict, as values are integers).
        let margin = if strict { &h.at0 - 1 } else { h.at0.clone() };
        let last = margin.div_floor(&-&h.slope);
        Some(last.to_u64().unwrap_or(0).min(limit))
    }

    /// Lowers the limit to `last`.
    pub fn restrict(&mut self, last: u64) {
        if let Some(limit) = &mut self.limit {
            *limit = (*limit).min(last);
        }
    }

    /// The last `t`, up to the limit, until which `num_a(t) / den_a ≥ num_b(t) / den_b` holds
    /// (`>` when `strict`); `None` when it fails at `t = 0`. Denominators are positive.
    pub fn ordered_until(
        &self,
        a: (&Affine, &BigInt),
        b: (&Affine, &BigInt),
        strict: bool,
    ) -> Option<u64> {
        let holds = |order: Ordering| order.is_gt() || (order.is_eq() && !strict);
        if !holds(cmp_products(&a.0.at0, b.1, &b.0.at0, a.1)) {
            return None;
        }
        let limit = self.limit();
        if a.0.slope.is_zero() && b.0.slope.is_zero() {
            return Some(limit);
        }
        // Affine: holding at 0 and at the limit is holding all the way.
        if holds(cmp_products(&a.0.at(limit), b.1, &b.0.at(limit), a.1)) {
            return Some(limit);
        }
        self.holds_until(&a.0.cross_difference(b.1, b.0, a.1), strict)
    }

    /// Records that `num_a(t) / den_a ≥ num_b(t) / den_b` (`>` when `strict`) must hold, as
    /// it does at `t = 0`.
    pub fn require_ordered(&mut self, a: (&Affine, &BigInt), b: (&Affine, &BigInt), strict: bool) {
        if !self.is_open() {
            return;
        }
        let last = self.ordered_until(a, b, strict);
        debug_assert!(
            last.is_some(),
            "a recorded order does not hold for the run itself"
        );
        self.restrict(last.unwrap_or(0));
    }

    /// Records that `h(t) ≥ 0` (or `> 0` when `strict`) must hold, as it does at `t = 0`.
    pub fn require(&mut self, h: &Affine, strict: bool) {
        if !self.is_open() {
            return;
        }
        let last = self.holds_until(h, strict);
        // Failing at t = 0 would be a bug upstream (the run decided otherwise): assume nothing.
        debug_assert!(
            last.is_some(),
            "a recorded sign does not hold for the run itself"
        );
        self.restrict(last.unwrap_or(0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn affine(at0: i64, slope: i64) -> Affine {
        Affine::new(BigInt::from(at0), BigInt::from(slope))
    }

    #[test]
    fn limit_is_the_last_integer_where_the_sign_holds() {
        let mut h = Horizon::up_to(100);
        h.require(&affine(10, 1), true);
        assert_eq!(h.limit(), 100, "a rising function never fails");
        h.require(&affine(10, -3), false);
        assert_eq!(h.limit(), 3, "10 - 3t >= 0 up to t = 3");
        h.require(&affine(9, -3), true);
        assert_eq!(h.limit(), 2, "9 - 3t > 0 up to t = 2");
        assert_eq!(h.holds_until(&affine(-1, 5), false), None);
        assert_eq!(h.holds_until(&affine(0, 5), false), Some(2));
        h.require(&affine(0, -1), false);
        assert_eq!(h.limit(), 0);
        assert!(!h.is_open());
    }

    #[test]
    fn untracked_runs_record_nothing() {
        let mut h = Horizon::untracked();
        h.require(&affine(1, -1), false);
        assert!(!h.is_open());
        assert_eq!(h.limit(), 0);
    }

    #[test]
    fn ordered_until_finds_where_two_fractions_cross() {
        let h = Horizon::up_to(100);
        let (two, five) = (BigInt::from(2), BigInt::from(5));
        // (10 + t)/2 ≥ (20 + 2t)/5  <=>  50 + 5t ≥ 40 + 4t: always.
        assert_eq!(
            h.ordered_until((&affine(10, 1), &two), (&affine(20, 2), &five), false),
            Some(100)
        );
        // (10 + t)/2 ≥ (20 + 4t)/5  <=>  10 ≥ 3t: up to t = 3.
        assert_eq!(
            h.ordered_until((&affine(10, 1), &two), (&affine(20, 4), &five), false),
            Some(3)
        );
        // Fails at once.
        assert_eq!(
            h.ordered_until((&affine(1, 0), &two), (&affine(20, 0), &five), false),
            None
        );
    }

    #[test]
    fn cross_difference_compares_fractions() {
        // (4 + t)/3 − (2 + 2t)/5, times 15: 5(4 + t) − 3(2 + 2t) = 14 − t.
        let d = affine(4, 1).cross_difference(&BigInt::from(5), &affine(2, 2), &BigInt::from(3));
        assert_eq!(d, affine(14, -1));
    }
}
