//! Amounts of money in a MES run: machine `i128` while the numbers surely fit, or [`Affine`]
//! functions of the extra raises on big integers, which runs tracking their horizon need and
//! any run goes on with once its numbers outgrow machine integers (see `exact_int`).

use std::convert::Infallible;

use num_bigint::BigInt;
use num_integer::Integer;

use super::exact_int::{ExactInt, Overflow};
use super::horizon::Affine;
use super::wide_sum::AffineSum;
use crate::amount::remainder_by;

/// What an operation on `V` can fail with: [`Overflow`] for `i128`, nothing for [`Affine`].
pub(crate) type Failure<V> = <<V as MesValue>::Int as ExactInt>::Error;

pub(crate) trait MesValue: Clone + Default + PartialEq + std::fmt::Debug {
    /// The integers the value is made of, and the run's other amounts (costs, scale).
    type Int: ExactInt;
    /// An accumulator of `Σ value × weight`.
    type Sum: Default;

    fn constant(value: Self::Int) -> Self;
    /// The value in the run itself.
    fn at0(&self) -> &Self::Int;
    /// `self += other × weight`; `scratch` is reused so that no big integer is allocated.
    fn add_weighted(
        &mut self,
        other: &Self,
        weight: u64,
        scratch: &mut Self::Int,
    ) -> Result<(), Failure<Self>>;
    fn sub_assign(&mut self, other: &Self) -> Result<(), Failure<Self>>;
    fn scale_by(&mut self, factor: u64) -> Result<(), Failure<Self>>;
    /// The gcd of `divisor` and of every integer of the value.
    fn gcd_with(&self, divisor: u64) -> u64;
    /// Divides every integer of the value by `divisor`, which divides them.
    fn div_exact(self, divisor: u64) -> Self;
    fn add_to_sum(sum: &mut Self::Sum, value: &Self, weight: u64) -> Result<(), Failure<Self>>;
    /// The sum in the run itself.
    fn sum_at0(sum: &Self::Sum) -> Self::Int;
    fn sum_total(sum: &Self::Sum) -> Self;
    /// The value that is `at0` in the run itself and decreases as the sum grows: what is left
    /// of a cost once the sum is paid.
    fn less_sum(at0: Self::Int, sum: &Self::Sum) -> Self;
}

impl MesValue for Affine {
    type Int = BigInt;
    type Sum = AffineSum;

    fn constant(value: BigInt) -> Affine {
        Affine::constant(value)
    }

    fn at0(&self) -> &BigInt {
        &self.at0
    }

    fn add_weighted(
        &mut self,
        other: &Affine,
        weight: u64,
        scratch: &mut BigInt,
    ) -> Result<(), Infallible> {
        Affine::add_weighted(self, other, weight, scratch);
        Ok(())
    }

    fn sub_assign(&mut self, other: &Affine) -> Result<(), Infallible> {
        *self -= other;
        Ok(())
    }

    fn scale_by(&mut self, factor: u64) -> Result<(), Infallible> {
        Affine::scale_by(self, factor);
        Ok(())
    }

    fn gcd_with(&self, divisor: u64) -> u64 {
        // The remainders are below `divisor`, so the gcd is taken on machine integers (the
        // sign of a remainder does not change it).
        remainder_by(&self.at0, divisor)
            .gcd(&remainder_by(&self.slope, divisor))
            .gcd(&divisor)
    }

    fn div_exact(self, divisor: u64) -> Affine {
        // By value: a big integer divided by a machine one keeps its storage.
        Affine::new(self.at0 / divisor, self.slope / divisor)
    }

    fn add_to_sum(sum: &mut AffineSum, value: &Affine, weight: u64) -> Result<(), Infallible> {
        sum.add(value, weight);
        Ok(())
    }

    fn sum_at0(sum: &AffineSum) -> BigInt {
        sum.at0.total()
    }

    fn sum_total(sum: &AffineSum) -> Affine {
        sum.total()
    }

    fn less_sum(at0: BigInt, sum: &AffineSum) -> Affine {
        Affine::new(at0, -sum.slope.total())
    }
}

impl MesValue for i128 {
    type Int = i128;
    type Sum = i128;

    fn constant(value: i128) -> i128 {
        value
    }

    fn at0(&self) -> &i128 {
        self
    }

    fn add_weighted(&mut self, other: &i128, weight: u64, _: &mut i128) -> Result<(), Overflow> {
        self.add_in_place(&other.mul_u64(weight)?)
    }

    fn sub_assign(&mut self, other: &i128) -> Result<(), Overflow> {
        self.sub_in_place(other)
    }

    fn scale_by(&mut self, factor: u64) -> Result<(), Overflow> {
        self.mul_in_place(factor)
    }

    fn gcd_with(&self, divisor: u64) -> u64 {
        self.rem_u64(divisor).gcd(&divisor)
    }

    fn div_exact(self, divisor: u64) -> i128 {
        self.div_u64(divisor)
    }

    fn add_to_sum(sum: &mut i128, value: &i128, weight: u64) -> Result<(), Overflow> {
        sum.add_weighted(value, weight, &mut 0)
    }

    fn sum_at0(sum: &i128) -> i128 {
        *sum
    }

    fn sum_total(sum: &i128) -> i128 {
        *sum
    }

    fn less_sum(at0: i128, _: &i128) -> i128 {
        at0
    }
}
