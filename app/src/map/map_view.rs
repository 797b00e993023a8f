//! The map's view, shared by the SVG, its buttons and the member search: where it looks, and
//! whether the last press was a drag (the click that ends a drag selects nothing).
use super::viewport::Viewport;
use leptos::prelude::*;

/// How long a glide (buttons, keys, search results) takes.
#[cfg(feature = "hydrate")]
const GLIDE_MS: f64 = 280.0;

#[derive(Clone, Copy)]
pub struct MapView {
    pub viewport: RwSignal<Viewport>,
    /// Map units per CSS pixel of the drawn SVG, at least 1: markers and labels are sized in
    /// pixels times this, so they keep their size on a phone's narrow map.
    pub scale: RwSignal<f64>,
    pub dragged: StoredValue<bool>,
    /// Bumped by every move: a glide still under way stops when another move starts.
    moves: StoredValue<u32>,
}

impl Default for MapView {
    fn default() -> MapView {
        MapView::new()
    }
}

impl MapView {
    pub fn new() -> MapView {
        MapView {
            viewport: RwSignal::new(Viewport::WORLD),
            scale: RwSignal::new(1.0),
            dragged: StoredValue::new(false),
            moves: StoredValue::new(0),
        }
    }

    /// Moves at once: pointers, pinches and the wheel follow the hand.
    #[cfg(feature = "hydrate")]
    pub fn jump(&self, to: Viewport) {
        self.moves
            .update_value(|moves| *moves = moves.wrapping_add(1));
        self.viewport.set(to);
    }

    /// Glides there, unless the member asked the system for reduced motion.
    pub fn glide(&self, to: Viewport) {
        self.moves
            .update_value(|moves| *moves = moves.wrapping_add(1));
        #[cfg(feature = "hydrate")]
        if !prefers_reduced_motion() {
            let from = self.viewport.get_untracked();
            glide_step(*self, from, to, now_ms(), self.moves.get_value());
            return;
        }
        self.viewport.set(to);
    }
}

#[cfg(feature = "hydrate")]
fn glide_step(view: MapView, from: Viewport, to: Viewport, started: f64, mine: u32) {
    request_animation_frame(move || {
        if view.moves.get_value() != mine {
            return;
        }
        let t = (now_ms() - started) / GLIDE_MS;
        view.viewport.set(from.towards(to, t));
        if t < 1.0 {
            glide_step(view, from, to, started, mine);
        }
    });
}

#[cfg(feature = "hydrate")]
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or(0.0)
}

#[cfg(feature = "hydrate")]
fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media("(prefers-reduced-motion: reduce)").ok())
        .flatten()
        .is_some_and(|query| query.matches())
}
