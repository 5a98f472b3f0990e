//! The calculator: how the plan is paid for, the tiers, the add-ons and this period's
//! usage; this month's results (allowance, what is left, InMail, the cost line by line,
//! when it resets); and the send preview.

use std::rc::Rc;

use crate::engine::bill::{bill, block_price, bundle_price, tier_price, unit_line, Billing};
use crate::engine::credits::Expiry;
use crate::engine::currency::Currency;
use crate::engine::period::iso_date;
use crate::engine::plan::{Selection, Usage};
use crate::engine::rules::{RuleSet, Tier};
use crate::engine::send::{Recipient, Refusal};
use crate::engine::summary::{Level, Summary, WARNING_PERCENT};
use crate::engine::tax::TaxMode;
use crate::host::checkout::{CheckoutSource, Purchase};
use crate::host::events::level_id;
use crate::host::params::Choices;
use crate::host::parts::Part;
use crate::state::{Field, FieldDraft, LastSend, Sending, Widget};
use crate::text::{key, I18n, Key, Texts};

use super::change::{plan_change, PlanChange};
use super::price::{self, ContactView};
use super::{
    checkout, mark, pieces, CheckoutView, Choice, FieldView, Highlight, Piece, SelectView,
};

/// What the calculator reads of the state.
#[derive(Clone, Debug, PartialEq)]
pub struct CalculatorInput {
    /// The rules in the widget's currency.
    pub rules: Rc<RuleSet>,
    /// Every currency the rules are priced in.
    pub currencies: Rc<[Currency]>,
    pub choices: Choices,
    /// This month's summary (the one the events carry).
    pub summary: Rc<Summary>,
    pub send: Sending,
    /// What was typed into the calculator's fields.
    pub drafts: Rc<[FieldDraft]>,
    pub highlight: Highlight,
    /// The page's `checkout-url`.
    pub checkout_url: Option<Rc<str>>,
    /// Whether the day is the visitor's: drawn ahead of the page without a `today`, it is
    /// not, and what depends on it is drawn unseen until the widget is alive.
    pub day_known: bool,
    /// The next InMail credits to expire soon, before the reset.
    pub expiring: Option<Expiry>,
    /// The plan the visitor already pays for, where the page says.
    pub current: Option<Selection>,
}

impl CalculatorInput {
    /// What the calculator reads of `w`, whose rules in its currency are `priced` and whose
    /// summary is `summary`.
    pub fn of(
        w: &Widget,
        priced: &Rc<RuleSet>,
        summary: &Rc<Summary>,
        day_known: bool,
    ) -> CalculatorInput {
        CalculatorInput {
            rules: priced.clone(),
            currencies: w.rules.set.currencies().into(),
            choices: w.choices.clone(),
            summary: summary.clone(),
            send: w.send.clone(),
            drafts: w.drafts.of_part(Part::Calculator),
            highlight: w.highlighted(),
            checkout_url: w.page.checkout_url.as_deref().map(Rc::from),
            day_known,
            expiring: w
                .month
                .expiring_soon(crate::state::context(priced, &w.choices)),
            current: w.current_plan(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalculatorView {
    pub heading: Rc<str>,
    pub pricing: Rc<PricingView>,
    pub tiers: Rc<TiersView>,
    /// The seats, where the chosen tier is sold by the seat.
    pub seats: Option<SeatsView>,
    pub addons: AddonsView,
    pub usage: UsageView,
    pub results: Rc<ResultsView>,
    pub send: Rc<SendView>,
    /// The month's cost kept in sight while the plan changes, on narrow screens.
    pub sticky: Rc<StickyView>,
}

/// How the plan is paid for, and in which currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PricingView {
    /// Each billing period the rules sell, when they sell more than monthly.
    pub billing: Option<BillingSwitch>,
    /// With tax or before it, when the prices state a tax.
    pub tax: Option<TaxSwitch>,
    /// The currency, when the rules are priced in more than one.
    pub currency: Option<SelectView>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxSwitch {
    pub legend: Rc<str>,
    /// Each way to show amounts: which, its words, and whether it is the one in use.
    pub options: Vec<(TaxMode, String, bool)>,
}

/// The month's cost, kept in sight: its words, its amount, and the link to the details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StickyView {
    pub total: String,
    pub cents: u64,
    /// Under quarterly or yearly billing, what the first period costs.
    pub period: Option<String>,
    pub see: Rc<str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillingSwitch {
    pub legend: Rc<str>,
    /// Each way to pay: how, its words, and whether it is the one in use.
    pub options: Vec<(Billing, Rc<str>, bool)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TiersView {
    pub legend: Rc<str>,
    pub tiers: Vec<TierOption>,
    /// "Regular price", said before a struck-through price.
    pub regular: Rc<str>,
}

/// One tier as the picker offers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierOption {
    pub id: String,
    pub name: String,
    pub checked: bool,
    /// The mark of the highlighted tier.
    pub mark: Option<String>,
    /// Its price a month, as billed (after a promotion), or "Price on request".
    pub price: String,
    pub price_cents: u64,
    /// The regular price, struck through, where a promotion lowers it.
    pub list_price: Option<String>,
    pub per_month: Rc<str>,
    /// Under quarterly or yearly billing, how it is billed: by the period, or still monthly.
    pub billed: Option<String>,
    /// What the price holds of the tax: "incl. VAT", "plus 19 % VAT".
    pub tax_note: Option<String>,
    /// Sold through sales: its link, in place of a choice and a price.
    pub contact: Option<ContactView>,
    pub trial: Option<String>,
    /// Its messages and InMail credits.
    pub detail: String,
    pub features: Option<String>,
    /// Against the plan the visitor already pays for: "Your plan", an upgrade or a downgrade.
    pub change: Option<PlanChange>,
}

/// The seat count of a tier sold by the seat, and the seats it is sold for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatsView {
    pub field: FieldView,
    pub hint: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddonsView {
    pub legend: Rc<str>,
    pub hint: Rc<str>,
    /// Said when the rules sell no bundles.
    pub none: Option<Rc<str>>,
    pub fields: Vec<FieldView>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageView {
    pub legend: Rc<str>,
    /// InMail blocks, messages sent, InMails sent.
    pub fields: Vec<FieldView>,
    pub reset_day: SelectView,
}

/// One of the three figures: allowance, left, InMail credits left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub label: Rc<str>,
    pub value: String,
    pub unit: String,
    pub testid: &'static str,
}

/// A line of the cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostLineView {
    pub label: String,
    /// Under quarterly or yearly billing, how it is paid.
    pub billed: Option<String>,
    pub amount: String,
    /// The regular amount, struck through, where a promotion lowers it.
    pub list_amount: Option<String>,
}

/// A figure row below the total: its words, the amount, and its minor units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmountRow {
    pub label: String,
    pub amount: String,
    pub cents: u64,
    pub testid: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsView {
    pub heading: Rc<str>,
    pub tier_name: String,
    pub tier_id: String,
    pub checkout: Option<CheckoutView>,
    pub figures: [Figure; 3],
    pub meter_label: Rc<str>,
    pub percent_used: u64,
    pub meter_value: String,
    pub meter_caption: String,
    /// `ok`, `warning` or `reached`.
    pub level: &'static str,
    /// The warning, once there is one.
    pub level_message: Option<String>,
    /// Until there is a warning, what will show in its place.
    pub level_hint: Option<String>,
    /// The InMail credits and sends (and a separator before the InMails paid one by one).
    pub inmail_line: String,
    /// InMails paid one by one: how many, and in words.
    pub pay_per: Option<(u64, String)>,
    pub cost_caption: Rc<str>,
    pub lines: Vec<CostLineView>,
    pub total_label: Rc<str>,
    pub total: String,
    pub total_cents: u64,
    /// The regular total, struck through, where a promotion lowers it.
    pub list_total: Option<String>,
    /// The tax: in the total ("Includes 19 % VAT"), or added to it with the total it makes.
    pub tax_rows: Vec<AmountRow>,
    /// Under quarterly billing, the quarter.
    pub quarter: Option<AmountRow>,
    /// At a reply rate, with InMails answered: the month per answered InMail.
    pub per_answered: Option<AmountRow>,
    /// The promotion taken: its id, and what it gives (or that it does not apply here).
    pub promotion: Option<(String, String)>,
    /// "Regular price", said before a struck-through amount.
    pub regular: Rc<str>,
    pub billing: Billing,
    pub currency: Currency,
    pub year_label: Rc<str>,
    pub year: String,
    pub year_cents: u64,
    /// A free trial: its days and words.
    pub trial: Option<(u64, String)>,
    /// What a longer billing period saves: in minor units, percent, and words.
    pub saving: Option<(u64, u64, String)>,
    /// "Allowance resets on {date} · {days} days left", with `date` and `days` as slots.
    pub reset: Vec<Piece>,
    pub reset_iso: String,
    /// Drawn for a day that may not be the visitor's: not to be seen until it is.
    pub provisional: bool,
}

/// What the last send did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeView {
    /// `delivered`, `inmail`, `refused` or `blocked`.
    pub id: &'static str,
    /// For an InMail: `offered` or `sent`.
    pub inmail: Option<&'static str>,
    pub title: Rc<str>,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendView {
    pub heading: Rc<str>,
    pub recipient: SelectView,
    pub send: Rc<str>,
    /// "Send as InMail", offered to a non-connection.
    pub send_inmail: Option<String>,
    pub outcome: Option<OutcomeView>,
}

/// The calculator as it shows.
pub fn calculator(input: &CalculatorInput, t: &I18n) -> CalculatorView {
    CalculatorView {
        heading: t.text(key::PLAN_HEADING),
        pricing: Rc::new(pricing(input, t)),
        tiers: Rc::new(tiers(input, t)),
        seats: seats(input, t),
        addons: addons(input, t),
        usage: usage(input, t),
        results: Rc::new(results(input, t)),
        send: Rc::new(send(input, t)),
        sticky: Rc::new(StickyView {
            total: t.fill(
                key::STICKY_TOTAL,
                &[("total", &t.money(input.summary.total_cents))],
            ),
            cents: input.summary.total_cents,
            period: price::billed(
                t,
                input.summary.bill.billing,
                input.summary.bill.billing.billed(),
                input.summary.bill.period_cents,
            ),
            see: t.text(key::STICKY_SEE),
        }),
    }
}

fn pricing(input: &CalculatorInput, t: &I18n) -> PricingView {
    let (rules, billing) = (&input.rules, input.choices.billing);
    let label = |b: Billing| -> Key {
        match b {
            Billing::Monthly => key::BILLING_MONTHLY,
            Billing::Quarterly => key::BILLING_QUARTERLY,
            Billing::Yearly => key::BILLING_YEARLY,
        }
    };
    let billings = rules.billings();
    let currencies = &input.currencies;
    let mode = input.choices.terms(rules).tax_mode(rules);
    PricingView {
        billing: (billings.len() > 1).then(|| BillingSwitch {
            legend: t.text(key::BILLING_LEGEND),
            options: billings
                .into_iter()
                .map(|b| (b, t.text(label(b)), b == billing))
                .collect(),
        }),
        tax: rules.tax.as_ref().map(|tax| TaxSwitch {
            legend: t.text(key::TAX_LEGEND),
            options: [
                (TaxMode::Inclusive, key::TAX_INCLUSIVE),
                (TaxMode::Exclusive, key::TAX_EXCLUSIVE),
            ]
            .into_iter()
            .map(|(m, k)| (m, t.fill(k, &[("tax", &tax.name)]), m == mode))
            .collect(),
        }),
        currency: (currencies.len() > 1).then(|| SelectView {
            label: t.text(key::CURRENCY_LABEL),
            testid: "currency",
            choices: currencies
                .iter()
                .map(|c| Choice::new(c.code(), c.code()))
                .collect(),
            selected: input.rules.currency.code().into(),
        }),
    }
}

fn tiers(input: &CalculatorInput, t: &I18n) -> TiersView {
    let (rules, billing) = (&input.rules, input.choices.billing);
    let terms = input.choices.terms(rules);
    // Each tier as the visitor's own plan would be on it, against that plan, each a bill.
    let unused = Usage::default();
    let today = input
        .current
        .as_ref()
        .map(|current| (current, bill(rules, current, &unused, terms).amounts()));
    let change = |tier: &Tier| {
        let (current, today) = today.as_ref()?;
        let on_tier = Selection {
            tier_id: tier.id.clone(),
            ..(*current).clone()
        };
        let plan = bill(rules, &on_tier, &unused, terms).amounts();
        plan_change(t, rules, current, &tier.id, plan, *today, billing)
    };
    let tiers = rules
        .tiers
        .iter()
        .map(|tier| {
            let credits = if tier.inmail_credits > 0 {
                t.plural(key::PLAN_TIER_CREDITS, tier.inmail_credits, &[])
            } else {
                String::new()
            };
            let features = t.tier_features(tier, rules);
            let contact = price::contact(t, tier);
            let change = if contact.is_none() {
                change(tier)
            } else {
                None
            };
            let line = unit_line(rules, tier_price(tier), terms, Some(tier));
            // Nothing to pay (or a price on request), nothing to bill.
            let priced = contact.is_none() && tier.price_cents > 0;
            let billed = priced
                .then(|| price::billed(t, billing, line.billed, line.period_cents))
                .flatten();
            TierOption {
                id: tier.id.clone(),
                name: tier.name.clone(),
                checked: input.choices.selection.tier_id == tier.id,
                mark: mark(&input.highlight, &tier.id, t),
                price: match &contact {
                    Some(_) => t.text(key::CONTACT_PRICE).to_string(),
                    None => t.money(line.cents),
                },
                price_cents: line.cents,
                list_price: line.list.filter(|_| priced).map(|l| t.money(l.month)),
                per_month: t.text(match tier.seats {
                    Some(_) => key::UNITS_PER_SEAT_MONTH,
                    None => key::UNITS_PER_MONTH,
                }),
                billed,
                tax_note: priced.then(|| price::tax_note(t, rules, terms)).flatten(),
                contact,
                trial: tier.trial_days.map(|d| t.plural(key::TRIAL_SHORT, d, &[])),
                detail: t.plural(key::PLAN_TIER_MESSAGES, tier.free_messages, &[]) + &credits,
                features: (!features.is_empty()).then_some(features),
                change,
            }
        })
        .collect();
    TiersView {
        legend: t.text(key::PLAN_TIERS),
        tiers,
        regular: t.text(key::PROMO_REGULAR),
    }
}

fn seats(input: &CalculatorInput, t: &I18n) -> Option<SeatsView> {
    let selection = &input.choices.selection;
    let range = input.rules.tier(&selection.tier_id)?.seats?;
    let count = selection.seats_on(&input.rules);
    let label = t.text(key::PLAN_SEATS);
    Some(SeatsView {
        field: FieldView::new(t, Field::Seats, label, Some(count), &input.drafts),
        hint: t.fill(
            key::PLAN_SEATS_RANGE,
            &[("min", &t.count(range.min)), ("max", &t.count(range.max))],
        ),
    })
}

fn addons(input: &CalculatorInput, t: &I18n) -> AddonsView {
    let rules = &input.rules;
    let terms = input.choices.terms(rules);
    let fields = rules
        .bundles
        .iter()
        .map(|b| {
            let price = t.money(unit_line(rules, bundle_price(b), terms, None).cents);
            let label = t.plural(key::ADDONS_BUNDLE, b.size, &[("price", &price)]);
            let count = input.choices.selection.addon_count(b.size);
            FieldView::new(t, Field::Addon(b.size), label, Some(count), &input.drafts)
        })
        .collect();
    AddonsView {
        legend: t.text(key::ADDONS_LEGEND),
        hint: t.text(key::ADDONS_HINT),
        none: rules.bundles.is_empty().then(|| t.text(key::ADDONS_NONE)),
        fields,
    }
}

/// The reset-day select's choices: the calendar month, or a day of the month.
fn billing_days(t: &Texts) -> Rc<[Choice]> {
    std::iter::once(Choice::new("1", t.text(key::BILLING_CALENDAR)))
        .chain((2..=31).map(|d| {
            Choice::new(
                d.to_string(),
                t.fill(key::BILLING_DAY, &[("day", &t.count(d))]),
            )
        }))
        .collect()
}

fn usage(input: &CalculatorInput, t: &I18n) -> UsageView {
    let rules = &input.rules;
    let s = &input.summary;
    let terms = input.choices.terms(rules);
    let price = t.money(unit_line(rules, block_price(rules), terms, None).cents);
    let blocks_label = t.plural(
        key::USAGE_BLOCKS,
        rules.inmail.block_size,
        &[("price", &price)],
    );
    let drafts = &input.drafts;
    let blocks = input.choices.selection.inmail_blocks;
    let fields = vec![
        FieldView::new(t, Field::InMailBlocks, blocks_label, Some(blocks), drafts),
        FieldView::new(
            t,
            Field::Sent,
            t.text(key::USAGE_SENT),
            Some(s.sent),
            drafts,
        ),
        FieldView::new(
            t,
            Field::InMailSent,
            t.text(key::USAGE_INMAIL_SENT),
            Some(s.inmail.sent),
            drafts,
        ),
    ];
    UsageView {
        legend: t.text(key::USAGE_LEGEND),
        fields,
        reset_day: SelectView {
            label: t.text(key::BILLING_LABEL),
            testid: "billing-day",
            choices: billing_days(t),
            selected: input.choices.period_rule.day().to_string().into(),
        },
    }
}

fn results(input: &CalculatorInput, t: &I18n) -> ResultsView {
    let s = &*input.summary;
    let level_message = match s.level {
        Level::Ok => None,
        Level::Warning => Some(t.fill(
            key::RESULTS_WARNING,
            &[
                ("percent", &t.format().percent(s.percent_used)),
                ("remaining", &t.count(s.remaining)),
            ],
        )),
        Level::Reached => Some(t.fill(key::RESULTS_REACHED, &[("date", &t.date(s.period.reset))])),
    };
    let i = s.inmail;
    let parts: Vec<String> = [
        (i.included, key::RESULTS_INMAIL_INCLUDED),
        (i.rolled_over, key::RESULTS_INMAIL_ROLLED_OVER),
        (i.from_blocks, key::RESULTS_INMAIL_FROM_BLOCKS),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, key)| t.plural(key, n, &[]))
    .collect();
    let sent = t.count(i.sent);
    let inmail_line = match parts.len() {
        0 if i.sent == 0 => t.text(key::RESULTS_INMAIL_NONE).to_string(),
        0 => t.plural(key::RESULTS_INMAIL_NONE_SENT, i.sent, &[]),
        1 => t.fill(
            key::RESULTS_INMAIL_ONE,
            &[("parts", &parts[0]), ("sent", &sent)],
        ),
        _ => t.fill(
            key::RESULTS_INMAIL,
            &[
                ("parts", &parts.join(" + ")),
                ("available", &t.count(i.available)),
                ("sent", &sent),
            ],
        ),
    };
    let inmail_line = if i.refunded > 0 {
        let back = t.plural(key::RESULTS_INMAIL_REFUNDED, i.refunded, &[]);
        format!("{inmail_line} · {back}")
    } else {
        inmail_line
    };
    let inmail_line = match &input.expiring {
        Some(e) => {
            let date = t.date(e.day);
            let soon = t.plural(key::RESULTS_INMAIL_EXPIRING, e.credits, &[("date", &date)]);
            format!("{inmail_line} · {soon}")
        }
        None => inmail_line,
    };
    let inmail_line = if i.pay_per_count > 0 {
        inmail_line + " · "
    } else {
        inmail_line
    };
    let (used, allowance) = (t.count(s.sent), t.count(s.allowance));
    let used_args = [("used", used.as_str()), ("allowance", allowance.as_str())];
    let percent = t.format().percent(s.percent_used);
    let bill = &s.bill;
    let lines = bill
        .lines
        .iter()
        .map(|line| CostLineView {
            label: t.charge(line.charge, &s.tier_name),
            billed: price::billed(t, s.billing, line.billed, line.period_cents),
            amount: t.money(line.cents),
            list_amount: line.list.map(|l| t.money(l.month)),
        })
        .collect();
    let rules = &input.rules;
    let row = |label: String, cents: u64, testid| AmountRow {
        label,
        amount: t.money(cents),
        cents,
        testid,
    };
    let tax_rows = match (&s.tax, bill.tax_mode) {
        (None, _) => Vec::new(),
        (Some(tax), mode) => {
            let args = [("tax", tax.name.as_str()), ("rate", &price::rate(t, rules))];
            match mode {
                TaxMode::Inclusive => vec![row(
                    t.fill(key::RESULTS_TAX_INCLUDED, &args),
                    bill.tax.month,
                    "tax-cost",
                )],
                TaxMode::Exclusive => vec![
                    row(
                        t.fill(key::RESULTS_TAX_ADDED, &args),
                        bill.tax.month,
                        "tax-cost",
                    ),
                    row(
                        t.fill(key::RESULTS_TOTAL_GROSS, &args),
                        bill.gross().month,
                        "gross-cost",
                    ),
                ],
            }
        }
    };
    let promotion = input.choices.promotion.as_ref().and_then(|id| {
        let p = rules.promotion(id)?;
        let words = price::promotion(t, rules, p);
        Some(match &s.promotion {
            Some(_) => (id.clone(), words),
            None => (
                id.clone(),
                format!("{words} {}", t.text(key::PROMO_NOT_THIS_PLAN)),
            ),
        })
    });
    let selection = input.choices.selection.as_billed(&input.rules);
    // The plan the visitor already pays for is not bought again.
    let theirs = input.current.as_ref() == Some(&selection);
    let purchase = Purchase {
        selection,
        billing: s.billing,
        currency: s.currency,
        month_cents: s.total_cents,
        year_cents: s.year_cents,
        charge: bill.first_charge(),
        promotion: s.promotion.as_ref().map(|(id, _)| id.clone()),
        from_tier: input.current.as_ref().map(|c| c.tier_id.clone()),
    };
    let reset = pieces(
        &t.template(key::RESULTS_RESETS, Some(s.days_left)),
        &|name| match name {
            "date" => Some(Piece::Slot("date", t.date(s.period.reset))),
            "days" => Some(Piece::Slot("days", s.days_left.to_string())),
            _ => None,
        },
    );
    let of = |total: u64| t.fill(key::RESULTS_OF, &[("total", &t.count(total))]);
    ResultsView {
        heading: t.text(key::RESULTS_HEADING),
        tier_name: s.tier_name.clone(),
        tier_id: s.tier_id.clone(),
        checkout: checkout(
            t,
            input.checkout_url.as_deref(),
            &input.rules,
            purchase,
            CheckoutSource::Calculator,
            format!("checkout-{}", s.tier_id),
        )
        .filter(|_| !theirs),
        figures: [
            Figure {
                label: t.text(key::RESULTS_ALLOWANCE),
                value: s.allowance.to_string(),
                unit: t.text(key::RESULTS_ALLOWANCE_UNIT).to_string(),
                testid: "allowance",
            },
            Figure {
                label: t.text(key::RESULTS_LEFT),
                value: s.remaining.to_string(),
                unit: of(s.allowance),
                testid: "remaining",
            },
            Figure {
                label: t.text(key::RESULTS_CREDITS),
                value: i.credits_left.to_string(),
                // Out of what the period brought (credits given back do not add to it).
                unit: of((i.included + i.rolled_over + i.from_blocks).max(i.credits_left)),
                testid: "inmail-credits-remaining",
            },
        ],
        meter_label: t.text(key::RESULTS_METER),
        percent_used: s.percent_used,
        meter_value: t.fill(key::RESULTS_METER_VALUE, &used_args),
        meter_caption: t.fill(
            key::RESULTS_METER_CAPTION,
            &[used_args[0], used_args[1], ("percent", &percent)],
        ),
        level: level_id(s.level).id(),
        level_message,
        level_hint: (s.level == Level::Ok).then(|| {
            t.fill(
                key::RESULTS_LEVEL_HINT,
                &[("percent", &t.format().percent(WARNING_PERCENT))],
            )
        }),
        inmail_line,
        pay_per: (i.pay_per_count > 0).then(|| {
            (
                i.pay_per_count,
                t.plural(key::RESULTS_INMAIL_PAY_PER, i.pay_per_count, &[]),
            )
        }),
        cost_caption: t.text(key::RESULTS_COST),
        lines,
        total_label: t.text(match s.billing {
            Billing::Monthly => key::RESULTS_TOTAL,
            Billing::Quarterly => key::RESULTS_TOTAL_QUARTERLY,
            Billing::Yearly => key::RESULTS_TOTAL_YEARLY,
        }),
        total: t.money(s.total_cents),
        total_cents: s.total_cents,
        list_total: bill.list.map(|l| t.money(l.month)),
        tax_rows,
        quarter: (s.billing == Billing::Quarterly).then(|| {
            row(
                t.text(key::RESULTS_QUARTER).to_string(),
                bill.period_cents,
                "quarterly-cost",
            )
        }),
        per_answered: s.per_answered_cents.map(|cents| {
            let label = t.fill(
                key::RESULTS_PER_ANSWERED,
                &[
                    ("answered", &t.count(i.answered)),
                    ("sent", &t.count(i.sent)),
                ],
            );
            row(label, cents, "per-answered-inmail")
        }),
        promotion,
        regular: t.text(key::PROMO_REGULAR),
        billing: s.billing,
        currency: s.currency,
        year_label: t.text(key::RESULTS_YEAR),
        year: t.money(s.year_cents),
        year_cents: s.year_cents,
        trial: input
            .rules
            .tier(&s.tier_id)
            .and_then(|tier| tier.trial_days)
            .map(|days| {
                let price = t.money(s.total_cents);
                (days, t.plural(key::TRIAL_THEN, days, &[("price", &price)]))
            }),
        saving: (s.billing != Billing::Monthly && s.saving_cents > 0).then(|| {
            let words = t.fill(
                match s.billing {
                    Billing::Quarterly => key::RESULTS_SAVING_QUARTERLY,
                    _ => key::RESULTS_SAVING,
                },
                &[
                    ("saving", &t.money(s.saving_cents)),
                    ("percent", &t.format().percent(s.saving_percent)),
                ],
            );
            (s.saving_cents, s.saving_percent, words)
        }),
        reset,
        reset_iso: iso_date(s.period.reset),
        provisional: !input.day_known,
    }
}

/// What the last send did: a title and a sentence.
fn outcome(t: &I18n, last: &LastSend, rules: &RuleSet) -> OutcomeView {
    let (title, detail) = match last {
        LastSend::Delivered { remaining } => (
            key::OUTCOME_DELIVERED,
            t.fill(
                key::OUTCOME_DELIVERED_DETAIL,
                &[("remaining", &t.count(*remaining))],
            ),
        ),
        LastSend::InMailOffered {
            credits_left,
            charge_cents,
        } => {
            let cost = if *credits_left > 0 {
                t.fill(
                    key::OUTCOME_INMAIL_CREDIT,
                    &[("credits", &t.count(*credits_left))],
                )
            } else {
                t.fill(
                    key::OUTCOME_INMAIL_PAID,
                    &[("price", &t.money(*charge_cents))],
                )
            };
            (
                key::OUTCOME_INMAIL,
                t.fill(key::OUTCOME_INMAIL_DETAIL, &[("cost", &cost)]),
            )
        }
        LastSend::InMailSent {
            charge_cents,
            credits_left,
        } => {
            let detail = if *charge_cents == 0 {
                t.plural(key::OUTCOME_INMAIL_SENT_CREDIT, *credits_left, &[])
            } else {
                t.plural(
                    key::OUTCOME_INMAIL_SENT_PAID,
                    *credits_left,
                    &[("price", &t.money(*charge_cents))],
                )
            };
            (key::OUTCOME_INMAIL_SENT, detail)
        }
        LastSend::Refused {
            reason: Refusal::NotAMember,
        } => (
            key::OUTCOME_REFUSED,
            t.text(key::OUTCOME_REFUSED_DETAIL).to_string(),
        ),
        LastSend::Blocked { allowance, applied } => {
            let allowance = t.count(*allowance);
            let detail = match applied {
                Some(unblock) => t.fill(
                    key::OUTCOME_BLOCKED_APPLIED,
                    &[
                        ("allowance", &allowance),
                        ("option", &t.unblock(unblock, rules)),
                    ],
                ),
                None => t.fill(key::OUTCOME_BLOCKED_DETAIL, &[("allowance", &allowance)]),
            };
            (key::OUTCOME_BLOCKED, detail)
        }
    };
    OutcomeView {
        id: last.outcome_id(),
        inmail: match last {
            LastSend::InMailOffered { .. } => Some("offered"),
            LastSend::InMailSent { .. } => Some("sent"),
            _ => None,
        },
        title: t.text(title),
        detail,
    }
}

fn send(input: &CalculatorInput, t: &I18n) -> SendView {
    let rules = &input.rules;
    let recipient = input.send.recipient;
    let credits_left = input.summary.inmail.credits_left;
    let send_inmail = (recipient == Recipient::NotConnected).then(|| {
        if credits_left > 0 {
            t.fill(
                key::SEND_INMAIL_CREDIT,
                &[("credits", &t.count(credits_left))],
            )
        } else {
            let price = t.money(rules.inmail.pay_per_inmail_cents);
            t.fill(key::SEND_INMAIL_PAID, &[("price", &price)])
        }
    });
    SendView {
        heading: t.text(key::SEND_HEADING),
        // In the order the rules list them (docs/rules.md).
        recipient: SelectView {
            label: t.text(key::SEND_RECIPIENT),
            testid: "recipient-kind",
            choices: Recipient::ALL
                .iter()
                .map(|r| Choice::new(r.id(), t.recipient(*r)))
                .collect(),
            selected: recipient.id().into(),
        },
        send: t.text(key::SEND_BUTTON),
        send_inmail,
        outcome: input.send.last.as_ref().map(|last| outcome(t, last, rules)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::parse_iso_date;
    use crate::state::{initial_widget, Action, Edit, Init, PlanAction, SendAction};
    use crate::view::words;

    fn fresh() -> Widget {
        initial_widget(Init {
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        })
    }

    fn view_of(w: &Widget) -> CalculatorView {
        let input = CalculatorInput::of(w, &Rc::new(w.priced()), &Rc::new(w.summary()), true);
        calculator(&input, &words())
    }

    #[test]
    fn a_fresh_widget_shows_basic_and_its_month() {
        let v = view_of(&fresh());
        let checked: Vec<&str> = v
            .tiers
            .tiers
            .iter()
            .filter(|t| t.checked)
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(checked, ["basic"]);
        let prices: Vec<&str> = v.tiers.tiers.iter().map(|t| t.price.as_str()).collect();
        assert_eq!(prices, ["$0.00", "$29.99", "$64.99", "$119.95", "$239.95"]);
        assert_eq!(v.tiers.tiers[0].detail, "15 messages");
        let figures: Vec<(&str, &str)> = v
            .results
            .figures
            .iter()
            .map(|f| (f.testid, f.value.as_str()))
            .collect();
        assert_eq!(
            figures,
            [
                ("allowance", "15"),
                ("remaining", "15"),
                ("inmail-credits-remaining", "0")
            ]
        );
        assert_eq!((v.results.total.as_str(), v.results.level), ("$0.00", "ok"));
        assert_eq!(
            v.results.reset,
            [
                Piece::Text("Allowance resets on ".into()),
                Piece::Slot("date", "Sun, Feb 1, 2026".into()),
                Piece::Text(" · ".into()),
                Piece::Slot("days", "12".into()),
                Piece::Text(" days left".into()),
            ]
        );
        assert_eq!(v.results.reset_iso, "2026-02-01");
        assert!(
            v.pricing.billing.is_none(),
            "the article sells nothing by the year"
        );
        assert!(v.pricing.currency.is_none());
        assert!(v.results.checkout.is_none(), "no checkout URL, no link");
        assert_eq!(v.send.outcome, None);
    }

    #[test]
    fn fields_show_what_was_typed_and_why_it_is_not_used() {
        let mut w = fresh();
        w.apply(Action::Field(Field::Sent, Edit::Type("12".into())));
        w.apply(Action::Field(Field::Addon(100), Edit::Type("x".into())));
        let v = view_of(&w);
        let sent = &v.usage.fields[1];
        assert_eq!(
            (sent.testid.as_str(), sent.text.as_str(), &sent.error),
            ("sent-count", "12", &None)
        );
        let bundle = v
            .addons
            .fields
            .iter()
            .find(|f| f.field == Field::Addon(100))
            .unwrap();
        assert_eq!(bundle.text, "x");
        assert_eq!(
            bundle.error.as_deref(),
            Some("Whole numbers only — still using 0")
        );
        assert_eq!(v.results.figures[1].value, "3");
        assert_eq!(v.results.level, "warning");
        assert_eq!(
            v.results.level_message.as_deref(),
            Some("80% of this month's messages used: 3 left.")
        );
        assert_eq!(v.results.level_hint, None);
    }

    #[test]
    fn a_blocked_send_says_so_and_offers_nothing_until_a_way_is_chosen() {
        let mut w = fresh();
        w.apply(Action::Field(Field::Sent, Edit::Set(15)));
        w.apply(Action::Send(SendAction::Send));
        let v = view_of(&w);
        let outcome = v.send.outcome.clone().unwrap();
        assert_eq!((outcome.id, &*outcome.title), ("blocked", "Not delivered"));
        assert_eq!(
            outcome.detail,
            "Over the monthly limit of 15: not sent, not counted, not charged."
        );
        assert_eq!(v.results.level, "reached");
        w.apply(Action::Send(SendAction::SetRecipient(
            Recipient::NotConnected,
        )));
        let v = view_of(&w);
        assert_eq!(
            v.send.send_inmail.as_deref(),
            Some("Send as InMail (costs $10.00)")
        );
    }

    #[test]
    fn yearly_billing_says_how_each_line_is_paid_and_what_it_saves() {
        let mut w = initial_widget(Init {
            config: crate::host::attributes::parse_attributes(
                [("rules", include_str!("../../rules/example-eur-gbp.json"))],
                false,
            )
            .0,
            local_today: parse_iso_date("2026-01-20"),
            ..Init::default()
        });
        w.apply(Action::Plan(PlanAction::SelectTier(
            "premium-business".into(),
        )));
        w.apply(Action::Plan(PlanAction::SetBilling(Billing::Yearly)));
        let v = view_of(&w);
        let switch = v.pricing.billing.clone().unwrap();
        assert_eq!(
            switch
                .options
                .iter()
                .filter(|o| o.2)
                .map(|o| o.0)
                .collect::<Vec<_>>(),
            [Billing::Yearly]
        );
        assert_eq!(&*v.results.total_label, "Per month, billed yearly");
        assert!(v.results.lines[0]
            .billed
            .as_deref()
            .unwrap()
            .starts_with("billed yearly: "));
        let (cents, _, words) = v.results.saving.clone().unwrap();
        assert!(
            cents > 0 && words.starts_with("Billed yearly, this saves "),
            "{words}"
        );
    }
}
