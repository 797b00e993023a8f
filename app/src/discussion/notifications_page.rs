//! `/notifications`: mentions of the member, replies to their messages and, for moderators,
//! reports. Opening the page marks them read.
use super::list_notifications::list_notifications;
use super::mark_notifications_read::MarkNotificationsRead;
use super::types::Notification;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use crate::ui::time::iso_minute;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let notifications = Resource::new(|| (), |_| list_notifications());
    let mark_read = ServerAction::<MarkNotificationsRead>::new();
    view! {
        <h1>{t!(i18n, discussion.notifications)}</h1>
        <ActionForm action=mark_read attr:class="inline-form">
            <button type="submit" class="link-button">{t!(i18n, discussion.mark_all_read)}</button>
        </ActionForm>
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || notifications.get().map(|found| match found {
                Ok(list) if list.is_empty() => view! { <p class="muted">{t!(i18n, discussion.no_notifications)}</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="hits">{list.into_iter().map(|item| view! { <NotificationItem item /> }).collect_view()}</ul>
                }.into_any(),
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn NotificationItem(item: Notification) -> impl IntoView {
    let i18n = use_i18n();
    let message = item.message;
    let who = message
        .author
        .clone()
        .map(|author| author.name)
        .unwrap_or_default();
    let what = match item.kind.as_str() {
        "mention" => t_string!(i18n, discussion.mentioned_you, name = who.clone()).to_string(),
        "reply" => t_string!(i18n, discussion.replied_to_you, name = who.clone()).to_string(),
        _ => t_string!(i18n, discussion.reported).to_string(),
    };
    let link = message.link();
    view! {
        <li class="hit" class:unread=item.unread>
            <p><A href=link>{what}</A>" · "<span class="muted">{item.channel_name}" · "{iso_minute(message.created_at)}</span></p>
            <div class="message-body" inner_html=message.html></div>
        </li>
    }
}
