//! The map itself: an SVG world of countries (drawn in the browser from the shapes Edges ships)
//! under a marker per city or group of nearby cities. The server draws the markers for the
//! first view; the browser adds the countries, and moves and regroups as the member pans and
//! zooms. Everything is SVG attributes: the page's security policy allows no inline styles.
use super::clusters::{self, Cluster, Place};
use super::filters::MapQuery;
use super::land::Land;
use super::map_view::MapView;
use super::projection::{self, project, HEIGHT, WIDTH};
use super::tooltip::{Hover, Tooltip};
use super::types::{CityOnMap, MapData};
use super::viewport::{level_zoom, Viewport, CITY_ZOOM, MAX_ZOOM, ZOOM_STEP};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// A marker as drawn: its group of cities and what it shows.
#[derive(Clone, Debug, PartialEq)]
struct Marker {
    cluster: Cluster,
    radius: f64,
    slugs: Vec<String>,
}

#[component]
pub fn WorldMap(
    map: Resource<Result<MapData, AppError>>,
    query: Memo<MapQuery>,
    view: MapView,
) -> impl IntoView {
    let i18n = use_i18n();
    let land = Land::new();
    let hovered: RwSignal<Option<Hover>> = RwSignal::new(None);
    let cities = Memo::new(move |_| {
        map.get()
            .and_then(Result::ok)
            .map(|data| data.cities)
            .unwrap_or_default()
    });
    let level = Memo::new(move |_| view.viewport.get().level());
    let markers = Memo::new(move |_| {
        let scale = view.scale.get();
        cities.with(|cities| markers_at(cities, level.get(), scale))
    });
    let fine = Memo::new(move |_| view.viewport.get().wants_fine_land());
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    #[cfg(feature = "hydrate")]
    {
        land.load_coarse();
        Effect::new(move |_| {
            if fine.get() {
                land.load_fine();
            }
        });
        svg_ref.on_load(move |svg| super::gestures::attach(svg, view));
    }
    let transform = move || view.viewport.get().transform();
    let label = move || t_string!(i18n, map.map_label).to_string();
    view! {
        <div class="map-frame">
            <svg
                node_ref=svg_ref
                class="world-map"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                preserveAspectRatio="xMidYMid meet"
                role="application"
                aria-label=label
                aria-describedby="map-keys"
                tabindex="0"
                data-land=move || land.shown(fine.get()).map_or("none", |(detail, _)| detail)
            >
                <g class="land" transform=transform aria-hidden="true">
                    <path class="sphere" d=projection::outline() />
                    {move || land.shown(fine.get()).map(|(_, paths)| {
                        paths.iter().map(|d| view! { <path class="country" d=d.clone() /> }).collect_view()
                    })}
                </g>
                <g class="markers">
                    {move || markers.get().into_iter().map(|marker| {
                        view! { <MarkerView marker cities query view hovered /> }
                    }).collect_view()}
                </g>
                <Tooltip hovered view />
            </svg>
            <div class="map-controls">
                <button type="button" class="map-button" aria-label=move || t_string!(i18n, map.zoom_in).to_string()
                    on:click=move |_| view.glide(view.viewport.get_untracked().zoom_centre(ZOOM_STEP))>"+"</button>
                <button type="button" class="map-button" aria-label=move || t_string!(i18n, map.zoom_out).to_string()
                    on:click=move |_| view.glide(view.viewport.get_untracked().zoom_centre(1.0 / ZOOM_STEP))>"−"</button>
                <button type="button" class="map-button" aria-label=move || t_string!(i18n, map.reset).to_string()
                    on:click=move |_| view.glide(Viewport::WORLD)>"⌂"</button>
            </div>
        </div>
        <p id="map-keys" class="muted map-hint">{t!(i18n, map.keys_hint)}</p>
        <p class="muted map-credits">{t!(i18n, map.credits)}</p>
    }
}

/// The markers at a zoom level: cities grouped where they would overlap, sized by members.
/// Markers are `scale` times their size in pixels, so they overlap sooner on a small map.
fn markers_at(cities: &[CityOnMap], level: i32, scale: f64) -> Vec<Marker> {
    let places: Vec<Place> = cities.iter().map(place_of).collect();
    let largest = cities.iter().map(|city| city.shown).max().unwrap_or(0);
    clusters::cluster(&places, level_zoom(level) / scale)
        .into_iter()
        .map(|cluster| Marker {
            radius: clusters::radius(cluster.weight, largest),
            slugs: cluster
                .places
                .iter()
                .filter_map(|&index| cities.get(index).map(|city| city.slug.clone()))
                .collect(),
            cluster,
        })
        .collect()
}

fn place_of(city: &CityOnMap) -> Place {
    Place {
        point: project(city.lon, city.lat),
        weight: city.shown,
    }
}

#[component]
fn MarkerView(
    marker: Marker,
    cities: Memo<Vec<CityOnMap>>,
    query: Memo<MapQuery>,
    view: MapView,
    hovered: RwSignal<Option<Hover>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let point = marker.cluster.point;
    let slugs = marker.slugs.clone();
    let selected = {
        let slugs = slugs.clone();
        move || query.with(|query| query.city.as_ref().is_some_and(|city| slugs.contains(city)))
    };
    let hover = {
        let marker = marker.clone();
        move || {
            cities.with(|cities| {
                let here: Vec<&CityOnMap> = marker
                    .cluster
                    .places
                    .iter()
                    .filter_map(|&index| cities.get(index))
                    .collect();
                let reach = marker.radius * view.scale.get_untracked();
                hovered.set(Some(Hover::of(i18n, point, reach, &here)));
            })
        }
    };
    let choose = {
        let hover = hover.clone();
        let marker = marker.clone();
        move |_| {
            if view.dragged.get_value() {
                return;
            }
            hover();
            match marker.slugs.as_slice() {
                [slug] => {
                    let href =
                        query.with_untracked(|query| query.with_city(Some(slug.clone())).href());
                    navigate(
                        &href,
                        NavigateOptions {
                            scroll: false,
                            ..Default::default()
                        },
                    );
                }
                _ => {
                    let places: Vec<Place> =
                        cities.with_untracked(|cities| cities.iter().map(place_of).collect());
                    let current = view.viewport.get_untracked();
                    let deepest = (MAX_ZOOM.log2() * 4.0).floor() as i32;
                    let k = clusters::split_level(
                        &places,
                        &marker.cluster.places,
                        current.level(),
                        deepest,
                        view.scale.get_untracked(),
                    )
                    .map_or(CITY_ZOOM.max(current.k), level_zoom);
                    view.glide(Viewport::centred_on(point, k));
                }
            }
        }
    };
    let count = marker.cluster.weight;
    let radius = marker.radius;
    view! {
        <g
            class=move || if selected() { "marker selected" } else { "marker" }
            data-cities=slugs.join(" ")
            data-count=count
            transform=move || {
                let at = view.viewport.get().to_screen(point);
                format!("translate({:.1} {:.1}) scale({:.3})", at.x, at.y, view.scale.get())
            }
            on:click=choose
            on:pointerenter=move |_| hover()
            on:pointerleave=move |_| hovered.set(None)
        >
            <circle class="marker-hit" r=format!("{:.1}", radius + 6.0) />
            <circle class="marker-dot" r=format!("{radius:.1}") />
            {(radius >= 11.0).then(|| view! {
                <text class="marker-count" text-anchor="middle" dy="0.35em">{short_count(count)}</text>
            })}
        </g>
    }
}

/// A count that fits in a marker: 950, 1.2k, 12k.
fn short_count(count: i64) -> String {
    match count {
        ..=999 => count.to_string(),
        1_000..=9_999 => format!("{:.1}k", count as f64 / 1000.0),
        _ => format!("{}k", count / 1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(slug: &str, lon: f64, lat: f64, shown: i64) -> CityOnMap {
        CityOnMap {
            id: 1,
            slug: slug.into(),
            name: slug.into(),
            country: "FR".into(),
            lat,
            lon,
            shown,
            connectors: 0,
            not_shown: 0,
        }
    }

    #[test]
    fn markers_name_their_cities_and_the_largest_is_the_largest() {
        let cities = [
            city("paris", 2.35, 48.86, 900),
            city("lyon", 4.84, 45.76, 100),
            city("montreal", -73.57, 45.50, 300),
        ];
        let markers = markers_at(&cities, 0, 1.0);
        assert_eq!(markers.len(), 2);
        assert_eq!(markers[0].slugs, vec!["paris", "lyon"]);
        assert!(markers[0].radius > markers[1].radius);
        let apart = markers_at(&cities, 20, 1.0);
        assert_eq!(apart.len(), 3);
        assert_eq!(
            markers_at(&cities, 20, 40.0).len(),
            2,
            "a small map groups sooner"
        );
    }

    #[test]
    fn counts_shorten_to_fit() {
        assert_eq!(short_count(950), "950");
        assert_eq!(short_count(1240), "1.2k");
        assert_eq!(short_count(12_400), "12k");
    }
}
