//! The vendored crates' patches that can be checked natively (the others are checked where
//! they show, in the browser tests; docs/decisions.md lists each).

use yew::virtual_dom::ListenerKind;

/// yew's listener kinds name their DOM event from one table (vendor/yew listeners.rs).
#[test]
fn listener_kinds_name_their_event() {
    assert_eq!(ListenerKind::onclick.type_name(), "click");
    assert_eq!(ListenerKind::onpointerdown.type_name(), "pointerdown");
    assert_eq!(ListenerKind::oninput.type_name(), "input");
    assert_eq!(
        ListenerKind::other("mq-change".into()).type_name(),
        "mq-change"
    );
}
