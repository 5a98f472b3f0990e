//! The `detail` of the events the widget sends its host page, as JSON.

use serde::Serialize;

use super::period::iso_date;
use super::plan::Selection;
use super::send::{Unblock, UnblockOption};
use super::summary::{Level, Summary};

#[derive(Serialize)]
struct SelectionDetail<'a> {
    tier: &'a str,
    /// The URL form: `100x2,25x1`.
    addons: String,
    inmail_blocks: u64,
}

#[derive(Serialize)]
struct LineDetail<'a> {
    label: &'a str,
    cents: u64,
}

#[derive(Serialize)]
struct SummaryDetail<'a> {
    allowance: u64,
    sent: u64,
    remaining: u64,
    percent_used: u64,
    level: &'static str,
    inmail_credits_left: u64,
    inmail_sent: u64,
    pay_per_inmails: u64,
    monthly_cost_cents: u64,
    lines: Vec<LineDetail<'a>>,
    reset_date: String,
    days_left: u64,
}

#[derive(Serialize)]
struct ChangeDetail<'a> {
    rules: &'a str,
    selection: SelectionDetail<'a>,
    summary: SummaryDetail<'a>,
}

/// `messaging-quota:change`: the selection and its summary.
pub fn change_detail(rules_id: &str, selection: &Selection, summary: &Summary) -> String {
    let detail = ChangeDetail {
        rules: rules_id,
        selection: SelectionDetail { tier: &selection.tier_id, addons: selection.addons_param(), inmail_blocks: selection.inmail_blocks },
        summary: SummaryDetail {
            allowance: summary.allowance,
            sent: summary.sent,
            remaining: summary.remaining,
            percent_used: summary.percent_used,
            level: match summary.level {
                Level::Ok => "ok",
                Level::Warning => "warning",
                Level::Reached => "reached",
            },
            inmail_credits_left: summary.inmail.credits_left,
            inmail_sent: summary.inmail.sent,
            pay_per_inmails: summary.inmail.pay_per_count,
            monthly_cost_cents: summary.total_cents,
            lines: summary.lines.iter().map(|l| LineDetail { label: &l.label, cents: l.cents }).collect(),
            reset_date: iso_date(summary.period.reset),
            days_left: summary.days_left,
        },
    };
    serde_json::to_string(&detail).unwrap_or_else(|_| "{}".into())
}

#[derive(Serialize)]
struct UpgradeDetail<'a> {
    kind: &'static str,
    tier: Option<&'a str>,
    bundle_size: Option<u64>,
    label: &'a str,
    price_cents: u64,
    new_allowance: u64,
    new_total_cents: u64,
    cheapest: bool,
}

/// `messaging-quota:upgrade-click`: the option chosen in the pop-up.
pub fn upgrade_detail(option: &UnblockOption) -> String {
    let (kind, tier, bundle_size) = match &option.unblock {
        Unblock::Tier(id) => ("tier", Some(id.as_str()), None),
        Unblock::Bundle(size) => ("bundle", None, Some(*size)),
    };
    let detail = UpgradeDetail {
        kind,
        tier,
        bundle_size,
        label: &option.label,
        price_cents: option.price_cents,
        new_allowance: option.new_allowance,
        new_total_cents: option.new_total_cents,
        cheapest: option.cheapest,
    };
    serde_json::to_string(&detail).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::locale::Locale;
    use crate::engine::period::{parse_iso_date, PeriodRule};
    use crate::engine::plan::Usage;
    use crate::engine::presets::ARTICLE;
    use crate::engine::summary::summarize;

    #[test]
    fn change_detail_has_the_documented_shape() {
        let rules = ARTICLE.rules();
        let selection = Selection { tier_id: "sales-navigator".into(), addons: vec![(100, 1)], inmail_blocks: 0 };
        let summary = summarize(&rules, &selection, &Usage::default(), parse_iso_date("2026-01-31").unwrap(), PeriodRule::CalendarMonth, &Locale::default());
        let json: serde_json::Value = serde_json::from_str(&change_detail("article", &selection, &summary)).unwrap();
        assert_eq!(json["selection"]["tier"], "sales-navigator");
        assert_eq!(json["selection"]["addons"], "100x1");
        assert_eq!(json["summary"]["allowance"], 150);
        assert_eq!(json["summary"]["monthly_cost_cents"], 11498);
        assert_eq!(json["summary"]["reset_date"], "2026-02-01");
        assert_eq!(json["summary"]["lines"][1]["label"], "100 messages × 1");
        assert_eq!(json["summary"]["level"], "ok");
    }

    #[test]
    fn upgrade_detail_names_the_option() {
        let option = UnblockOption {
            unblock: Unblock::Bundle(25),
            label: "Add 25 messages".into(),
            price_cents: 1499,
            new_allowance: 40,
            new_total_cents: 1499,
            cheapest: true,
        };
        let json: serde_json::Value = serde_json::from_str(&upgrade_detail(&option)).unwrap();
        assert_eq!(json["kind"], "bundle");
        assert_eq!(json["bundle_size"], 25);
        assert_eq!(json["tier"], serde_json::Value::Null);
        assert_eq!(json["cheapest"], true);
    }
}
