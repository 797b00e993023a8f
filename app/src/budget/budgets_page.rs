//! `/budgets`: every pot with its balance, every round, and the admins' and connectors' tools to
//! move money and open rounds.
use super::consent_views::ConsentRulesPanel;
use super::create_round::CreateRound;
use super::get_budgets::get_budgets;
use super::labels::{mode_label, phase_label};
use super::move_money::MoveMoney;
use super::set_budget_consent::SetBudgetConsent;
use super::types::{BudgetsOverview, PotSummary};
use crate::i18n::*;
use crate::ui::errors::{form_level_error, money, ErrorMessage};
use crate::ui::field::Field;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn BudgetsPage() -> impl IntoView {
    let i18n = use_i18n();
    let moved = ServerAction::<MoveMoney>::new();
    let consent_saved = ServerAction::<SetBudgetConsent>::new();
    let overview = Resource::new(
        move || (moved.version().get(), consent_saved.version().get()),
        |_| get_budgets(),
    );
    view! {
        <h1>{t!(i18n, budgets.title)}</h1>
        <p class="lead">{t!(i18n, budgets.intro)}</p>
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || overview.get().map(|overview| match overview {
                Ok(overview) => view! { <Overview overview moved consent_saved /> }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Overview(
    overview: BudgetsOverview,
    moved: ServerAction<MoveMoney>,
    consent_saved: ServerAction<SetBudgetConsent>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = money(i18n, overview.network_total_cents);
    let managed: Vec<PotSummary> = overview
        .pots
        .iter()
        .filter(|pot| pot.may_manage)
        .cloned()
        .collect();
    let pots_for_moves = overview.pots.clone();
    view! {
        <p>{t!(i18n, budgets.network_total, amount = total.clone())}</p>
        <section aria-labelledby="pots-title">
            <h2 id="pots-title">{t!(i18n, budgets.pots)}</h2>
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, budgets.pot)}</th>
                    <th scope="col" class="number">{t!(i18n, budgets.available)}</th>
                    <th scope="col">{t!(i18n, budgets.audit)}</th>
                </tr></thead>
                <tbody>
                    {overview.pots.into_iter().map(|pot| {
                        let balance = money(i18n, pot.balance_cents);
                        view! {
                            <tr>
                                <td>{pot.name.clone()}</td>
                                <td class="number">{balance}</td>
                                <td><A href=format!("/budgets/pots/{}/audit", pot.id)>{t!(i18n, budgets.audit)}</A></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section aria-labelledby="rounds-title">
            <h2 id="rounds-title">{t!(i18n, budgets.rounds)}</h2>
            {if overview.rounds.is_empty() {
                view! { <p class="muted">{t!(i18n, budgets.no_rounds)}</p> }.into_any()
            } else {
                view! {
                    <ul class="round-list">
                        {overview.rounds.into_iter().map(|round| view! {
                            <li>
                                <A href=round_link(&round)>{round.title.clone()}</A>
                                " · " {round.pot_name.clone()} " · " {mode_label(i18n, round.mode)}
                                " · " <span class="badge">{phase_label(i18n, round.phase)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <ConsentRulesPanel rules=overview.consent may_set=overview.may_set_consent save=consent_saved />
        {overview.may_split.then(|| view! { <MoveMoneyForm pots=pots_for_moves moved /> })}
        {(!managed.is_empty()).then(|| view! { <NewRoundForm pots=managed /> })}
    }
}

fn round_link(round: &super::types::RoundSummary) -> String {
    match round.mode {
        super::types::RoundMode::Funding => format!("/budgets/rounds/{}", round.id),
        super::types::RoundMode::Ballot => format!("/budgets/ballots/{}", round.id),
    }
}

#[component]
fn MoveMoneyForm(pots: Vec<PotSummary>, moved: ServerAction<MoveMoney>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || moved.value().get().and_then(Result::err));
    let options = move |pots: &[PotSummary]| {
        pots.iter()
            .map(|pot| view! { <option value=pot.id>{pot.name.clone()}</option> })
            .collect_view()
    };
    let sources = options(&pots);
    let targets = options(&pots);
    view! {
        <section class="tools" aria-labelledby="move-title">
            <h2 id="move-title">{t!(i18n, budgets.move_money)}</h2>
            <p class="hint">{t!(i18n, budgets.move_hint)}</p>
            {move || form_level_error(error.get(), &["amount"]).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=moved>
                <div class="field">
                    <label for="field-from-pot">{t!(i18n, budgets.from_pot)}</label>
                    <select id="field-from-pot" name="from_pot">
                        <option value="">{t!(i18n, budgets.outside)}</option>
                        {sources}
                    </select>
                </div>
                <div class="field">
                    <label for="field-to-pot">{t!(i18n, budgets.to_pot)}</label>
                    <select id="field-to-pot" name="to_pot">{targets}</select>
                </div>
                <Field name="amount" required=true
                    label=Signal::derive(move || t_string!(i18n, budgets.amount).to_string()) error />
                <button type="submit" class="button" disabled=moved.pending()>{t!(i18n, budgets.move_button)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn NewRoundForm(pots: Vec<PotSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateRound>::new();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <section class="tools" aria-labelledby="new-round-title">
            <h2 id="new-round-title">{t!(i18n, budgets.new_round)}</h2>
            {move || form_level_error(error.get(), BALLOT_FIELDS).map(|error| view! { <ErrorMessage error /> })}
            <ActionForm action=create>
                <div class="field">
                    <label for="field-pot">{t!(i18n, budgets.pot)}</label>
                    <select id="field-pot" name="pot">
                        {pots.into_iter().map(|pot| view! { <option value=pot.id>{pot.name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="field-mode">{t!(i18n, budgets.mode)}</label>
                    <select id="field-mode" name="mode">
                        <option value="funding">{t!(i18n, budgets.mode_funding)}</option>
                        <option value="ballot">{t!(i18n, budgets.mode_ballot)}</option>
                    </select>
                </div>
                <Field name="title" required=true
                    label=Signal::derive(move || t_string!(i18n, budgets.round_title).to_string()) error />
                <div class="field">
                    <label for="field-description">{t!(i18n, budgets.description)}</label>
                    <textarea id="field-description" name="description" rows="4"></textarea>
                </div>
                <Field name="cap_per_bucket"
                    label=Signal::derive(move || t_string!(i18n, budgets.cap_per_bucket).to_string()) error />
                <BallotFields error />
                <button type="submit" class="button" disabled=create.pending()>{t!(i18n, budgets.create_round)}</button>
            </ActionForm>
        </section>
    }
}

const BALLOT_FIELDS: &[&str] = &[
    "title",
    "description",
    "cap_per_bucket",
    "budget",
    "ballot_kind",
    "min_projects",
    "max_projects",
    "max_total_cost",
    "max_per_project",
    "max_points",
    "rule",
];

/// What a ballot round needs besides a title: its budget, ballot and counting rule.
#[component]
fn BallotFields(error: Signal<Option<crate::error::AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |key: fn(leptos_i18n::I18nContext<Locale>) -> String| {
        Signal::derive(move || key(i18n))
    };
    view! {
        <fieldset class="ballot-fields">
            <legend>{t!(i18n, budgets.ballot_rounds_only)}</legend>
            <Field name="budget" label=label(|i18n| t_string!(i18n, budgets.round_budget).to_string()) error />
            <div class="field">
                <label for="field-ballot-kind">{t!(i18n, budgets.ballot_kind)}</label>
                <select id="field-ballot-kind" name="ballot_kind">
                    <option value="approval">{t!(i18n, budgets.kind_approval)}</option>
                    <option value="cumulative">{t!(i18n, budgets.kind_cumulative)}</option>
                </select>
            </div>
            <Field name="min_projects" label=label(|i18n| t_string!(i18n, budgets.min_projects).to_string()) error />
            <Field name="max_projects" label=label(|i18n| t_string!(i18n, budgets.max_projects).to_string()) error />
            <Field name="max_total_cost" label=label(|i18n| t_string!(i18n, budgets.max_total_cost).to_string()) error />
            <Field name="max_points" label=label(|i18n| t_string!(i18n, budgets.max_points).to_string()) error />
            <Field name="max_per_project" label=label(|i18n| t_string!(i18n, budgets.max_per_project).to_string()) error />
            <div class="field">
                <label for="field-rule">{t!(i18n, budgets.counting_rule)}</label>
                <select id="field-rule" name="rule">
                    {budget_rules::Rule::ALL.into_iter().map(|rule| view! {
                        <option value=rule.name() selected=rule == budget_rules::Rule::MesAdd1Greedy>{super::labels::rule_label(i18n, rule)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field checkbox">
                <input id="field-counts-public" type="checkbox" name="counts_public" />
                <label for="field-counts-public">{t!(i18n, budgets.counts_public)}</label>
            </div>
        </fieldset>
    }
}
