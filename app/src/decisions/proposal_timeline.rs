//! A proposal's timeline and its discussion thread.
use super::labels;
use super::local_time::LocalTime;
use super::proposal_page::Actions;
use super::types::{Discussion, Kind, TimelineEntry};
use crate::discussion::types::MAX_MESSAGE_CHARS;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TimelineView(kind: Kind, timeline: Vec<TimelineEntry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="timeline-title" class="timeline">
            <h2 id="timeline-title">{t!(i18n, decisions.timeline_title)}</h2>
            <ol>
                {timeline.into_iter().map(|entry| view! {
                    <li class=format!("event event-{}", entry.kind)>
                        <LocalTime at=entry.at /> " — " {labels::timeline(i18n, kind, &entry)}
                        {(!entry.note.is_empty()).then(|| view! { <blockquote>{entry.note.clone()}</blockquote> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
pub fn DiscussionView(
    discussion: Option<Discussion>,
    may_reply: bool,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(discussion) = discussion else {
        return ().into_any();
    };
    let link = format!(
        "/discussion/{}?thread={}",
        discussion.channel_id, discussion.root_id
    );
    view! {
        <section aria-labelledby="discussion-title" class="proposal-discussion">
            <h2 id="discussion-title">{t!(i18n, decisions.discussion_title)}</h2>
            {if discussion.replies.is_empty() {
                view! { <p class="muted">{t!(i18n, decisions.no_replies)}</p> }.into_any()
            } else {
                view! {
                    <ul class="thread">
                        {discussion.replies.into_iter().map(|reply| view! {
                            <li id=format!("m{}", reply.id)>
                                <strong>{reply.author.unwrap_or_default()}</strong> " · " <LocalTime at=reply.at />
                                <div inner_html=reply.html></div>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {may_reply.then(|| view! {
                <ActionForm action=actions.reply attr:class="reply-form">
                    <input type="hidden" name="channel" value=discussion.channel_id />
                    <input type="hidden" name="parent" value=discussion.root_id />
                    <label for="proposal-reply">{t!(i18n, decisions.reply_label)}</label>
                    <textarea id="proposal-reply" name="body" rows="3" required maxlength=MAX_MESSAGE_CHARS></textarea>
                    <button type="submit" class="button">{t!(i18n, decisions.reply)}</button>
                </ActionForm>
            })}
            <p><A href=link>{t!(i18n, decisions.open_in_discussion)}</A></p>
        </section>
    }
    .into_any()
}
