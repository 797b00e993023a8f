//! Exact integers for the rules' inner loops: machine `i128` when the numbers fit, big integers
//! otherwise.
//!
//! Why: small elections keep their scaled amounts well within 128 bits, and machine arithmetic
//! is many times faster than heap-allocated big integers. A rule runs first on `i128`; an
//! operation that would overflow reports [`Overflow`] instead of wrapping, and the rule is run
//! again on [`BigInt`], whose operations cannot fail (their error type is uninhabited). So the
//! result is exact either way.

use std::cmp::Ordering;
use std::convert::Infallible;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use super::products::cmp_products;
use crate::amount::{div_ceil_by, fraction, machine_fraction, Amount};

/// An `i128` operation would have overflowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Overflow;

pub(crate) trait ExactInt: Clone + Ord + std::fmt::Debug {
    /// [`Overflow`] for `i128`, nothing for [`BigInt`].
    type Error;

    fn from_big(value: &BigInt) -> Result<Self, Self::Error>;
    fn to_big(&self) -> BigInt;
    /// `self / (den × factor)` reduced, for reports (`den × factor > 0`).
    fn fraction_over(&self, den: &Self, factor: u64) -> Amount;
    fn zero() -> Self;
    /// `self += other`, in place so that a big integer keeps its storage.
    fn add_in_place(&mut self, other: &Self) -> Result<(), Self::Error>;
    /// `self -= other`, in place.
    fn sub_in_place(&mut self, other: &Self) -> Result<(), Self::Error>;
    fn sub(&self, other: &Self) -> Result<Self, Self::Error>;
    fn mul_u64(&self, factor: u64) -> Result<Self, Self::Error>;
    /// `self *= factor`, in place.
    fn mul_in_place(&mut self, factor: u64) -> Result<(), Self::Error>;
    /// Euclidean remainder, in `0..divisor`.
    fn rem_u64(&self, divisor: u64) -> u64;
    /// Quotient rounded towards zero.
    fn div_u64(&self, divisor: u64) -> Self;
    /// Compares `self × a` with `other × b`, exactly.
    fn cmp_scaled(&self, a: u64, other: &Self, b: u64) -> Ordering;
    /// Compares `a × b` with `c × d`, exactly.
    fn cmp_products(a: &Self, b: &Self, c: &Self, d: &Self) -> Ordering;
    fn from_u64(value: u64) -> Self;
    /// `value × factor`, from a big integer.
    fn scaled_from_big(value: &BigInt, factor: u64) -> Result<Self, Self::Error>;
    /// `ceil(self / divisor)`.
    fn div_ceil_u64(&self, divisor: u64) -> Self;
    /// Whether every one of `values` times `factor` is representable.
    fn all_fit_times<'a>(values: impl Iterator<Item = &'a Self>, factor: u128) -> bool
    where
        Self: 'a;
}

impl ExactInt for i128 {
    type Error = Overflow;

    fn from_big(value: &BigInt) -> Result<i128, Overflow> {
        value.to_i128().ok_or(Overflow)
    }

    fn to_big(&self) -> BigInt {
        BigInt::from(*self)
    }

    fn fraction_over(&self, den: &i128, factor: u64) -> Amount {
        match den.mul_u64(factor) {
            Ok(den) => machine_fraction(*self, den),
            Err(Overflow) => fraction(self.to_big(), den.to_big() * factor),
        }
    }

    fn zero() -> i128 {
        0
    }

    fn add_in_place(&mut self, other: &i128) -> Result<(), Overflow> {
        *self = self.checked_add(*other).ok_or(Overflow)?;
        Ok(())
    }

    fn sub_in_place(&mut self, other: &i128) -> Result<(), Overflow> {
        *self = self.checked_sub(*other).ok_or(Overflow)?;
        Ok(())
    }

    fn sub(&self, other: &i128) -> Result<i128, Overflow> {
        self.checked_sub(*other).ok_or(Overflow)
    }

    fn mul_u64(&self, factor: u64) -> Result<i128, Overflow> {
        // A value within 64 bits times a u64 is below 2^127 in magnitude: it cannot overflow,
        // and one machine multiplication does it.
        if let Ok(small) = i64::try_from(*self) {
            return Ok(i128::from(small) * i128::from(factor));
        }
        self.checked_mul(i128::from(factor)).ok_or(Overflow)
    }

    fn mul_in_place(&mut self, factor: u64) -> Result<(), Overflow> {
        *self = self.mul_u64(factor)?;
        Ok(())
    }

    fn rem_u64(&self, divisor: u64) -> u64 {
        // Non-negative values within 64 bits, the usual case, divide on 64 bits.
        if let Ok(small) = u64::try_from(*self) {
            return small % divisor;
        }
        // The remainder is below a u64 divisor, so it converts back.
        self.rem_euclid(i128::from(divisor)) as u64
    }

    fn div_u64(&self, divisor: u64) -> i128 {
        self / i128::from(divisor)
    }

    fn cmp_scaled(&self, a: u64, other: &i128, b: u64) -> Ordering {
        // Non-negative values below 2^64, the usual case, multiply exactly in 128 bits.
        if let (Ok(x), Ok(y)) = (u64::try_from(*self), u64::try_from(*other)) {
            return (u128::from(x) * u128::from(a)).cmp(&(u128::from(y) * u128::from(b)));
        }
        match (self.mul_u64(a), other.mul_u64(b)) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => (self.to_big() * a).cmp(&(other.to_big() * b)),
        }
    }

    fn cmp_products(a: &i128, b: &i128, c: &i128, d: &i128) -> Ordering {
        let (left, right) = (a.signum() * b.signum(), c.signum() * d.signum());
        if left != right || left == 0 {
            return left.cmp(&right);
        }
        let magnitude = |x: &i128, y: &i128| wide_product(x.unsigned_abs(), y.unsigned_abs());
        let order = magnitude(a, b).cmp(&magnitude(c, d));
        if left < 0 {
            order.reverse()
        } else {
            order
        }
    }

    fn from_u64(value: u64) -> i128 {
        i128::from(value)
    }

    fn scaled_from_big(value: &BigInt, factor: u64) -> Result<i128, Overflow> {
        i128::from_big(value)?.mul_u64(factor)
    }

    fn div_ceil_u64(&self, divisor: u64) -> i128 {
        let d = i128::from(divisor);
        // Floor division rounds towards minus infinity, so the ceiling is minus the floor of
        // the opposite; values stay far from `i128::MIN` (see `all_fit_times`).
        -(-self).div_euclid(d)
    }

    fn all_fit_times<'a>(values: impl Iterator<Item = &'a i128>, factor: u128) -> bool {
        let largest = values.map(|x| x.unsigned_abs()).max().unwrap_or(0);
        largest
            .checked_mul(factor)
            .is_some_and(|x| x <= i128::MAX.unsigned_abs())
    }
}

/// The value of a computation on [`BigInt`], whose error cannot happen.
pub(crate) fn infallible<T>(result: Result<T, Infallible>) -> T {
    match result {
        Ok(value) => value,
        Err(never) => match never {},
    }
}

/// `x × y` in 256 bits, as (high, low) halves: ordered as the products are.
fn wide_product(x: u128, y: u128) -> (u128, u128) {
    // Both within 64 bits, the usual case: one machine multiplication.
    if let (Ok(x), Ok(y)) = (u64::try_from(x), u64::try_from(y)) {
        return (0, u128::from(x) * u128::from(y));
    }
    const LOW: u128 = u64::MAX as u128;
    let (x1, x0) = (x >> 64, x & LOW);
    let (y1, y0) = (y >> 64, y & LOW);
    let (low, cross1, cross2, high) = (x0 * y0, x0 * y1, x1 * y0, x1 * y1);
    // Each term is below 2^64, so their sum is below 2^66.
    let middle = (low >> 64) + (cross1 & LOW) + (cross2 & LOW);
    let low = (low & LOW) | (middle << 64);
    let high = high + (cross1 >> 64) + (cross2 >> 64) + (middle >> 64);
    (high, low)
}

impl ExactInt for BigInt {
    type Error = Infallible;

    fn from_big(value: &BigInt) -> Result<BigInt, Infallible> {
        Ok(value.clone())
    }

    fn to_big(&self) -> BigInt {
        self.clone()
    }

    fn fraction_over(&self, den: &BigInt, factor: u64) -> Amount {
        fraction(self.clone(), den * factor)
    }

    fn zero() -> BigInt {
        Zero::zero()
    }

    fn add_in_place(&mut self, other: &BigInt) -> Result<(), Infallible> {
        *self += other;
        Ok(())
    }

    fn sub_in_place(&mut self, other: &BigInt) -> Result<(), Infallible> {
        *self -= other;
        Ok(())
    }

    fn sub(&self, other: &BigInt) -> Result<BigInt, Infallible> {
        Ok(self - other)
    }

    fn mul_u64(&self, factor: u64) -> Result<BigInt, Infallible> {
        Ok(self * factor)
    }

    fn mul_in_place(&mut self, factor: u64) -> Result<(), Infallible> {
        *self *= factor;
        Ok(())
    }

    fn rem_u64(&self, divisor: u64) -> u64 {
        self.mod_floor(&BigInt::from(divisor)).to_u64().unwrap_or(0)
    }

    fn div_u64(&self, divisor: u64) -> BigInt {
        self / divisor
    }

    fn cmp_scaled(&self, a: u64, other: &BigInt, b: u64) -> Ordering {
        (self * a).cmp(&(other * b))
    }

    fn cmp_products(a: &BigInt, b: &BigInt, c: &BigInt, d: &BigInt) -> Ordering {
        cmp_products(a, b, c, d)
    }

    fn from_u64(value: u64) -> BigInt {
        BigInt::from(value)
    }

    fn scaled_from_big(value: &BigInt, factor: u64) -> Result<BigInt, Infallible> {
        Ok(if factor == 1 {
            value.clone()
        } else {
            value * factor
        })
    }

    fn div_ceil_u64(&self, divisor: u64) -> BigInt {
        div_ceil_by(self, divisor)
    }

    fn all_fit_times<'a>(_values: impl Iterator<Item = &'a BigInt>, _factor: u128) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_integers_report_overflow_instead_of_wrapping() {
        let mut max = i128::MAX;
        assert_eq!(max.add_in_place(&1), Err(Overflow));
        assert_eq!(i128::MIN.sub(&1), Err(Overflow));
        assert_eq!((i128::MAX / 2).mul_u64(3), Err(Overflow));
        assert_eq!(
            i128::from_big(&(BigInt::from(i128::MAX) + 1)),
            Err(Overflow)
        );
        assert_eq!(7i128.mul_u64(6), Ok(42));
        let third = i128::MAX / 3;
        assert!(i128::all_fit_times([1, -third, third].iter(), 3));
        assert!(!i128::all_fit_times([1, -third, 5].iter(), 4));
        assert!(!i128::all_fit_times([i128::MIN].iter(), 1));
        assert!(i128::all_fit_times([].iter(), u128::MAX));
    }

    #[test]
    fn both_kinds_agree() {
        let wide = i128::from(u64::MAX);
        let values: [i128; 7] = [0, 7, -7, wide, wide + 1, i128::MAX / 3, i128::MIN / 5];
        for x in values {
            let big = x.to_big();
            let den = i128::MAX / 3;
            let want = big.fraction_over(&den.to_big(), 1 << 40);
            assert_eq!(x.fraction_over(&den, 1 << 40), want, "{x}");
            assert_eq!(
                x.fraction_over(&6, 5),
                big.fraction_over(&BigInt::from(6), 5)
            );
            assert_eq!(x.rem_u64(5), big.rem_u64(5), "{x}");
            assert_eq!(x.div_u64(5).to_big(), big.div_u64(5), "{x}");
            assert_eq!(x.div_ceil_u64(7).to_big(), big.div_ceil_u64(7), "{x}");
            for y in values {
                let want = big.cmp_scaled(1 << 40, &y.to_big(), 3);
                assert_eq!(x.cmp_scaled(1 << 40, &y, 3), want, "{x} {y}");
                // Products far beyond 128 bits, of every sign.
                for (z, w) in [(wide, -3), (i128::MAX / 3, i128::MIN / 5), (-7, y)] {
                    let want = BigInt::cmp_products(&big, &y.to_big(), &z.to_big(), &w.to_big());
                    assert_eq!(
                        i128::cmp_products(&x, &y, &z, &w),
                        want,
                        "{x}·{y} vs {z}·{w}"
                    );
                }
            }
        }
    }
}
