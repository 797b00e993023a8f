//! The country shapes under the markers, loaded in the browser from the files Edges serves from
//! its own origin (`/world/`): the 1:110 million shapes at once, the 1:50 million ones the
//! first time the member zooms in far enough to see the difference.
use leptos::prelude::*;
use std::sync::Arc;

#[cfg(feature = "hydrate")]
pub const COARSE_URL: &str = "/world/countries-110m.json";
#[cfg(feature = "hydrate")]
pub const FINE_URL: &str = "/world/countries-50m.json";

type Paths = Arc<Vec<String>>;

#[derive(Clone, Copy)]
pub struct Land {
    coarse: RwSignal<Option<Paths>>,
    fine: RwSignal<Option<Paths>>,
    /// The fine shapes are fetched once, the first time they are wanted.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fine_requested: StoredValue<bool>,
}

impl Land {
    pub fn new() -> Land {
        Land {
            coarse: RwSignal::new(None),
            fine: RwSignal::new(None),
            fine_requested: StoredValue::new(false),
        }
    }

    /// The shapes to draw and their detail: the fine ones when wanted and loaded, else the
    /// coarse ones; none before the first file has loaded (and on the server).
    pub fn shown(&self, want_fine: bool) -> Option<(&'static str, Paths)> {
        if want_fine {
            if let Some(paths) = self.fine.get() {
                return Some(("50m", paths));
            }
        }
        self.coarse.get().map(|paths| ("110m", paths))
    }
}

#[cfg(feature = "hydrate")]
impl Land {
    pub fn load_coarse(&self) {
        let target = self.coarse;
        leptos::task::spawn_local(async move {
            if let Some(paths) = load(COARSE_URL).await {
                target.set(Some(paths));
                mark("edges-map-land-110m");
            }
        });
    }

    pub fn load_fine(&self) {
        if self.fine_requested.get_value() {
            return;
        }
        self.fine_requested.set_value(true);
        let target = self.fine;
        leptos::task::spawn_local(async move {
            if let Some(paths) = load(FINE_URL).await {
                target.set(Some(paths));
                mark("edges-map-land-50m");
            }
        });
    }
}

impl Default for Land {
    fn default() -> Land {
        Land::new()
    }
}

/// Fetches and decodes one file. A failure leaves the map without countries (the markers and
/// the table still work), so it is logged, not shown.
#[cfg(feature = "hydrate")]
async fn load(url: &str) -> Option<Paths> {
    let text = match fetch_text(url).await {
        Some(text) => text,
        None => {
            leptos::logging::warn!("could not load {url}");
            return None;
        }
    };
    match super::topology::decode(&text, "countries") {
        Ok(shapes) => Some(Arc::new(
            shapes
                .iter()
                .map(super::topology::svg_path)
                .filter(|path| !path.is_empty())
                .collect(),
        )),
        Err(error) => {
            leptos::logging::warn!("could not read {url}: {error:?}");
            None
        }
    }
}

#[cfg(feature = "hydrate")]
async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// A performance mark, so tests and profiles can tell when the countries appeared.
#[cfg(feature = "hydrate")]
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}
