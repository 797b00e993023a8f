//! Dates for display. Stored times are UTC seconds; pages show the calendar date.

/// `YYYY-MM-DD` for a Unix time in seconds (proleptic Gregorian, UTC).
pub fn iso_date(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Date and time to the minute, in UTC (the same text on the server and in every browser).
pub fn iso_minute(unix_seconds: i64) -> String {
    let seconds = unix_seconds.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02}",
        iso_date(unix_seconds),
        seconds / 3_600,
        seconds % 3_600 / 60
    )
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm, public domain).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::{iso_date, iso_minute};

    #[test]
    fn known_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(1_795_564_800), "2026-11-25");
        assert_eq!(iso_date(-86_400), "1969-12-31");
        assert_eq!(
            iso_minute(1_795_564_800 + 14 * 3_600 + 3 * 60 + 59),
            "2026-11-25 14:03"
        );
    }
}
