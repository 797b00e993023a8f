//! `/budgets/pots/:id/audit`: who changed what in a pot and its rounds, before and after.
use super::list_pot_audit::list_pot_audit;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use crate::ui::time::iso_minute;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()))
    });
    let lines = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => list_pot_audit(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <h1>{t!(i18n, budgets.audit)}</h1>
        <p><A href="/budgets">{t!(i18n, budgets.title)}</A></p>
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || lines.get().map(|lines| match lines {
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
                Ok(lines) if lines.is_empty() => view! { <p class="muted">{t!(i18n, budgets.no_changes)}</p> }.into_any(),
                Ok(lines) => view! {
                    <table class="data-table audit">
                        <thead><tr>
                            <th scope="col">{t!(i18n, budgets.when)}</th>
                            <th scope="col">{t!(i18n, budgets.by)}</th>
                            <th scope="col">{t!(i18n, budgets.action)}</th>
                            <th scope="col">{t!(i18n, budgets.subject)}</th>
                            <th scope="col">{t!(i18n, budgets.before)}</th>
                            <th scope="col">{t!(i18n, budgets.after)}</th>
                        </tr></thead>
                        <tbody>
                            {lines.into_iter().map(|line| view! {
                                <tr>
                                    <td>{iso_minute(line.at)}</td>
                                    <td>{line.actor.unwrap_or_default()}</td>
                                    <td>{line.action}</td>
                                    <td>{line.subject}</td>
                                    <td><code>{line.before.unwrap_or_default()}</code></td>
                                    <td><code>{line.after.unwrap_or_default()}</code></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            })}
        </Suspense>
    }
}
