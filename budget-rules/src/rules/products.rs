//! Exact comparison of products of big integers, without allocating.
//!
//! MES compares prices `a / b` and `c / d` by their cross products `a × d` and `c × b`, hundreds
//! of thousands of times in a count. Multiplying big integers allocates each product; for
//! operands of a few words, the usual size, the products are formed on the stack instead.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;

/// Operands of up to this many 64-bit words are multiplied on the stack.
const WORDS: usize = 8;

/// Compares `a × b` with `c × d`. Products of very different sizes are ordered by their bit
/// lengths alone, which spares most multiplications.
pub(crate) fn cmp_products(a: &BigInt, b: &BigInt, c: &BigInt, d: &BigInt) -> Ordering {
    let sign = |x: &BigInt, y: &BigInt| x.sign() * y.sign();
    let (left, right) = (sign(a, b), sign(c, d));
    if left != right || left == Sign::NoSign {
        return (left as i8).cmp(&(right as i8));
    }
    // Both products are nonzero with the same sign: |x·y| lies in [2^(bits−2), 2^bits).
    let (left_bits, right_bits) = (a.bits() + b.bits(), c.bits() + d.bits());
    let magnitude = if left_bits >= right_bits + 2 {
        Ordering::Greater
    } else if right_bits >= left_bits + 2 {
        Ordering::Less
    } else {
        cmp_magnitudes(
            (a.magnitude(), b.magnitude()),
            (c.magnitude(), d.magnitude()),
        )
    };
    if left == Sign::Minus {
        magnitude.reverse()
    } else {
        magnitude
    }
}

fn cmp_magnitudes(left: (&BigUint, &BigUint), right: (&BigUint, &BigUint)) -> Ordering {
    // Operands of one word each, the most common case, multiply exactly in 128 bits.
    let word = |x: &BigUint| x.to_u64().map(u128::from);
    if let (Some(a), Some(b), Some(c), Some(d)) =
        (word(left.0), word(left.1), word(right.0), word(right.1))
    {
        return (a * b).cmp(&(c * d));
    }
    match (Product::of(left), Product::of(right)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => (left.0 * left.1).cmp(&(right.0 * right.1)),
    }
}

/// The product of two operands of at most [`WORDS`] words, little-endian.
#[derive(PartialEq, Eq)]
struct Product([u64; 2 * WORDS]);

impl Product {
    fn of((x, y): (&BigUint, &BigUint)) -> Option<Product> {
        let (x, x_len) = words(x)?;
        let (y, y_len) = words(y)?;
        let mut out = [0u64; 2 * WORDS];
        for (i, &xi) in x[..x_len].iter().enumerate() {
            let mut carry = 0u64;
            for (j, &yj) in y[..y_len].iter().enumerate() {
                // Below 2^128: (2^64 − 1)² + 2 (2^64 − 1) = 2^128 − 1.
                let t =
                    u128::from(xi) * u128::from(yj) + u128::from(out[i + j]) + u128::from(carry);
                out[i + j] = t as u64;
                carry = (t >> 64) as u64;
            }
            out[i + y_len] = carry;
        }
        Some(Product(out))
    }
}

impl Ord for Product {
    fn cmp(&self, other: &Product) -> Ordering {
        self.0.iter().rev().cmp(other.0.iter().rev())
    }
}

impl PartialOrd for Product {
    fn partial_cmp(&self, other: &Product) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The 64-bit words of `x` and how many there are, if at most [`WORDS`].
fn words(x: &BigUint) -> Option<([u64; WORDS], usize)> {
    let digits = x.iter_u64_digits();
    let len = digits.len();
    if len > WORDS {
        return None;
    }
    let mut out = [0u64; WORDS];
    for (slot, digit) in out.iter_mut().zip(digits) {
        *slot = digit;
    }
    Some((out, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_compare_exactly_at_any_size() {
        let big = BigInt::from(3u8).pow(90);
        let huge = BigInt::from(7u8).pow(400);
        let n = |x: i64| BigInt::from(x);
        let cases = [
            (n(2), n(3), n(1), n(6), Ordering::Equal),
            (n(-2), n(3), n(1), n(5), Ordering::Less),
            (n(0), n(3), n(-1), n(5), Ordering::Greater),
            (n(-2), n(3), n(-1), n(5), Ordering::Less),
            (big.clone(), n(2), big.clone() + 1, n(1), Ordering::Greater),
            (big.clone(), big.clone(), n(1), n(1), Ordering::Greater),
            (-big.clone(), big.clone(), n(-1), n(1), Ordering::Less),
            (
                big.clone(),
                big.clone() + 1,
                big.clone() + 1,
                big.clone(),
                Ordering::Equal,
            ),
            (
                big.clone(),
                big.clone() + 2,
                big.clone() + 1,
                big.clone() + 1,
                Ordering::Less,
            ),
            (huge.clone(), n(3), huge.clone() + 1, n(3), Ordering::Less),
        ];
        for (a, b, c, d, want) in cases {
            assert_eq!(cmp_products(&a, &b, &c, &d), want, "{a}·{b} vs {c}·{d}");
            assert_eq!((&a * &b).cmp(&(&c * &d)), want);
        }
    }
}
