//! Account data that crosses the wire between server and browser.
use serde::{Deserialize, Serialize};

/// A city as other records refer to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

/// Who is looking at the page, with everything authorization needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub name: String,
    pub city: CityRef,
    pub is_admin: bool,
    pub is_alumni: bool,
    pub connector_of: Vec<CityRef>,
}

impl Viewer {
    pub fn is_connector_of(&self, city_id: i64) -> bool {
        self.connector_of.iter().any(|city| city.id == city_id)
    }

    /// Connectors act for their own cities only; admins steward every city.
    pub fn may_coordinate(&self, city_id: i64) -> bool {
        !self.is_alumni && (self.is_admin || self.is_connector_of(city_id))
    }
}

/// A member as shown in lists: enough to recognise and reach them, nothing private.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberCard {
    pub id: i64,
    pub name: String,
    pub city_name: String,
    pub skills: Vec<String>,
    pub is_connector: bool,
}

/// A public profile page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: i64,
    pub name: String,
    pub city: CityRef,
    /// Already rendered and sanitized on the server.
    pub bio_html: String,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub connector_of: Vec<CityRef>,
    pub is_alumni: bool,
    pub joined_at: i64,
}

/// The editable part of one's own profile, as the edit form shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileDraft {
    pub name: String,
    pub city_slug: String,
    pub bio: String,
    pub skills: String,
    pub languages: String,
    pub map_visible: bool,
}
