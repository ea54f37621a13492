//! `Built`: a view made of DOM nodes built by our own code, handed to Leptos whole; for the
//! reader's static parts (a loading skeleton, a problem list, the title card, the open event).
//!
//! Why: every distinct `view!` shape monomorphises its own copy of Leptos' renderer (build,
//! rebuild, drop), and those copies are most of the reader's download. `Built` is one type, so
//! all views made this way share one small copy. Its nodes are created only when Leptos mounts
//! it (the recipe is `Send`, the nodes are not), and a new `Built` in the same place replaces the
//! old one whole (built anew, never patched, so no rebuild code is compiled for it): these views
//! never change once shown, or change only through effects of their own.

use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::{
    add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml,
};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent, Node};

/// The namespace SVG elements are created in (`Dom::create_element("path", Some(SVG_NAMESPACE))`).
pub const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// What a recipe builds: the root element, and the click handler that lives as long as it is
/// shown (one listener on the root, which sees clicks on everything inside).
pub struct Nodes {
    pub root: Element,
    pub on_click: Option<Box<dyn FnMut(MouseEvent)>>,
}

impl Nodes {
    /// Nodes without a listener.
    pub fn plain(root: Element) -> Nodes {
        Nodes {
            root,
            on_click: None,
        }
    }
}

type Recipe = Box<dyn FnOnce() -> Option<Nodes> + Send>;

/// A view whose nodes `recipe` builds when it is mounted.
pub struct Built(Recipe);

impl Built {
    pub fn new(recipe: impl FnOnce() -> Option<Nodes> + Send + 'static) -> Built {
        Built(Box::new(recipe))
    }
}

/// The shown nodes, and the listener kept alive with them.
pub struct BuiltState {
    root: Option<Element>,
    _listener: Option<Closure<dyn FnMut(MouseEvent)>>,
}

impl Render for Built {
    type State = BuiltState;

    fn build(self) -> BuiltState {
        let Some(Nodes { root, on_click }) = (self.0)() else {
            return BuiltState {
                root: None,
                _listener: None,
            };
        };
        // Signals written by the handler wake their effects, which run in their own owners.
        let listener = on_click.map(|handler| {
            let listener = Closure::wrap(handler);
            let _ =
                root.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
            listener
        });
        BuiltState {
            root: Some(root),
            _listener: listener,
        }
    }

    fn rebuild(self, state: &mut BuiltState) {
        let mut old = std::mem::replace(state, self.build());
        old.insert_before_this(state);
        old.unmount();
    }
}

impl Mountable for BuiltState {
    fn unmount(&mut self) {
        if let Some(root) = &self.root {
            root.remove();
        }
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        if let Some(root) = &self.root {
            let _ = parent.insert_before(root, marker);
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match self.root.as_ref().and_then(|root| root.parent_element()) {
            Some(parent) => {
                child.mount(&parent, self.root.as_deref());
                true
            }
            None => false,
        }
    }

    fn elements(&self) -> Vec<Element> {
        self.root.iter().cloned().collect()
    }
}

// Attributes spread onto a component are not used with these views.
impl AddAnyAttr for Built {
    type Output<SomeNewAttr: Attribute> = Built;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Built
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        self
    }
}

// Server rendering and hydration never happen: the reader renders in the browser.
impl RenderHtml for Built {
    type AsyncOutput = Built;
    type Owned = Built;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Built {
        self
    }

    fn to_html_with_buf(
        self,
        _buf: &mut String,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        _buf: &mut StreamBuilder,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) where
        Self: Sized,
    {
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> BuiltState {
        self.build()
    }

    fn into_owned(self) -> Built {
        self
    }
}

/// Builds `view` at the end of `parent`: how a part still made by Leptos sits among built nodes.
/// What it returns keeps the view's reactive parts alive.
pub fn mount_into<V: Render>(view: V, parent: &Element) -> V::State {
    let mut state = view.build();
    state.mount(parent, None);
    state
}

/// The element an event came from, or its nearest ancestor, that matches `selector`: how one
/// listener on a container tells which of its parts was pressed.
pub fn closest_of(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}
