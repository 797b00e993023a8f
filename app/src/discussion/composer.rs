//! Writing a message or a reply: Enter sends, Shift+Enter starts a new line. Without JavaScript
//! it is a plain form whose answer brings the page back with the message in it.
use super::message_text::{complete_mention, mention_in_progress};
use super::post_message::PostMessage;
use super::suggest_members::suggest_members;
use super::types::{Author, MAX_MESSAGE_CHARS};
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
    let mentions = Mentions::new(text);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if mentions.on_key(&event) {
            return;
        }
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
                on:input=move |_| {
                    on_typing.run(());
                    mentions.on_input();
                }
                aria-autocomplete="list"
            ></textarea>
            <MentionList mentions />
            <button type="submit" class="button" disabled=move || post.pending().get()>{t!(i18n, discussion.send)}</button>
            {move || post.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
        </ActionForm>
    }
}

/// The mention autocomplete: after `@` and a few letters, members whose names start so; a click,
/// Enter or Tab writes `@**Full Name**`.
#[derive(Clone, Copy)]
struct Mentions {
    text: NodeRef<html::Textarea>,
    found: RwSignal<Vec<Author>>,
    /// Where the mention being typed starts and ends (bytes), and what was typed.
    typing: StoredValue<Option<(usize, usize, String)>>,
}

impl Mentions {
    fn new(text: NodeRef<html::Textarea>) -> Mentions {
        Mentions {
            text,
            found: RwSignal::new(Vec::new()),
            typing: StoredValue::new(None),
        }
    }

    fn on_input(self) {
        let Some(area) = self.text.get() else { return };
        let value = area.value();
        let caret = utf16_to_byte(&value, area.selection_start().ok().flatten().unwrap_or(0));
        let Some((at, typed)) = mention_in_progress(&value[..caret]) else {
            self.clear();
            return;
        };
        self.typing.set_value(Some((at, caret, typed.clone())));
        leptos::task::spawn_local(async move {
            let found = suggest_members(typed.clone()).await.unwrap_or_default();
            let still_typing = self
                .typing
                .with_value(|now| now.as_ref().is_some_and(|(_, _, now)| *now == typed));
            if still_typing {
                self.found.set(found);
            }
        });
    }

    /// Handles Enter, Tab and Escape while suggestions show; answers whether it did.
    fn on_key(self, event: &leptos::ev::KeyboardEvent) -> bool {
        let first = self
            .found
            .with_untracked(|found| found.first().map(|author| author.name.clone()));
        match (event.key().as_str(), first) {
            ("Enter" | "Tab", Some(name)) => {
                event.prevent_default();
                self.pick(&name);
                true
            }
            ("Escape", Some(_)) => {
                self.clear();
                true
            }
            _ => false,
        }
    }

    fn pick(self, name: &str) {
        let (Some(area), Some((at, caret, _))) = (self.text.get(), self.typing.get_value()) else {
            return;
        };
        let value = area.value();
        if caret <= value.len() && value.is_char_boundary(at) && value.is_char_boundary(caret) {
            let (completed, new_caret) = complete_mention(&value, at, caret, name);
            area.set_value(&completed);
            let position = completed[..new_caret].encode_utf16().count() as u32;
            let _ = area.set_selection_range(position, position);
            let _ = area.focus();
        }
        self.clear();
    }

    fn clear(self) {
        self.typing.set_value(None);
        self.found.set(Vec::new());
    }
}

/// Browsers count the caret in UTF-16 units; Rust strings index bytes.
fn utf16_to_byte(text: &str, position: u32) -> usize {
    let mut units = 0u32;
    for (index, c) in text.char_indices() {
        if units >= position {
            return index;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

#[component]
fn MentionList(mentions: Mentions) -> impl IntoView {
    move || {
        let found = mentions.found.get();
        (!found.is_empty()).then(|| {
            view! {
                <ul class="mention-suggestions" role="listbox">
                    {found.into_iter().map(|author| {
                        let name = author.name.clone();
                        view! {
                            <li role="option">
                                <button type="button" class="link-button" on:click=move |_| mentions.pick(&name)>
                                    {author.name.clone()}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    }
}
