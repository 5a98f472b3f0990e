//! The `detail` of the events the widget dispatches on its host element, as serde types.
//! Ids, cents and ISO dates only, plus English labels for hosts that log them; the browser
//! hands them to the page as plain objects. The TypeScript declarations hosts type their
//! listeners with are generated from these types (`cargo xtask`, with the `ts` feature), so
//! a field renamed here changes the declarations, and a host that reads the old name fails
//! to compile rather than at run time.

use serde::Serialize;
#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::engine::bill::{Bill, Billed, Billing, Charge};
use crate::engine::currency::Currency;
use crate::engine::period::iso_date;
use crate::engine::plan::Selection;
use crate::engine::send::{Unblock, UnblockOption};
use crate::engine::summary::{Level, Summary};

/// `messaging-quota:ready` and `messaging-quota:change`: the selection and its summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ChangeDetail {
    /// The rule set's id (`article`, `linkedin-help`, or a host's own).
    pub rules: String,
    /// The ISO 4217 code every amount is in: `USD`, `EUR`.
    pub currency: String,
    /// How the plan is paid for.
    pub billing: BillingId,
    pub selection: SelectionDetail,
    pub summary: SummaryDetail,
}

/// What the visitor picked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SelectionDetail {
    /// The tier's id.
    pub tier: String,
    /// URL form: `100x2,25x1`.
    pub addons: String,
    pub inmail_blocks: u64,
    /// The seats billed, on a tier sold by the seat (absent: one account).
    #[serde(skip_serializing_if = "is_one")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub seats: Option<u64>,
}

/// Whether a seat count is absent or one: an account, not a team.
pub fn is_one(seats: &Option<u64>) -> bool {
    seats.is_none_or(|s| s == 1)
}

/// The month as the visitor sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SummaryDetail {
    /// Messages the month allows.
    pub allowance: u64,
    pub sent: u64,
    pub remaining: u64,
    pub percent_used: u64,
    pub level: LevelId,
    pub inmail_credits_left: u64,
    pub inmail_sent: u64,
    /// InMails paid one by one, past the credits.
    pub pay_per_inmails: u64,
    /// The month's cost as billed (under yearly billing, the year's twelfth), in minor units.
    pub monthly_cost_cents: u64,
    /// The year's cost as billed, at this month's usage.
    pub yearly_cost_cents: u64,
    /// What yearly billing saves a year against monthly billing (0 when billed monthly).
    pub yearly_saving_cents: u64,
    pub lines: Vec<LineDetail>,
    /// Under quarterly billing, the quarter's cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub quarterly_cost_cents: Option<u64>,
    /// Where the prices state a tax: how amounts are shown, and the tax in the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub tax: Option<TaxDetail>,
    /// Where a promotion applies to the plan: what it takes off.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub promotion: Option<PromotionDetail>,
    /// At a reply rate: the InMails answered and what they give back.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub replies: Option<RepliesDetail>,
    /// The day the allowance resets, `YYYY-MM-DD`.
    pub reset_date: String,
    pub days_left: u64,
}

/// The InMails the visitor expects answered, and what that does to the month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct RepliesDetail {
    /// The share of InMails answered, in percent.
    pub reply_percent: u64,
    pub answered: u64,
    /// Credits given back on replies (where the tier gives them back).
    pub credits_refunded: u64,
    /// The month's cost per answered InMail, in minor units (absent while none is).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub per_answered_cents: Option<u64>,
}

/// The tax of the amounts: every amount of the event is shown as `mode` says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TaxDetail {
    /// `VAT`, `GST`.
    pub name: String,
    /// 1900 is 19 %.
    pub rate_basis_points: u64,
    pub mode: TaxModeId,
    /// The month as billed: before tax, the tax, and with it.
    pub net_cents: u64,
    pub tax_cents: u64,
    pub gross_cents: u64,
}

/// How amounts are shown: with tax in them, or before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum TaxModeId {
    Inclusive,
    Exclusive,
}

/// A promotion applied to a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PromotionDetail {
    /// The promotion's id in the rules.
    pub id: String,
    /// The month as billed at regular prices (the amounts elsewhere are after the promotion).
    pub regular_monthly_cents: u64,
    /// What it takes off the first billing period.
    pub period_off_cents: u64,
}

/// The id a tax mode has in events.
pub fn tax_mode_id(mode: crate::engine::tax::TaxMode) -> TaxModeId {
    match mode {
        crate::engine::tax::TaxMode::Inclusive => TaxModeId::Inclusive,
        crate::engine::tax::TaxMode::Exclusive => TaxModeId::Exclusive,
    }
}

/// The tax part of a bill, where the prices state a tax.
pub fn tax_detail(tax: Option<&crate::engine::rules::Tax>, bill: &Bill) -> Option<TaxDetail> {
    let tax = tax?;
    Some(TaxDetail {
        name: tax.name.clone(),
        rate_basis_points: tax.rate_basis_points,
        mode: tax_mode_id(bill.tax_mode),
        net_cents: bill.net().month,
        tax_cents: bill.tax.month,
        gross_cents: bill.gross().month,
    })
}

/// The promotion part of a bill, where one applies.
pub fn promotion_detail(promotion: Option<&str>, bill: &Bill) -> Option<PromotionDetail> {
    let list = bill.list?;
    Some(PromotionDetail {
        id: promotion?.to_owned(),
        regular_monthly_cents: list.month,
        period_off_cents: bill.promotion_off_cents(),
    })
}

/// How much of the allowance is used: `ok`, `warning` (from 80%) or `reached`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum LevelId {
    Ok,
    Warning,
    Reached,
}

impl LevelId {
    /// As `data-level` and the event write it.
    pub fn id(self) -> &'static str {
        match self {
            LevelId::Ok => "ok",
            LevelId::Warning => "warning",
            LevelId::Reached => "reached",
        }
    }
}

/// What a cost line charges for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub enum ChargeId {
    #[serde(rename = "tier")]
    Tier,
    #[serde(rename = "bundle")]
    Bundle,
    #[serde(rename = "inmail-blocks")]
    InMailBlocks,
    #[serde(rename = "pay-per-inmail")]
    PayPerInMail,
}

/// One line of the cost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LineDetail {
    pub charge: ChargeId,
    /// In English, whatever the widget's language: `100 messages × 1`.
    pub label: String,
    /// A month of it as billed.
    pub cents: u64,
    /// A year of it as billed.
    pub year_cents: u64,
    pub billed: BilledId,
}

/// How the plan is paid for: `monthly`, `quarterly` or `yearly`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum BillingId {
    Monthly,
    Quarterly,
    Yearly,
}

/// How a line is paid: by the month, by the year, or as used (pay-per-InMail).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub enum BilledId {
    #[serde(rename = "monthly")]
    Monthly,
    #[serde(rename = "quarterly")]
    Quarterly,
    #[serde(rename = "yearly")]
    Yearly,
    #[serde(rename = "per-use")]
    PerUse,
}

/// The id billing has in events.
pub fn billing_id(billing: Billing) -> BillingId {
    match billing {
        Billing::Monthly => BillingId::Monthly,
        Billing::Quarterly => BillingId::Quarterly,
        Billing::Yearly => BillingId::Yearly,
    }
}

/// `messaging-quota:upgrade-click`: the way to unblock a visitor chose in the pop-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct UpgradeDetail {
    pub kind: UpgradeKind,
    /// The tier's id, for a tier.
    pub tier: Option<String>,
    /// The bundle's size, for a bundle.
    pub bundle_size: Option<u64>,
    /// The team's seats in all, for a seat more (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub seats: Option<u64>,
    /// In English: `Add 25 messages`, `Upgrade to Recruiter`.
    pub label: String,
    /// The option's own price a month, as billed.
    pub price_cents: u64,
    pub new_allowance: u64,
    /// The month's cost once it is chosen, as billed.
    pub new_total_cents: u64,
    /// The year's cost once it is chosen, as billed.
    pub new_yearly_cents: u64,
    /// The ISO 4217 code of the amounts.
    pub currency: String,
    pub billing: BillingId,
    pub cheapest: bool,
}

/// A way to unblock: a higher tier, a bundle, or a seat more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum UpgradeKind {
    Tier,
    Bundle,
    Seat,
}

/// `messaging-quota:error`: something the widget needs could not be loaded. Dispatched by
/// the loader (`embed/`), which builds the same shape; declared here with the others.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LoadErrorDetail {
    /// What failed and how, as `asset:failure`: `wasm:http`, `script:network`,
    /// `stylesheet:invalid` (its integrity failed), `wasm:timeout`: the asset, then the failure.
    pub reason: String,
    pub asset: LoadAsset,
    pub failure: LoadFailure,
    /// The HTTP status, for `http`.
    pub status: Option<u16>,
    /// The file's URL.
    pub url: String,
    /// How many times loading has been tried on this page, this one included.
    pub attempt: u32,
}

/// A file the widget loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum LoadAsset {
    /// The WebAssembly binary.
    Wasm,
    /// Its JavaScript bindings.
    Script,
    /// The widget's stylesheet.
    Stylesheet,
}

/// How loading failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum LoadFailure {
    /// The server answered with an error status.
    Http,
    /// No answer: offline, refused, reset or cut off.
    Network,
    /// No answer in time.
    Timeout,
    /// An answer that is not the file (cut short, changed, or another build's).
    Invalid,
}

/// The id a level has in events and `data-level`.
pub fn level_id(level: Level) -> LevelId {
    match level {
        Level::Ok => LevelId::Ok,
        Level::Warning => LevelId::Warning,
        Level::Reached => LevelId::Reached,
    }
}

/// The id a charge has in events.
pub fn charge_id(charge: Charge) -> ChargeId {
    match charge {
        Charge::Tier { .. } => ChargeId::Tier,
        Charge::Bundle { .. } => ChargeId::Bundle,
        Charge::InMailBlocks { .. } => ChargeId::InMailBlocks,
        Charge::PayPerInMail { .. } => ChargeId::PayPerInMail,
    }
}

/// The change event's detail; `label` words each cost line (in English).
pub fn change_detail(
    rules_id: &str,
    selection: &Selection,
    summary: &Summary,
    label: impl Fn(Charge) -> String,
) -> ChangeDetail {
    ChangeDetail {
        rules: rules_id.to_owned(),
        currency: summary.currency.code().to_owned(),
        billing: billing_id(summary.billing),
        selection: SelectionDetail {
            tier: selection.tier_id.clone(),
            addons: selection.addons_param(),
            inmail_blocks: selection.inmail_blocks,
            seats: summary.bill.lines.iter().find_map(|l| match l.charge {
                Charge::Tier { seats } if seats > 1 => Some(seats),
                _ => None,
            }),
        },
        summary: SummaryDetail {
            allowance: summary.allowance,
            sent: summary.sent,
            remaining: summary.remaining,
            percent_used: summary.percent_used,
            level: level_id(summary.level),
            inmail_credits_left: summary.inmail.credits_left,
            inmail_sent: summary.inmail.sent,
            pay_per_inmails: summary.inmail.pay_per_count,
            monthly_cost_cents: summary.total_cents,
            yearly_cost_cents: summary.year_cents,
            yearly_saving_cents: summary.saving_cents,
            lines: summary
                .bill
                .lines
                .iter()
                .map(|l| LineDetail {
                    charge: charge_id(l.charge),
                    label: label(l.charge),
                    cents: l.cents,
                    year_cents: l.year_cents,
                    billed: match l.billed {
                        Billed::Monthly => BilledId::Monthly,
                        Billed::Quarterly => BilledId::Quarterly,
                        Billed::Yearly => BilledId::Yearly,
                        Billed::PerUse => BilledId::PerUse,
                    },
                })
                .collect(),
            quarterly_cost_cents: (summary.billing == Billing::Quarterly)
                .then_some(summary.bill.period_cents),
            tax: tax_detail(summary.tax.as_ref(), &summary.bill),
            promotion: promotion_detail(
                summary.promotion.as_ref().map(|(id, _)| id.as_str()),
                &summary.bill,
            ),
            replies: (summary.reply_percent > 0).then_some(RepliesDetail {
                reply_percent: summary.reply_percent,
                answered: summary.inmail.answered,
                credits_refunded: summary.inmail.refunded,
                per_answered_cents: summary.per_answered_cents,
            }),
            reset_date: iso_date(summary.period.reset),
            days_left: summary.days_left,
        },
    }
}

/// The upgrade event's detail; `label` is the option's English label.
pub fn upgrade_detail(
    option: &UnblockOption,
    label: String,
    currency: Currency,
    billing: Billing,
) -> UpgradeDetail {
    let (kind, tier, bundle_size, seats) = match &option.unblock {
        Unblock::Tier(id) => (UpgradeKind::Tier, Some(id.clone()), None, None),
        Unblock::Bundle(size) => (UpgradeKind::Bundle, None, Some(*size), None),
        Unblock::Seats(seats) => (UpgradeKind::Seat, None, None, Some(*seats)),
    };
    UpgradeDetail {
        kind,
        tier,
        bundle_size,
        seats,
        label,
        price_cents: option.price_cents,
        new_allowance: option.new_allowance,
        new_total_cents: option.new_total_cents,
        new_yearly_cents: option.new_year_cents,
        currency: currency.code().to_owned(),
        billing: billing_id(billing),
        cheapest: option.cheapest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::{parse_iso_date, PeriodRule};
    use crate::engine::plan::Usage;
    use crate::engine::presets::ARTICLE;
    use crate::engine::summary::summarize;

    #[test]
    fn change_detail_has_the_documented_shape() {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: "sales-navigator".into(),
            addons: vec![(100, 1)],
            inmail_blocks: 0,
            seats: 1,
        };
        let summary = summarize(
            &rules,
            &selection,
            &Usage::default(),
            parse_iso_date("2026-01-31").unwrap(),
            PeriodRule::CalendarMonth,
            crate::engine::bill::Terms::default(),
        );
        let detail = change_detail("article", &selection, &summary, |c| format!("{c:?}"));
        let json = serde_json::to_value(&detail).unwrap();
        assert_eq!(json["rules"], "article");
        assert_eq!(json["selection"]["tier"], "sales-navigator");
        assert_eq!(json["selection"]["addons"], "100x1");
        assert_eq!(json["selection"]["inmail_blocks"], 0);
        assert_eq!(json["summary"]["allowance"], 150);
        assert_eq!(json["summary"]["remaining"], 150);
        assert_eq!(json["summary"]["monthly_cost_cents"], 11498);
        assert_eq!(json["summary"]["reset_date"], "2026-02-01");
        assert_eq!(json["summary"]["days_left"], 1);
        assert_eq!(json["summary"]["lines"][1]["charge"], "bundle");
        assert_eq!(json["summary"]["lines"][1]["cents"], 4999);
        assert_eq!(json["summary"]["level"], "ok");
        assert_eq!(json["currency"], "USD");
        assert_eq!(json["billing"], "monthly");
        assert_eq!(json["summary"]["yearly_cost_cents"], 12 * 11498);
        assert_eq!(json["summary"]["lines"][1]["billed"], "monthly");
    }

    #[test]
    fn upgrade_detail_names_the_option() {
        let option = UnblockOption {
            unblock: Unblock::Bundle(25),
            price_cents: 1499,
            new_allowance: 40,
            new_total_cents: 1499,
            new_period_cents: 1499,
            new_year_cents: 12 * 1499,
            new_charge: crate::engine::tax::untaxed(1499),
            promoted: false,
            cheapest: true,
        };
        let detail = upgrade_detail(
            &option,
            "Add 25 messages".into(),
            Currency::USD,
            Billing::Monthly,
        );
        let json = serde_json::to_value(detail).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "bundle", "tier": null, "bundle_size": 25, "label": "Add 25 messages",
                "price_cents": 1499, "new_allowance": 40, "new_total_cents": 1499,
                "new_yearly_cents": 17988, "currency": "USD", "billing": "monthly", "cheapest": true
            })
        );
    }
}
