//! What the author does with an open proposal (revise it, withdraw it), and the outcome statement
//! once it has its outcome.
use super::new_proposal_page::{ClosingTime, TextArea};
use super::proposal_page::Actions;
use super::types::{ProposalDetail, MAX_BODY_CHARS, MAX_REASON_CHARS};
use crate::i18n::*;
use crate::ui::errors::{form_level_error, ErrorMessage};
use crate::ui::field::Field;
use leptos::prelude::*;

#[component]
pub fn AuthorTools(detail: ProposalDetail, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let id = detail.summary.id;
    let revise_error = Signal::derive(move || actions.revise.value().get().and_then(Result::err));
    let withdraw_error =
        Signal::derive(move || actions.withdraw.value().get().and_then(Result::err));
    view! {
        {detail.rights.revise.then(|| view! {
            <details class="author-tool" open=move || revise_error.get().is_some()>
                <summary>{t!(i18n, decisions.revise)}</summary>
                <p class="hint">{t!(i18n, decisions.revise_hint)}</p>
                {move || form_level_error(revise_error.get(), &["title", "body", "note", "closes_at"]).map(|error| view! { <ErrorMessage error /> })}
                <ActionForm action=actions.revise>
                    <input type="hidden" name="proposal" value=id />
                    <Field name="title" value=detail.summary.title.clone() required=true error=revise_error
                        label=Signal::derive(move || t_string!(i18n, decisions.field_title).to_string()) />
                    <TextArea name="body" rows=10 required=true max=MAX_BODY_CHARS value=detail.body.clone() error=revise_error
                        label=Signal::derive(move || t_string!(i18n, decisions.field_body).to_string()) />
                    <TextArea name="note" rows=3 required=false max=MAX_REASON_CHARS error=revise_error
                        label=Signal::derive(move || t_string!(i18n, decisions.field_note).to_string()) />
                    <ClosingTime error=revise_error required=false
                        hint=Signal::derive(move || t_string!(i18n, decisions.closes_unchanged).to_string()) />
                    <button type="submit" class="button" disabled=actions.revise.pending()>{t!(i18n, decisions.submit_revision)}</button>
                </ActionForm>
            </details>
        })}
        {detail.rights.withdraw.then(|| view! {
            <details class="author-tool">
                <summary>{t!(i18n, decisions.withdraw)}</summary>
                {move || form_level_error(withdraw_error.get(), &["statement"]).map(|error| view! { <ErrorMessage error /> })}
                <ActionForm action=actions.withdraw>
                    <input type="hidden" name="proposal" value=id />
                    <TextArea name="statement" rows=3 required=false max=MAX_REASON_CHARS error=withdraw_error
                        label=Signal::derive(move || t_string!(i18n, decisions.withdraw_statement).to_string()) />
                    <button type="submit" class="button danger">{t!(i18n, decisions.submit_withdraw)}</button>
                </ActionForm>
            </details>
        })}
    }
}

/// The outcome statement, and the form to write it for those who may.
#[component]
pub fn OutcomeForm(detail: ProposalDetail, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || actions.outcome.value().get().and_then(Result::err));
    let statement = detail.summary.outcome_statement.clone();
    view! {
        <section class="outcome" aria-labelledby="outcome-title">
            <h2 id="outcome-title">{t!(i18n, decisions.outcome_title)}</h2>
            {if statement.is_empty() {
                view! { <p class="muted">{t!(i18n, decisions.no_statement)}</p> }.into_any()
            } else {
                view! { <p class="statement">{statement.clone()}</p> }.into_any()
            }}
            {detail.rights.write_outcome.then(|| view! {
                <details class="author-tool">
                    <summary>{t!(i18n, decisions.write_outcome)}</summary>
                    {move || form_level_error(error.get(), &["statement"]).map(|error| view! { <ErrorMessage error /> })}
                    <ActionForm action=actions.outcome>
                        <input type="hidden" name="proposal" value=detail.summary.id />
                        <TextArea name="statement" rows=4 required=true max=MAX_REASON_CHARS value=statement.clone() error
                            label=Signal::derive(move || t_string!(i18n, decisions.field_statement).to_string()) />
                        <button type="submit" class="button">{t!(i18n, decisions.submit_outcome)}</button>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}
