//! The upgrade pop-up, while a send is blocked: the limit is reached and when it resets,
//! and every way to unblock the send by what the month costs in all once it is chosen, the
//! cheapest first and marked.

use std::rc::Rc;

use crate::engine::bill::Billing;
use crate::engine::rules::RuleSet;
use crate::engine::send::{apply_unblock, Blocked, Limit, Unblock, UnblockOption};
use crate::host::checkout::{CheckoutSource, Purchase};
use crate::host::params::Choices;
use crate::state::Widget;
use crate::text::{key, I18n};

use super::{checkout, pieces, CheckoutView, Piece};

/// What the pop-up reads of the state.
#[derive(Clone, Debug, PartialEq)]
pub struct DialogInput {
    pub blocked: Option<Rc<Blocked>>,
    /// The rules in the widget's currency.
    pub rules: Rc<RuleSet>,
    /// The choices the send was blocked under: each way to unblock changes them.
    pub choices: Choices,
    /// The page's `checkout-url`.
    pub checkout_url: Option<Rc<str>>,
    /// The tier of the plan the visitor already pays for, where the page says.
    pub from_tier: Option<String>,
}

impl DialogInput {
    pub fn of(w: &Widget, priced: &Rc<RuleSet>) -> DialogInput {
        DialogInput {
            blocked: w.send.dialog.clone(),
            rules: priced.clone(),
            choices: w.choices.clone(),
            checkout_url: w.page.checkout_url.as_deref().map(Rc::from),
            from_tier: w.current_plan().map(|c| c.tier_id),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogView {
    pub heading: Rc<str>,
    pub close: Rc<str>,
    /// What the open pop-up says; `None` while it is closed.
    pub body: Option<DialogBody>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogBody {
    /// Why the send was stopped and when the allowance resets; `not-delivered` is a slot.
    pub intro: Vec<Piece>,
    pub options: Vec<OptionView>,
    /// Said when the rules offer no way.
    pub none: Option<Rc<str>>,
}

/// One way to unblock the send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionView {
    pub option: UnblockOption,
    /// `upgrade-option-{tier}` or `upgrade-option-addon-{size}`.
    pub testid: String,
    pub label: String,
    /// What the month costs in all once it is chosen.
    pub total: String,
    /// What it gives and what it costs itself.
    pub detail: String,
    pub cheapest: Option<Rc<str>>,
    /// The link to buy the plan it makes.
    pub checkout: Option<CheckoutView>,
}

/// An option's name in test ids: the tier's id, `addon-{size}`, or `seats`.
fn option_id(unblock: &Unblock) -> String {
    match unblock {
        Unblock::Tier(id) => id.clone(),
        Unblock::Bundle(size) => format!("addon-{size}"),
        Unblock::Seats(_) => "seats".to_owned(),
    }
}

/// The pop-up as it shows.
pub fn dialog(input: &DialogInput, t: &I18n) -> DialogView {
    DialogView {
        heading: t.text(key::DIALOG_HEADING),
        close: t.text(key::DIALOG_CLOSE),
        body: input.blocked.as_ref().map(|b| body(input, b, t)),
    }
}

fn body(input: &DialogInput, b: &Blocked, t: &I18n) -> DialogBody {
    // Which limit was met: the team's (or the account's), the seats' cap, or one seat's own.
    let body = match (b.seat, b.limit) {
        (Some(_), Limit::SeatCap { .. }) => key::DIALOG_BODY_SEAT_CAP,
        (Some(_), _) => key::DIALOG_BODY_SEAT,
        (None, Limit::SeatCap { .. }) => key::DIALOG_BODY_CAP,
        (None, _) => key::DIALOG_BODY,
    };
    let intro = pieces(&t.template(body, None), &|name| match name {
        "allowance" => Some(Piece::Text(t.count(b.allowance))),
        "cap" => match b.limit {
            Limit::SeatCap { cap } => Some(Piece::Text(t.count(cap))),
            Limit::Allowance | Limit::SeatAllowance { .. } => None,
        },
        "seat" => b.seat.map(|seat| Piece::Text(t.count(seat))),
        "not-delivered" => Some(Piece::Slot(
            "not-delivered",
            t.text(key::DIALOG_NOT_DELIVERED).to_string(),
        )),
        "date" => Some(Piece::Text(t.date(b.reset))),
        "days" => Some(Piece::Text(t.plural(
            key::UNITS_DAYS_LEFT,
            b.days_left,
            &[],
        ))),
        _ => None,
    });
    let (rules, billing) = (&input.rules, input.choices.billing);
    let options = b
        .options
        .iter()
        .map(|o| {
            let id = option_id(&o.unblock);
            // What the visitor pays in all is the figure that leads; what the option itself
            // costs follows.
            let total = match billing {
                Billing::Monthly => {
                    t.fill(key::DIALOG_TOTAL, &[("total", &t.money(o.new_total_cents))])
                }
                Billing::Quarterly => t.fill(
                    key::DIALOG_TOTAL_QUARTERLY,
                    &[
                        ("total", &t.money(o.new_total_cents)),
                        ("quarter", &t.money(o.new_period_cents)),
                    ],
                ),
                Billing::Yearly => t.fill(
                    key::DIALOG_TOTAL_YEARLY,
                    &[
                        ("total", &t.money(o.new_total_cents)),
                        ("year", &t.money(o.new_year_cents)),
                    ],
                ),
            };
            let detail = match &o.unblock {
                Unblock::Tier(_) => key::DIALOG_DETAIL_TIER,
                Unblock::Bundle(_) => key::DIALOG_DETAIL_BUNDLE,
                Unblock::Seats(_) => key::DIALOG_DETAIL_SEAT,
            };
            let mut selection = input.choices.selection.clone();
            apply_unblock(&mut selection, &o.unblock);
            let purchase = Purchase {
                selection: selection.as_billed(rules),
                billing,
                currency: rules.currency,
                month_cents: o.new_total_cents,
                year_cents: o.new_year_cents,
                charge: o.new_charge,
                promotion: input.choices.promotion.clone().filter(|_| o.promoted),
                from_tier: input.from_tier.clone(),
            };
            OptionView {
                option: o.clone(),
                testid: format!("upgrade-option-{id}"),
                label: t.unblock(&o.unblock, rules),
                total,
                detail: t.fill(
                    detail,
                    &[
                        ("messages", &t.count(o.new_allowance)),
                        ("price", &t.money(o.price_cents)),
                    ],
                ),
                cheapest: o.cheapest.then(|| t.text(key::BADGE_CHEAPEST)),
                // Buying it, beside choosing it (a link may not sit inside a button).
                checkout: checkout(
                    t,
                    input.checkout_url.as_deref(),
                    rules,
                    purchase,
                    CheckoutSource::PopUp,
                    format!("upgrade-checkout-{id}"),
                ),
            }
        })
        .collect();
    DialogBody {
        intro,
        options,
        none: b.options.is_empty().then(|| t.text(key::DIALOG_NONE)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;
    use crate::state::{initial_widget, Action, Edit, Field, Init, SendAction};
    use crate::view::words;

    fn blocked() -> Widget {
        let mut w = initial_widget(Init {
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        });
        w.apply(Action::Field(Field::Sent, Edit::Set(15)));
        w.apply(Action::Send(SendAction::Send));
        w
    }

    #[test]
    fn every_way_to_unblock_by_the_month_in_all_the_cheapest_first() {
        let w = blocked();
        let view = dialog(&DialogInput::of(&w, &Rc::new(w.priced())), &words());
        let body = view.body.expect("open");
        assert_eq!(
            body.intro,
            [
                Piece::Text(
                    "You have used all 15 messages of this month's allowance, so your message was "
                        .into()
                ),
                Piece::Slot("not-delivered", "not delivered".into()),
                Piece::Text(
                    ". The allowance resets on Sun, Feb 1, 2026 (12 days left). To send now:"
                        .into()
                ),
            ]
        );
        let first = &body.options[0];
        assert_eq!(
            (
                first.testid.as_str(),
                first.total.as_str(),
                first.cheapest.as_deref()
            ),
            (
                "upgrade-option-addon-25",
                "$14.99/mo in all",
                Some("Cheapest")
            )
        );
        assert!(body.options[1..].iter().all(|o| o.cheapest.is_none()));
        assert!(
            body.options.iter().all(|o| o.checkout.is_none()),
            "no checkout URL"
        );
        assert_eq!(body.none, None);
    }

    #[test]
    fn closed_it_says_nothing_but_its_heading() {
        let mut w = blocked();
        w.apply(Action::Send(SendAction::CloseDialog));
        let view = dialog(&DialogInput::of(&w, &Rc::new(w.priced())), &words());
        assert_eq!(view.body, None);
        assert_eq!(&*view.heading, "Monthly message limit reached");
    }
}
