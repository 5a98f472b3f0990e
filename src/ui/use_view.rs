//! A section's view model as a hook: worked out once per change of the section's input or
//! its words, so a change elsewhere in the widget costs the section nothing.

use std::rc::Rc;

use yew::prelude::*;

use crate::text::I18n;

/// `view` of `input` in `words`, memoised on both.
#[hook]
pub fn use_view<I, V>(input: &I, words: &I18n, view: fn(&I, &I18n) -> V) -> Rc<V>
where
    I: Clone + PartialEq + 'static,
    V: 'static,
{
    use_memo((input.clone(), words.clone()), move |(input, words)| {
        view(input, words)
    })
}
