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

/// An `i128` operation would have overflowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Overflow;

pub(crate) trait ExactInt: Clone + Ord + std::fmt::Debug {
    /// [`Overflow`] for `i128`, nothing for [`BigInt`].
    type Error;

    fn from_big(value: &BigInt) -> Result<Self, Self::Error>;
    fn to_big(&self) -> BigInt;
    fn zero() -> Self;
    fn add(&self, other: &Self) -> Result<Self, Self::Error>;
    fn sub(&self, other: &Self) -> Result<Self, Self::Error>;
    fn mul_u64(&self, factor: u64) -> Result<Self, Self::Error>;
    /// Euclidean remainder, in `0..divisor`.
    fn rem_u64(&self, divisor: u64) -> u64;
    /// Quotient rounded towards zero.
    fn div_u64(&self, divisor: u64) -> Self;
    /// Compares `self × a` with `other × b`, exactly.
    fn cmp_scaled(&self, a: u64, other: &Self, b: u64) -> Ordering;
}

impl ExactInt for i128 {
    type Error = Overflow;

    fn from_big(value: &BigInt) -> Result<i128, Overflow> {
        value.to_i128().ok_or(Overflow)
    }

    fn to_big(&self) -> BigInt {
        BigInt::from(*self)
    }

    fn zero() -> i128 {
        0
    }

    fn add(&self, other: &i128) -> Result<i128, Overflow> {
        self.checked_add(*other).ok_or(Overflow)
    }

    fn sub(&self, other: &i128) -> Result<i128, Overflow> {
        self.checked_sub(*other).ok_or(Overflow)
    }

    fn mul_u64(&self, factor: u64) -> Result<i128, Overflow> {
        self.checked_mul(i128::from(factor)).ok_or(Overflow)
    }

    fn rem_u64(&self, divisor: u64) -> u64 {
        // The remainder is below a u64 divisor, so it converts back.
        self.rem_euclid(i128::from(divisor)) as u64
    }

    fn div_u64(&self, divisor: u64) -> i128 {
        self / i128::from(divisor)
    }

    fn cmp_scaled(&self, a: u64, other: &i128, b: u64) -> Ordering {
        match (self.mul_u64(a), other.mul_u64(b)) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => (self.to_big() * a).cmp(&(other.to_big() * b)),
        }
    }
}

impl ExactInt for BigInt {
    type Error = Infallible;

    fn from_big(value: &BigInt) -> Result<BigInt, Infallible> {
        Ok(value.clone())
    }

    fn to_big(&self) -> BigInt {
        self.clone()
    }

    fn zero() -> BigInt {
        Zero::zero()
    }

    fn add(&self, other: &BigInt) -> Result<BigInt, Infallible> {
        Ok(self + other)
    }

    fn sub(&self, other: &BigInt) -> Result<BigInt, Infallible> {
        Ok(self - other)
    }

    fn mul_u64(&self, factor: u64) -> Result<BigInt, Infallible> {
        Ok(self * factor)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_integers_report_overflow_instead_of_wrapping() {
        assert_eq!(i128::MAX.add(&1), Err(Overflow));
        assert_eq!(i128::MIN.sub(&1), Err(Overflow));
        assert_eq!((i128::MAX / 2).mul_u64(3), Err(Overflow));
        assert_eq!(
            i128::from_big(&(BigInt::from(i128::MAX) + 1)),
            Err(Overflow)
        );
        assert_eq!(7i128.mul_u64(6), Ok(42));
    }

    #[test]
    fn both_kinds_agree() {
        let values: [i128; 5] = [0, 7, -7, i128::MAX / 3, i128::MIN / 5];
        for x in values {
            let big = x.to_big();
            assert_eq!(x.rem_u64(5), big.rem_u64(5), "{x}");
            assert_eq!(x.div_u64(5).to_big(), big.div_u64(5), "{x}");
            for y in values {
                let want = big.cmp_scaled(1 << 40, &y.to_big(), 3);
                assert_eq!(x.cmp_scaled(1 << 40, &y, 3), want, "{x} {y}");
            }
        }
    }
}
