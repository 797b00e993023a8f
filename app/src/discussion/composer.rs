//! Writing a message or a reply: Enter sends, Shift+Enter starts a new line. Without JavaScript
//! it is a plain form whose answer brings the page back with the message in it.
use super::post_message::PostMessage;
use super::types::MAX_MESSAGE_CHARS;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Composer(
    channel: i64,
    #[prop(optional)] parent: Option<i64>,
    /// Called as the member types, to tell the others.
    on_typing: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let post = ServerAction::<PostMessage>::new();
    let form = NodeRef::<html::Form>::new();
    let text = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(text)) = (post.value().get(), text.get()) {
            text.set_value("");
        }
    });
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Enter" && !event.shift_key() && !event.is_composing() {
            event.prevent_default();
            if let Some(form) = form.get() {
                let _ = form.request_submit();
            }
        }
    };
    let field_id = match parent {
        Some(root) => format!("reply-{root}"),
        None => format!("compose-{channel}"),
    };
    let placeholder = move || match parent {
        Some(_) => t_string!(i18n, discussion.reply_placeholder).to_string(),
        None => t_string!(i18n, discussion.placeholder).to_string(),
    };
    view! {
        <ActionForm action=post node_ref=form attr:class="composer">
            <input type="hidden" name="channel" value=channel />
            {parent.map(|root| view! { <input type="hidden" name="parent" value=root /> })}
            <label class="sr-only" for=field_id.clone()>{t!(i18n, discussion.message_label)}</label>
            <textarea
                id=field_id
                name="body"
                rows="2"
                required
                maxlength=MAX_MESSAGE_CHARS
                placeholder=placeholder
                node_ref=text
                on:keydown=on_keydown
                on:input=move |_| on_typing.run(())
            ></textarea>
            <button type="submit" class="button" disabled=move || post.pending().get()>{t!(i18n, discussion.send)}</button>
            {move || post.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
        </ActionForm>
    }
}
