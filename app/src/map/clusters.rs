//! City markers: sized by how many members they show, and grouped when they would overlap at
//! the current zoom, so that a zoomed-out Europe is one readable marker that splits as one
//! zooms in. Pure and deterministic: the server draws the first view, the browser the others.
use super::projection::Point;
use super::viewport::level_zoom;

/// Marker radii in screen units (the SVG's units, whatever the zoom).
pub const MIN_RADIUS: f64 = 4.0;
pub const MAX_RADIUS: f64 = 22.0;
/// Markers closer than their radii plus this gap are drawn as one.
const GAP: f64 = 2.0;

/// A city to draw: where it is on the map and how many members it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    pub point: Point,
    pub weight: i64,
}

/// One marker: one city or several nearby ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Members' weighted centre, on the map.
    pub point: Point,
    pub weight: i64,
    /// Indices into the places given, heaviest first.
    pub places: Vec<usize>,
}

/// A marker's radius for `weight` members when the largest city shows `largest`: the area grows
/// with the count, so a city twice as large looks twice as large; a group can grow past the
/// largest city a little.
pub fn radius(weight: i64, largest: i64) -> f64 {
    if weight <= 0 || largest <= 0 {
        return MIN_RADIUS;
    }
    let share = (weight as f64 / largest as f64).min(2.0);
    MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share.sqrt()
}

/// Groups places whose markers would overlap at zoom `k`. Heaviest places found groups first
/// and take in the lighter places that touch them; places that show nobody are left out.
pub fn cluster(places: &[Place], k: f64) -> Vec<Cluster> {
    let largest = places.iter().map(|place| place.weight).max().unwrap_or(0);
    cluster_sized(places, k, largest)
}

/// The level (see [`level_zoom`]) past `level` at which a group first splits, so that choosing
/// a group zooms just far enough to tell its cities apart; `None` when it never does. Markers
/// are `scale` times their nominal size, as in [`cluster`] at `k / scale`.
pub fn split_level(
    places: &[Place],
    group: &[usize],
    level: i32,
    deepest: i32,
    scale: f64,
) -> Option<i32> {
    let largest = places.iter().map(|place| place.weight).max().unwrap_or(0);
    let members: Vec<Place> = group
        .iter()
        .filter_map(|&index| places.get(index).copied())
        .collect();
    ((level + 1)..=deepest)
        .find(|&next| cluster_sized(&members, level_zoom(next) / scale, largest).len() > 1)
}

fn cluster_sized(places: &[Place], k: f64, largest: i64) -> Vec<Cluster> {
    let mut order: Vec<usize> = (0..places.len())
        .filter(|&index| places[index].weight > 0)
        .collect();
    order.sort_by(|&a, &b| places[b].weight.cmp(&places[a].weight).then(a.cmp(&b)));
    let mut taken = vec![false; places.len()];
    let mut clusters = Vec::new();
    for (position, &seed) in order.iter().enumerate() {
        if taken[seed] {
            continue;
        }
        taken[seed] = true;
        let reach = radius(places[seed].weight, largest);
        let mut members = vec![seed];
        for &other in &order[position + 1..] {
            if taken[other] {
                continue;
            }
            let apart = places[seed].point.distance(places[other].point) * k;
            if apart < reach + radius(places[other].weight, largest) + GAP {
                taken[other] = true;
                members.push(other);
            }
        }
        clusters.push(group(places, members));
    }
    clusters
}

fn group(places: &[Place], members: Vec<usize>) -> Cluster {
    let weight: i64 = members.iter().map(|&index| places[index].weight).sum();
    let total = weight.max(1) as f64;
    let (x, y) = members.iter().fold((0.0, 0.0), |(x, y), &index| {
        let place = places[index];
        let share = place.weight as f64 / total;
        (x + place.point.x * share, y + place.point.y * share)
    });
    Cluster {
        point: Point { x, y },
        weight,
        places: members,
    }
}

#[cfg(test)]
mod tests {
    use super::super::projection::project;
    use super::*;

    fn place(lon: f64, lat: f64, weight: i64) -> Place {
        Place {
            point: project(lon, lat),
            weight,
        }
    }

    fn europe() -> Vec<Place> {
        vec![
            place(2.35, 48.86, 1200),  // Paris
            place(4.84, 45.76, 300),   // Lyon
            place(2.17, 41.39, 1000),  // Barcelona
            place(13.40, 52.52, 400),  // Berlin
            place(-73.57, 45.50, 350), // Montréal
            place(-46.63, -23.55, 0),  // São Paulo, nobody under the filter
        ]
    }

    #[test]
    fn zoomed_out_neighbours_merge_and_zooming_in_splits_them() {
        let places = europe();
        let world = cluster(&places, 1.0);
        let paris = world
            .iter()
            .find(|cluster| cluster.places.contains(&0))
            .expect("Paris is drawn");
        assert!(paris.places.contains(&1), "Lyon joins Paris at world zoom");
        assert_eq!(paris.places[0], 0, "the heaviest city founds the group");
        assert!(
            world.iter().any(|cluster| cluster.places == vec![4]),
            "Montréal stays alone"
        );
        let close = cluster(&places, 40.0);
        assert_eq!(
            close.len(),
            5,
            "every city apart at street level: {close:?}"
        );
    }

    #[test]
    fn groups_keep_every_member_once_and_skip_empty_cities() {
        for k in [1.0, 2.0, 4.0, 8.0, 16.0] {
            let clusters = cluster(&europe(), k);
            let mut seen: Vec<usize> = clusters.iter().flat_map(|c| c.places.clone()).collect();
            seen.sort_unstable();
            assert_eq!(seen, vec![0, 1, 2, 3, 4], "at zoom {k}");
            let total: i64 = clusters.iter().map(|c| c.weight).sum();
            assert_eq!(total, 3250);
        }
        assert!(cluster(&[], 1.0).is_empty());
    }

    #[test]
    fn choosing_a_group_zooms_until_it_splits() {
        let places = europe();
        let world = cluster(&places, 1.0);
        let paris = world.iter().find(|c| c.places.contains(&0)).expect("Paris");
        let level = split_level(&places, &paris.places, 0, 22, 1.0).expect("Europe splits");
        assert!(level > 0);
        assert!(cluster(&places, level_zoom(level)).len() > world.len());
        assert!(
            cluster(&places, level_zoom(level - 1))
                .iter()
                .any(|c| c.places.len() == paris.places.len()),
            "one level less keeps the group whole"
        );
        let twins = [place(2.35, 48.86, 5), place(2.35, 48.86, 5)];
        assert_eq!(
            split_level(&twins, &[0, 1], 0, 22, 1.0),
            None,
            "cities at one spot never split"
        );
    }

    #[test]
    fn a_group_sits_at_its_members_weighted_centre() {
        let places = [
            Place {
                point: Point { x: 0.0, y: 0.0 },
                weight: 3,
            },
            Place {
                point: Point { x: 4.0, y: 0.0 },
                weight: 1,
            },
        ];
        let clusters = cluster(&places, 1.0);
        assert_eq!(clusters.len(), 1);
        assert!(clusters[0].point.distance(Point { x: 1.0, y: 0.0 }) < 1e-9);
    }

    #[test]
    fn radius_grows_with_area_and_stays_bounded() {
        assert_eq!(radius(0, 100), MIN_RADIUS);
        assert_eq!(radius(100, 100), MAX_RADIUS);
        let quarter = radius(25, 100) - MIN_RADIUS;
        assert!((quarter * 2.0 - (MAX_RADIUS - MIN_RADIUS)).abs() < 1e-9);
        assert!(radius(10_000, 100) <= MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * 2f64.sqrt());
    }
}
