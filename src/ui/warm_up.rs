//! The warm-up of a visitor's first input, in the view layer: the reducer never sees it.
//!
//! A first input otherwise pays for the wasm's first run of each function it takes (about
//! twice its later cost at 4x CPU slowdown; scripts/bench.sh measures both). Once the widget
//! has appeared and the browser has painted it, when nothing in it has focus, the view
//! renders a stand-in: a copy of the state with a first input applied (another tier, a typed
//! count) by the same reducer, its summary computed as any state's is. The next effect drops
//! it, so the view is back to the visitor's state before the browser paints. Only the view
//! renders the stand-in: the host's events, the URL and the saved state follow the reducer's
//! state, which the stand-in never touches.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::schedule::after_paint;
use crate::state::{Action, Count, Widget};

/// A first input, applied to a copy of `state`: another tier and a typed count.
fn first_input(state: &Widget) -> Widget {
    let mut copy = state.clone();
    let other = copy
        .rules
        .tiers
        .iter()
        .find(|t| t.id != copy.selection.tier_id)
        .map(|t| t.id.clone());
    if let Some(tier) = other {
        copy.apply(Action::SelectTier(tier));
    }
    let sent = copy.month.usage.sent;
    copy.apply(Action::TypeCount(Count::Sent, (sent + 1).to_string()));
    copy
}

/// The state the view shows instead of `state` for one render, once the widget has
/// `appeared` (all its parts shown); `None` the rest of the time.
#[hook]
pub fn use_warm_up(appeared: bool, host: Element, state: Rc<Widget>) -> Option<Rc<Widget>> {
    let stand_in = use_state(|| None::<Rc<Widget>>);
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state;
    {
        let stand_in = stand_in.clone();
        use_effect_with(appeared, move |&appeared| {
            let start = appeared.then(|| {
                after_paint(move || {
                    let focused = host.shadow_root().and_then(|r| r.active_element());
                    if focused.is_none() {
                        let state = latest.borrow().clone();
                        stand_in.set(Some(Rc::new(first_input(&state))));
                    }
                })
            });
            move || drop(start)
        });
    }
    {
        let stand_in = stand_in.clone();
        use_effect_with(stand_in.is_some(), move |&shown| {
            if shown {
                stand_in.set(None);
            }
        });
    }
    (*stand_in).clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{initial_widget, Init};

    #[test]
    fn the_stand_in_is_a_first_input_and_the_state_is_untouched() {
        let state = initial_widget(Init::default());
        let before = state.clone();
        let copy = first_input(&state);
        assert_ne!(copy.selection.tier_id, state.selection.tier_id);
        assert_eq!(copy.month.usage.sent, state.month.usage.sent + 1);
        assert_eq!(state, before);
    }
}
