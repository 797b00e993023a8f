//! Turns the browser's pointer, wheel and key events on the map into view changes: drag to pan,
//! wheel or pinch to zoom about the pointer, double-click to zoom in, arrows and + − 0 from the
//! keyboard. Browser-only; the arithmetic is in `viewport`.
use super::map_view::MapView;
use super::projection::Point;
use super::viewport::{from_pixels, units_per_pixel};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Element, KeyboardEvent, PointerEvent, WheelEvent};

/// A press that moves further than this (in pixels) is a drag, not a click.
const DRAG_PIXELS: f64 = 5.0;

/// The pointers down on the map, in client pixels, and how far the press has travelled.
#[derive(Default)]
struct Presses {
    pointers: Vec<(i32, f64, f64)>,
    travelled: f64,
}

/// Listens on the map's SVG for as long as the page lives, and marks it ready.
pub fn attach(svg: web_sys::SvgElement, view: MapView) {
    let element: Element = svg.into();
    let presses = Rc::new(RefCell::new(Presses::default()));
    measure(&element, view);
    {
        let element = element.clone();
        listen(
            &web_sys::window().map(Into::into),
            "resize",
            false,
            move |_| measure(&element, view),
        );
    }
    let target = Some(element.clone().into());
    {
        let (element, presses) = (element.clone(), presses.clone());
        listen(&target, "pointerdown", false, move |event| {
            if let Some(event) = event.dyn_ref::<PointerEvent>() {
                press(&element, &presses, view, event);
            }
        });
    }
    {
        let (element, presses) = (element.clone(), presses.clone());
        listen(&target, "pointermove", false, move |event| {
            if let Some(event) = event.dyn_ref::<PointerEvent>() {
                drag(&element, &presses, view, event);
            }
        });
    }
    for name in ["pointerup", "pointercancel"] {
        let presses = presses.clone();
        listen(&target, name, false, move |event| {
            if let Some(event) = event.dyn_ref::<PointerEvent>() {
                let id = event.pointer_id();
                presses
                    .borrow_mut()
                    .pointers
                    .retain(|(known, _, _)| *known != id);
            }
        });
    }
    {
        let element = element.clone();
        // Not passive: the wheel zooms the map instead of scrolling the page.
        listen(&target, "wheel", true, move |event| {
            if let Some(event) = event.dyn_ref::<WheelEvent>() {
                event.prevent_default();
                wheel(&element, view, event);
            }
        });
    }
    {
        let element = element.clone();
        listen(&target, "dblclick", false, move |event| {
            if let Some(event) = event.dyn_ref::<web_sys::MouseEvent>() {
                if let Some(at) = in_units(&element, event.client_x(), event.client_y()) {
                    view.glide(view.viewport.get_untracked().zoom_at(at, 2.0));
                }
            }
        });
    }
    listen(&target, "keydown", true, move |event| {
        if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
            if let Some(to) = view.viewport.get_untracked().after_key(&event.key()) {
                event.prevent_default();
                view.glide(to);
            }
        }
    });
    let _ = element.set_attribute("data-map-ready", "true");
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark("edges-map-ready");
    }
}

fn listen(
    target: &Option<web_sys::EventTarget>,
    name: &str,
    active: bool,
    handler: impl FnMut(web_sys::Event) + 'static,
) {
    let Some(target) = target else { return };
    let closure = Closure::wrap(Box::new(handler) as Box<dyn FnMut(web_sys::Event)>);
    let options = AddEventListenerOptions::new();
    options.set_passive(!active);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        name,
        closure.as_ref().unchecked_ref(),
        &options,
    );
    // The map lives as long as the page; so do its listeners.
    closure.forget();
}

/// Keeps markers and labels the same size in pixels whatever the map's width.
fn measure(element: &Element, view: MapView) {
    let rect = element.get_bounding_client_rect();
    if let Some(units) = units_per_pixel(rect.width(), rect.height()) {
        let scale = (units * 4.0).round() / 4.0;
        if view.scale.get_untracked() != scale.max(1.0) {
            view.scale.set(scale.max(1.0));
        }
    }
}

/// A client position in map units on screen.
fn in_units(element: &Element, client_x: i32, client_y: i32) -> Option<Point> {
    let rect = element.get_bounding_client_rect();
    from_pixels(
        f64::from(client_x) - rect.left(),
        f64::from(client_y) - rect.top(),
        rect.width(),
        rect.height(),
    )
}

fn press(element: &Element, presses: &Rc<RefCell<Presses>>, view: MapView, event: &PointerEvent) {
    if event.pointer_type() == "mouse" && event.button() != 0 {
        return;
    }
    let mut presses = presses.borrow_mut();
    if presses.pointers.is_empty() {
        presses.travelled = 0.0;
        view.dragged.set_value(false);
    }
    let id = event.pointer_id();
    presses.pointers.retain(|(known, _, _)| *known != id);
    presses
        .pointers
        .push((id, f64::from(event.client_x()), f64::from(event.client_y())));
    if presses.pointers.len() > 1 {
        // A second finger: a pinch, never a tap.
        view.dragged.set_value(true);
        let _ = element.set_pointer_capture(id);
    }
}

fn drag(element: &Element, presses: &Rc<RefCell<Presses>>, view: MapView, event: &PointerEvent) {
    let mut presses = presses.borrow_mut();
    let id = event.pointer_id();
    if event.pointer_type() == "mouse" && event.buttons() == 0 {
        // Released outside the map before it became a drag: that press is over.
        presses.pointers.retain(|(known, _, _)| *known != id);
        return;
    }
    let Some(index) = presses
        .pointers
        .iter()
        .position(|(known, _, _)| *known == id)
    else {
        return;
    };
    let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
    let (_, before_x, before_y) = presses.pointers[index];
    presses.travelled += (x - before_x).hypot(y - before_y);
    if presses.travelled > DRAG_PIXELS && !view.dragged.get_value() {
        view.dragged.set_value(true);
        // From now on the drag goes on outside the map, and ends nowhere as a click.
        let _ = element.set_pointer_capture(id);
    }
    let rect = element.get_bounding_client_rect();
    let current = view.viewport.get_untracked();
    let moved = match presses.pointers.as_slice() {
        [_] => units_per_pixel(rect.width(), rect.height())
            .map(|units| current.pan((x - before_x) * units, (y - before_y) * units)),
        [first, second, ..] => {
            let other = if index == 0 { second } else { first };
            let to_units = |px: f64, py: f64| {
                from_pixels(
                    px - rect.left(),
                    py - rect.top(),
                    rect.width(),
                    rect.height(),
                )
            };
            match (
                to_units(before_x, before_y),
                to_units(x, y),
                to_units(other.1, other.2),
            ) {
                (Some(before), Some(after), Some(still)) => {
                    Some(current.pinch((before, still), (after, still)))
                }
                _ => None,
            }
        }
        [] => None,
    };
    presses.pointers[index] = (id, x, y);
    if presses.travelled > DRAG_PIXELS {
        if let Some(moved) = moved {
            view.jump(moved);
        }
    }
}

fn wheel(element: &Element, view: MapView, event: &WheelEvent) {
    // Lines and pages are turned into pixels, roughly as browsers scroll them.
    let pixels = match event.delta_mode() {
        WheelEvent::DOM_DELTA_LINE => event.delta_y() * 16.0,
        WheelEvent::DOM_DELTA_PAGE => event.delta_y() * 400.0,
        _ => event.delta_y(),
    };
    let factor = (-pixels * 0.0025).exp().clamp(0.5, 2.0);
    if let Some(at) = in_units(element, event.client_x(), event.client_y()) {
        view.jump(view.viewport.get_untracked().zoom_at(at, factor));
    }
}
