//! The warm-up of a visitor's first input, in the view layer: the reducer never sees it.
//!
//! A first input otherwise pays for the wasm's first run of each function it takes (V8
//! compiles wasm functions on their first call; scripts/bench.sh measures the first input and
//! later ones). Once the widget has appeared and the browser has painted it, the hook applies
//! a first input (another tier, a typed count) to a copy of the state with the same reducer
//! and works out that copy's summary and calculator view as any state's are, then drops
//! them. Nothing of it is rendered: Yew's scheduler may let the browser paint between a
//! render and its effects, so a state rendered for warming up could be seen, with another
//! plan's figures.

use std::rc::Rc;

use yew::prelude::*;

use super::schedule::after_paint;
use crate::state::{Action, Edit, Field, PlanAction, Widget};
use crate::text::I18n;
use crate::view::calculator::{calculator, CalculatorInput};

/// A first input, applied to a copy of `state`: another tier and a typed count.
fn first_input(state: &Widget) -> Widget {
    let mut copy = state.clone();
    let other = copy
        .rules
        .set
        .tiers
        .iter()
        .find(|t| t.id != copy.choices.selection.tier_id)
        .map(|t| t.id.clone());
    if let Some(tier) = other {
        copy.apply(Action::Plan(PlanAction::SelectTier(tier)));
    }
    let sent = copy.month.usage.sent;
    copy.apply(Action::Field(
        Field::Sent,
        Edit::Type((sent + 1).to_string()),
    ));
    copy
}

/// What a first input costs beyond the reducer: the summary and the calculator's view.
fn work_out(state: &Widget, words: &I18n) {
    let priced = Rc::new(state.priced());
    let summary = Rc::new(state.summary());
    drop(calculator(
        &CalculatorInput::of(state, &priced, &summary, true),
        words,
    ));
}

/// Once the widget has `appeared` (all its parts shown) and been painted, runs a first input
/// on a copy of the latest state, in a task of its own.
#[hook]
pub fn use_warm_up(appeared: bool, state: Rc<Widget>, words: I18n) {
    let latest = use_mut_ref(|| (state.clone(), words.clone()));
    *latest.borrow_mut() = (state, words);
    use_effect_with(appeared, move |&appeared| {
        let start = appeared.then(|| {
            after_paint(move || {
                let (state, words) = latest.borrow().clone();
                work_out(&first_input(&state), &words);
            })
        });
        move || drop(start)
    });
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::{initial_widget, Init};

    #[test]
    fn the_warm_up_is_a_first_input_and_the_state_is_untouched() {
        let state = initial_widget(Init::default());
        let before = state.clone();
        let copy = first_input(&state);
        assert_ne!(
            copy.choices.selection.tier_id,
            state.choices.selection.tier_id
        );
        assert_eq!(copy.month.usage.sent, state.month.usage.sent + 1);
        work_out(&copy, &crate::view::words());
        assert_eq!(state, before);
    }
}
