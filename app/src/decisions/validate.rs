//! What members type into decision forms, checked on the server: texts, times and poll options.
//! Times arrive as the browser's local `YYYY-MM-DDTHH:MM` plus the zone offset the page measured
//! for that moment (JavaScript's `getTimezoneOffset`, minutes to add to reach UTC; 0 before the
//! page's script runs, so the form then reads as UTC and says so).
use super::types::*;
use crate::error::{AppError, Problem};

/// A trimmed text of `min..=max` characters without control characters (newlines allowed when
/// `multiline`).
fn text(
    field: &str,
    input: &str,
    min: usize,
    max: usize,
    multiline: bool,
) -> Result<String, AppError> {
    let value = input.trim();
    let length = value.chars().count();
    if length == 0 && min > 0 {
        return Err(AppError::invalid(field, Problem::Required));
    }
    if length < min {
        return Err(AppError::invalid(field, Problem::TooShort { min }));
    }
    if length > max {
        return Err(AppError::invalid(field, Problem::TooLong { max }));
    }
    let bad = |c: char| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'));
    if value.chars().any(bad) {
        return Err(AppError::invalid(field, Problem::ControlCharacters));
    }
    Ok(value.to_string())
}

pub fn title(input: &str) -> Result<String, AppError> {
    text("title", input, MIN_TITLE_CHARS, MAX_TITLE_CHARS, false)
}

pub fn body(input: &str) -> Result<String, AppError> {
    text("body", input, 1, MAX_BODY_CHARS, true)
}

/// A stance's reason, a revision note, a withdrawal's or an outcome's statement: optional here,
/// required where the rules say so.
pub fn note(field: &str, input: &str) -> Result<String, AppError> {
    text(field, input, 0, MAX_REASON_CHARS, true)
}

/// One option per line; blank lines are ignored.
pub fn poll_options(input: &str) -> Result<Vec<String>, AppError> {
    let mut options: Vec<String> = Vec::new();
    for line in input.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let option = text("options", line, 1, MAX_OPTION_CHARS, false)?;
        if options
            .iter()
            .any(|known| known.to_lowercase() == option.to_lowercase())
        {
            return Err(AppError::invalid("options", Problem::Duplicate));
        }
        options.push(option);
    }
    if options.len() < MIN_POLL_OPTIONS {
        return Err(AppError::invalid(
            "options",
            Problem::TooFew {
                min: MIN_POLL_OPTIONS,
            },
        ));
    }
    if options.len() > MAX_POLL_OPTIONS {
        return Err(AppError::invalid(
            "options",
            Problem::TooMany {
                max: MAX_POLL_OPTIONS,
            },
        ));
    }
    Ok(options)
}

/// The browser's offset, in minutes; real zones lie within 14 hours of UTC.
pub fn zone_offset(input: &str) -> Result<i64, AppError> {
    match input.trim() {
        "" => Ok(0),
        text => text
            .parse::<i64>()
            .ok()
            .filter(|minutes| minutes.abs() <= 16 * 60)
            .ok_or_else(|| AppError::invalid("closes_at", Problem::BadDate)),
    }
}

/// The closing time in UTC seconds: at least a few minutes ahead, at most a year.
pub fn closing_time(
    field: &str,
    local: &str,
    offset_minutes: i64,
    now: i64,
) -> Result<i64, AppError> {
    let at = local_minute(local).ok_or_else(|| AppError::invalid(field, Problem::BadDate))?
        + offset_minutes * 60;
    if at < now + MIN_OPEN_SECONDS {
        return Err(AppError::invalid(
            field,
            Problem::TooSoon {
                minutes: MIN_OPEN_SECONDS / 60,
            },
        ));
    }
    if at > now + MAX_OPEN_SECONDS {
        return Err(AppError::invalid(
            field,
            Problem::TooFar {
                days: MAX_OPEN_SECONDS / 86_400,
            },
        ));
    }
    Ok(at)
}

/// The optional review date (`YYYY-MM-DD`, reminded at 09:00 in the member's zone): after the
/// closing time, within five years.
pub fn review_date(
    input: &str,
    offset_minutes: i64,
    closes_at: i64,
) -> Result<Option<i64>, AppError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let day = local_date(input).ok_or_else(|| AppError::invalid("review_on", Problem::BadDate))?;
    let at = day + 9 * 3_600 + offset_minutes * 60;
    if at <= closes_at {
        return Err(AppError::invalid("review_on", Problem::BeforeClosing));
    }
    if at > closes_at + 5 * 366 * 86_400 {
        return Err(AppError::invalid(
            "review_on",
            Problem::TooFar { days: 5 * 366 },
        ));
    }
    Ok(Some(at))
}

/// `YYYY-MM-DD` as seconds at midnight, read as UTC.
pub fn local_date(input: &str) -> Option<i64> {
    let mut parts = input.splitn(3, '-');
    let year: i64 = digits(parts.next()?, 4)?;
    let month: i64 = digits(parts.next()?, 2)?;
    let day: i64 = digits(parts.next()?, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400)
}

/// `YYYY-MM-DDTHH:MM` (seconds allowed and ignored, as browsers may send them) read as UTC.
pub fn local_minute(input: &str) -> Option<i64> {
    let (date, time) = input.trim().split_once('T')?;
    let mut parts = time.split(':');
    let hour: i64 = digits(parts.next()?, 2)?;
    let minute: i64 = digits(parts.next()?, 2)?;
    if hour > 23 || minute > 59 {
        return None;
    }
    Some(local_date(date)? + hour * 3_600 + minute * 60)
}

fn digits(text: &str, length: usize) -> Option<i64> {
    (text.len() == length && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a civil date (the inverse of `ui::time`'s conversion).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::time::iso_minute;

    #[test]
    fn local_times_read_back_as_written() {
        for unix in [
            0,
            951_782_400,
            1_795_564_800 + 14 * 3_600 + 3 * 60,
            4_102_444_800,
        ] {
            let text = iso_minute(unix).replace(' ', "T");
            assert_eq!(local_minute(&text), Some(unix), "{text}");
        }
        assert_eq!(local_minute("2026-02-29T10:00"), None);
        assert_eq!(
            local_minute("2028-02-29T10:00:30"),
            local_minute("2028-02-29T10:00")
        );
        assert_eq!(local_minute("2026-13-01T10:00"), None);
        assert_eq!(local_minute("2026-01-01 10:00"), None);
        assert_eq!(local_minute("2026-01-01T24:00"), None);
        assert_eq!(local_minute("+026-01-01T10:00"), None);
        assert_eq!(local_date("2026-11-31"), None);
    }

    #[test]
    fn closing_times_are_shifted_to_utc_and_kept_within_bounds() {
        let now = local_minute("2026-05-01T12:00").unwrap();
        // Paris in summer: getTimezoneOffset is -120, so 14:00 there is 12:00 UTC.
        assert_eq!(
            closing_time("closes_at", "2026-05-08T14:00", -120, now),
            Ok(now + 7 * 86_400)
        );
        assert_eq!(
            closing_time("closes_at", "2026-05-01T14:01", -120, now),
            Err(AppError::invalid(
                "closes_at",
                Problem::TooSoon { minutes: 5 }
            ))
        );
        assert!(closing_time("closes_at", "2028-05-01T12:00", 0, now).is_err());
        assert_eq!(
            closing_time("closes_at", "soon", 0, now),
            Err(AppError::invalid("closes_at", Problem::BadDate))
        );
        assert_eq!(zone_offset("-120"), Ok(-120));
        assert_eq!(zone_offset(""), Ok(0));
        assert!(zone_offset("100000").is_err());
    }

    #[test]
    fn review_dates_come_after_closing() {
        let closes = local_minute("2026-05-08T12:00").unwrap();
        assert_eq!(review_date("", 0, closes), Ok(None));
        assert_eq!(
            review_date("2026-05-08", 0, closes),
            Err(AppError::invalid("review_on", Problem::BeforeClosing))
        );
        assert_eq!(
            review_date("2026-11-08", 0, closes),
            Ok(local_minute("2026-11-08T09:00"))
        );
    }

    #[test]
    fn texts_and_options_are_bounded() {
        assert_eq!(
            title("  Hi "),
            Err(AppError::invalid("title", Problem::TooShort { min: 5 }))
        );
        assert_eq!(
            title(""),
            Err(AppError::invalid("title", Problem::Required))
        );
        assert_eq!(title("A new meetup"), Ok("A new meetup".into()));
        assert!(title("tab\there").is_err());
        assert!(body(&"x".repeat(MAX_BODY_CHARS + 1)).is_err());
        assert_eq!(body("line one\nline two"), Ok("line one\nline two".into()));
        assert_eq!(note("reason", ""), Ok(String::new()));
        assert_eq!(
            poll_options("Tuesday\n\n Thursday \n"),
            Ok(vec!["Tuesday".into(), "Thursday".into()])
        );
        assert_eq!(
            poll_options("Tuesday"),
            Err(AppError::invalid("options", Problem::TooFew { min: 2 }))
        );
        assert_eq!(
            poll_options("Tuesday\ntuesday"),
            Err(AppError::invalid("options", Problem::Duplicate))
        );
        let eleven: Vec<String> = (0..11).map(|n| format!("option {n}")).collect();
        assert!(poll_options(&eleven.join("\n")).is_err());
    }
}
