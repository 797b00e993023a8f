//! `/decisions/new`: opening a proposal. A plain form, so it works before the script loads.
use super::create_proposal::CreateProposal;
use super::labels;
use super::list_proposal_scopes::list_proposal_scopes;
use super::local_time::ZoneOffset;
use super::types::{Kind, MAX_BODY_CHARS, MAX_TITLE_CHARS};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::{form_level_error, problem_text, ErrorMessage};
use crate::ui::field::Field;
use leptos::prelude::*;

const FIELDS: &[&str] = &[
    "scope",
    "kind",
    "title",
    "body",
    "closes_at",
    "review_on",
    "options",
];

#[component]
pub fn NewProposalPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateProposal>::new();
    let scopes = Resource::new(|| (), |_| list_proposal_scopes());
    // Pages that need a decision (a budget waiting for one) link here with its scope chosen.
    let query = leptos_router::hooks::use_query_map();
    let wanted = move || query.with_untracked(|query| query.get("scope"));
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <section class="form-page">
            <h1>{t!(i18n, decisions.new_title)}</h1>
            <p class="lead">{t!(i18n, decisions.vote_last_resort)}</p>
            {move || form_level_error(error.get(), FIELDS).map(|error| view! { <ErrorMessage error /> })}
            <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || scopes.get().map(|scopes| match scopes {
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    Ok(scopes) => view! {
                        <ActionForm action=create>
                            <div class="field">
                                <label for="field-scope">{t!(i18n, decisions.scope)}</label>
                                <select id="field-scope" name="scope" required>
                                    {scopes.into_iter().map(|scope| {
                                        let name = labels::scope(i18n, scope.name.as_deref());
                                        let chosen = wanted().as_deref() == Some(scope.value.as_str());
                                        view! { <option value=scope.value selected=chosen>{name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <KindChoice error />
                            <Field name="title" required=true error
                                label=Signal::derive(move || t_string!(i18n, decisions.field_title).to_string())
                                hint=Signal::derive(move || t_string!(i18n, decisions.title_hint, max = MAX_TITLE_CHARS).to_string()) />
                            <TextArea name="body" rows=10 required=true max=MAX_BODY_CHARS error
                                label=Signal::derive(move || t_string!(i18n, decisions.field_body).to_string())
                                hint=Signal::derive(move || t_string!(i18n, decisions.body_hint).to_string()) />
                            <ClosingTime error required=true />
                            <Field name="review_on" kind="date" error
                                label=Signal::derive(move || t_string!(i18n, decisions.field_review).to_string())
                                hint=Signal::derive(move || t_string!(i18n, decisions.review_hint).to_string()) />
                            <TextArea name="options" rows=4 required=false max=1200 error
                                label=Signal::derive(move || t_string!(i18n, decisions.field_options).to_string())
                                hint=Signal::derive(move || t_string!(i18n, decisions.options_hint).to_string()) />
                            <button type="submit" class="button" disabled=create.pending()>{t!(i18n, decisions.submit_proposal)}</button>
                        </ActionForm>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn KindChoice(error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field kind-choice">
            <legend>{t!(i18n, decisions.field_kind)}</legend>
            {Kind::ALL.into_iter().map(|kind| {
                let id = format!("kind-{}", kind.as_str());
                view! {
                    <div class="choice">
                        <input type="radio" name="kind" id=id.clone() value=kind.as_str() checked=kind == Kind::LazyConsent />
                        <label for=id>
                            <strong>{labels::kind(i18n, kind)}</strong>
                            " — " {labels::rule(i18n, kind)}
                        </label>
                    </div>
                }
            }).collect_view()}
            <FieldError name="kind" error />
        </fieldset>
    }
}

/// The closing time as the member's local date and time, with the zone offset beside it.
#[component]
pub fn ClosingTime(
    error: Signal<Option<AppError>>,
    required: bool,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (local, set_local) = signal(String::new());
    view! {
        <div class="field" class:invalid=move || error.get().and_then(|e| e.field_problem("closes_at")).is_some()>
            <label for="field-closes_at">{t!(i18n, decisions.field_closes)}</label>
            <input id="field-closes_at" name="closes_at" type="datetime-local" required=required
                on:input=move |event| set_local.set(event_target_value(&event)) />
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <ZoneOffset local />
            <FieldError name="closes_at" error />
        </div>
    }
}

#[component]
pub fn TextArea(
    name: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] value: String,
    rows: u32,
    required: bool,
    max: usize,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    view! {
        <div class="field" class:invalid=move || error.get().and_then(|e| e.field_problem(name)).is_some()>
            <label for=id.clone()>{label}</label>
            <textarea id=id name=name rows=rows required=required maxlength=max>{value}</textarea>
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <FieldError name error />
        </div>
    }
}

#[component]
pub fn FieldError(name: &'static str, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error
            .get()
            .and_then(|error| error.field_problem(name))
            .map(|problem| view! { <p class="field-error" role="alert">{problem_text(i18n, &problem)}</p> })
    }
}
