//! Map data that crosses the wire. Nothing here ever names a member who is not on the map:
//! cities carry counts, and only members who chose to appear are listed.
use serde::{Deserialize, Serialize};

/// A city on the map with the counts its marker shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CityOnMap {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    /// Members on the map who match the filters.
    pub shown: i64,
    /// Connectors among them.
    pub connectors: i64,
    /// Members who chose not to appear: counted, never named ("+N more"). Filters do not apply
    /// to them, so that combining filters cannot single one of them out.
    pub not_shown: i64,
}

/// Everything the map draws.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapData {
    pub cities: Vec<CityOnMap>,
    /// Whether this viewer may see who is where (members do; visitors, when the admins allow).
    pub sees_members: bool,
    /// The admins' setting: visitors who are not signed in see members, not just counts.
    pub visitors_see_members: bool,
    /// Whether this viewer may change that setting.
    pub may_configure: bool,
    /// The map's version: live pages refresh when it moves past this.
    pub version: i64,
}

/// Tags and languages members on the map have, most common first, for the filter choices.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapFacets {
    pub tags: Vec<(String, i64)>,
    pub languages: Vec<(String, i64)>,
}

/// A member on the map, as a city's panel lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapMember {
    pub id: i64,
    pub name: String,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub is_connector: bool,
}

/// One page of a city's members on the map, under the filters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapCityPage {
    pub slug: String,
    pub name: String,
    /// The city's discussion channel, when it has one.
    pub channel_id: Option<i64>,
    pub members: Vec<MapMember>,
    /// Members on the map matching the filters, over all pages.
    pub total: i64,
    pub not_shown: i64,
    /// Zero-based.
    pub page: u32,
    pub per_page: u32,
}

impl MapCityPage {
    pub fn page_count(&self) -> u32 {
        let per_page = i64::from(self.per_page.max(1));
        u32::try_from((self.total + per_page - 1) / per_page)
            .unwrap_or(u32::MAX)
            .max(1)
    }
}

/// A member found by name, and the city where the map should go to show them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapSearchHit {
    pub id: i64,
    pub name: String,
    pub city_slug: String,
    pub city_name: String,
    pub lat: f64,
    pub lon: f64,
}

#[cfg(test)]
mod tests {
    use super::MapCityPage;

    #[test]
    fn page_count_rounds_up_and_is_never_zero() {
        let page = |total| MapCityPage {
            slug: "paris".into(),
            name: "Paris".into(),
            channel_id: None,
            members: Vec::new(),
            total,
            not_shown: 0,
            page: 0,
            per_page: 20,
        };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(20).page_count(), 1);
        assert_eq!(page(21).page_count(), 2);
    }
}
