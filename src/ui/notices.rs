//! Notices about input the widget could not use and what it could not do, with a Dismiss
//! button; a notice with a way on has its button beside it (load another tab's plan, fetch
//! a language again). What a reader said of a text it could not read goes to the console.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::console::{console_words, warn_once};
use crate::state::Notice;
use crate::view::notices::{NoticesView, WayOn};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: Rc<NoticesView>,
    /// The notices themselves, for the console.
    pub notices: Rc<[Notice]>,
    pub on_way: Callback<WayOn>,
    pub on_dismiss: Callback<()>,
}

/// What a JSON reader said of a text it could not read, in the console once: it quotes the
/// text and differs between browsers, so the notice itself says it in the widget's words.
#[hook]
fn use_parser_details(notices: Rc<[Notice]>) {
    use_effect_with(notices, |notices| {
        let details: Vec<String> = notices
            .iter()
            .filter_map(|n| {
                let detail = n.parser_detail()?;
                Some(format!(
                    "{} (the JSON reader said: {detail})",
                    console_words().notice(n)
                ))
            })
            .collect();
        warn_once(&details);
    });
}

#[function_component]
pub fn Notices(props: &Props) -> Html {
    use_parser_details(props.notices.clone());
    let v = &*props.view;
    if v.notices.is_empty() {
        return Html::default();
    }
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    let items = v.notices.iter().map(|n| {
        let way_on = n.way_on.as_ref().map(|w| {
            let way = w.way.clone();
            let onclick = props.on_way.reform(move |_: MouseEvent| way.clone());
            html! {
                <button type="button" class="button link" data-testid={w.testid} {onclick}>{ w.label.clone() }</button>
            }
        });
        html! { <li>{ n.text.clone() }{ way_on }</li> }
    });
    html! {
        <div class="notices" role="status" data-testid="input-notice">
            <ul>{ for items }</ul>
            <button type="button" class="button link" {onclick}>{ v.dismiss.clone() }</button>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::StorageRefusal;
    use crate::ui::testing::render;
    use crate::view::notices::notices;
    use crate::view::words;

    #[test]
    fn each_notice_with_its_way_on_and_one_dismiss() {
        let shown: Rc<[Notice]> = Rc::new([
            Notice::StorageRefused(StorageRefusal::Full),
            Notice::StorageRefused(StorageRefusal::Forbidden),
            Notice::LanguageUnavailable {
                language: "Deutsch".into(),
            },
        ]);
        let view = Rc::new(notices(&shown, &words()));
        let page = render(html! {
            <Notices {view} notices={shown} on_way={Callback::noop()} on_dismiss={Callback::noop()} />
        });
        assert_eq!(page.count("[data-testid=input-notice][role=status] li"), 3);
        assert_eq!(page.text("language-retry"), "Try again");
        assert_eq!(
            page.texts("[data-testid=input-notice] > button"),
            ["Dismiss"]
        );
        let none = Rc::new(notices(&Rc::<[Notice]>::from([]), &words()));
        let empty = render(html! {
            <Notices view={none} notices={Rc::<[Notice]>::from([])} on_way={Callback::noop()} on_dismiss={Callback::noop()} />
        });
        assert_eq!(empty.count("[data-testid=input-notice]"), 0);
    }
}
