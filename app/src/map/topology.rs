//! Reads the country shapes Edges ships (world-atlas TopoJSON, from Natural Earth) into rings of
//! longitude and latitude, and turns them into SVG path data on the projected map.
//!
//! Written by hand rather than with the `topojson` and `geo` crates: Edges needs only polygons,
//! one transform and one projection, which take a page of code, while those crates (and the
//! GeoJSON model they convert through) would add several hundred kilobytes to the WASM.
use super::projection::{project, Point};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Topology {
    transform: Option<Transform>,
    objects: HashMap<String, Collection>,
    /// Each arc is a line of points, delta-encoded when the topology is quantized.
    arcs: Vec<Vec<[f64; 2]>>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

/// A ring lists arcs by index; `!index` (a negative number) means the arc walked backwards.
/// TopoJSON also allows null, point and line geometries: they have no land to draw.
#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    arcs: Option<Arcs>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Arcs {
    Polygons(Vec<Vec<Vec<i64>>>),
    Rings(Vec<Vec<i64>>),
    /// A line's arcs, or anything else: skipped.
    Other(serde::de::IgnoredAny),
}

/// One country: its rings (outer boundaries and holes alike), each point (longitude, latitude).
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub rings: Vec<Vec<(f64, f64)>>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum TopologyError {
    /// Not TopoJSON, or not the kind Edges ships.
    Unreadable,
    NoSuchObject,
    /// A ring refers to an arc that does not exist.
    BadArc,
}

/// The shapes of one object of the topology ("countries").
pub fn decode(json: &str, object: &str) -> Result<Vec<Shape>, TopologyError> {
    let topology: Topology = serde_json::from_str(json).map_err(|_| TopologyError::Unreadable)?;
    let arcs = absolute_arcs(&topology);
    let collection = topology
        .objects
        .get(object)
        .ok_or(TopologyError::NoSuchObject)?;
    let mut shapes = Vec::with_capacity(collection.geometries.len());
    for geometry in &collection.geometries {
        let polygons: Vec<&Vec<Vec<i64>>> = match (geometry.kind.as_deref(), &geometry.arcs) {
            (Some("Polygon"), Some(Arcs::Rings(rings))) => vec![rings],
            (Some("MultiPolygon"), Some(Arcs::Polygons(polygons))) => polygons.iter().collect(),
            _ => continue,
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            for ring in polygon {
                rings.push(stitch(&arcs, ring)?);
            }
        }
        shapes.push(Shape { rings });
    }
    Ok(shapes)
}

/// Every arc in longitude and latitude, undoing the quantization's deltas.
fn absolute_arcs(topology: &Topology) -> Vec<Vec<(f64, f64)>> {
    topology
        .arcs
        .iter()
        .map(|arc| match &topology.transform {
            Some(Transform { scale, translate }) => {
                let (mut x, mut y) = (0.0, 0.0);
                arc.iter()
                    .map(|[dx, dy]| {
                        x += dx;
                        y += dy;
                        (x * scale[0] + translate[0], y * scale[1] + translate[1])
                    })
                    .collect()
            }
            None => arc.iter().map(|[x, y]| (*x, *y)).collect(),
        })
        .collect()
}

/// Joins a ring's arcs end to end; each arc starts where the previous one ended, so that shared
/// point is kept once.
fn stitch(arcs: &[Vec<(f64, f64)>], ring: &[i64]) -> Result<Vec<(f64, f64)>, TopologyError> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for &index in ring {
        let (position, reversed) = if index < 0 {
            (!index, true)
        } else {
            (index, false)
        };
        let arc = usize::try_from(position)
            .ok()
            .and_then(|position| arcs.get(position))
            .ok_or(TopologyError::BadArc)?;
        let skip = usize::from(!points.is_empty());
        if reversed {
            points.extend(arc.iter().rev().skip(skip));
        } else {
            points.extend(arc.iter().skip(skip));
        }
    }
    Ok(points)
}

/// One shape's path data on the map, to two decimals (a hundredth of a map unit stays under a
/// pixel at the deepest zoom); points that round to the one before are dropped.
pub fn svg_path(shape: &Shape) -> String {
    let mut path = String::new();
    for ring in &shape.rings {
        let mut last: Option<(i64, i64)> = None;
        let mut drawn = 0;
        for &(lon, lat) in ring {
            let Point { x, y } = project(lon, lat);
            let rounded = ((x * 100.0).round() as i64, (y * 100.0).round() as i64);
            if last == Some(rounded) {
                continue;
            }
            let command = if drawn == 0 { 'M' } else { 'L' };
            path.push(command);
            push_hundredths(&mut path, rounded.0);
            path.push(',');
            push_hundredths(&mut path, rounded.1);
            last = Some(rounded);
            drawn += 1;
        }
        if drawn > 0 {
            path.push('Z');
        }
    }
    path
}

/// Writes a number of hundredths as a short decimal: 12345 → "123.45", 1200 → "12", -5 → "-0.05".
fn push_hundredths(path: &mut String, hundredths: i64) {
    if hundredths < 0 {
        path.push('-');
    }
    let value = hundredths.unsigned_abs();
    let (whole, fraction) = (value / 100, value % 100);
    path.push_str(&whole.to_string());
    match fraction {
        0 => {}
        f if f % 10 == 0 => path.push_str(&format!(".{}", f / 10)),
        f => path.push_str(&format!(".{f:02}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two squares sharing an edge, quantized like world-atlas: arc 0 is the shared edge.
    const TWO_SQUARES: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [-10, -10]},
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "001"},
            {"type": "MultiPolygon", "arcs": [[[-1, 2]]], "id": "002"},
            {"type": null},
            {"type": "Point", "coordinates": [0, 0]},
            {"type": "LineString", "arcs": [0]}
        ]}},
        "arcs": [
            [[10, 0], [0, 10]],
            [[10, 10], [-10, 0], [0, -10], [10, 0]],
            [[10, 0], [10, 0], [0, 10], [-10, 0]]
        ]
    }"#;

    #[test]
    fn arcs_are_undeltaed_stitched_and_reversed() {
        let shapes = decode(TWO_SQUARES, "countries").expect("decodes");
        assert_eq!(shapes.len(), 2, "only polygons are land");
        assert_eq!(
            shapes[0].rings,
            vec![vec![
                (0.0, -10.0),
                (0.0, 0.0),
                (-10.0, 0.0),
                (-10.0, -10.0),
                (0.0, -10.0)
            ]]
        );
        assert_eq!(
            shapes[1].rings,
            vec![vec![
                (0.0, 0.0),
                (0.0, -10.0),
                (10.0, -10.0),
                (10.0, 0.0),
                (0.0, 0.0)
            ]]
        );
    }

    #[test]
    fn broken_topologies_are_refused_not_trusted() {
        assert_eq!(
            decode("not json", "countries"),
            Err(TopologyError::Unreadable)
        );
        assert_eq!(
            decode(TWO_SQUARES, "rivers"),
            Err(TopologyError::NoSuchObject)
        );
        let bad = TWO_SQUARES.replace("[[0, 1]]", "[[0, 7]]");
        assert_eq!(decode(&bad, "countries"), Err(TopologyError::BadArc));
    }

    #[test]
    fn paths_close_each_ring_and_skip_repeated_points() {
        let shape = Shape {
            rings: vec![
                vec![(0.0, 0.0), (0.0, 0.0), (10.0, 0.0), (10.0, 10.0)],
                vec![],
            ],
        };
        let path = svg_path(&shape);
        assert_eq!(path.matches('M').count(), 1);
        assert_eq!(path.matches('L').count(), 2, "{path}");
        assert!(path.ends_with('Z'));
    }

    #[test]
    fn hundredths_are_written_short() {
        let mut text = String::new();
        for value in [12345, 1200, -5, 0, 1230] {
            push_hundredths(&mut text, value);
            text.push(' ');
        }
        assert_eq!(text, "123.45 12 -0.05 0 12.3 ");
    }

    #[test]
    fn the_shipped_world_decodes() {
        let json = include_str!("../../../public/world/countries-110m.json");
        let shapes = decode(json, "countries").expect("the 110m countries decode");
        assert_eq!(shapes.len(), 177);
        for shape in &shapes {
            for ring in &shape.rings {
                assert!(
                    ring.len() >= 4,
                    "a ring has at least a triangle and its closing point"
                );
                assert_eq!(ring.first(), ring.last(), "rings close");
                assert!(ring.iter().all(
                    |(lon, lat)| (-180.0..=180.0).contains(lon) && (-90.0..=90.0).contains(lat)
                ));
            }
        }
    }
}
