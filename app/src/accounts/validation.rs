//! Rules for what members type into account forms. Pure, so the browser can pre-check and the server
//! re-checks with exactly the same code (the server never trusts the client).
use crate::error::{AppError, Problem};

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
pub const NAME_MAX: usize = 80;
pub const BIO_MAX: usize = 2000;
pub const TAGS_MAX: usize = 12;
pub const TAG_MAX: usize = 32;
pub const LANGUAGES_MAX: usize = 6;

pub fn name(input: &str) -> Result<String, AppError> {
    let name = input.trim();
    if name.is_empty() {
        return Err(AppError::invalid("name", Problem::Required));
    }
    if name.chars().count() > NAME_MAX {
        return Err(AppError::invalid(
            "name",
            Problem::TooLong { max: NAME_MAX },
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(AppError::invalid("name", Problem::ControlCharacters));
    }
    Ok(name.to_string())
}

pub fn email(input: &str) -> Result<String, AppError> {
    let email = input.trim().to_lowercase();
    let valid = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        })
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(email)
    } else {
        Err(AppError::invalid("email", Problem::BadEmail))
    }
}

/// Length only: composition rules push people towards weaker, memorable patterns.
pub fn password(input: &str) -> Result<(), AppError> {
    let length = input.chars().count();
    if length < PASSWORD_MIN {
        return Err(AppError::invalid(
            "password",
            Problem::TooShort { min: PASSWORD_MIN },
        ));
    }
    if length > PASSWORD_MAX {
        return Err(AppError::invalid(
            "password",
            Problem::TooLong { max: PASSWORD_MAX },
        ));
    }
    Ok(())
}

pub fn bio(input: &str) -> Result<String, AppError> {
    let bio = input.trim();
    if bio.chars().count() > BIO_MAX {
        return Err(AppError::invalid("bio", Problem::TooLong { max: BIO_MAX }));
    }
    Ok(bio.to_string())
}

/// Free tags, comma separated: lowercased, inner spaces become dashes, duplicates dropped.
pub fn tags(input: &str) -> Result<Vec<String>, AppError> {
    let mut tags: Vec<String> = Vec::new();
    for raw in input.split(',') {
        let tag = raw
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase();
        if tag.is_empty() || tags.contains(&tag) {
            continue;
        }
        if tag.chars().count() > TAG_MAX || !tag.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return Err(AppError::invalid("skills", Problem::BadTag { tag }));
        }
        tags.push(tag);
    }
    if tags.len() > TAGS_MAX {
        return Err(AppError::invalid(
            "skills",
            Problem::TooMany { max: TAGS_MAX },
        ));
    }
    Ok(tags)
}

/// Two-letter ISO 639-1 codes, comma or space separated.
pub fn languages(input: &str) -> Result<Vec<String>, AppError> {
    let mut codes: Vec<String> = Vec::new();
    for raw in input
        .split([',', ' '])
        .filter(|part| !part.trim().is_empty())
    {
        let code = raw.trim().to_lowercase();
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
            return Err(AppError::invalid(
                "languages",
                Problem::BadLanguage { code },
            ));
        }
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.len() > LANGUAGES_MAX {
        return Err(AppError::invalid(
            "languages",
            Problem::TooMany { max: LANGUAGES_MAX },
        ));
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(name("  Aïcha Benali ").unwrap(), "Aïcha Benali");
        assert!(name("   ").is_err());
        assert!(name(&"x".repeat(NAME_MAX + 1)).is_err());
        assert!(name("bad\u{0007}name").is_err());
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(email(" Ana@Example.ORG ").unwrap(), "ana@example.org");
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.org",
            "ana@example",
            "a b@example.org",
            "a@b@c.org",
        ] {
            assert!(email(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn passwords_are_limited_by_length_only() {
        assert!(password("short").is_err());
        assert!(password("eightchr").is_ok());
        assert!(
            password("ééééééé").is_err(),
            "counted in characters, not bytes"
        );
        assert!(password(&"p".repeat(PASSWORD_MAX)).is_ok());
        assert!(password(&"p".repeat(PASSWORD_MAX + 1)).is_err());
    }

    #[test]
    fn tags_are_normalised_deduplicated_and_bounded() {
        assert_eq!(
            tags("Open Source, facilitation,, open source, économie").unwrap(),
            vec!["open-source", "facilitation", "économie"]
        );
        assert!(tags("<script>").is_err());
        let many: Vec<String> = (0..=TAGS_MAX).map(|i| format!("t{i}")).collect();
        assert!(tags(&many.join(",")).is_err());
    }

    #[test]
    fn languages_are_two_letter_codes() {
        assert_eq!(languages("FR, en es").unwrap(), vec!["fr", "en", "es"]);
        assert!(languages("french").is_err());
        assert!(languages("e1").is_err());
    }
}
