//! Sums of products of big integers and counts, accumulated in fixed words on the stack.
//!
//! Pricing a MES project adds up `money × voters` over hundreds of budget classes. With big
//! integers every product is formed in a scratch integer and then added: several passes, each
//! with its own checks and possible reallocation. Here each product is added word by word into
//! a fixed array, and a single big integer is made once the sum is needed.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

use super::horizon::Affine;

const WORDS: usize = 6;
/// Values of up to this many 64-bit words are summed in the words. Each product with a 64-bit
/// weight is then below 2^(64 × (WORDS − 1)), so fewer than 2^64 of them stay below
/// 2^(64 × WORDS): a carry never leaves the array.
const VALUE_WORDS: usize = WORDS - 2;

/// `Σ value × weight` over signed big values and machine weights.
#[derive(Default)]
pub(crate) struct WideSum {
    positive: Words,
    negative: Words,
    /// The terms with values too wide for the words.
    spill: BigInt,
}

/// A non-negative sum in words, least significant first; those from `len` on are zero.
#[derive(Default)]
struct Words {
    words: [u64; WORDS],
    len: usize,
}

impl WideSum {
    pub fn add(&mut self, value: &BigInt, weight: u64) {
        let sum = match value.sign() {
            Sign::NoSign => return,
            Sign::Plus => &mut self.positive,
            Sign::Minus => &mut self.negative,
        };
        let digits = value.magnitude().iter_u64_digits();
        if digits.len() > VALUE_WORDS {
            self.spill += value * weight;
            return;
        }
        let words = &mut sum.words;
        let mut carry = 0u64;
        let mut i = 0;
        for digit in digits {
            // Below 2^128: (2^64 − 1)² + 2 (2^64 − 1) = 2^128 − 1.
            let t =
                u128::from(digit) * u128::from(weight) + u128::from(words[i]) + u128::from(carry);
            words[i] = t as u64;
            carry = (t >> 64) as u64;
            i += 1;
        }
        while carry != 0 {
            let (word, overflowed) = words[i].overflowing_add(carry);
            words[i] = word;
            carry = u64::from(overflowed);
            i += 1;
        }
        sum.len = sum.len.max(i);
    }

    pub fn total(&self) -> BigInt {
        let mut total = self.positive.magnitude();
        // Usually there is neither: not worth two big integer operations.
        if self.negative.len > 0 {
            total -= self.negative.magnitude();
        }
        if !self.spill.is_zero() {
            total += &self.spill;
        }
        total
    }
}

impl Words {
    fn magnitude(&self) -> BigInt {
        let words = &self.words;
        match self.len {
            0 => BigInt::zero(),
            1 => BigInt::from(words[0]),
            2 => BigInt::from(u128::from(words[1]) << 64 | u128::from(words[0])),
            len => {
                let halves = words[..len]
                    .iter()
                    .flat_map(|&w| [w as u32, (w >> 32) as u32])
                    .collect();
                BigInt::from_biguint(Sign::Plus, BigUint::new(halves))
            }
        }
    }
}

/// `Σ money × weight` over affine amounts of money.
#[derive(Default)]
pub(crate) struct AffineSum {
    pub at0: WideSum,
    pub slope: WideSum,
}

impl AffineSum {
    pub fn add(&mut self, money: &Affine, weight: u64) {
        self.at0.add(&money.at0, weight);
        self.slope.add(&money.slope, weight);
    }

    pub fn total(&self) -> Affine {
        Affine::new(self.at0.total(), self.slope.total())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_equal_big_integer_arithmetic() {
        let wide = BigInt::from(7u8).pow(150);
        let values = [
            BigInt::from(0u8),
            BigInt::from(5u8),
            BigInt::from(-9i8),
            BigInt::from(u64::MAX),
            BigInt::from(u128::MAX),
            -BigInt::from(u128::MAX),
            BigInt::from(3u8).pow(200),
            wide.clone(),
            -wide,
        ];
        let weights = [1, 2, u64::MAX, 1000];
        let mut sum = WideSum::default();
        let mut want = BigInt::zero();
        for (i, value) in values.iter().enumerate() {
            for &weight in &weights {
                sum.add(value, weight);
                want += value * weight;
                assert_eq!(sum.total(), want, "after value {i} weight {weight}");
            }
        }
    }
}
