//! Exact money and point amounts.
//!
//! Every cost, budget and point count is a [`BigRational`]: pabulib files carry decimals such as
//! `1019940.37`, and the rules compare prices and loads that only tie exactly when computed
//! exactly. Floating point would turn ties into coin flips that differ between platforms.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An exact amount of money (or of points).
pub type Amount = BigRational;

/// Why a number could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    /// Not of the form `123`, `123.45`, `123,45` or `p/q`.
    Malformed,
    /// `p/0`.
    ZeroDenominator,
}

/// Builds an amount from an integer (handy for tests and callers that count in whole units).
pub fn amount(value: i64) -> Amount {
    BigRational::from_integer(BigInt::from(value))
}

/// Parses `123`, `-4`, `123.45`, `123,45` (decimal comma, as some pabulib files use) or `p/q`.
///
/// The text must already be trimmed. Exponents and thousands separators are rejected rather
/// than guessed at.
pub fn parse_amount(text: &str) -> Result<Amount, AmountError> {
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let value = if let Some((num, den)) = body.split_once('/') {
        parse_fraction(num, den)?
    } else {
        parse_decimal(body)?
    };
    Ok(if negative { -value } else { value })
}

fn digits(text: &str) -> Result<BigInt, AmountError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::Malformed);
    }
    text.parse::<BigInt>().map_err(|_| AmountError::Malformed)
}

fn parse_fraction(num: &str, den: &str) -> Result<Amount, AmountError> {
    let num = digits(num)?;
    let den = digits(den)?;
    if den.is_zero() {
        return Err(AmountError::ZeroDenominator);
    }
    Ok(BigRational::new(num, den))
}

fn parse_decimal(text: &str) -> Result<Amount, AmountError> {
    // A decimal comma is accepted only when there is no point, so "1,000.5" is not misread.
    let separator = if text.contains('.') { '.' } else { ',' };
    let (int_part, frac_part) = match text.split_once(separator) {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let int_value = digits(int_part)?;
    let Some(frac_part) = frac_part else {
        return Ok(BigRational::from_integer(int_value));
    };
    let frac_value = digits(frac_part)?;
    let scale = num_traits::pow(BigInt::from(10u8), frac_part.len());
    Ok(BigRational::new(int_value * &scale + frac_value, scale))
}

/// `num / den` reduced, for the rules' reports (`den > 0`). Amounts that fit machine integers,
/// the usual case, find their gcd on machine integers, many times faster than a big-integer
/// one, and a small gcd divides the numbers in place, so that nothing is allocated.
pub(crate) fn fraction(num: BigInt, den: BigInt) -> Amount {
    if den.is_one() {
        return BigRational::new_raw(num, den);
    }
    let (n, d) = match (u128::try_from(num.magnitude()), u128::try_from(&den)) {
        (Ok(n), Ok(d)) => (n, d),
        _ => return BigRational::new(num, den),
    };
    let gcd = match (u64::try_from(n), u64::try_from(d)) {
        (Ok(n), Ok(d)) => u128::from(n.gcd(&d)),
        _ => n.gcd(&d),
    };
    if gcd == 1 {
        return BigRational::new_raw(num, den);
    }
    match u32::try_from(gcd) {
        Ok(g) => BigRational::new_raw(num / g, den / g),
        Err(_) => {
            let magnitude = BigInt::from(n / gcd);
            let numer = if num.is_negative() {
                -magnitude
            } else {
                magnitude
            };
            BigRational::new_raw(numer, BigInt::from(d / gcd))
        }
    }
}

/// `num / den` reduced (`den > 0`), from machine integers.
pub(crate) fn machine_fraction(num: i128, den: i128) -> Amount {
    let (n, d) = (num.unsigned_abs(), den.unsigned_abs());
    if let (Ok(n), Ok(d)) = (u64::try_from(n), u64::try_from(d)) {
        // The usual case: 64-bit divisions are several times cheaper than 128-bit ones.
        let gcd = n.gcd(&d);
        let sign = if num < 0 { Sign::Minus } else { Sign::Plus };
        let numer = BigInt::from_biguint(sign, BigUint::from(n / gcd));
        return BigRational::new_raw(numer, BigInt::from(d / gcd));
    }
    // The gcd divides `den`, a positive i128, so it is one too.
    let gcd = n.gcd(&d) as i128;
    BigRational::new_raw(BigInt::from(num / gcd), BigInt::from(den / gcd))
}

/// `ceil(x / d)` for `d > 0`. A dividend of one word divides on the machine, and a divisor of
/// one machine digit in place, without the allocations of a big-integer division.
pub(crate) fn div_ceil_by(x: &BigInt, d: u64) -> BigInt {
    if let Some(small) = x.to_u64() {
        return BigInt::from(small.div_ceil(d));
    }
    match u32::try_from(d) {
        Ok(digit) if !x.is_negative() => (x + (d - 1)) / digit,
        _ => Integer::div_ceil(x, &BigInt::from(d)),
    }
}

/// `|x| mod d` (`d > 0`), word by word from the top, so that no big integer is allocated.
pub(crate) fn remainder_by(x: &BigInt, d: u64) -> u64 {
    let d = u128::from(d);
    let fold = |rest: u64, word: u64| ((u128::from(rest) << 64 | u128::from(word)) % d) as u64;
    x.iter_u64_digits().rev().fold(0, fold)
}

/// Formats an amount the way pabulib files write numbers: an integer when whole, a terminating
/// decimal when the denominator allows it, and `p/q` otherwise (which [`parse_amount`] reads back).
pub fn format_amount(value: &Amount) -> String {
    if value.is_integer() {
        return value.numer().to_string();
    }
    match decimal_places(value.denom()) {
        Some(places) => format_decimal(value, places),
        None => format!("{}/{}", value.numer(), value.denom()),
    }
}

/// Number of decimal places needed for `1/den`, if `den` only has the prime factors 2 and 5.
fn decimal_places(den: &BigInt) -> Option<usize> {
    let mut rest = den.clone();
    let (mut twos, mut fives) = (0usize, 0usize);
    let two = BigInt::from(2u8);
    let five = BigInt::from(5u8);
    while rest.is_even() && !rest.is_zero() {
        rest /= &two;
        twos += 1;
    }
    while (&rest % &five).is_zero() && !rest.is_zero() {
        rest /= &five;
        fives += 1;
    }
    rest.is_one().then_some(twos.max(fives))
}

fn format_decimal(value: &Amount, places: usize) -> String {
    let scale = num_traits::pow(BigInt::from(10u8), places);
    // Exact: the denominator divides 10^places.
    let scaled = value.numer() * &scale / value.denom();
    let sign = if scaled.is_negative() { "-" } else { "" };
    let digits = scaled.abs().to_string();
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (int_part, frac_part) = padded.split_at(padded.len() - places);
    format!("{sign}{int_part}.{frac_part}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(n: i64, d: i64) -> Amount {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }

    #[test]
    fn parses_integers_decimals_and_fractions() {
        assert_eq!(parse_amount("381500"), Ok(amount(381500)));
        assert_eq!(parse_amount("381500.0"), Ok(amount(381500)));
        assert_eq!(parse_amount("1019940.37"), Ok(ratio(101994037, 100)));
        assert_eq!(parse_amount("12,5"), Ok(ratio(25, 2)));
        assert_eq!(parse_amount("-3"), Ok(amount(-3)));
        assert_eq!(parse_amount("1/3"), Ok(ratio(1, 3)));
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "", "abc", "1e5", "1.", ".5", "1.2.3", "1,000.5", "--1", "+1", "1/0", "1 2",
        ] {
            assert!(parse_amount(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn fractions_are_reduced_like_big_rationals() {
        let wide = 3 * (1i64 << 40);
        for (n, d) in [
            (6, 4),
            (-6, 4),
            (0, 5),
            (7, 1),
            (i64::MAX, 3),
            (-wide, wide * 7),
        ] {
            let (n, d) = (BigInt::from(n), BigInt::from(d));
            assert_eq!(fraction(n.clone(), d.clone()), BigRational::new(n, d));
        }
        for (n, d) in [
            (6, 4),
            (-6, 4),
            (0, 5),
            (i128::MAX, 3),
            (i128::MIN + 1, 1 << 100),
        ] {
            let want = BigRational::new(BigInt::from(n), BigInt::from(d));
            assert_eq!(machine_fraction(n, d), want, "{n}/{d}");
        }
        let wide = BigInt::from(1u8) << 70;
        assert_eq!(fraction(&wide * -3, &wide * 7), ratio(-3, 7));
        let big = BigInt::from(10u8).pow(40);
        assert_eq!(fraction(&big * 3, &big * 9), ratio(1, 3));
    }

    #[test]
    fn formats_round_trip() {
        for value in [
            amount(0),
            amount(42),
            ratio(101994037, 100),
            ratio(1, 8),
            ratio(-7, 4),
            ratio(1, 3),
        ] {
            let text = format_amount(&value);
            assert_eq!(parse_amount(&text), Ok(value.clone()), "{text}");
        }
        assert_eq!(format_amount(&ratio(1, 8)), "0.125");
        assert_eq!(format_amount(&ratio(-7, 4)), "-1.75");
        assert_eq!(format_amount(&ratio(1, 3)), "1/3");
    }
}
