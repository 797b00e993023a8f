//! Money as Edges counts it: integer cents of the network's one currency, and the ledger's
//! accounts. No I/O, no floating point.
use crate::error::Problem;
use serde::{Deserialize, Serialize};

/// The largest amount any one operation may move: ten billion euros, far beyond any network,
/// and far below where sums of many of them could overflow.
pub const MAX_CENTS: i64 = 1_000_000_000_000;

/// Where money sits. The ledger writes it as text (`pot:3`, `member:7:42`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Account {
    /// Money entering or leaving the network (deposits, payouts): the only account whose balance
    /// goes below zero.
    Outside,
    Pot(i64),
    /// A ballot round's budget, set aside from its pot.
    Round(i64),
    /// A member's balance in a funding round.
    Member {
        round: i64,
        user: i64,
    },
    /// What a bucket has received.
    Bucket(i64),
}

impl Account {
    pub fn key(self) -> String {
        match self {
            Account::Outside => "outside".to_string(),
            Account::Pot(id) => format!("pot:{id}"),
            Account::Round(id) => format!("round:{id}"),
            Account::Member { round, user } => format!("member:{round}:{user}"),
            Account::Bucket(id) => format!("bucket:{id}"),
        }
    }

    pub fn parse(key: &str) -> Option<Account> {
        let mut parts = key.split(':');
        let kind = parts.next()?;
        let mut number = || parts.next()?.parse::<i64>().ok();
        let account = match kind {
            "outside" => Account::Outside,
            "pot" => Account::Pot(number()?),
            "round" => Account::Round(number()?),
            "member" => Account::Member {
                round: number()?,
                user: number()?,
            },
            "bucket" => Account::Bucket(number()?),
            _ => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(account)
    }

    /// Everything but `Outside` must never hold less than nothing.
    pub fn may_go_negative(self) -> bool {
        self == Account::Outside
    }
}

/// Reads an amount typed by a person, in currency units with up to two decimals: `12`, `12.5`,
/// `1 234,56`, `1,234.56`. Refuses negatives, zero, more decimals and absurd sizes.
pub fn parse_amount(text: &str) -> Result<i64, Problem> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€' | '_'))
        .collect();
    if cleaned.is_empty() {
        return Err(Problem::Required);
    }
    // The last '.' or ',' followed by one or two digits is the decimal mark; others group.
    let (whole, fraction) = match cleaned.rfind(['.', ',']) {
        Some(at) if cleaned.len() - at - 1 <= 2 && at + 1 < cleaned.len() => {
            (&cleaned[..at], &cleaned[at + 1..])
        }
        _ => (cleaned.as_str(), ""),
    };
    let whole: String = whole.chars().filter(|c| !matches!(c, '.' | ',')).collect();
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(Problem::BadAmount);
    }
    let units: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| Problem::AmountTooLarge)?
    };
    let cents_part: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| Problem::BadAmount)? * 10,
        _ => fraction.parse().map_err(|_| Problem::BadAmount)?,
    };
    let cents = units
        .checked_mul(100)
        .and_then(|cents| cents.checked_add(cents_part))
        .filter(|cents| *cents <= MAX_CENTS)
        .ok_or(Problem::AmountTooLarge)?;
    if cents == 0 {
        return Err(Problem::BadAmount);
    }
    Ok(cents)
}

/// An amount for people to read: `€1,234.56` in English, `1 234,56 €` in French.
pub fn format_money(cents: i64, french: bool) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let magnitude = cents.unsigned_abs();
    let (units, rest) = (magnitude / 100, magnitude % 100);
    let digits = units.to_string();
    let separator = if french { '\u{202f}' } else { ',' };
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    let fraction = if rest == 0 {
        String::new()
    } else if french {
        format!(",{rest:02}")
    } else {
        format!(".{rest:02}")
    };
    if french {
        format!("{sign}{grouped}{fraction}\u{a0}€")
    } else {
        format!("{sign}€{grouped}{fraction}")
    }
}

/// How much of a goal is reached, in whole percent (0 to 100), for funding bars.
pub fn percent_of(part: i64, whole: i64) -> u8 {
    if whole <= 0 {
        return 0;
    }
    let percent = (part.max(0) as i128 * 100 / whole as i128).min(100);
    percent as u8
}

/// Splits `total` cents into `shares` parts as equal as possible (the first ones get the extra
/// cents), so an allocation never creates or loses a cent.
pub fn split_evenly(total: i64, shares: usize) -> Vec<i64> {
    if shares == 0 {
        return Vec::new();
    }
    let count = shares as i64;
    let (base, extra) = (total / count, total % count);
    (0..count)
        .map(|index| base + i64::from(index < extra))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_round_trip_and_garbage_is_refused() {
        for account in [
            Account::Outside,
            Account::Pot(3),
            Account::Round(9),
            Account::Member { round: 7, user: 42 },
            Account::Bucket(11),
        ] {
            assert_eq!(Account::parse(&account.key()), Some(account));
        }
        for garbage in ["", "pot", "pot:x", "member:1", "bucket:1:2", "vault:1"] {
            assert_eq!(Account::parse(garbage), None, "{garbage}");
        }
    }

    #[test]
    fn amounts_are_read_as_people_write_them() {
        assert_eq!(parse_amount("12"), Ok(1200));
        assert_eq!(parse_amount("12.5"), Ok(1250));
        assert_eq!(parse_amount("12,05"), Ok(1205));
        assert_eq!(parse_amount(" 1 234,56 € "), Ok(123_456));
        assert_eq!(parse_amount("1,234.56"), Ok(123_456));
        assert_eq!(parse_amount("1.234.567"), Ok(123_456_700));
        assert_eq!(parse_amount("0.01"), Ok(1));
        assert_eq!(parse_amount(""), Err(Problem::Required));
        for bad in ["-5", "0", "0.00", "abc", "1.2.3e4", "12.345x", "."] {
            assert_eq!(parse_amount(bad), Err(Problem::BadAmount), "{bad}");
        }
        assert_eq!(
            parse_amount("99999999999999999999"),
            Err(Problem::AmountTooLarge)
        );
        assert_eq!(parse_amount("10000000001"), Err(Problem::AmountTooLarge));
    }

    #[test]
    fn amounts_are_written_for_each_language() {
        assert_eq!(format_money(123_456, false), "€1,234.56");
        assert_eq!(format_money(200_000_000, false), "€2,000,000");
        assert_eq!(format_money(5, false), "€0.05");
        assert_eq!(format_money(-1500, false), "-€15");
        assert_eq!(format_money(123_456, true), "1\u{202f}234,56\u{a0}€");
    }

    #[test]
    fn even_splits_lose_no_cent() {
        let parts = split_evenly(1000, 3);
        assert_eq!(parts, [334, 333, 333]);
        assert_eq!(parts.iter().sum::<i64>(), 1000);
        assert!(split_evenly(5, 0).is_empty());
        assert_eq!(percent_of(50, 200), 25);
        assert_eq!(percent_of(500, 200), 100);
        assert_eq!(percent_of(1, 0), 0);
    }
}
