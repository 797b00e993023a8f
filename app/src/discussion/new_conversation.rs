//! Starting a private conversation with up to eight other members, picked by name.
use super::open_conversation::OpenConversation;
use super::suggest_members::suggest_members;
use super::types::Author;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;

#[component]
pub fn NewConversation() -> impl IntoView {
    let i18n = use_i18n();
    let open = ServerAction::<OpenConversation>::new();
    let chosen = RwSignal::new(Vec::<Author>::new());
    let found = RwSignal::new(Vec::<Author>::new());
    let typed = RwSignal::new(String::new());
    let search = move |text: String| {
        typed.set(text.clone());
        leptos::task::spawn_local(async move {
            let results = suggest_members(text.clone()).await.unwrap_or_default();
            if typed.get_untracked() == text {
                found.set(results);
            }
        });
    };
    let choose = move |author: Author| {
        chosen.update(|list| {
            if list.len() < super::types::MAX_CONVERSATION_PEOPLE - 1
                && !list.iter().any(|known| known.id == author.id)
            {
                list.push(author);
            }
        });
        found.set(Vec::new());
        typed.set(String::new());
    };
    let ids = move || {
        chosen.with(|list| {
            list.iter()
                .map(|author| author.id.to_string())
                .collect::<Vec<_>>()
                .join(",")
        })
    };
    view! {
        <details class="new-conversation">
            <summary>{t!(i18n, discussion.new_conversation)}</summary>
            <ActionForm action=open>
                <input type="hidden" name="with" value=ids />
                <ul class="chosen">
                    {move || chosen.get().into_iter().map(|author| {
                        let id = author.id;
                        view! {
                            <li class="tag">
                                {author.name}" "
                                <button type="button" class="link-button" aria-label=move || t_string!(i18n, discussion.remove).to_string()
                                    on:click=move |_| chosen.update(|list| list.retain(|known| known.id != id))>"×"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <label for="conversation-with">{t!(i18n, discussion.add_people)}</label>
                <input id="conversation-with" autocomplete="off" prop:value=move || typed.get()
                    on:input=move |event| search(event_target_value(&event)) />
                <ul class="mention-suggestions" role="listbox">
                    {move || found.get().into_iter().map(|author| {
                        let name = author.name.clone();
                        view! {
                            <li role="option">
                                <button type="button" class="link-button" on:click=move |_| choose(author.clone())>{name}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="submit" class="button" disabled=move || chosen.with(Vec::is_empty)>{t!(i18n, discussion.start)}</button>
                {move || open.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error /> })}
            </ActionForm>
        </details>
    }
}
