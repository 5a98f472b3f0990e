//! The warm-up of a visitor's first input, in the view layer: the reducer never sees it.
//!
//! A first input otherwise pays for the wasm's first run of each function it takes (V8
//! compiles wasm functions on their first call; scripts/bench.sh measures the first input and
//! later ones). Once the widget has appeared and the browser has painted it, the hook applies
//! a first input (another tier, a typed count) to a copy of the state with the same reducer
//! and works out that copy's summary as any state's is, then drops both. Nothing of it is
//! rendered: Yew's scheduler may let the browser paint between a render and its effects, so a
//! state rendered for warming up could be seen, with another plan's figures.

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

/// Once the widget has `appeared` (all its parts shown) and been painted, runs a first input
/// on a copy of the latest state, in a task of its own.
#[hook]
pub fn use_warm_up(appeared: bool, state: std::rc::Rc<Widget>) {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state;
    use_effect_with(appeared, move |&appeared| {
        let start = appeared.then(|| {
            after_paint(move || {
                let copy = first_input(&latest.borrow());
                drop(copy.summary());
            })
        });
        move || drop(start)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{initial_widget, Init};

    #[test]
    fn the_warm_up_is_a_first_input_and_the_state_is_untouched() {
        let state = initial_widget(Init::default());
        let before = state.clone();
        let copy = first_input(&state);
        assert_ne!(copy.selection.tier_id, state.selection.tier_id);
        assert_eq!(copy.month.usage.sent, state.month.usage.sent + 1);
        assert_eq!(state, before);
    }
}
