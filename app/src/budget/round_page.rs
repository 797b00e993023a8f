//! `/budgets/rounds/:id`: a funding round with its buckets and funding bars, live; members propose
//! buckets; the pot's managers allocate, withdraw and move phases.
use super::consent_views::AgreedIn;
use super::create_bucket::CreateBucket;
use super::follow_pot::pot_page;
use super::funding_bar::FundingBar;
use super::get_round::get_round;
use super::labels::{mode_label, phase_label, status_label};
use super::round_tools::{RoundActions, RoundTools};
use super::schedule_view::ScheduleList;
use super::types::{Phase, RoundPage};
use crate::i18n::*;
use crate::ui::errors::{form_level_error, money, ErrorMessage};
use crate::ui::field::Field;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn RoundPage() -> impl IntoView {
    let loaded = pot_page(get_round, |page| (page.round.pot_id, page.pot_version));
    let actions = RoundActions::new(loaded.changed);
    loaded.view(move |page| view! { <RoundView page changed=loaded.changed actions /> }.into_any())
}

#[component]
fn RoundView(page: RoundPage, changed: RwSignal<u32>, actions: RoundActions) -> impl IntoView {
    let i18n = use_i18n();
    let round = page.round.clone();
    let may_propose = page.may_take_part && round.phase != Phase::Closed;
    let my_balance = page.my_balance_cents.map(|cents| money(i18n, cents));
    let pot = money(i18n, page.pot_balance_cents);
    let unspent = money(i18n, page.unspent_cents);
    let given = money(i18n, page.given_cents);
    let members = page.members_with_balance;
    view! {
        <article class="round" data-pot-version=page.pot_version>
            <p class="breadcrumbs"><A href="/budgets">{t!(i18n, budgets.title)}</A> " · " {round.pot_name.clone()}</p>
            <h1>{round.title.clone()}</h1>
            <p>
                <span class="badge">{mode_label(i18n, round.mode)}</span> " "
                <span class="badge">{phase_label(i18n, round.phase)}</span>
            </p>
            <div class="description" inner_html=page.description_html.clone()></div>
            {page.rules_consent.agreed_in.clone().map(|decision| view! {
                <AgreedIn label=t_string!(i18n, budgets.rules_agreed_in).to_string() decision />
            })}
            <ScheduleList mode=round.mode schedule=round.schedule />
            <dl class="figures">
                <dt>{t!(i18n, budgets.in_pot)}</dt><dd>{pot}</dd>
                <dt>{t!(i18n, budgets.unspent)}</dt><dd>{t!(i18n, budgets.unspent_by, amount = unspent.clone(), count = members)}</dd>
                <dt>{t!(i18n, budgets.given)}</dt><dd>{given}</dd>
                {my_balance.map(|balance| view! {
                    <dt>{t!(i18n, budgets.my_balance)}</dt><dd class="my-balance">{balance}</dd>
                })}
            </dl>
            {(!page.may_take_part).then(|| view! { <p class="muted">{t!(i18n, budgets.not_taking_part)}</p> })}
            <p>
                <A href=format!("/budgets/rounds/{}/ledger", round.id)>{t!(i18n, budgets.ledger)}</A> " · "
                <A href=format!("/budgets/pots/{}/audit", round.pot_id)>{t!(i18n, budgets.audit)}</A>
            </p>
            <section aria-labelledby="buckets-title">
                <h2 id="buckets-title">{t!(i18n, budgets.buckets)}</h2>
                {if page.buckets.is_empty() {
                    view! { <p class="muted">{t!(i18n, budgets.no_buckets)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="bucket-list">
                            {page.buckets.clone().into_iter().map(|bucket| {
                                let mine = (bucket.mine_cents > 0).then(|| money(i18n, bucket.mine_cents));
                                let contributors = bucket.contributors;
                                let title = bucket.title.clone();
                                let link = format!("/budgets/buckets/{}", bucket.id);
                                view! {
                                    <li class="bucket-card">
                                        <h3><A href=link>{title}</A></h3>
                                        <span class="badge">{status_label(i18n, bucket.status)}</span>
                                        <FundingBar bucket=bucket.clone() />
                                        <p class="muted">{t!(i18n, budgets.contributors, count = contributors)}
                                            {mine.map(|mine| view! { " · " {t!(i18n, budgets.you_gave, amount = mine.clone())} })}
                                        </p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            {may_propose.then(|| view! { <ProposeBucket round=round.id changed /> })}
            {page.may_manage.then(|| view! { <RoundTools page=page.clone() actions /> })}
        </article>
    }
}

#[component]
fn ProposeBucket(round: i64, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateBucket>::new();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    Effect::new(move |_| {
        if matches!(create.value().get(), Some(Ok(_))) {
            changed.update(|count| *count += 1);
        }
    });
    view! {
        <section class="tools" aria-labelledby="propose-title">
            <h2 id="propose-title">{t!(i18n, budgets.propose_bucket)}</h2>
            {move || form_level_error(error.get(), &["title", "min", "max", "lines", "description"]).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=create>
                <input type="hidden" name="round" value=round />
                <Field name="title" required=true
                    label=Signal::derive(move || t_string!(i18n, budgets.bucket_title).to_string()) error />
                <div class="field">
                    <label for="field-bucket-description">{t!(i18n, budgets.description)}</label>
                    <textarea id="field-bucket-description" name="description" rows="4"></textarea>
                </div>
                <Field name="min" required=true
                    label=Signal::derive(move || t_string!(i18n, budgets.min_goal).to_string()) error />
                <Field name="max"
                    label=Signal::derive(move || t_string!(i18n, budgets.max_goal).to_string()) error />
                <div class="field">
                    <label for="field-lines">{t!(i18n, budgets.lines)}</label>
                    <textarea id="field-lines" name="lines" rows="3" aria-describedby="field-lines-hint"></textarea>
                    <p class="hint" id="field-lines-hint">{t!(i18n, budgets.lines_hint)}</p>
                </div>
                <button type="submit" class="button" disabled=create.pending()>{t!(i18n, budgets.propose_button)}</button>
            </ActionForm>
        </section>
    }
}
