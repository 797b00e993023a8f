//! The default network of the product brief: twenty cities on three continents, in order.
//! Weights make Paris and Barcelona the largest communities and Québec the smallest.

use super::{c, CitySpec};
use crate::names::{
    DANISH, DUTCH, ENGLISH, FRENCH, GERMAN, ITALIAN, LATAM, LUSOPHONE, QUEBECOIS, SPANISH,
};
use crate::Continent::{Europe as EU, NorthAmerica as NA, SouthAmerica as SA};

pub(super) static CITIES: &[CitySpec] = &[
    c("paris", "Paris", "FR", EU, 48.8566, 2.3522, &FRENCH, &["fr"], 18),
    c("lyon", "Lyon", "FR", EU, 45.7640, 4.8357, &FRENCH, &["fr"], 6),
    c("marseille", "Marseille", "FR", EU, 43.2965, 5.3698, &FRENCH, &["fr"], 4),
    c("barcelona", "Barcelona", "ES", EU, 41.3874, 2.1686, &SPANISH, &["es", "ca"], 14),
    c("madrid", "Madrid", "ES", EU, 40.4168, -3.7038, &SPANISH, &["es"], 7),
    c("lisbon", "Lisbon", "PT", EU, 38.7223, -9.1393, &LUSOPHONE, &["pt"], 6),
    c("rome", "Rome", "IT", EU, 41.9028, 12.4964, &ITALIAN, &["it"], 4),
    c("milan", "Milan", "IT", EU, 45.4642, 9.1900, &ITALIAN, &["it"], 5),
    c("berlin", "Berlin", "DE", EU, 52.5200, 13.4050, &GERMAN, &["de"], 8),
    c("brussels", "Brussels", "BE", EU, 50.8503, 4.3517, &FRENCH, &["fr", "nl"], 5),
    c("amsterdam", "Amsterdam", "NL", EU, 52.3676, 4.9041, &DUTCH, &["nl"], 5),
    c("london", "London", "GB", EU, 51.5074, -0.1278, &ENGLISH, &["en"], 7),
    c("copenhagen", "Copenhagen", "DK", EU, 55.6761, 12.5683, &DANISH, &["da"], 3),
    c("montreal", "Montréal", "CA", NA, 45.5017, -73.5673, &QUEBECOIS, &["fr", "en"], 6),
    c("quebec", "Québec", "CA", NA, 46.8139, -71.2080, &QUEBECOIS, &["fr"], 1),
    c("mexico-city", "Mexico City", "MX", NA, 19.4326, -99.1332, &LATAM, &["es"], 5),
    c("sao-paulo", "São Paulo", "BR", SA, -23.5505, -46.6333, &LUSOPHONE, &["pt"], 7),
    c("rio-de-janeiro", "Rio de Janeiro", "BR", SA, -22.9068, -43.1729, &LUSOPHONE, &["pt"], 4),
    c("buenos-aires", "Buenos Aires", "AR", SA, -34.6037, -58.3816, &LATAM, &["es"], 5),
    c("santiago", "Santiago", "CL", SA, -33.4489, -70.6693, &LATAM, &["es"], 3),
];
