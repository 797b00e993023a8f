//! `/budgets/ballots/:id/results`: the published result of a ballot round, why each project won
//! or lost, and a what-if that recounts the same ballots in the browser.
use super::get_round_results::get_round_results;
use super::labels::{rule_label, why_text};
use super::types::RoundResults;
use super::what_if::WhatIf;
use crate::i18n::*;
use crate::ui::errors::{money, ErrorMessage};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()))
    });
    let results = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_round_results(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || results.get().map(|results| match results {
                Ok(results) => view! { <ResultsView results /> }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ResultsView(results: RoundResults) -> impl IntoView {
    let i18n = use_i18n();
    let tally = results.tally.clone();
    let spent = money(i18n, tally.spent_cents);
    let left = money(i18n, tally.budget_cents - tally.spent_cents);
    let budget = money(i18n, tally.budget_cents);
    let rule = rule_label(i18n, results.setup.rule);
    let voters = tally.voters;
    let title_of = {
        let lines = tally.lines.clone();
        move |id: i64| {
            lines
                .iter()
                .find(|line| line.id == id)
                .map(|line| line.title.clone())
                .unwrap_or_default()
        }
    };
    let points = results.setup.uses_points();
    let round_title = results.round.title.clone();
    let heading = t_string!(i18n, budgets.results_of, title = round_title.clone()).to_string();
    let round_link = format!("/budgets/ballots/{}", results.round.id);
    view! {
        <article class="results">
            <p class="breadcrumbs">
                <A href="/budgets">{t!(i18n, budgets.title)}</A> " · "
                <A href=round_link>{round_title}</A>
            </p>
            <h1>{heading}</h1>
            <dl class="figures">
                <dt>{t!(i18n, budgets.round_budget)}</dt><dd>{budget}</dd>
                <dt>{t!(i18n, budgets.spent)}</dt><dd class="spent">{spent}</dd>
                <dt>{t!(i18n, budgets.left)}</dt><dd>{left}</dd>
                <dt>{t!(i18n, budgets.counting_rule)}</dt><dd>{rule}</dd>
                <dt>{t!(i18n, budgets.voters)}</dt><dd>{voters}</dd>
            </dl>
            <table class="data-table results-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, budgets.project)}</th>
                    <th scope="col" class="number">{t!(i18n, budgets.cost)}</th>
                    <th scope="col" class="number">{if points { t!(i18n, budgets.points).into_any() } else { t!(i18n, budgets.approvals).into_any() }}</th>
                    <th scope="col">{t!(i18n, budgets.outcome)}</th>
                    <th scope="col">{t!(i18n, budgets.why)}</th>
                </tr></thead>
                <tbody>
                    {tally.lines.clone().into_iter().map(|line| {
                        let count = match line.points {
                            Some(points) if points > 0.0 => format!("{points:.0}"),
                            _ => line.approvals.to_string(),
                        };
                        view! {
                            <tr class:winner=line.selected>
                                <td>{line.title.clone()}</td>
                                <td class="number">{money(i18n, line.cost_cents)}</td>
                                <td class="number">{count}</td>
                                <td>{if line.selected { t!(i18n, budgets.won).into_any() } else { t!(i18n, budgets.lost).into_any() }}</td>
                                <td>{why_text(i18n, &line)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {(!tally.winners.is_empty()).then(|| view! {
                <section aria-labelledby="shares-title">
                    <h2 id="shares-title">{t!(i18n, budgets.who_paid)}</h2>
                    <ul>
                        {tally.winners.iter().map(|winner| {
                            let parts: Vec<String> = winner.payments.iter().map(|(cents, voters)| {
                                t_string!(i18n, budgets.paid_each, count = *voters, amount = money(i18n, cents.round() as i64)).to_string()
                            }).collect();
                            view! { <li><strong>{title_of(winner.project)}</strong> ": " {parts.join("; ")}</li> }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!tally.losers.is_empty()).then(|| view! {
                <section aria-labelledby="gaps-title">
                    <h2 id="gaps-title">{t!(i18n, budgets.what_it_needed)}</h2>
                    <ul>
                        {tally.losers.iter().map(|loser| {
                            let cheaper = loser.cost_reduction_cents.map(|cents| t_string!(i18n, budgets.needed_cheaper, amount = money(i18n, cents.ceil() as i64)).to_string());
                            let more = loser.extra_supporters.map(|count| t_string!(i18n, budgets.needed_supporters, count).to_string());
                            let text = [cheaper, more].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                            view! { <li><strong>{title_of(loser.project)}</strong> ": " {text}</li> }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <WhatIf results=results.clone() />
        </article>
    }
}
