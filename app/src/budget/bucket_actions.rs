//! What one can do with a bucket, depending on who they are and where it stands.
use super::add_cocreator::AddCocreator;
use super::cancel_bucket::CancelBucket;
use super::consent_views::DecisionPicker;
use super::fund_bucket::FundBucket;
use super::open_bucket::OpenBucket;
use super::pay_out_bucket::PayOutBucket;
use super::types::{BucketPage, BucketStatus, Phase};
use crate::i18n::*;
use crate::ui::errors::{money, ErrorMessage};
use crate::ui::field::Field;
use leptos::prelude::*;

#[component]
pub fn BucketActions(page: BucketPage, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let fund = ServerAction::<FundBucket>::new();
    let open = ServerAction::<OpenBucket>::new();
    let cancel = ServerAction::<CancelBucket>::new();
    let pay = ServerAction::<PayOutBucket>::new();
    let invite = ServerAction::<AddCocreator>::new();
    Effect::new(move |_| {
        let done = matches!(fund.value().get(), Some(Ok(())))
            || matches!(open.value().get(), Some(Ok(())))
            || matches!(cancel.value().get(), Some(Ok(_)))
            || matches!(pay.value().get(), Some(Ok(_)))
            || matches!(invite.value().get(), Some(Ok(())));
        if done {
            changed.update(|count| *count += 1);
        }
    });
    let bucket = page.bucket.clone();
    let payout_needs = page.payout_needs.clone();
    let id = bucket.id;
    let status = bucket.status;
    let fundable = status.takes_money() && page.round.phase == Phase::Open;
    let fund_error = Signal::derive(move || fund.value().get().and_then(Result::err));
    let mine = (bucket.mine_cents > 0).then(|| money(i18n, bucket.mine_cents));
    let other_error = Signal::derive(move || {
        open.value()
            .get()
            .and_then(Result::err)
            .or_else(|| cancel.value().get().and_then(Result::err))
            .or_else(|| pay.value().get().and_then(Result::err))
            .or_else(|| invite.value().get().and_then(Result::err))
    });
    let may_cancel = (page.may_edit || page.may_manage)
        && !matches!(status, BucketStatus::Completed | BucketStatus::Cancelled);
    view! {
        {mine.map(|mine| view! { <p class="my-contribution">{t!(i18n, budgets.you_gave, amount = mine.clone())}</p> })}
        {page.my_balance_cents.filter(|_| fundable).map(|balance| view! {
            <section class="tools" aria-labelledby="fund-title">
                <h2 id="fund-title">{t!(i18n, budgets.fund)}</h2>
                <p>{t!(i18n, budgets.my_balance)} ": " <span class="my-balance">{money(i18n, balance)}</span></p>
                <ActionForm action=fund>
                    <input type="hidden" name="bucket" value=id />
                    <Field name="amount" required=true
                        label=Signal::derive(move || t_string!(i18n, budgets.amount).to_string()) error=fund_error />
                    <button type="submit" class="button" disabled=fund.pending()>{t!(i18n, budgets.fund_button)}</button>
                </ActionForm>
            </section>
        })}
        {move || other_error.get().map(|error| view! { <ErrorMessage error /> })}
        <div class="button-row">
            {(page.may_edit && status == BucketStatus::Draft).then(|| view! {
                <ActionForm action=open attr:class="inline-form">
                    <input type="hidden" name="bucket" value=id />
                    <button type="submit" class="button">{t!(i18n, budgets.open_for_funding)}</button>
                </ActionForm>
            })}
            {(page.may_manage && status == BucketStatus::Funded).then(|| view! {
                <ActionForm action=pay attr:class="inline-form">
                    <input type="hidden" name="bucket" value=id />
                    {payout_needs.clone().map(|choices| view! {
                        <DecisionPicker choices why=t_string!(i18n, budgets.payout_needs_decision).to_string() />
                    })}
                    <button type="submit" class="button">{t!(i18n, budgets.pay_out)}</button>
                </ActionForm>
            })}
            {may_cancel.then(|| view! {
                <ActionForm action=cancel attr:class="inline-form">
                    <input type="hidden" name="bucket" value=id />
                    <button type="submit" class="button secondary">{t!(i18n, budgets.cancel)}</button>
                </ActionForm>
            })}
        </div>
        {page.may_edit.then(|| view! {
            <ActionForm action=invite attr:class="inline-form">
                <input type="hidden" name="bucket" value=id />
                <label for="field-cocreator">{t!(i18n, budgets.add_cocreator)}</label>
                <input id="field-cocreator" type="email" name="email" required />
                <button type="submit" class="button secondary">{t!(i18n, budgets.add_button)}</button>
            </ActionForm>
        })}
    }
}
