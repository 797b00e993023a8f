//! `/decisions/log`: every past decision with its outcome. A GET form, so searching, filtering and
//! paging work before the script loads; the same filters export the log as CSV or Markdown.
use super::labels;
use super::local_time::LocalTime;
use super::search_decision_log::search_decision_log;
use super::types::{Kind, LogFilter, LogPage, LOG_PAGE_SIZE};
use crate::cities::list_cities::list_cities;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DecisionLogPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|query| {
            let text = |name: &str| query.get(name).unwrap_or_default();
            LogFilter {
                q: text("q"),
                scope: text("scope"),
                kind: text("kind"),
                from: text("from"),
                to: text("to"),
                page: text("page").parse().unwrap_or(0),
            }
        })
    });
    let results = Resource::new(
        move || filter.get(),
        |filter| {
            search_decision_log(
                filter.q,
                filter.scope,
                filter.kind,
                filter.from,
                filter.to,
                filter.page,
            )
        },
    );
    let cities = Resource::new(|| (), |_| list_cities());
    view! {
        <section class="decision-log">
            <h1>{t!(i18n, decisions.log_title)}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || {
                    let current = filter.get_untracked();
                    let cities = cities.get().and_then(Result::ok).unwrap_or_default();
                    view! {
                        <form method="get" class="log-filters" role="search">
                            <div class="field">
                                <label for="log-q">{t!(i18n, decisions.search)}</label>
                                <input id="log-q" type="search" name="q" value=current.q.clone() />
                            </div>
                            <div class="field">
                                <label for="log-scope">{t!(i18n, decisions.scope)}</label>
                                <select id="log-scope" name="scope">
                                    <option value="" selected=current.scope.is_empty()>{t!(i18n, decisions.all_scopes)}</option>
                                    <option value="network" selected=current.scope == "network">{t!(i18n, decisions.network)}</option>
                                    {cities.into_iter().map(|city| {
                                        let selected = current.scope == city.slug;
                                        view! { <option value=city.slug selected=selected>{city.name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="log-kind">{t!(i18n, decisions.field_kind)}</label>
                                <select id="log-kind" name="kind">
                                    <option value="" selected=current.kind.is_empty()>{t!(i18n, decisions.all_kinds)}</option>
                                    {Kind::ALL.into_iter().map(|kind| view! {
                                        <option value=kind.as_str() selected=current.kind == kind.as_str()>{labels::kind(i18n, kind)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="log-from">{t!(i18n, decisions.from)}</label>
                                <input id="log-from" type="date" name="from" value=current.from.clone() />
                            </div>
                            <div class="field">
                                <label for="log-to">{t!(i18n, decisions.to)}</label>
                                <input id="log-to" type="date" name="to" value=current.to.clone() />
                            </div>
                            <button type="submit" class="button">{t!(i18n, decisions.filter)}</button>
                        </form>
                    }
                }}
            </Suspense>
            <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || results.get().map(|results| match results {
                    Err(AppError::Unauthenticated) => view! { <p class="muted">{t!(i18n, decisions.sign_in)}</p> }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    Ok(page) => view! { <LogResults page filter=filter.get_untracked() /> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

/// The filter as a query string, for exports and pages.
fn query_string(filter: &LogFilter, page: u32) -> String {
    let pairs = [
        ("q", filter.q.as_str()),
        ("scope", filter.scope.as_str()),
        ("kind", filter.kind.as_str()),
        ("from", filter.from.as_str()),
        ("to", filter.to.as_str()),
    ];
    let mut parts: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    if page > 0 {
        parts.push(format!("page={page}"));
    }
    parts.join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[component]
fn LogResults(page: LogPage, filter: LogFilter) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total;
    let pages = ((total as usize).div_ceil(LOG_PAGE_SIZE)).max(1) as u32;
    let current = page.page;
    let exports = query_string(&filter, 0);
    let link = move |to: u32| format!("/decisions/log?{}", query_string(&filter, to));
    view! {
        <p class="log-count">
            {t!(i18n, decisions.log_count, total)}
            " · " <a href=format!("/decisions/log.csv?{exports}") download="decisions.csv">{t!(i18n, decisions.export_csv)}</a>
            " · " <a href=format!("/decisions/log.md?{exports}") download="decisions.md">{t!(i18n, decisions.export_markdown)}</a>
        </p>
        <table class="log-table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, decisions.closed_on)}</th>
                    <th scope="col">{t!(i18n, decisions.field_title)}</th>
                    <th scope="col">{t!(i18n, decisions.scope)}</th>
                    <th scope="col">{t!(i18n, decisions.field_kind)}</th>
                    <th scope="col">{t!(i18n, decisions.outcome_title)}</th>
                </tr>
            </thead>
            <tbody>
                {page.decisions.into_iter().map(|decision| view! {
                    <tr>
                        <td><LocalTime at=decision.closed_at.unwrap_or(decision.closes_at) /></td>
                        <td>
                            <A href=format!("/decisions/{}", decision.id)>{decision.title.clone()}</A>
                            {(!decision.outcome_statement.is_empty()).then(|| view! { <p class="statement">{decision.outcome_statement.clone()}</p> })}
                        </td>
                        <td>{labels::scope(i18n, decision.city_name.as_deref())}</td>
                        <td>{labels::kind(i18n, decision.kind)}</td>
                        <td><span class=format!("status status-{}", decision.status.as_str())>{labels::status(i18n, decision.status)}</span></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <nav class="pager" aria-label=move || t_string!(i18n, decisions.log_title).to_string()>
            {(current > 0).then(|| view! { <A href=link(current - 1) attr:rel="prev">{t!(i18n, cities.previous)}</A> })}
            <span>{t!(i18n, cities.page, page = current + 1, pages)}</span>
            {(current + 1 < pages).then(|| view! { <A href=link(current + 1) attr:rel="next">{t!(i18n, cities.next)}</A> })}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_become_a_query_string_without_empty_fields() {
        let filter = LogFilter {
            q: "café & co".into(),
            scope: "paris".into(),
            ..LogFilter::default()
        };
        assert_eq!(
            query_string(&filter, 0),
            "q=caf%C3%A9%20%26%20co&scope=paris"
        );
        assert_eq!(query_string(&LogFilter::default(), 2), "page=2");
    }
}
