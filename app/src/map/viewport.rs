//! Which part of the map is on screen, and how pointer, wheel, pinch and keys move it. Pure:
//! the browser code only turns events into these calls.
use super::projection::{Point, HEIGHT, WIDTH};

pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 48.0;
/// From this zoom on, the finer (1:50 million) country shapes are drawn.
pub const FINE_LAND_ZOOM: f64 = 3.0;
/// How far one press of + or − zooms.
pub const ZOOM_STEP: f64 = 1.6;
/// Where searching a member, or choosing a city, brings the map.
pub const CITY_ZOOM: f64 = 8.0;
/// One arrow key press pans this far, in the SVG's units.
const KEY_PAN: f64 = 90.0;

/// A point of the map shows at `map × k + (x, y)` in the SVG's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub k: f64,
}

impl Viewport {
    /// The whole world.
    pub const WORLD: Viewport = Viewport {
        x: 0.0,
        y: 0.0,
        k: 1.0,
    };

    /// The SVG `transform` attribute of the layers that move with the map.
    pub fn transform(&self) -> String {
        format!(
            "translate({:.2} {:.2}) scale({:.4})",
            self.x, self.y, self.k
        )
    }

    pub fn to_screen(&self, point: Point) -> Point {
        Point {
            x: point.x * self.k + self.x,
            y: point.y * self.k + self.y,
        }
    }

    pub fn to_map(&self, screen: Point) -> Point {
        Point {
            x: (screen.x - self.x) / self.k,
            y: (screen.y - self.y) / self.k,
        }
    }

    /// Zooms by `factor` keeping the map point under `anchor` (screen units) where it is.
    pub fn zoom_at(self, anchor: Point, factor: f64) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let k = (self.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let under = self.to_map(anchor);
        Viewport {
            x: anchor.x - under.x * k,
            y: anchor.y - under.y * k,
            k,
        }
        .clamped()
    }

    /// Zooms about the middle of the view (buttons and keys).
    pub fn zoom_centre(self, factor: f64) -> Viewport {
        self.zoom_at(centre(), factor)
    }

    pub fn pan(self, dx: f64, dy: f64) -> Viewport {
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        Viewport {
            x: self.x + dx,
            y: self.y + dy,
            k: self.k,
        }
        .clamped()
    }

    /// Two fingers moved from `before` to `after`: the map follows their midpoint and scales with
    /// their spread.
    pub fn pinch(self, before: (Point, Point), after: (Point, Point)) -> Viewport {
        let spread_before = before.0.distance(before.1);
        let spread_after = after.0.distance(after.1);
        if spread_before < 1.0 {
            return self;
        }
        let mid_before = midpoint(before.0, before.1);
        let mid_after = midpoint(after.0, after.1);
        self.pan(mid_after.x - mid_before.x, mid_after.y - mid_before.y)
            .zoom_at(mid_after, spread_after / spread_before)
    }

    /// The view centred on a map point at zoom `k`.
    pub fn centred_on(point: Point, k: f64) -> Viewport {
        let k = k.clamp(MIN_ZOOM, MAX_ZOOM);
        let middle = centre();
        Viewport {
            x: middle.x - point.x * k,
            y: middle.y - point.y * k,
            k,
        }
        .clamped()
    }

    /// The map always covers the view: it cannot be dragged away into emptiness.
    pub fn clamped(self) -> Viewport {
        let k = if self.k.is_finite() {
            self.k.clamp(MIN_ZOOM, MAX_ZOOM)
        } else {
            MIN_ZOOM
        };
        let fit = |offset: f64, size: f64| {
            if offset.is_finite() {
                offset.clamp(size * (1.0 - k), 0.0)
            } else {
                0.0
            }
        };
        Viewport {
            x: fit(self.x, WIDTH),
            y: fit(self.y, HEIGHT),
            k,
        }
    }

    /// On the way from `self` to `to`, at `t` (0 to 1) with an ease-out: for animated moves.
    /// Zoom is interpolated geometrically so that zooming in and out feel alike.
    pub fn towards(self, to: Viewport, t: f64) -> Viewport {
        let t = t.clamp(0.0, 1.0);
        let eased = 1.0 - (1.0 - t).powi(3);
        let k = self.k * (to.k / self.k).powf(eased);
        // Interpolate the map point at the centre, so the centre glides in a straight line.
        let from_centre = self.to_map(centre());
        let to_centre = to.to_map(centre());
        let point = Point {
            x: from_centre.x + (to_centre.x - from_centre.x) * eased,
            y: from_centre.y + (to_centre.y - from_centre.y) * eased,
        };
        if t >= 1.0 {
            return to;
        }
        Viewport::centred_on(point, k)
    }

    /// What a key pressed on the map does to the view, if anything.
    pub fn after_key(self, key: &str) -> Option<Viewport> {
        Some(match key {
            "ArrowLeft" => self.pan(KEY_PAN, 0.0),
            "ArrowRight" => self.pan(-KEY_PAN, 0.0),
            "ArrowUp" => self.pan(0.0, KEY_PAN),
            "ArrowDown" => self.pan(0.0, -KEY_PAN),
            "+" | "=" => self.zoom_centre(ZOOM_STEP),
            "-" | "_" => self.zoom_centre(1.0 / ZOOM_STEP),
            "0" | "Home" => Viewport::WORLD,
            _ => return None,
        })
    }

    /// Whether the finer country shapes are worth drawing.
    pub fn wants_fine_land(&self) -> bool {
        self.k >= FINE_LAND_ZOOM
    }

    /// The zoom in quarter steps of a doubling: markers are regrouped only when this changes.
    pub fn level(&self) -> i32 {
        (self.k.log2() * 4.0).round() as i32
    }
}

fn midpoint(a: Point, b: Point) -> Point {
    Point {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    }
}

fn centre() -> Point {
    Point {
        x: WIDTH / 2.0,
        y: HEIGHT / 2.0,
    }
}

/// The zoom a level stands for (the inverse of [`Viewport::level`]).
pub fn level_zoom(level: i32) -> f64 {
    2f64.powf(f64::from(level) / 4.0)
}

/// Where a pointer at (`x`, `y`) pixels inside the SVG's box falls in the map's units. The SVG
/// keeps its proportions (`preserveAspectRatio` "xMidYMid meet"), so the drawing is centred with
/// bands of empty space on two sides when the box is not 2:1.
pub fn from_pixels(x: f64, y: f64, box_width: f64, box_height: f64) -> Option<Point> {
    if box_width <= 0.0 || box_height <= 0.0 {
        return None;
    }
    let scale = (box_width / WIDTH).min(box_height / HEIGHT);
    let left = (box_width - WIDTH * scale) / 2.0;
    let top = (box_height - HEIGHT * scale) / 2.0;
    Some(Point {
        x: (x - left) / scale,
        y: (y - top) / scale,
    })
}

/// Map units per pixel of the SVG's box (to turn a drag in pixels into a pan).
pub fn units_per_pixel(box_width: f64, box_height: f64) -> Option<f64> {
    let scale = (box_width / WIDTH).min(box_height / HEIGHT);
    (scale > 0.0).then(|| 1.0 / scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: Point, b: Point) -> bool {
        a.distance(b) < 1e-6
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let anchor = Point { x: 620.0, y: 140.0 };
        let start = Viewport::WORLD.zoom_at(Point { x: 300.0, y: 300.0 }, 3.0);
        let under = start.to_map(anchor);
        let zoomed = start.zoom_at(anchor, 2.0);
        assert!((zoomed.k - 6.0).abs() < 1e-9);
        assert!(near(zoomed.to_screen(under), anchor));
    }

    #[test]
    fn zoom_and_pan_stay_within_the_world() {
        let out = Viewport::WORLD.zoom_centre(0.1);
        assert_eq!(out, Viewport::WORLD, "cannot zoom out past the whole world");
        assert_eq!(Viewport::WORLD.pan(200.0, -50.0), Viewport::WORLD);
        let deep = Viewport::WORLD.zoom_centre(1000.0);
        assert_eq!(deep.k, MAX_ZOOM);
        let dragged = deep.pan(1.0e9, 1.0e9);
        assert_eq!(
            (dragged.x, dragged.y),
            (0.0, 0.0),
            "the north-west corner at most"
        );
        let other_way = deep.pan(-1.0e9, -1.0e9);
        assert!(near(
            other_way.to_screen(Point {
                x: WIDTH,
                y: HEIGHT
            }),
            Point {
                x: WIDTH,
                y: HEIGHT
            }
        ));
        assert_eq!(deep.pan(f64::NAN, 0.0), deep, "garbage moves nothing");
        assert_eq!(deep.zoom_centre(f64::INFINITY), deep);
    }

    #[test]
    fn pinching_spreads_and_follows_the_fingers() {
        let start = Viewport::WORLD.zoom_centre(2.0);
        let a = Point { x: 400.0, y: 200.0 };
        let b = Point { x: 500.0, y: 200.0 };
        let under = start.to_map(midpoint(a, b));
        let spread = start.pinch(
            (a, b),
            (Point { x: 350.0, y: 200.0 }, Point { x: 550.0, y: 200.0 }),
        );
        assert!((spread.k - 4.0).abs() < 1e-9);
        assert!(near(spread.to_screen(under), midpoint(a, b)));
        let moved = start.pinch(
            (a, b),
            (Point { x: 410.0, y: 210.0 }, Point { x: 510.0, y: 210.0 }),
        );
        assert!((moved.x - start.x - 10.0).abs() < 1e-9 && (moved.y - start.y - 10.0).abs() < 1e-9);
        assert_eq!(
            start.pinch((a, a), (a, b)),
            start,
            "no spread to scale from"
        );
    }

    #[test]
    fn centring_on_a_city_puts_it_in_the_middle() {
        let paris = super::super::projection::project(2.35, 48.86);
        let view = Viewport::centred_on(paris, CITY_ZOOM);
        assert!(near(view.to_screen(paris), centre()));
        assert!(view.wants_fine_land() && !Viewport::WORLD.wants_fine_land());
    }

    #[test]
    fn animations_start_and_end_where_asked() {
        let to = Viewport::centred_on(Point { x: 700.0, y: 150.0 }, 6.0);
        assert_eq!(Viewport::WORLD.towards(to, 0.0), Viewport::WORLD);
        assert_eq!(Viewport::WORLD.towards(to, 1.0), to);
        let halfway = Viewport::WORLD.towards(to, 0.5);
        assert!(halfway.k > 1.0 && halfway.k < 6.0);
    }

    #[test]
    fn keys_pan_zoom_and_reset() {
        let zoomed = Viewport::WORLD.after_key("+").expect("zooms");
        assert!((zoomed.k - ZOOM_STEP).abs() < 1e-9);
        let right = zoomed.after_key("ArrowRight").expect("pans");
        assert!(
            right.x < zoomed.x,
            "the map moves left to show what is east"
        );
        assert_eq!(right.after_key("0"), Some(Viewport::WORLD));
        assert_eq!(zoomed.after_key("-").map(|v| v.k), Some(1.0));
        assert_eq!(zoomed.after_key("a"), None);
    }

    #[test]
    fn levels_round_trip_through_zooms() {
        assert_eq!(Viewport::WORLD.level(), 0);
        for level in [0, 3, 8, 22] {
            let view = Viewport {
                k: level_zoom(level),
                ..Viewport::WORLD
            };
            assert_eq!(view.level(), level);
        }
    }

    #[test]
    fn pixels_map_to_units_through_the_letterbox() {
        // A box twice as tall as the drawing needs: bands above and below.
        let point = from_pixels(250.0, 243.5, 500.0, 487.0).expect("a box");
        assert!(near(point, centre()));
        let corner = from_pixels(0.0, 121.75, 500.0, 487.0).expect("a box");
        assert!(near(corner, Point { x: 0.0, y: 0.0 }));
        assert_eq!(units_per_pixel(500.0, 487.0), Some(2.0));
        assert_eq!(from_pixels(1.0, 1.0, 0.0, 10.0), None);
        assert_eq!(units_per_pixel(0.0, 0.0), None);
    }
}
