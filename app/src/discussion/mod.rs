//! Live discussion: channels, threads and real-time delivery.
use crate::i18n::*;
use crate::ui::layout::NotYet;
use leptos::prelude::*;

#[component]
pub fn DiscussionPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <NotYet
            title=Signal::derive(move || t_string!(i18n, nav.discussion).to_string())
            text=Signal::derive(move || t_string!(i18n, empty.discussion).to_string())
        />
    }
}
