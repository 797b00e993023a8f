//! One message: author, time, text, reactions and what the viewer may do with it. Every action
//! is a form, so it works before the WASM loads; with it, forms post in the background and the
//! result arrives through the live connection.
use super::delete_message::DeleteMessage;
use super::edit_message::EditMessage;
use super::hide_message::HideMessage;
use super::report_message::ReportMessage;
use super::toggle_reaction::ToggleReaction;
use super::types::{MessageView, Reaction};
use crate::i18n::*;
use crate::ui::time::iso_minute;
use leptos::prelude::*;
use leptos_router::components::A;

pub const QUICK_REACTIONS: [&str; 6] = ["👍", "❤️", "🎉", "😂", "🙏", "👀"];

/// The actions every message of a channel view shares, created once per view.
#[derive(Clone, Copy)]
pub struct MessageActions {
    pub react: ServerAction<ToggleReaction>,
    pub edit: ServerAction<EditMessage>,
    pub delete: ServerAction<DeleteMessage>,
    pub hide: ServerAction<HideMessage>,
    pub report: ServerAction<ReportMessage>,
    pub viewer: Option<i64>,
    /// Messages of shared channels can be reported; private conversations have no moderators.
    pub may_report: bool,
    pub may_post: bool,
    pub may_moderate: bool,
}

#[component]
pub fn MessageItem(message: MessageView, #[prop(optional)] in_thread: bool) -> impl IntoView {
    let i18n = use_i18n();
    let actions = expect_context::<MessageActions>();
    let id = message.id;
    let channel = message.channel_id;
    let link = message.link();
    let withdrawn = message.deleted || message.hidden;
    let own = actions.viewer.is_some()
        && message.author.as_ref().map(|author| author.id) == actions.viewer;
    let author = match &message.author {
        Some(author) => {
            let (href, name) = (format!("/members/{}", author.id), author.name.clone());
            view! { <A href=href attr:class="author">{name}</A> }.into_any()
        }
        None => view! { <span class="author former">{t!(i18n, discussion.former_member)}</span> }
            .into_any(),
    };
    let body = if message.deleted {
        view! { <p class="withdrawn">{t!(i18n, discussion.deleted)}</p> }.into_any()
    } else if message.hidden {
        view! { <p class="withdrawn">{t!(i18n, discussion.hidden)}</p> }.into_any()
    } else {
        view! { <div class="message-body" inner_html=message.html.clone()></div> }.into_any()
    };
    let replies = message.reply_count;
    view! {
        <article class="message" id=format!("m{id}") data-seq=message.seq>
            <header>
                {author}
                <A href=link attr:class="message-time">
                    <time datetime=message.created_at.to_string()>{iso_minute(message.created_at)}</time>
                </A>
                {message.edited.then(|| view! {
                    <A href=format!("/messages/{id}/history") attr:class="muted">{t!(i18n, discussion.edited)}</A>
                })}
            </header>
            {body}
            {(!withdrawn).then(|| view! { <Reactions message=id reactions=message.reactions.clone() /> })}
            <footer class="message-actions">
                {(!in_thread && message.parent_id.is_none() && !withdrawn).then(|| view! {
                    <A href=format!("/discussion/{channel}?thread={id}") attr:class="reply-link">
                        {if replies > 0 {
                            t_string!(i18n, discussion.replies, count = replies).to_string()
                        } else {
                            t_string!(i18n, discussion.reply).to_string()
                        }}
                    </A>
                })}
                {(own && !withdrawn).then(|| view! { <EditForm message=id body=message.body.clone() /> })}
                {((own || actions.may_moderate) && !message.deleted).then(|| view! {
                    <ActionForm action=actions.delete attr:class="inline-form">
                        <input type="hidden" name="message" value=id />
                        <button type="submit" class="link-button">{t!(i18n, discussion.delete)}</button>
                    </ActionForm>
                })}
                {(actions.may_moderate && !withdrawn).then(|| view! { <HideForm message=id /> })}
                {(actions.may_report && !own && !withdrawn && actions.viewer.is_some()).then(|| view! { <ReportForm message=id /> })}
            </footer>
        </article>
    }
}

#[component]
fn Reactions(message: i64, reactions: Vec<Reaction>) -> impl IntoView {
    let i18n = use_i18n();
    let actions = expect_context::<MessageActions>();
    let button = move |emoji: String, count: usize, mine: bool| {
        let label = t_string!(i18n, discussion.react, emoji = emoji.clone()).to_string();
        view! {
            <ActionForm action=actions.react attr:class="inline-form">
                <input type="hidden" name="message" value=message />
                <input type="hidden" name="emoji" value=emoji.clone() />
                <button type="submit" class="reaction" class:mine=mine aria-pressed=mine.to_string() aria-label=label disabled=!actions.may_post>
                    {emoji.clone()}{(count > 0).then(|| view! { " "<span>{count}</span> })}
                </button>
            </ActionForm>
        }
    };
    let shown = reactions
        .iter()
        .map(|reaction| {
            let mine = actions
                .viewer
                .is_some_and(|viewer| reaction.user_ids.contains(&viewer));
            button(reaction.emoji.clone(), reaction.user_ids.len(), mine)
        })
        .collect_view();
    let picker = actions.may_post.then(|| {
        let quick = QUICK_REACTIONS
            .into_iter()
            .filter(|emoji| !reactions.iter().any(|reaction| reaction.emoji == *emoji))
            .map(|emoji| button(emoji.to_string(), 0, false))
            .collect_view();
        view! {
            <details class="reaction-picker">
                <summary aria-label="+">"+"</summary>
                <div class="reaction-choices">{quick}</div>
            </details>
        }
    });
    view! { <div class="reactions">{shown}{picker}</div> }
}

#[component]
fn EditForm(message: i64, body: String) -> impl IntoView {
    let i18n = use_i18n();
    let actions = expect_context::<MessageActions>();
    view! {
        <details class="edit-message">
            <summary>{t!(i18n, discussion.edit)}</summary>
            <ActionForm action=actions.edit>
                <input type="hidden" name="message" value=message />
                <label class="sr-only" for=format!("edit-{message}")>{t!(i18n, discussion.message_label)}</label>
                <textarea id=format!("edit-{message}") name="body" rows="3" maxlength="10000" required>{body}</textarea>
                <button type="submit" class="button">{t!(i18n, discussion.save)}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn HideForm(message: i64) -> impl IntoView {
    let i18n = use_i18n();
    let actions = expect_context::<MessageActions>();
    view! {
        <details class="hide-message">
            <summary>{t!(i18n, discussion.hide)}</summary>
            <ActionForm action=actions.hide>
                <input type="hidden" name="message" value=message />
                <label for=format!("hide-{message}")>{t!(i18n, discussion.hide_reason)}</label>
                <input id=format!("hide-{message}") name="reason" required maxlength="500" />
                <button type="submit" class="button">{t!(i18n, discussion.hide)}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn ReportForm(message: i64) -> impl IntoView {
    let i18n = use_i18n();
    let actions = expect_context::<MessageActions>();
    view! {
        <details class="report-message">
            <summary>{t!(i18n, discussion.report)}</summary>
            <ActionForm action=actions.report>
                <input type="hidden" name="message" value=message />
                <label for=format!("report-{message}")>{t!(i18n, discussion.report_placeholder)}</label>
                <input id=format!("report-{message}") name="reason" required maxlength="500" />
                <button type="submit" class="button">{t!(i18n, discussion.report)}</button>
            </ActionForm>
        </details>
    }
}
