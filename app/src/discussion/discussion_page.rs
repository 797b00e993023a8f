//! `/discussion` and `/discussion/:channel`: the channel list beside the open channel. Every
//! resource is created here, once, outside the Suspense boundaries.
use super::channel_list::ChannelList;
use super::channel_view::ChannelView;
use super::create_topic::CreateTopic;
use super::get_channel_page::get_channel_page;
use super::get_thread::get_thread;
use super::list_channels::list_channels;
use super::new_conversation::NewConversation;
use super::types::{ChannelPage, ChannelSummary, MessageView};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use crate::ui::layout::use_session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

type Loaded<T> = Resource<Result<T, AppError>>;

#[component]
pub fn DiscussionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let number = |text: Option<String>| text.and_then(|text| text.parse::<i64>().ok());
    let channel = Memo::new(move |_| params.with(|params| number(params.get("channel"))));
    let before = Memo::new(move |_| query.with(|query| number(query.get("before"))));
    let thread_id = Memo::new(move |_| query.with(|query| number(query.get("thread"))));
    let channels = Resource::new(|| (), |_| list_channels());
    let page: Loaded<Option<ChannelPage>> = Resource::new(
        move || (channel.get(), before.get()),
        |(channel, before)| async move {
            match channel {
                Some(channel) => get_channel_page(channel, before).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let thread: Loaded<Option<Vec<MessageView>>> = Resource::new(
        move || thread_id.get(),
        |thread| async move {
            match thread {
                Some(message) => get_thread(message).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <div class="discussion">
            <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {move || channels.get().map(|listed| match listed {
                    Err(AppError::Unauthenticated) => view! {
                        <section class="empty-state">
                            <h1>{t!(i18n, discussion.title)}</h1>
                            <p>{t!(i18n, discussion.sign_in)}</p>
                            <A href="/login" attr:class="button">{t!(i18n, nav.log_in)}</A>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    Ok(list) => view! { <Workspace list channel page thread /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Workspace(
    list: Vec<ChannelSummary>,
    channel: Memo<Option<i64>>,
    page: Loaded<Option<ChannelPage>>,
    thread: Loaded<Option<Vec<MessageView>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sidebar = RwSignal::new(list);
    view! {
        <aside class="channel-sidebar">
            <DiscussionTools />
            <ChannelList channels=sidebar current=Signal::derive(move || channel.get()) />
        </aside>
        <Suspense fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
            {move || page.get().map(|loaded| match loaded {
                Ok(Some(page)) => view! { <ChannelView page sidebar thread /> }.into_any(),
                Ok(None) => view! {
                    <section class="channel empty-state"><p>{t!(i18n, discussion.pick_channel)}</p></section>
                }.into_any(),
                Err(error) => view! { <section class="channel"><ErrorMessage error /></section> }.into_any(),
            })}
        </Suspense>
    }
}

/// Search, notifications, the moderation queue, and opening a topic (connectors and admins).
#[component]
fn DiscussionTools() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let create = ServerAction::<CreateTopic>::new();
    let coordinates = move || {
        session.current().is_some_and(|viewer| {
            !viewer.is_alumni && (viewer.is_admin || !viewer.connector_of.is_empty())
        })
    };
    view! {
        <ul class="discussion-tools">
            <li><A href="/search">{t!(i18n, discussion.search_title)}</A></li>
            <li><A href="/notifications">{t!(i18n, discussion.notifications)}</A></li>
            {move || coordinates().then(|| view! { <li><A href="/moderation">{t!(i18n, discussion.moderation)}</A></li> })}
        </ul>
        {move || session.current().is_some_and(|viewer| !viewer.is_alumni).then(|| view! { <NewConversation /> })}
        {move || coordinates().then(|| view! {
            <details class="new-topic">
                <summary>{t!(i18n, discussion.new_topic)}</summary>
                <ActionForm action=create>
                    <label for="topic-name">{t!(i18n, discussion.topic_name)}</label>
                    <input id="topic-name" name="name" required maxlength="80" />
                    <label for="topic-description">{t!(i18n, discussion.topic_description)}</label>
                    <input id="topic-description" name="description" maxlength="300" />
                    <button type="submit" class="button">{t!(i18n, discussion.create)}</button>
                    {move || create.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
                </ActionForm>
            </details>
        })}
    }
}
