//! The member map: who is where in the network, private by design.
use crate::i18n::*;
use crate::ui::layout::NotYet;
use leptos::prelude::*;

#[component]
pub fn MapPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <NotYet
            title=Signal::derive(move || t_string!(i18n, nav.map).to_string())
            text=Signal::derive(move || t_string!(i18n, empty.map).to_string())
        />
    }
}
