//! What hovering or tapping a marker shows: the city (or group) and its counts, drawn in the
//! SVG beside the marker (an HTML tooltip would need inline styles to be placed).
use super::map_view::MapView;
use super::projection::{Point, WIDTH};
use super::types::CityOnMap;
use crate::i18n::*;
use leptos::prelude::*;

/// Tooltip geometry in pixels (multiplied by the map's scale when drawn).
const LINE: f64 = 15.0;
const PAD: f64 = 8.0;
/// A generous average glyph width for the tooltip's 12-pixel text.
const GLYPH: f64 = 6.8;

#[derive(Clone, Debug, PartialEq)]
pub struct Hover {
    /// The marker's place on the map, and how far its edge is from it (map units on screen).
    pub point: Point,
    pub reach: f64,
    pub title: String,
    pub lines: Vec<String>,
}

impl Hover {
    pub fn of(
        i18n: leptos_i18n::I18nContext<Locale>,
        point: Point,
        reach: f64,
        cities: &[&CityOnMap],
    ) -> Hover {
        let shown: i64 = cities.iter().map(|city| city.shown).sum();
        let connectors: i64 = cities.iter().map(|city| city.connectors).sum();
        let not_shown: i64 = cities.iter().map(|city| city.not_shown).sum();
        let title = match cities {
            [city] => city.name.clone(),
            [first, rest @ ..] => {
                let count = rest.len();
                t_string!(i18n, map.group_title, first = first.name.clone(), count).to_string()
            }
            [] => String::new(),
        };
        let mut lines = vec![
            t_string!(i18n, map.shown_count, count = shown).to_string(),
            t_string!(i18n, map.connectors_count, count = connectors).to_string(),
        ];
        if not_shown > 0 {
            lines.push(t_string!(i18n, map.not_shown_count, count = not_shown).to_string());
        }
        Hover {
            point,
            reach,
            title,
            lines,
        }
    }

    /// The box's size in pixels.
    fn size(&self) -> (f64, f64) {
        let longest = std::iter::once(&self.title)
            .chain(&self.lines)
            .map(|line| line.chars().count())
            .max()
            .unwrap_or(0);
        let width = longest as f64 * GLYPH + 2.0 * PAD;
        let height = LINE * (self.lines.len() + 1) as f64 + 2.0 * PAD - 4.0;
        (width, height)
    }
}

/// Where the box goes, in map units on screen: above the marker, or below it near the top
/// edge; never past the left or right edge.
fn placement(at: Point, reach: f64, size: (f64, f64)) -> Point {
    let (width, height) = size;
    let x = (at.x - width / 2.0).clamp(2.0, (WIDTH - width - 2.0).max(2.0));
    let above = at.y - reach - 6.0 - height;
    let y = if above >= 2.0 {
        above
    } else {
        at.y + reach + 6.0
    };
    Point { x, y }
}

#[component]
pub fn Tooltip(hovered: RwSignal<Option<Hover>>, view: MapView) -> impl IntoView {
    move || {
        hovered.get().map(|hover| {
            let scale = view.scale.get();
            let (width, height) = hover.size();
            let at = view.viewport.get().to_screen(hover.point);
            let corner = placement(at, hover.reach, (width * scale, height * scale));
            let lines = hover.lines.clone();
            view! {
                <g class="map-tooltip" aria-hidden="true" pointer-events="none"
                    transform=format!("translate({:.1} {:.1}) scale({scale:.3})", corner.x, corner.y)>
                    <rect width=format!("{width:.1}") height=format!("{height:.1}") rx="4" />
                    <text class="tooltip-title" x=PAD y=PAD + LINE - 4.0>{hover.title.clone()}</text>
                    {lines.into_iter().enumerate().map(|(index, line)| view! {
                        <text x=PAD y=PAD + LINE * (index + 2) as f64 - 4.0>{line}</text>
                    }).collect_view()}
                </g>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_sits_above_the_marker_inside_the_map() {
        let size = (120.0, 60.0);
        let middle = placement(Point { x: 500.0, y: 300.0 }, 10.0, size);
        assert_eq!((middle.x, middle.y), (440.0, 224.0));
        let top_left = placement(Point { x: 5.0, y: 20.0 }, 10.0, size);
        assert_eq!(
            (top_left.x, top_left.y),
            (2.0, 36.0),
            "below, when there is no room above"
        );
        let right = placement(Point { x: 995.0, y: 300.0 }, 10.0, size);
        assert_eq!(right.x, WIDTH - 122.0);
    }
}
