//! A sentence whose placeholders are elements (`Resets on {date}`, where `{date}` is a
//! `<time>`), from its view model's pieces: the words stay in the translator's order, and
//! plain text becomes text nodes, so nothing in a message is ever read as markup.

use yew::prelude::*;

use crate::view::Piece;

/// The pieces, each drawn by `draw`.
pub fn rich(pieces: &[Piece], draw: impl Fn(&Piece) -> Html) -> Html {
    pieces.iter().map(draw).collect::<Html>()
}
