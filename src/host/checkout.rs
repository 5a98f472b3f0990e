//! Where buying a plan goes, and what the host hears when a visitor goes there.
//!
//! A checkout URL is a template: `{tier}`, `{period}`, `{currency}`, `{addons}`,
//! `{inmail_blocks}`, `{seats}`, `{promo}` and `{from_tier}` (each empty without one) are filled in with the plan's values, percent-encoded where they must be
//! (everything but RFC 3986's unreserved characters, as `encodeURIComponent` nearly does), so
//! `sales-navigator` stays `sales-navigator` whether the placeholder sits in a path or a query. The host's
//! `checkout-url` attribute comes first, then the tier's own URL in the rules, then the rule
//! set's. Only `https:`, `http:` and relative URLs are ever used (checked where each comes in,
//! and again in the browser once resolved against the page).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;
#[cfg(feature = "ts")]
use ts_rs::TS;

use super::events::{billing_id, BillingId};
use crate::engine::bill::Billing;
use crate::engine::currency::Currency;
use crate::engine::plan::Selection;
use crate::engine::rules::RuleSet;
use crate::engine::tax::Split;

/// A plan a visitor may buy: what it holds, how it is paid, and what it costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Purchase {
    pub selection: Selection,
    pub billing: Billing,
    pub currency: Currency,
    /// The month's cost as billed, and the year's (as amounts are shown: with or before tax).
    pub month_cents: u64,
    pub year_cents: u64,
    /// What checkout charges for the first billing period: before tax, the tax, with it.
    pub charge: Split,
    /// The promotion that lowers it, if any.
    pub promotion: Option<String>,
    /// The tier of the plan the visitor already pays for (`current-tier`), if the page says.
    pub from_tier: Option<String>,
}

/// Where in the widget a visitor chose to buy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum CheckoutSource {
    /// The plan in the calculator.
    Calculator,
    /// A row of the comparison.
    Compare,
    /// The cheapest way to the stated need.
    Recommendation,
    /// A way to unblock a send in the upgrade pop-up.
    #[serde(rename = "pop-up")]
    PopUp,
}

/// `messaging-quota:checkout`: a visitor follows a link to buy a plan. Cancelable: a host
/// that calls `preventDefault()` keeps the visitor on the page and runs its own flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CheckoutDetail {
    /// The tier's id.
    pub tier: String,
    /// URL form: `100x2,25x1`.
    pub addons: String,
    pub inmail_blocks: u64,
    /// The seats bought, on a tier sold by the seat (absent: one account).
    #[serde(skip_serializing_if = "super::events::is_one")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub seats: Option<u64>,
    pub billing: BillingId,
    /// The ISO 4217 code of the amounts.
    pub currency: String,
    /// The month's cost as billed, in minor units.
    pub month_cents: u64,
    /// The year's cost as billed.
    pub year_cents: u64,
    /// What checkout charges for the first billing period (a month, a quarter or a year),
    /// before tax, the tax, and with it; without a tax, all but `tax_cents` are equal.
    pub net_cents: u64,
    pub tax_cents: u64,
    pub gross_cents: u64,
    /// The id of the promotion that lowers it, or `null`.
    pub promo: Option<String>,
    /// The tier the visitor changes from (the page's `current-tier`; absent without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub from_tier: Option<String>,
    pub source: CheckoutSource,
    /// Where the link goes.
    pub url: String,
}

/// `messaging-quota:contact-sales`: a visitor follows a tier's "Contact sales" link.
/// Cancelable, as the checkout event is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ContactDetail {
    /// The tier's id.
    pub tier: String,
    /// Where the link goes.
    pub url: String,
}

impl Purchase {
    /// The event's detail for a link to `url` from `source`.
    pub fn detail(&self, source: CheckoutSource, url: &str) -> CheckoutDetail {
        CheckoutDetail {
            tier: self.selection.tier_id.clone(),
            addons: self.selection.addons_param(),
            inmail_blocks: self.selection.inmail_blocks,
            seats: (self.selection.seats > 1).then_some(self.selection.seats),
            billing: billing_id(self.billing),
            currency: self.currency.code().to_owned(),
            month_cents: self.month_cents,
            year_cents: self.year_cents,
            net_cents: self.charge.net,
            tax_cents: self.charge.tax,
            gross_cents: self.charge.gross,
            promo: self.promotion.clone(),
            from_tier: self.from_tier.clone(),
            source,
            url: url.to_owned(),
        }
    }
}

/// The template that applies to a tier: the host's, the tier's, the rule set's.
pub fn template<'a>(host: Option<&'a str>, rules: &'a RuleSet, tier_id: &str) -> Option<&'a str> {
    host.or_else(|| rules.tier(tier_id).and_then(|t| t.checkout_url.as_deref()))
        .or(rules.checkout_url.as_deref())
}

/// What a value keeps as it is: RFC 3986's unreserved characters (letters, digits, `-._~`).
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A value as a URL carries it, in a path segment or a query.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, RESERVED).to_string()
}

/// The template with the purchase's values filled in, each percent-encoded.
pub fn fill(template: &str, purchase: &Purchase) -> String {
    let values = [
        ("{tier}", encode(&purchase.selection.tier_id)),
        ("{period}", encode(purchase.billing.id())),
        ("{currency}", encode(purchase.currency.code())),
        ("{addons}", encode(&purchase.selection.addons_param())),
        (
            "{inmail_blocks}",
            purchase.selection.inmail_blocks.to_string(),
        ),
        ("{seats}", purchase.selection.seats.to_string()),
        (
            "{from_tier}",
            encode(purchase.from_tier.as_deref().unwrap_or_default()),
        ),
        (
            "{promo}",
            encode(purchase.promotion.as_deref().unwrap_or_default()),
        ),
    ];
    let mut url = template.to_owned();
    for (placeholder, value) in values {
        url = url.replace(placeholder, &value);
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets::ARTICLE;

    fn purchase() -> Purchase {
        Purchase {
            selection: Selection {
                tier_id: "sales-navigator".into(),
                addons: vec![(25, 1), (100, 2)],
                inmail_blocks: 3,
                seats: 1,
            },
            billing: Billing::Yearly,
            currency: Currency::find("EUR").unwrap(),
            month_cents: 100,
            year_cents: 1200,
            charge: Split {
                net: 1000,
                tax: 190,
                gross: 1190,
            },
            promotion: None,
            from_tier: None,
        }
    }

    #[test]
    fn fills_every_placeholder_url_encoded() {
        let url = fill(
            "https://shop.example/buy?plan={tier}&period={period}&cur={currency}&add={addons}&blocks={inmail_blocks}",
            &purchase(),
        );
        assert_eq!(
            url,
            "https://shop.example/buy?plan=sales-navigator&period=yearly&cur=EUR&add=100x2%2C25x1&blocks=3"
        );
    }

    #[test]
    fn a_team_changing_plans_carries_its_seats_and_the_tier_it_leaves() {
        let change = Purchase {
            selection: Selection {
                seats: 8,
                ..purchase().selection
            },
            from_tier: Some("premium-business".into()),
            ..purchase()
        };
        assert_eq!(
            fill("/change?from={from_tier}&to={tier}&seats={seats}", &change),
            "/change?from=premium-business&to=sales-navigator&seats=8"
        );
        let detail = change.detail(CheckoutSource::Calculator, "/x");
        assert_eq!(
            (detail.seats, detail.from_tier.as_deref()),
            (Some(8), Some("premium-business"))
        );
        // One account and no plan of its own: both left out of the event, empty in a URL.
        let json =
            serde_json::to_value(purchase().detail(CheckoutSource::Calculator, "/x")).unwrap();
        assert!(json.get("seats").is_none() && json.get("from_tier").is_none());
        assert_eq!(
            fill("/c?from={from_tier}&s={seats}", &purchase()),
            "/c?from=&s=1"
        );
    }

    #[test]
    fn only_what_must_be_encoded_is_encoded() {
        // The unreserved characters stay; everything else (delimiters, spaces, quotes,
        // markup, percent signs, anything beyond ASCII) is encoded, so no value can end a
        // parameter, start another, or break out of an attribute.
        assert_eq!(encode("a-b_c.d~e"), "a-b_c.d~e");
        for (hostile, encoded) in [
            ("a&b=c", "a%26b%3Dc"),
            ("x?y#z", "x%3Fy%23z"),
            ("../../", "..%2F..%2F"),
            ("100%", "100%25"),
            ("\"><script>", "%22%3E%3Cscript%3E"),
            ("a b+c", "a%20b%2Bc"),
            ("Zürich", "Z%C3%BCrich"),
        ] {
            assert_eq!(encode(hostile), encoded, "{hostile}");
        }
        // Every placeholder goes through it.
        let mut hostile = purchase();
        hostile.selection.tier_id = "a&b=c/d?e#f".into();
        let url = fill(
            "/{tier}?p={period}&c={currency}&a={addons}&b={inmail_blocks}",
            &hostile,
        );
        assert_eq!(
            url,
            "/a%26b%3Dc%2Fd%3Fe%23f?p=yearly&c=EUR&a=100x2%2C25x1&b=3"
        );
    }

    #[test]
    fn the_host_s_template_first_then_the_tier_s_then_the_rules() {
        let mut rules = ARTICLE.rules();
        assert_eq!(template(None, &rules, "basic"), None);
        rules.checkout_url = Some("/buy/{tier}".into());
        rules.tiers[1].checkout_url = Some("https://pay.example/pb".into());
        assert_eq!(template(None, &rules, "basic"), Some("/buy/{tier}"));
        assert_eq!(
            template(None, &rules, "premium-business"),
            Some("https://pay.example/pb")
        );
        assert_eq!(
            template(Some("/host"), &rules, "premium-business"),
            Some("/host")
        );
    }

    #[test]
    fn the_detail_carries_the_plan_and_where_it_came_from() {
        let json = serde_json::to_value(purchase().detail(CheckoutSource::PopUp, "/x")).unwrap();
        assert_eq!(json["source"], "pop-up");
        assert_eq!(json["addons"], "100x2,25x1");
        assert_eq!(json["billing"], "yearly");
        assert_eq!(json["currency"], "EUR");
    }
}
