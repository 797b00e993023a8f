//! `/moderation`: the reports about messages in the channels a connector (or admin) looks after,
//! with what they can do about each: hide the message, mute its author, or close the report.
use super::hide_message::HideMessage;
use super::list_reports::list_reports;
use super::mute_member::MuteMember;
use super::resolve_report::ResolveReport;
use super::types::ModerationReport;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use crate::ui::time::iso_minute;
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct Tools {
    hide: ServerAction<HideMessage>,
    mute: ServerAction<MuteMember>,
    resolve: ServerAction<ResolveReport>,
}

#[component]
pub fn ModerationPage() -> impl IntoView {
    let i18n = use_i18n();
    let tools = Tools {
        hide: ServerAction::new(),
        mute: ServerAction::new(),
        resolve: ServerAction::new(),
    };
    let reports = Resource::new(
        move || (tools.hide.version().get(), tools.resolve.version().get()),
        |_| list_reports(),
    );
    provide_context(tools);
    view! {
        <h1>{t!(i18n, discussion.moderation)}</h1>
        {move || tools.mute.value().get().map(|done| match done {
            Ok(()) => view! { <p class="notice" role="status">{t!(i18n, discussion.muted_done)}</p> }.into_any(),
            Err(error) => view! { <ErrorMessage error /> }.into_any(),
        })}
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || reports.get().map(|found| match found {
                Ok(list) if list.is_empty() => view! { <p class="muted">{t!(i18n, discussion.no_reports)}</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="hits">{list.into_iter().map(|report| view! { <ReportItem report /> }).collect_view()}</ul>
                }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ReportItem(report: ModerationReport) -> impl IntoView {
    let i18n = use_i18n();
    let tools = expect_context::<Tools>();
    let message = report.message;
    let author = message.author.clone();
    let (hide_reason, mute_reason) = (report.reason.clone(), report.reason.clone());
    view! {
        <li class="hit report">
            <p>
                <strong>{author.as_ref().map(|author| author.name.clone()).unwrap_or_default()}</strong>
                " · "<span class="muted">{iso_minute(message.created_at)}</span>
            </p>
            <blockquote>{report.original_text}</blockquote>
            <p>{t!(i18n, discussion.report_reason)}": "{report.reason}" — "{report.reporter.unwrap_or_default()}</p>
            {report.hidden_reason.map(|reason| view! { <p class="muted">{t!(i18n, discussion.hidden)}" "{reason}</p> })}
            <div class="message-actions">
                {(!message.hidden).then(|| view! {
                    <ActionForm action=tools.hide attr:class="inline-form">
                        <input type="hidden" name="message" value=message.id />
                        <input type="hidden" name="reason" value=hide_reason />
                        <button type="submit" class="button">{t!(i18n, discussion.hide)}</button>
                    </ActionForm>
                })}
                {author.map(|author| view! {
                    <ActionForm action=tools.mute attr:class="inline-form">
                        <input type="hidden" name="channel" value=message.channel_id />
                        <input type="hidden" name="member" value=author.id />
                        <input type="hidden" name="reason" value=mute_reason />
                        <label for=format!("mute-{}", report.id)>{t!(i18n, discussion.mute_for)}</label>
                        <select id=format!("mute-{}", report.id) name="hours">
                            <option value="1">{t!(i18n, discussion.one_hour)}</option>
                            <option value="24" selected>{t!(i18n, discussion.one_day)}</option>
                            <option value="168">{t!(i18n, discussion.one_week)}</option>
                        </select>
                        <button type="submit" class="link-button">{t!(i18n, discussion.mute_author)}</button>
                    </ActionForm>
                })}
                <ActionForm action=tools.resolve attr:class="inline-form">
                    <input type="hidden" name="report" value=report.id />
                    <button type="submit" class="link-button">{t!(i18n, discussion.resolve)}</button>
                </ActionForm>
            </div>
        </li>
    }
}
