//! The map's filters and the page's address: both the GET form (before the WASM loads) and the
//! live page read and write the same query parameters.
use crate::accounts::validation::TAG_MAX;
use crate::error::{AppError, Problem};
use serde::{Deserialize, Serialize};

/// "Joined recently" means in the last this many days.
pub const RECENT_DAYS: i64 = 30;
/// Members listed per page of a city's panel.
pub const MEMBERS_PER_PAGE: u32 = 20;
/// Pages beyond this are refused rather than scanned.
pub const MAX_PAGE: u32 = 10_000;
/// Longest name search, in characters.
pub const SEARCH_MAX: usize = 80;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MapFilters {
    /// A skill or interest tag, as profiles store them ("open-source"); empty for any.
    pub tag: String,
    /// An ISO 639-1 code ("fr"); empty for any.
    pub language: String,
    pub connectors_only: bool,
    /// Joined in the last [`RECENT_DAYS`] days.
    pub recent: bool,
}

impl MapFilters {
    /// Checks what came from the client, normalised the way profiles store tags and codes.
    pub fn validated(self) -> Result<MapFilters, AppError> {
        let tag = self
            .tag
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase();
        let tag_ok =
            tag.chars().count() <= TAG_MAX && tag.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !tag_ok {
            return Err(AppError::invalid("tag", Problem::BadTag { tag }));
        }
        let language = self.language.trim().to_lowercase();
        let language_ok = language.is_empty()
            || (language.len() == 2 && language.chars().all(|c| c.is_ascii_lowercase()));
        if !language_ok {
            return Err(AppError::invalid(
                "language",
                Problem::BadLanguage { code: language },
            ));
        }
        Ok(MapFilters {
            tag,
            language,
            ..self
        })
    }

    pub fn is_empty(&self) -> bool {
        *self == MapFilters::default()
    }
}

/// Everything the map page's address says: filters, the open city, its page, a name search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapQuery {
    pub filters: MapFilters,
    pub city: Option<String>,
    /// Zero-based.
    pub page: u32,
    pub search: String,
}

impl MapQuery {
    /// Reads the page's query parameters leniently: anything odd is the server's to refuse.
    pub fn read(get: impl Fn(&str) -> Option<String>) -> MapQuery {
        let on = |name: &str| get(name).is_some_and(|value| value == "on" || value == "true");
        MapQuery {
            filters: MapFilters {
                tag: get("tag").unwrap_or_default(),
                language: get("language").unwrap_or_default(),
                connectors_only: on("connectors"),
                recent: on("recent"),
            },
            city: get("city").filter(|city| !city.is_empty()),
            page: get("page")
                .and_then(|page| page.parse::<u32>().ok())
                .unwrap_or(1)
                .clamp(1, MAX_PAGE)
                - 1,
            search: get("q").unwrap_or_default(),
        }
    }

    /// This state as a link to the map page.
    pub fn href(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let filters = &self.filters;
        if !filters.tag.is_empty() {
            pairs.push(("tag", filters.tag.clone()));
        }
        if !filters.language.is_empty() {
            pairs.push(("language", filters.language.clone()));
        }
        if filters.connectors_only {
            pairs.push(("connectors", "on".into()));
        }
        if filters.recent {
            pairs.push(("recent", "on".into()));
        }
        if let Some(city) = &self.city {
            pairs.push(("city", city.clone()));
        }
        if self.page > 0 {
            pairs.push(("page", (self.page + 1).to_string()));
        }
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        let query: Vec<String> = pairs
            .into_iter()
            .map(|(name, value)| format!("{name}={}", encode(&value)))
            .collect();
        if query.is_empty() {
            "/map".to_string()
        } else {
            format!("/map?{}", query.join("&"))
        }
    }

    /// The same view with another city open (its first page), or none.
    pub fn with_city(&self, city: Option<String>) -> MapQuery {
        MapQuery {
            city,
            page: 0,
            ..self.clone()
        }
    }

    pub fn with_page(&self, page: u32) -> MapQuery {
        MapQuery {
            page,
            ..self.clone()
        }
    }

    /// Other filters, the same city, back to its first page.
    pub fn with_filters(&self, filters: MapFilters) -> MapQuery {
        MapQuery {
            filters,
            page: 0,
            ..self.clone()
        }
    }
}

/// Percent-encodes a query value (form style: spaces as `+`).
fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            b' ' => "+".to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn query(pairs: &[(&str, &str)]) -> MapQuery {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        MapQuery::read(|name| map.get(name).cloned())
    }

    #[test]
    fn filters_are_normalised_or_refused() {
        let filters = MapFilters {
            tag: " Open Source ".into(),
            language: "FR".into(),
            ..MapFilters::default()
        };
        let checked = filters.validated().expect("valid");
        assert_eq!(
            (checked.tag.as_str(), checked.language.as_str()),
            ("open-source", "fr")
        );
        for (tag, language) in [
            ("x".repeat(TAG_MAX + 1), ""),
            ("a,b".into(), ""),
            ("".into(), "fra"),
            ("".into(), "f1"),
        ] {
            let filters = MapFilters {
                tag,
                language: language.into(),
                ..MapFilters::default()
            };
            assert!(filters.validated().is_err());
        }
        assert!(MapFilters::default()
            .validated()
            .is_ok_and(|f| f.is_empty()));
    }

    #[test]
    fn the_address_round_trips() {
        let read = query(&[
            ("tag", "facilitation"),
            ("language", "pt"),
            ("connectors", "on"),
            ("city", "sao-paulo"),
            ("page", "3"),
            ("q", "Ana María"),
        ]);
        assert_eq!(read.page, 2);
        assert!(read.filters.connectors_only && !read.filters.recent);
        let href = read.href();
        assert_eq!(
            href,
            "/map?tag=facilitation&language=pt&connectors=on&city=sao-paulo&page=3&q=Ana+Mar%C3%ADa"
        );
        assert_eq!(MapQuery::default().href(), "/map");
    }

    #[test]
    fn odd_pages_fall_back_to_the_first_or_the_last() {
        assert_eq!(query(&[("page", "0")]).page, 0);
        assert_eq!(query(&[("page", "-4")]).page, 0);
        assert_eq!(query(&[("page", "999999999")]).page, MAX_PAGE - 1);
        assert_eq!(query(&[("city", "")]).city, None);
    }

    #[test]
    fn changing_city_or_filters_starts_at_the_first_page() {
        let read = query(&[("city", "paris"), ("page", "4"), ("recent", "on")]);
        assert_eq!(read.with_city(Some("lyon".into())).page, 0);
        let refiltered = read.with_filters(MapFilters::default());
        assert_eq!(
            (refiltered.page, refiltered.city.as_deref()),
            (0, Some("paris"))
        );
        assert_eq!(read.with_page(1).href(), "/map?recent=on&city=paris&page=2");
    }
}
