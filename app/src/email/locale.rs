//! The language Edges writes to a member in. It is stored as the locale's code ("en", "fr").
use crate::i18n::Locale;
use leptos_i18n::Locale as _;
use std::str::FromStr;

/// The code a locale is stored as.
pub fn code(locale: Locale) -> &'static str {
    locale.as_str()
}

/// The locale a stored or submitted code names, if Edges speaks it.
pub fn parse(code: &str) -> Option<Locale> {
    Locale::from_str(code.trim()).ok()
}

/// The locale of a stored code; a code Edges no longer speaks reads as the default language.
pub fn stored(code: &str) -> Locale {
    parse(code).unwrap_or_default()
}

/// The language the person making this request reads Edges in (their language cookie, else their
/// browser's languages).
#[cfg(feature = "ssr")]
pub fn of_request() -> Locale {
    leptos_i18n::locale::resolve_locale::<Locale>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_and_unknown_ones_fall_back_to_english() {
        for locale in [Locale::en, Locale::fr] {
            assert_eq!(parse(code(locale)), Some(locale));
        }
        assert_eq!(parse("klingon"), None);
        assert_eq!(stored("klingon"), Locale::en);
        assert_eq!(stored(" fr "), Locale::fr);
    }
}
