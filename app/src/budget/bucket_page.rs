//! `/budgets/buckets/:id`: one bucket, its funding bar (live), budget lines, co-creators and
//! comments; members fund it, its co-creators open or cancel it, managers approve its payout.
use super::bucket_actions::BucketActions;
use super::comment_on_bucket::CommentOnBucket;
use super::consent_views::AgreedIn;
use super::follow_pot::pot_page;
use super::funding_bar::FundingBar;
use super::get_bucket::get_bucket;
use super::labels::status_label;
use super::types::BucketPage;
use crate::i18n::*;
use crate::ui::errors::{money, ErrorMessage};
use crate::ui::time::iso_minute;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn BucketPage() -> impl IntoView {
    let loaded = pot_page(get_bucket, |page| (page.round.pot_id, page.pot_version));
    loaded.view(move |page| view! { <BucketView page changed=loaded.changed /> }.into_any())
}

#[component]
fn BucketView(page: BucketPage, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let bucket = page.bucket.clone();
    let contributors = bucket.contributors;
    let lines_total: i64 = page.lines.iter().map(|line| line.amount_cents).sum();
    let round_title = page.round.title.clone();
    let round_link = format!("/budgets/rounds/{}", page.round.id);
    view! {
        <article class="bucket" data-pot-version=page.pot_version>
            <p class="breadcrumbs">
                <A href="/budgets">{t!(i18n, budgets.title)}</A> " · "
                <A href=round_link>{round_title}</A>
            </p>
            <h1>{bucket.title.clone()}</h1>
            <p><span class="badge bucket-status">{status_label(i18n, bucket.status)}</span></p>
            <FundingBar bucket=bucket.clone() />
            <p class="muted">{t!(i18n, budgets.contributors, count = contributors)}</p>
            <div class="description" inner_html=bucket.description_html.clone()></div>
            {page.payout_decision.clone().map(|decision| view! {
                <AgreedIn label=t_string!(i18n, budgets.payout_agreed_in).to_string() decision />
            })}
            {(!page.lines.is_empty()).then(|| view! {
                <table class="data-table">
                    <caption>{t!(i18n, budgets.budget_lines)}</caption>
                    <tbody>
                        {page.lines.iter().map(|line| view! {
                            <tr><td>{line.label.clone()}</td><td class="number">{money(i18n, line.amount_cents)}</td></tr>
                        }).collect_view()}
                        <tr><th scope="row">{t!(i18n, budgets.total)}</th><td class="number">{money(i18n, lines_total)}</td></tr>
                    </tbody>
                </table>
            })}
            <p>{t!(i18n, budgets.cocreators)} ": " {page.cocreators.join(", ")}</p>
            <BucketActions page=page.clone() changed />
            <Comments page=page.clone() changed />
        </article>
    }
}

#[component]
fn Comments(page: BucketPage, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let comment = ServerAction::<CommentOnBucket>::new();
    Effect::new(move |_| {
        if matches!(comment.value().get(), Some(Ok(()))) {
            changed.update(|count| *count += 1);
        }
    });
    view! {
        <section aria-labelledby="comments-title">
            <h2 id="comments-title">{t!(i18n, budgets.comments)}</h2>
            {if page.comments.is_empty() {
                view! { <p class="muted">{t!(i18n, budgets.no_comments)}</p> }.into_any()
            } else {
                view! {
                    <ul class="comments">
                        {page.comments.iter().map(|comment| view! {
                            <li>
                                <p class="muted">{comment.author.clone().unwrap_or_default()} " · " {iso_minute(comment.at)}</p>
                                <div inner_html=comment.html.clone()></div>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {page.my_balance_cents.is_some().then(|| view! {
                {move || comment.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
                <ActionForm action=comment>
                    <input type="hidden" name="bucket" value=page.bucket.id />
                    <label for="field-comment" class="sr-only">{t!(i18n, budgets.comments)}</label>
                    <textarea id="field-comment" name="body" rows="3" required></textarea>
                    <button type="submit" class="button">{t!(i18n, budgets.comment_button)}</button>
                </ActionForm>
            })}
        </section>
    }
}
