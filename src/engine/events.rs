//! The `detail` of the events the widget sends its host page, written as JSON by hand
//! (field names and integers only, so no serializer is needed in the wasm).

use super::json::quote;
use super::period::iso_date;
use super::plan::Selection;
use super::send::{Unblock, UnblockOption};
use super::summary::{Level, Summary};

/// `messaging-quota:change`: the selection and its summary.
pub fn change_detail(rules_id: &str, selection: &Selection, summary: &Summary) -> String {
    let level = match summary.level {
        Level::Ok => "ok",
        Level::Warning => "warning",
        Level::Reached => "reached",
    };
    let lines: Vec<String> = summary
        .lines
        .iter()
        .map(|l| format!("{{\"label\":{},\"cents\":{}}}", quote(&l.label), l.cents))
        .collect();
    format!(
        concat!(
            "{{\"rules\":{},\"selection\":{{\"tier\":{},\"addons\":{},\"inmail_blocks\":{}}},",
            "\"summary\":{{\"allowance\":{},\"sent\":{},\"remaining\":{},\"percent_used\":{},\"level\":\"{}\",",
            "\"inmail_credits_left\":{},\"inmail_sent\":{},\"pay_per_inmails\":{},\"monthly_cost_cents\":{},",
            "\"lines\":[{}],\"reset_date\":\"{}\",\"days_left\":{}}}}}"
        ),
        quote(rules_id),
        quote(&selection.tier_id),
        quote(&selection.addons_param()),
        selection.inmail_blocks,
        summary.allowance,
        summary.sent,
        summary.remaining,
        summary.percent_used,
        level,
        summary.inmail.credits_left,
        summary.inmail.sent,
        summary.inmail.pay_per_count,
        summary.total_cents,
        lines.join(","),
        iso_date(summary.period.reset),
        summary.days_left,
    )
}

/// `messaging-quota:upgrade-click`: the option chosen in the pop-up.
pub fn upgrade_detail(option: &UnblockOption) -> String {
    let (kind, tier, bundle_size) = match &option.unblock {
        Unblock::Tier(id) => ("tier", quote(id), "null".to_owned()),
        Unblock::Bundle(size) => ("bundle", "null".to_owned(), size.to_string()),
    };
    format!(
        "{{\"kind\":\"{kind}\",\"tier\":{tier},\"bundle_size\":{bundle_size},\"label\":{},\"price_cents\":{},\"new_allowance\":{},\"new_total_cents\":{},\"cheapest\":{}}}",
        quote(&option.label),
        option.price_cents,
        option.new_allowance,
        option.new_total_cents,
        option.cheapest
    )
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
            &Locale::default(),
        );
        let json: serde_json::Value =
            serde_json::from_str(&change_detail("article", &selection, &summary)).unwrap();
        assert_eq!(json["rules"], "article");
        assert_eq!(json["selection"]["tier"], "sales-navigator");
        assert_eq!(json["selection"]["addons"], "100x1");
        assert_eq!(json["selection"]["inmail_blocks"], 0);
        assert_eq!(json["summary"]["allowance"], 150);
        assert_eq!(json["summary"]["remaining"], 150);
        assert_eq!(json["summary"]["monthly_cost_cents"], 11498);
        assert_eq!(json["summary"]["reset_date"], "2026-02-01");
        assert_eq!(json["summary"]["days_left"], 1);
        assert_eq!(json["summary"]["lines"][1]["label"], "100 messages × 1");
        assert_eq!(json["summary"]["lines"][1]["cents"], 4999);
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
        let option = UnblockOption {
            unblock: Unblock::Tier("recruiter".into()),
            cheapest: false,
            ..option
        };
        let json: serde_json::Value = serde_json::from_str(&upgrade_detail(&option)).unwrap();
        assert_eq!(
            (json["kind"].as_str(), json["tier"].as_str()),
            (Some("tier"), Some("recruiter"))
        );
    }
}
