//! A message whose placeholders are elements, not text: `Allowance resets on {date}`, where
//! `{date}` is a `<time>`. The words stay in the catalogue, in the translator's order; the
//! elements come from the component. Plain text parts become text nodes, so nothing in a
//! message is ever read as markup.

use yew::prelude::*;

/// Renders `template`, each `{name}` replaced by `part(name)` (or left as written when
/// `part` has nothing for it).
pub fn rich(template: &str, part: impl Fn(&str) -> Option<Html>) -> Html {
    let mut nodes: Vec<Html> = Vec::with_capacity(5);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        match part(name) {
            Some(node) => {
                if open > 0 {
                    nodes.push(Html::from(rest[..open].to_owned()));
                }
                nodes.push(node);
            }
            None => nodes.push(Html::from(rest[..open + close + 2].to_owned())),
        }
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        nodes.push(Html::from(rest.to_owned()));
    }
    nodes.into_iter().collect::<Html>()
}
