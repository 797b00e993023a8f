//! The stances part of a proposal page: live counts, the viewer's stance form, and who said what.
use super::labels;
use super::local_time::LocalTime;
use super::new_proposal_page::FieldError;
use super::proposal_page::Actions;
use super::types::{
    Kind, LiveTally, ProposalDetail, Stance, StanceView, Tally, CONNECTORS_NEEDED, MAX_REASON_CHARS,
};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::{form_level_error, ErrorMessage};
use leptos::prelude::*;

#[component]
pub fn StancePanel(
    detail: ProposalDetail,
    live: Resource<Result<LiveTally, AppError>>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = detail.summary.kind;
    let initial = detail.live.clone();
    let current = move || {
        live.get()
            .and_then(Result::ok)
            .unwrap_or_else(|| initial.clone())
    };
    let revision = detail.revision;
    view! {
        <section aria-labelledby="stances-title" class="stances">
            <h2 id="stances-title">{t!(i18n, decisions.stances_title)}</h2>
            <Transition fallback=|| ()>
                <div aria-live="polite">
                    {move || {
                        let current = current();
                        let changed = current.status != detail.summary.status;
                        view! {
                            <TallyView kind tally=current.tally />
                            {changed.then(|| view! {
                                <p class="notice">{t_string!(i18n, decisions.now_status, status = labels::status(i18n, current.status))}</p>
                            })}
                        }
                    }}
                </div>
            </Transition>
            {(!detail.rights.stances.is_empty()).then(|| view! { <StanceForm detail=detail.clone() actions /> })}
            {detail.rights.withdraw_block.then(|| view! {
                <ActionForm action=actions.withdraw_block attr:class="inline-form">
                    <input type="hidden" name="proposal" value=detail.summary.id />
                    <button type="submit" class="button">{t!(i18n, decisions.withdraw_block)}</button>
                </ActionForm>
            })}
            <StanceList kind stances=detail.stances.clone() revision />
        </section>
    }
}

#[component]
fn TallyView(kind: Kind, tally: Tally) -> impl IntoView {
    let i18n = use_i18n();
    let count =
        move |label: String, value: i64| view! { <div><dt>{label}</dt><dd>{value}</dd></div> };
    match kind {
        Kind::Poll => view! {
            <dl class="tally">
                {tally.options.into_iter().map(|option| count(option.label, option.votes)).collect_view()}
            </dl>
        }
        .into_any(),
        Kind::ThreeConnector => {
            let agree = tally.connectors_agree;
            let needed = CONNECTORS_NEEDED;
            view! {
                <p class="tally-line">{t_string!(i18n, decisions.connectors_agree, agree, needed)}</p>
                <dl class="tally">
                    {count(labels::stance(i18n, kind, Stance::Agree), tally.agree)}
                    {count(labels::stance(i18n, kind, Stance::Object), tally.object)}
                </dl>
            }
            .into_any()
        }
        Kind::LazyConsent | Kind::SenseCheck => {
            let stances: &[Stance] = if kind == Kind::LazyConsent {
                &[Stance::Agree, Stance::Abstain, Stance::Object, Stance::Block]
            } else {
                &[Stance::Agree, Stance::Abstain, Stance::Object]
            };
            let value = |stance: Stance| match stance {
                Stance::Agree => tally.agree,
                Stance::Abstain => tally.abstain,
                Stance::Object => tally.object,
                Stance::Block => tally.block,
                Stance::Choice => 0,
            };
            view! {
                <dl class="tally">
                    {stances.iter().map(|stance| count(labels::stance(i18n, kind, *stance), value(*stance))).collect_view()}
                </dl>
            }
            .into_any()
        }
    }
}

#[component]
fn StanceForm(detail: ProposalDetail, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let kind = detail.summary.kind;
    let error = Signal::derive(move || actions.stance.value().get().and_then(Result::err));
    let own = detail.own_stance.clone();
    let own_kind = own.as_ref().map(|own| own.stance);
    let options = detail.live.tally.options.clone();
    let offered = detail.rights.stances.clone();
    view! {
        <ActionForm action=actions.stance attr:class="stance-form">
            <input type="hidden" name="proposal" value=detail.summary.id />
            {move || form_level_error(error.get(), &["reason", "option", "stance"]).map(|error| view! { <ErrorMessage error /> })}
            <fieldset>
                <legend>{if own.is_some() { t_string!(i18n, decisions.change_stance) } else { t_string!(i18n, decisions.take_stance) }}</legend>
                {if kind == Kind::Poll {
                    view! {
                        <input type="hidden" name="stance" value="choice" />
                        {options.into_iter().map(|option| {
                            let id = format!("option-{}", option.id);
                            view! {
                                <div class="choice">
                                    <input type="radio" name="option" id=id.clone() value=option.id required />
                                    <label for=id>{option.label}</label>
                                </div>
                            }
                        }).collect_view()}
                        <FieldError name="option" error />
                    }.into_any()
                } else {
                    view! {
                        {offered.into_iter().map(|stance| {
                            let id = format!("stance-{}", stance.as_str());
                            view! {
                                <div class="choice">
                                    <input type="radio" name="stance" id=id.clone() value=stance.as_str() required checked=own_kind == Some(stance) />
                                    <label for=id>{labels::stance(i18n, kind, stance)}</label>
                                </div>
                            }
                        }).collect_view()}
                        <div class="field" class:invalid=move || error.get().and_then(|e| e.field_problem("reason")).is_some()>
                            <label for="field-reason">{t!(i18n, decisions.reason)}</label>
                            <textarea id="field-reason" name="reason" rows="3" maxlength=MAX_REASON_CHARS></textarea>
                            <p class="hint">{t!(i18n, decisions.reason_hint)}</p>
                            <FieldError name="reason" error />
                        </div>
                    }.into_any()
                }}
            </fieldset>
            <button type="submit" class="button" disabled=actions.stance.pending()>{t!(i18n, decisions.submit_stance)}</button>
        </ActionForm>
    }
}

#[component]
fn StanceList(kind: Kind, stances: Vec<StanceView>, revision: i64) -> impl IntoView {
    let i18n = use_i18n();
    if stances.is_empty() {
        return view! { <p class="muted">{t!(i18n, decisions.no_stances)}</p> }.into_any();
    }
    view! {
        <ul class="stance-list">
            {stances.into_iter().map(|stance| {
                let name = stance.option_label.clone().unwrap_or_else(|| labels::stance(i18n, kind, stance.stance));
                let earlier = stance.on_revision < revision;
                view! {
                    <li class=format!("stance stance-{}", stance.stance.as_str())>
                        <strong>{stance.person.name.clone()}</strong> " — " {name}
                        {earlier.then(|| view! { " " <span class="badge">{t!(i18n, decisions.on_version, version = stance.on_revision)}</span> })}
                        " · " <LocalTime at=stance.updated_at />
                        {(!stance.reason.is_empty()).then(|| view! { <blockquote>{stance.reason.clone()}</blockquote> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
