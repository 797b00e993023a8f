//! A labelled form input with its hint and its error, wired for screen readers.
use super::errors::problem_text;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn Field(
    /// The form field name, also used for the id.
    name: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The last submission's error, if any.
    #[prop(into)]
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let problem = move || error.get().and_then(|error| error.field_problem(name));
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if problem().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:invalid=move || problem().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                name=name
                type=kind.unwrap_or("text")
                value=value
                required=required
                autocomplete=autocomplete
                aria-invalid=move || problem().is_some().to_string()
                aria-describedby=described_by
            />
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            {move || {
                problem()
                    .map(|problem| {
                        view! {
                            <p class="field-error" id=error_id.clone()>
                                {problem_text(i18n, &problem)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
