//! The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): an equal-area world map, so a
//! city's surroundings are neither swollen nor shrunk by its latitude. Longitude and latitude in
//! degrees go to the map's own units: a `WIDTH` × `HEIGHT` box, x to the east, y to the south.

/// The map's width in its own units (the SVG `viewBox`).
pub const WIDTH: f64 = 1000.0;
/// The height that keeps the projection's proportions (2.0546:1), rounded up a little.
pub const HEIGHT: f64 = 487.0;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;
/// Half the width of the unscaled projection: x at longitude 180° on the equator, π / (M · A1).
const HALF_WIDTH: f64 = std::f64::consts::PI / (M * A1);
const SCALE: f64 = WIDTH / (2.0 * HALF_WIDTH);

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// The unscaled projection, in radians, y to the north.
fn raw(lambda: f64, phi: f64) -> (f64, f64) {
    let theta = (M * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Where a place is on the map. Out-of-range input is clamped to the globe.
pub fn project(lon: f64, lat: f64) -> Point {
    let lon = lon.clamp(-180.0, 180.0).to_radians();
    let lat = lat.clamp(-90.0, 90.0).to_radians();
    let (x, y) = raw(lon, lat);
    Point {
        x: WIDTH / 2.0 + x * SCALE,
        y: HEIGHT / 2.0 - y * SCALE,
    }
}

/// The outline of the globe (the ocean behind the countries), as SVG path data: down the
/// eastern edge, back up the western one; the poles are the flat top and bottom lines.
pub fn outline() -> String {
    let east = (0..=36).map(|step| project(180.0, 90.0 - 5.0 * f64::from(step)));
    let west = (0..=36).map(|step| project(-180.0, -90.0 + 5.0 * f64::from(step)));
    let mut path = String::new();
    for (index, point) in east.chain(west).enumerate() {
        let command = if index == 0 { 'M' } else { 'L' };
        path.push_str(&format!("{command}{:.1},{:.1}", point.x, point.y));
    }
    path.push('Z');
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.05
    }

    #[test]
    fn the_world_fills_the_box_left_to_right_and_fits_top_to_bottom() {
        let west = project(-180.0, 0.0);
        let east = project(180.0, 0.0);
        assert!(close(west.x, 0.0) && close(east.x, WIDTH));
        let north = project(0.0, 90.0);
        let south = project(0.0, -90.0);
        assert!(north.y >= 0.0 && south.y <= HEIGHT);
        assert!(
            HEIGHT - (south.y - north.y) < 1.0,
            "at most a unit of slack"
        );
        let centre = project(0.0, 0.0);
        assert!(close(centre.x, WIDTH / 2.0) && close(centre.y, HEIGHT / 2.0));
    }

    #[test]
    fn places_keep_their_direction_and_symmetry() {
        let paris = project(2.35, 48.86);
        let sao_paulo = project(-46.63, -23.55);
        assert!(paris.x > WIDTH / 2.0 && paris.y < HEIGHT / 2.0);
        assert!(sao_paulo.x < WIDTH / 2.0 && sao_paulo.y > HEIGHT / 2.0);
        let mirrored = project(-2.35, -48.86);
        assert!(close(mirrored.x, WIDTH - paris.x) && close(mirrored.y, HEIGHT - paris.y));
        assert_eq!(project(500.0, 100.0), project(180.0, 90.0), "clamped");
    }

    #[test]
    fn equal_areas_stay_equal_whatever_the_latitude() {
        // A one-degree cell's projected area, near the equator and near the pole: an
        // equal-area map gives each the share of the sphere's surface it really has.
        let cell = |lat: f64| {
            let corners = [
                project(10.0, lat),
                project(11.0, lat),
                project(11.0, lat + 1.0),
                project(10.0, lat + 1.0),
            ];
            let twice: f64 = (0..4)
                .map(|i| {
                    let (a, b) = (corners[i], corners[(i + 1) % 4]);
                    a.x * b.y - b.x * a.y
                })
                .sum();
            twice.abs() / 2.0
        };
        let ratio = cell(0.0) / cell(70.0);
        let band = |lat: f64| (lat + 1.0).to_radians().sin() - lat.to_radians().sin();
        let sphere = band(0.0) / band(70.0);
        assert!((ratio / sphere - 1.0).abs() < 0.02, "{ratio} vs {sphere}");
    }

    #[test]
    fn the_outline_is_one_closed_ring() {
        let outline = outline();
        assert!(outline.starts_with('M') && outline.ends_with('Z'));
        assert_eq!(outline.matches('L').count(), 73);
    }
}
