//! City data that crosses the wire.
use crate::accounts::types::MemberCard;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CitySummary {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub continent: String,
    pub member_count: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CityDetail {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub country: String,
    pub continent: String,
    pub lat: f64,
    pub lon: f64,
    pub member_count: i64,
    pub connectors: Vec<MemberCard>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MembersPage {
    pub members: Vec<MemberCard>,
    pub total: i64,
    /// Zero-based.
    pub page: u32,
    pub per_page: u32,
}

impl MembersPage {
    pub fn page_count(&self) -> u32 {
        let per_page = i64::from(self.per_page.max(1));
        ((self.total + per_page - 1) / per_page) as u32
    }
}

/// Shown to a city's connectors so they can welcome people who joined recently.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Newcomer {
    pub id: i64,
    pub name: String,
    pub joined_at: i64,
    pub skills: Vec<String>,
}

/// Continents in display order; cities are grouped under them.
pub const CONTINENTS: [&str; 6] = [
    "europe",
    "north-america",
    "south-america",
    "africa",
    "asia",
    "oceania",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_count_rounds_up_and_survives_zero() {
        let page = |total, per_page| MembersPage {
            members: vec![],
            total,
            page: 0,
            per_page,
        };
        assert_eq!(page(0, 24).page_count(), 0);
        assert_eq!(page(24, 24).page_count(), 1);
        assert_eq!(page(25, 24).page_count(), 2);
        assert_eq!(page(5, 0).page_count(), 5);
    }
}
