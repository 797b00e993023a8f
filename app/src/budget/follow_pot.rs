//! Keeps a budget page current: it follows its pot over the live socket, and each time the pot's
//! money moves past the version shown, the page's data is fetched again.
use crate::discussion::follow_version::{follow_version, POT};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::errors::ErrorMessage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;

/// The data of a budget page at `…/:id` that belongs to one pot: fetched again when the pot's
/// money moves (live) and each time the viewer changes something on the page.
pub struct PotPage<T: Send + Sync + 'static> {
    pub data: Resource<Result<T, AppError>>,
    /// Bumped by the page's actions when they succeed.
    pub changed: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for PotPage<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for PotPage<T> {}

/// `fetch` loads the page by the id in the route; `pot_version` tells which pot it shows, at
/// which version.
pub fn pot_page<T, Fetched>(
    fetch: fn(i64) -> Fetched,
    pot_version: fn(&T) -> (i64, i64),
) -> PotPage<T>
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Fetched: Future<Output = Result<T, AppError>> + Send + 'static,
{
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()))
    });
    let follow = follow_version(POT);
    let changed = RwSignal::new(0u32);
    let data = Resource::new(
        move || (id.get(), follow.refresh.get(), changed.get()),
        move |(id, _, _)| async move {
            match id {
                Some(id) => fetch(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    Effect::new(move |_| {
        if let Some(Ok(page)) = data.get() {
            let (pot, version) = pot_version(&page);
            follow.showing(pot, version);
        }
    });
    PotPage { data, changed }
}

impl<T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static> PotPage<T> {
    /// Renders the page with `body` once loaded, or why it could not be.
    pub fn view(
        self,
        body: impl Fn(T) -> AnyView + Clone + Send + Sync + 'static,
    ) -> impl IntoView {
        let i18n = use_i18n();
        view! {
            <Transition fallback=move || view! { <p>{t!(i18n, errors.loading)}</p> }>
                {
                    let body = body.clone();
                    move || self.data.get().map(|page| match page {
                        Ok(page) => body(page),
                        Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    })
                }
            </Transition>
        }
    }
}
