//! Budgets: collaborative funding and participatory budgeting.
use crate::i18n::*;
use crate::ui::layout::NotYet;
use leptos::prelude::*;

#[component]
pub fn BudgetsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <NotYet
            title=Signal::derive(move || t_string!(i18n, nav.budgets).to_string())
            text=Signal::derive(move || t_string!(i18n, empty.budgets).to_string())
        />
    }
}
