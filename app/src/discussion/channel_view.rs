//! An open channel: its messages (server-rendered, then live), the composer, and the thread panel.
use super::channel_settings::ChannelSettings;
use super::composer::Composer;
use super::delete_message::DeleteMessage;
use super::edit_message::EditMessage;
use super::hide_message::HideMessage;
use super::list_older_messages::list_older_messages;
use super::live_view::{connect, LiveState};
use super::mark_channel_read::MarkChannelRead;
use super::message_item::{MessageActions, MessageItem};
use super::report_message::ReportMessage;
use super::thread_panel::ThreadPanel;
use super::timeline::{render_key, Timeline};
use super::toggle_reaction::ToggleReaction;
use super::types::ChannelKind;
use super::types::{ChannelPage, ChannelSummary, MessageView};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::layout::use_session;
use leptos::prelude::*;

#[component]
pub fn ChannelView(
    page: ChannelPage,
    sidebar: RwSignal<Vec<ChannelSummary>>,
    thread: Resource<Result<Option<Vec<MessageView>>, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_session().current();
    let channel = page.channel.id;
    let state = LiveState {
        channel,
        viewer: StoredValue::new(
            viewer
                .as_ref()
                .map(|viewer| (viewer.id, viewer.name.clone())),
        ),
        timeline: RwSignal::new(Timeline::from_page(&page)),
        sidebar,
        typing: RwSignal::new(None),
        online: RwSignal::new(Vec::new()),
        connected: RwSignal::new(None),
        stale: RwSignal::new(0),
        applied: RwSignal::new(0),
    };
    provide_context(MessageActions {
        react: ServerAction::<ToggleReaction>::new(),
        edit: ServerAction::<EditMessage>::new(),
        delete: ServerAction::<DeleteMessage>::new(),
        hide: ServerAction::<HideMessage>::new(),
        report: ServerAction::<ReportMessage>::new(),
        may_report: page.channel.kind != ChannelKind::Direct,
        viewer: viewer.as_ref().map(|viewer| viewer.id),
        may_post: page.may_post,
        may_moderate: page.may_moderate,
    });
    let typing_sender = connect(state);
    keep_read(state, page.channel.following);
    reload_when_stale(state);
    let first_unread = page
        .messages
        .iter()
        .find(|message| {
            page.channel.following
                && message.seq > page.last_read_seq
                && message.author.as_ref().map(|author| author.id) != state.viewer_id()
        })
        .map(|message| message.id);
    let on_typing = Callback::new(move |_| {
        typing_sender.with_value(|sender| {
            if let Some(sender) = sender {
                sender.typing();
            }
        })
    });
    let title = page.channel.name.clone();
    view! {
        <section class="channel" aria-labelledby="channel-title">
            <header class="channel-header">
                <h1 id="channel-title">{title}</h1>
                {page.channel.members_only.then(|| view! { <span class="badge">{t!(i18n, discussion.members_only)}</span> })}
                <ChannelSettings channel=page.channel.clone() may_moderate=page.may_moderate sidebar />
                <span class="presence muted" title=move || state.online.with(|online| online.iter().map(|who| who.name.clone()).collect::<Vec<_>>().join(", "))>
                    {move || {
                        let count = state.online.with(Vec::len);
                        (count > 0).then(|| t_string!(i18n, discussion.online, count).to_string())
                    }}
                </span>
            </header>
            {move || (state.connected.get() == Some(false)).then(|| view! {
                <p class="notice" role="status">{t!(i18n, discussion.reconnecting)}</p>
            })}
            <div class="message-scroller">
                <div class="message-list" aria-live="polite">
                    <OlderMessages state />
                    {move || state.timeline.with(|timeline| timeline.messages.is_empty()).then(|| view! {
                        <p class="muted">{t!(i18n, discussion.no_messages)}</p>
                    })}
                    <For each=move || state.timeline.with(|timeline| timeline.messages.clone()) key=render_key let:message>
                        {(Some(message.id) == first_unread).then(|| view! {
                            <div class="unread-divider" role="separator"><span>{t!(i18n, discussion.new_messages)}</span></div>
                        })}
                        <MessageItem message />
                    </For>
                    {page.has_newer.then(|| view! {
                        <a class="newer-link" href=format!("/discussion/{channel}")>{t!(i18n, discussion.jump_to_latest)}</a>
                    })}
                </div>
            </div>
            <p class="typing muted" aria-live="polite">
                {move || state.typing.get().map(|name| t_string!(i18n, discussion.typing, name).to_string())}
            </p>
            {if page.may_post {
                view! { <Composer channel on_typing /> }.into_any()
            } else {
                view! { <p class="muted">{t!(i18n, discussion.read_only)}</p> }.into_any()
            }}
        </section>
        <ThreadPanel channel thread timeline=state.timeline on_typing may_post=page.may_post />
    }
}

/// A link to the previous page (without JavaScript); with it, older messages load in place.
#[component]
fn OlderMessages(state: LiveState) -> impl IntoView {
    let i18n = use_i18n();
    let loading = RwSignal::new(false);
    let load = move |event: leptos::ev::MouseEvent| {
        let Some(before) = state.timeline.with_untracked(Timeline::oldest_id) else {
            return;
        };
        event.prevent_default();
        if loading.get_untracked() {
            return;
        }
        loading.set(true);
        leptos::task::spawn_local(async move {
            if let Ok(older) = list_older_messages(state.channel, before).await {
                let more = older.len() == super::types::PAGE_SIZE;
                state
                    .timeline
                    .update(|timeline| timeline.prepend(older, more));
            }
            loading.set(false);
        });
    };
    let link = NodeRef::<leptos::html::A>::new();
    load_when_scrolled_to(link);
    move || {
        let timeline = state.timeline.read();
        let oldest = timeline.oldest_id().filter(|_| timeline.has_older)?;
        Some(view! {
            <a class="older-link" href=format!("/discussion/{}?before={oldest}", state.channel) on:click=load node_ref=link>
                {t!(i18n, discussion.load_older)}
            </a>
        })
    }
}

/// Scrolling up to the link loads the older messages, as if it were clicked.
fn load_when_scrolled_to(link: NodeRef<leptos::html::A>) {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use wasm_bindgen::prelude::Closure;
        use wasm_bindgen::JsCast;
        use web_sys::{IntersectionObserver, IntersectionObserverEntry};
        let Some(anchor) = link.get() else { return };
        let on_sight = Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(
            move |entries: web_sys::js_sys::Array| {
                let seen = entries.iter().any(|entry| {
                    entry
                        .dyn_into::<IntersectionObserverEntry>()
                        .is_ok_and(|entry| entry.is_intersecting())
                });
                if seen {
                    if let Some(anchor) = link.get_untracked() {
                        anchor.click();
                    }
                }
            },
        );
        if let Ok(observer) = IntersectionObserver::new(on_sight.as_ref().unchecked_ref()) {
            observer.observe(&anchor);
            // The callback lives exactly as long as its observer.
            let watching = send_wrapper::SendWrapper::new((observer, on_sight));
            on_cleanup(move || watching.0.disconnect());
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = link;
}

/// Marks the channel read when it opens and as events arrive, for a member who follows it.
fn keep_read(state: LiveState, following: bool) {
    let mark = ServerAction::<MarkChannelRead>::new();
    Effect::new(move |_| {
        state.applied.track();
        if following {
            let seq = state.timeline.with_untracked(|timeline| timeline.last_seq);
            mark.dispatch(MarkChannelRead {
                channel: state.channel,
                seq,
            });
            state.mark_current_read();
        }
    });
}

/// Too far behind to replay: load the channel afresh.
fn reload_when_stale(state: LiveState) {
    Effect::new(move |_| {
        if state.stale.get() > 0 {
            if let Some(window) = leptos::web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
}
