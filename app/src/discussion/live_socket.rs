//! The browser's live connection: one WebSocket per tab that resumes where it left off. After a
//! drop (or while the browser says it is offline) it reconnects with growing pauses and
//! resubscribes each channel after the last event it applied, so nothing is missed or repeated.
use super::types::{ClientFrame, ServerFrame};
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

const LONGEST_PAUSE_MS: i32 = 10_000;

type Handler<T> = Box<dyn Fn(T)>;
type Listener = Closure<dyn FnMut(web_sys::Event)>;

struct Inner {
    socket: RefCell<Option<WebSocket>>,
    handlers: RefCell<Vec<Listener>>,
    stopped: Cell<bool>,
    failures: Cell<u32>,
    /// What to follow (each channel after the last event applied in it, each pot after the
    /// version shown), read afresh at every (re)connection.
    subscriptions: Box<dyn Fn() -> Vec<ClientFrame>>,
    on_frame: Handler<ServerFrame>,
    on_connected: Handler<bool>,
}

/// A handle the page keeps; dropping it does not close the socket, `stop` does.
#[derive(Clone)]
pub struct LiveSocket(SendWrapper<Rc<Inner>>);

impl LiveSocket {
    pub fn start(
        subscriptions: impl Fn() -> Vec<ClientFrame> + 'static,
        on_frame: impl Fn(ServerFrame) + 'static,
        on_connected: impl Fn(bool) + 'static,
    ) -> LiveSocket {
        let inner = Rc::new(Inner {
            socket: RefCell::new(None),
            handlers: RefCell::new(Vec::new()),
            stopped: Cell::new(false),
            failures: Cell::new(0),
            subscriptions: Box::new(subscriptions),
            on_frame: Box::new(on_frame),
            on_connected: Box::new(on_connected),
        });
        watch_network(&inner);
        open(&inner);
        LiveSocket(SendWrapper::new(inner))
    }

    pub fn send(&self, frame: &ClientFrame) {
        send(&self.0, frame);
    }

    pub fn stop(&self) {
        self.0.stopped.set(true);
        if let Some(socket) = self.0.socket.borrow_mut().take() {
            let _ = socket.close();
        }
    }
}

fn send(inner: &Inner, frame: &ClientFrame) {
    let socket = inner.socket.borrow();
    let open = socket
        .as_ref()
        .filter(|socket| socket.ready_state() == WebSocket::OPEN);
    if let (Some(socket), Ok(json)) = (open, serde_json::to_string(frame)) {
        let _ = socket.send_with_str(&json);
    }
}

fn live_url() -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}/live", location.host().ok()?))
}

fn open(inner: &Rc<Inner>) {
    if inner.stopped.get() || inner.socket.borrow().is_some() {
        return;
    }
    let Some(socket) = live_url().and_then(|url| WebSocket::new(&url).ok()) else {
        retry_later(inner);
        return;
    };
    let on_open = {
        let inner = Rc::downgrade(inner);
        move |_: web_sys::Event| {
            let Some(inner) = inner.upgrade() else { return };
            inner.failures.set(0);
            (inner.on_connected)(true);
            for frame in (inner.subscriptions)() {
                send(&inner, &frame);
            }
        }
    };
    let on_message = {
        let inner = Rc::downgrade(inner);
        move |event: web_sys::Event| {
            let Some(inner) = inner.upgrade() else { return };
            let text = event
                .dyn_ref::<MessageEvent>()
                .and_then(|message| message.data().as_string());
            if let Some(frame) = text.and_then(|text| serde_json::from_str(&text).ok()) {
                (inner.on_frame)(frame);
            }
        }
    };
    let on_close = {
        let inner = Rc::downgrade(inner);
        move |event: web_sys::Event| {
            let Some(inner) = inner.upgrade() else { return };
            let _ = event.dyn_ref::<CloseEvent>();
            inner.socket.borrow_mut().take();
            (inner.on_connected)(false);
            retry_later(&inner);
        }
    };
    let handlers = [
        ("open", listener(on_open)),
        ("message", listener(on_message)),
        ("close", listener(on_close)),
    ];
    for (name, handler) in &handlers {
        let _ = socket.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    }
    *inner.handlers.borrow_mut() = handlers.into_iter().map(|(_, handler)| handler).collect();
    *inner.socket.borrow_mut() = Some(socket);
}

fn listener(handler: impl FnMut(web_sys::Event) + 'static) -> Listener {
    Closure::wrap(Box::new(handler) as Box<dyn FnMut(web_sys::Event)>)
}

/// Waits 0.5 s, 1 s, 2 s… up to 10 s between attempts, so a restarting server is not stampeded.
fn retry_later(inner: &Rc<Inner>) {
    if inner.stopped.get() {
        return;
    }
    let failures = inner.failures.get();
    inner.failures.set(failures.saturating_add(1));
    let pause = (500i32 << failures.min(5)).min(LONGEST_PAUSE_MS);
    let inner = Rc::downgrade(inner);
    let retry = Closure::once_into_js(move || {
        if let Some(inner) = inner.upgrade() {
            open(&inner);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(retry.unchecked_ref(), pause);
    }
}

/// The browser knows before the socket does: offline closes it, online reopens it at once.
fn watch_network(inner: &Rc<Inner>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let offline = {
        let inner = Rc::downgrade(inner);
        listener(move |_| {
            if let Some(socket) = inner
                .upgrade()
                .and_then(|inner| inner.socket.borrow().clone())
            {
                let _ = socket.close();
            }
        })
    };
    let online = {
        let inner = Rc::downgrade(inner);
        listener(move |_| {
            if let Some(inner) = inner.upgrade() {
                inner.failures.set(0);
                open(&inner);
            }
        })
    };
    let _ = window.add_event_listener_with_callback("offline", offline.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    // These live as long as the page; the socket's own handlers are replaced on each connection.
    offline.forget();
    online.forget();
}
