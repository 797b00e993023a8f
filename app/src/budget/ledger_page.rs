//! `/budgets/rounds/:id/ledger`: every movement of a round's money, and its CSV export.
use super::list_round_ledger::list_round_ledger;
use crate::i18n::*;
use crate::ui::errors::{money, ErrorMessage};
use crate::ui::time::iso_minute;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn LedgerPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()))
    });
    let lines = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => list_round_ledger(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <h1>{t!(i18n, budgets.ledger)}</h1>
        {move || id.get().map(|id| view! {
            <p>
                <A href=format!("/budgets/rounds/{id}")>{t!(i18n, budgets.back_to_round)}</A> " · "
                <a href=format!("/budgets/rounds/{id}/ledger.csv") download="">{t!(i18n, budgets.export_csv)}</a>
            </p>
        })}
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || lines.get().map(|lines| match lines {
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
                Ok(lines) if lines.is_empty() => view! { <p class="muted">{t!(i18n, budgets.no_movements)}</p> }.into_any(),
                Ok(lines) => view! {
                    <table class="data-table ledger">
                        <thead><tr>
                            <th scope="col">{t!(i18n, budgets.when)}</th>
                            <th scope="col">{t!(i18n, budgets.kind)}</th>
                            <th scope="col" class="number">{t!(i18n, budgets.amount)}</th>
                            <th scope="col">{t!(i18n, budgets.from)}</th>
                            <th scope="col">{t!(i18n, budgets.to)}</th>
                            <th scope="col">{t!(i18n, budgets.by)}</th>
                        </tr></thead>
                        <tbody>
                            {lines.into_iter().map(|line| view! {
                                <tr>
                                    <td>{iso_minute(line.at)}</td>
                                    <td>{line.kind}</td>
                                    <td class="number">{money(i18n, line.amount_cents)}</td>
                                    <td>{line.from}</td>
                                    <td>{line.to}</td>
                                    <td>{line.actor.unwrap_or_default()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            })}
        </Suspense>
    }
}
