//! The latest sends and resets, newest first: to whom, what it was, and where it stands
//! (sent, delivered, read, not delivered, refused).

use std::rc::Rc;

use yew::prelude::*;

use crate::view::demo::LogEntry;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The latest entries, newest first.
    pub entries: Rc<[LogEntry]>,
    /// Said while there are none.
    pub empty: Option<Rc<str>>,
}

#[function_component]
pub fn MessageLog(props: &Props) -> Html {
    let items = props.entries.iter().map(|entry| match entry {
        LogEntry::Send {
            key,
            iso,
            day,
            outcome,
            status_id,
            seat,
            recipient,
            what,
            status,
            replied,
        } => html! {
            <li key={key.clone()} class="log-entry" data-outcome={*outcome} data-status={*status_id}
                data-seat={seat.as_ref().map(|(n, _)| n.to_string())}>
                <time datetime={iso.clone()}>{ day.clone() }</time>
                if let Some((_, seat)) = seat { <span class="log-seat">{ seat.clone() }</span> }
                <span class="log-recipient">{ recipient.clone() }</span>
                <span class="log-what">{ what.clone() }</span>
                <span class={classes!("status", *status_id)}>{ status.clone() }</span>
                if let Some(replied) = replied {
                    <span class="badge subtle">{ replied.clone() }</span>
                }
            </li>
        },
        LogEntry::Reset {
            key,
            iso,
            day,
            title,
            detail,
        } => html! {
            <li key={key.clone()} class="log-event" data-testid="reset-event">
                <time datetime={iso.clone()}>{ day.clone() }</time>
                <strong>{ title.clone() }</strong>{ detail.clone() }
            </li>
        },
        LogEntry::Credits {
            key,
            iso,
            day,
            kind,
            credits,
            text,
        } => html! {
            <li key={key.clone()} class="log-event" data-testid="credits-event" data-kind={*kind}
                data-credits={credits.to_string()}>
                <time datetime={iso.clone()}>{ day.clone() }</time>
                { text.clone() }
            </li>
        },
    });
    html! {
        <>
            if let Some(empty) = &props.empty {
                <p class="muted">{ empty.clone() }</p>
            }
            <ol class="message-log" data-testid="message-log">{ for items }</ol>
        </>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::{Action, PlayerAction, SendAction};
    use crate::ui::testing::{render, widget, words_of};
    use crate::view::demo::{demo, DemoInput};

    #[test]
    fn the_latest_first_a_reset_among_them() {
        let mut w = widget();
        let render_log = |w: &crate::state::Widget| {
            let s = w.summary();
            let log = demo(&DemoInput::of(w, s.sent, s.remaining, true), &words_of(w)).log;
            render(html! { <MessageLog entries={log.entries} empty={log.empty} /> })
        };
        assert_eq!(render_log(&w).count("p.muted"), 1, "nothing sent yet");
        w.apply(Action::Send(SendAction::Send));
        w.apply(Action::Player(PlayerAction::JumpToReset));
        w.apply(Action::Send(SendAction::SetRecipient(
            crate::engine::send::Recipient::Group,
        )));
        w.apply(Action::Send(SendAction::Send));
        let page = render_log(&w);
        assert_eq!(page.count("p.muted"), 0);
        let outcomes: Vec<String> = page.texts("[data-testid=message-log] > li");
        assert_eq!(outcomes.len(), 3);
        assert!(outcomes[0].contains("Refused"), "{outcomes:?}");
        assert_eq!(page.count("li[data-testid=reset-event]"), 1);
    }
}
