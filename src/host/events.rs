//! The `detail` of the events the widget dispatches on its host element, as serde types.
//! Ids, cents and ISO dates only, plus English labels for hosts that log them; the browser
//! hands them to the page as plain objects.

use serde::Serialize;

use crate::engine::period::iso_date;
use crate::engine::plan::Selection;
use crate::engine::send::{Unblock, UnblockOption};
use crate::engine::summary::{Charge, Level, Summary};

/// `messaging-quota:change`: the selection and its summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeDetail {
    pub rules: String,
    pub selection: SelectionDetail,
    pub summary: SummaryDetail,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SelectionDetail {
    pub tier: String,
    /// URL form: `100x2,25x1`.
    pub addons: String,
    pub inmail_blocks: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryDetail {
    pub allowance: u64,
    pub sent: u64,
    pub remaining: u64,
    pub percent_used: u64,
    /// `ok`, `warning` (from 80%) or `reached`.
    pub level: &'static str,
    pub inmail_credits_left: u64,
    pub inmail_sent: u64,
    pub pay_per_inmails: u64,
    pub monthly_cost_cents: u64,
    pub lines: Vec<LineDetail>,
    pub reset_date: String,
    pub days_left: u64,
}

/// One line of the monthly cost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineDetail {
    /// `tier`, `bundle`, `inmail-blocks` or `pay-per-inmail`.
    pub charge: &'static str,
    /// In English, whatever the widget's language: `100 messages × 1`.
    pub label: String,
    pub cents: u64,
}

/// `messaging-quota:upgrade-click`: the way to unblock a visitor chose in the pop-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UpgradeDetail {
    /// `tier` or `bundle`.
    pub kind: &'static str,
    pub tier: Option<String>,
    pub bundle_size: Option<u64>,
    /// In English: `Add 25 messages`, `Upgrade to Recruiter`.
    pub label: String,
    pub price_cents: u64,
    pub new_allowance: u64,
    pub new_total_cents: u64,
    pub cheapest: bool,
}

/// The id a level has in events and `data-level`.
pub fn level_id(level: Level) -> &'static str {
    match level {
        Level::Ok => "ok",
        Level::Warning => "warning",
        Level::Reached => "reached",
    }
}

/// The id a charge has in events.
pub fn charge_id(charge: Charge) -> &'static str {
    match charge {
        Charge::Tier => "tier",
        Charge::Bundle { .. } => "bundle",
        Charge::InMailBlocks { .. } => "inmail-blocks",
        Charge::PayPerInMail { .. } => "pay-per-inmail",
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
        selection: SelectionDetail {
            tier: selection.tier_id.clone(),
            addons: selection.addons_param(),
            inmail_blocks: selection.inmail_blocks,
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
            lines: summary
                .lines
                .iter()
                .map(|l| LineDetail {
                    charge: charge_id(l.charge),
                    label: label(l.charge),
                    cents: l.cents,
                })
                .collect(),
            reset_date: iso_date(summary.period.reset),
            days_left: summary.days_left,
        },
    }
}

/// The upgrade event's detail; `label` is the option's English label.
pub fn upgrade_detail(option: &UnblockOption, label: String) -> UpgradeDetail {
    let (kind, tier, bundle_size) = match &option.unblock {
        Unblock::Tier(id) => ("tier", Some(id.clone()), None),
        Unblock::Bundle(size) => ("bundle", None, Some(*size)),
    };
    UpgradeDetail {
        kind,
        tier,
        bundle_size,
        label,
        price_cents: option.price_cents,
        new_allowance: option.new_allowance,
        new_total_cents: option.new_total_cents,
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
        };
        let summary = summarize(
            &rules,
            &selection,
            &Usage::default(),
            parse_iso_date("2026-01-31").unwrap(),
            PeriodRule::CalendarMonth,
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
    }

    #[test]
    fn upgrade_detail_names_the_option() {
        let option = UnblockOption {
            unblock: Unblock::Bundle(25),
            price_cents: 1499,
            new_allowance: 40,
            new_total_cents: 1499,
            cheapest: true,
        };
        let json = serde_json::to_value(upgrade_detail(&option, "Add 25 messages".into())).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "bundle", "tier": null, "bundle_size": 25, "label": "Add 25 messages",
                "price_cents": 1499, "new_allowance": 40, "new_total_cents": 1499, "cheapest": true
            })
        );
    }
}
