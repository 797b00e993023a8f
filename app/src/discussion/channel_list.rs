//! The sidebar: the channels a member can read, grouped by kind, with unread and mention badges.
use super::types::{ChannelKind, ChannelSummary};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ChannelList(
    channels: RwSignal<Vec<ChannelSummary>>,
    current: Signal<Option<i64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let group = move |kind: ChannelKind| {
        Signal::derive(move || {
            channels.with(|all| {
                all.iter()
                    .filter(|channel| channel.kind == kind)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <nav class="channel-list" aria-label=move || t_string!(i18n, discussion.channels)>
            <ChannelGroup title=Signal::derive(move || t_string!(i18n, discussion.topics).to_string()) channels=group(ChannelKind::Topic) current />
            <ChannelGroup title=Signal::derive(move || t_string!(i18n, discussion.cities).to_string()) channels=group(ChannelKind::City) current />
            <ChannelGroup title=Signal::derive(move || t_string!(i18n, discussion.conversations).to_string()) channels=group(ChannelKind::Direct) current />
        </nav>
    }
}

#[component]
fn ChannelGroup(
    title: Signal<String>,
    channels: Signal<Vec<ChannelSummary>>,
    current: Signal<Option<i64>>,
) -> impl IntoView {
    move || {
        let list = channels.get();
        (!list.is_empty()).then(|| {
            view! {
                <h2 class="channel-group">{title.get()}</h2>
                <ul>
                    {list.into_iter().map(|channel| view! { <ChannelLink channel current /> }).collect_view()}
                </ul>
            }
        })
    }
}

#[component]
fn ChannelLink(channel: ChannelSummary, current: Signal<Option<i64>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = channel.id;
    let (unread, mentions) = (channel.unread, channel.mentions);
    let news = unread > 0 && !channel.muted;
    let prefix = match channel.kind {
        ChannelKind::Direct => "@ ",
        _ => "# ",
    };
    view! {
        <li class:unread=news class:muted-channel=channel.muted class:following=channel.following>
            <A
                href=format!("/discussion/{id}")
                attr:aria-current=move || (current.get() == Some(id)).then_some("page")
            >
                <span class="channel-name">{prefix}{channel.name.clone()}</span>
                {(mentions > 0).then(|| view! {
                    <span class="badge mention-badge" title=move || t_string!(i18n, discussion.mentions, count = mentions).to_string()>
                        "@"{mentions}
                    </span>
                })}
                {news.then(|| view! {
                    <span class="badge unread-badge" title=move || t_string!(i18n, discussion.unread, count = unread).to_string()>
                        {unread}
                    </span>
                })}
            </A>
        </li>
    }
}
