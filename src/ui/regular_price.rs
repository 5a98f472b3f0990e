//! A regular price a promotion lowers, wherever a price shows (a tier's card, a cost line,
//! the total, a comparison row).

use yew::prelude::*;

/// A regular price a promotion lowers: struck through, and said as what it is.
pub fn regular(amount: &Option<String>, words: &str) -> Html {
    match amount {
        Some(amount) => html! {
            <><del class="regular-price"><span class="visually-hidden">{ words.to_owned() }{ " " }</span>{ amount.clone() }</del>{ " " }</>
        },
        None => Html::default(),
    }
}
