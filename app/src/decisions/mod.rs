//! Decisions: lazy consent, the 3-connector rule and the decision log.
use crate::i18n::*;
use crate::ui::layout::NotYet;
use leptos::prelude::*;

#[component]
pub fn DecisionsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <NotYet
            title=Signal::derive(move || t_string!(i18n, nav.decisions).to_string())
            text=Signal::derive(move || t_string!(i18n, empty.decisions).to_string())
        />
    }
}
