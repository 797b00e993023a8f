//! The thread panel: a message and its replies beside the channel, live like the channel itself.
use super::composer::Composer;
use super::message_item::MessageItem;
use super::timeline::{render_key, Timeline};
use super::types::MessageView;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ThreadPanel(
    channel: i64,
    thread: Resource<Result<Option<Vec<MessageView>>, AppError>>,
    timeline: RwSignal<Timeline>,
    on_typing: Callback<()>,
    may_post: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Suspense>
            {move || thread.get().map(|loaded| match loaded {
                Ok(None) => ().into_any(),
                Ok(Some(messages)) if messages.first().is_some_and(|root| root.channel_id != channel) => ().into_any(),
                Ok(Some(messages)) => {
                    let root = messages.first().map(|root| root.id);
                    timeline.update_untracked(|timeline| timeline.thread = messages);
                    view! {
                        <aside class="thread-panel" aria-labelledby="thread-title">
                            <header>
                                <h2 id="thread-title">{t!(i18n, discussion.thread)}</h2>
                                <A href=format!("/discussion/{channel}") attr:class="close-thread">{t!(i18n, discussion.close_thread)}</A>
                            </header>
                            <For each=move || timeline.with(|timeline| timeline.thread.clone()) key=render_key let:message>
                                <MessageItem message in_thread=true />
                            </For>
                            {(may_post && root.is_some()).then(|| view! { <Composer channel parent=root.unwrap_or_default() on_typing /> })}
                        </aside>
                    }.into_any()
                }
                Err(error) => view! { <ErrorMessage error /> }.into_any(),
            })}
        </Suspense>
    }
}
