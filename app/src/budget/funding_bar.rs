//! A bucket's funding bar: how much it received against its minimum and maximum goals. A native
//! meter (below its `low` mark until the minimum is reached), so it needs no inline style, which
//! the content security policy forbids.
use super::types::BucketView;
use crate::i18n::*;
use crate::ui::errors::money;
use leptos::prelude::*;

#[component]
pub fn FundingBar(bucket: BucketView) -> impl IntoView {
    let i18n = use_i18n();
    let received = money(i18n, bucket.received_cents);
    let min = money(i18n, bucket.min_cents);
    let max = money(i18n, bucket.max_cents);
    let label = t_string!(
        i18n,
        budgets.funded_of,
        received = received.clone(),
        min = min.clone(),
        max = max.clone()
    )
    .to_string();
    view! {
        <div class="funding">
            <meter class="funding-bar" min="0" max=bucket.max_cents low=bucket.min_cents
                optimum=bucket.max_cents value=bucket.received_cents aria-label=label.clone()></meter>
            <p class="funding-text">{label}</p>
        </div>
    }
}
