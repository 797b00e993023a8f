//! Times on screen: the server writes UTC (and says so); once the page's script runs, each time
//! is shown again in the member's own time zone, as the browser knows it. Forms send the zone
//! offset of the local time typed, so the server can store it in UTC.
use crate::i18n::*;
use crate::ui::time::iso_minute;
use leptos::prelude::*;

/// One moment, as a `<time>` element.
#[component]
pub fn LocalTime(at: i64) -> impl IntoView {
    let text = RwSignal::new(format!("{} UTC", iso_minute(at)));
    #[cfg(feature = "hydrate")]
    {
        let i18n = use_i18n();
        Effect::new(move |_| text.set(browser::local_text(at, i18n.get_locale().as_str())));
    }
    let machine = format!("{}Z", iso_minute(at).replace(' ', "T"));
    view! { <time datetime=machine>{move || text.get()}</time> }
}

/// The hidden `zone_offset` field for the local time in `local` (empty before the script runs:
/// the server then reads the time as UTC), and a hint naming the zone.
#[component]
pub fn ZoneOffset(local: ReadSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let offset = RwSignal::new(String::new());
    let zone = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        offset.set(browser::offset_minutes(&local.get()).to_string());
        zone.set(Some(browser::zone_name()));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = local;
    view! {
        <input type="hidden" name="zone_offset" value=move || offset.get() />
        <p class="hint">
            {move || match zone.get() {
                Some(zone) => t_string!(i18n, decisions.times_in_zone, zone).to_string(),
                None => t_string!(i18n, decisions.times_in_utc).to_string(),
            }}
        </p>
    }
}

/// `YYYY-MM-DDTHH:MM` of a moment in the browser's zone, as a date-time field takes it.
#[cfg(feature = "hydrate")]
pub fn local_input_value(at: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64 * 1000.0));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsValue;

    pub fn local_text(at: i64, locale: &str) -> String {
        let date = js_sys::Date::new(&JsValue::from_f64(at as f64 * 1000.0));
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        date.to_locale_string(locale, &options).into()
    }

    /// JavaScript's offset for that local time (minutes to add to reach UTC), or for now when the
    /// field is still empty or unreadable.
    pub fn offset_minutes(local: &str) -> i64 {
        let typed = js_sys::Date::new(&JsValue::from_str(local));
        let date = if typed.get_time().is_nan() {
            js_sys::Date::new_0()
        } else {
            typed
        };
        date.get_timezone_offset() as i64
    }

    pub fn zone_name() -> String {
        let format =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
        js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
            .ok()
            .and_then(|zone| zone.as_string())
            .unwrap_or_else(|| "UTC".to_string())
    }
}
