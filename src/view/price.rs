//! How prices are worded wherever they show: how a line is billed, what the tax is, what a
//! promotion gives, and the "Contact sales" link of a tier sold through sales.

use crate::engine::bill::{Billed, Billing, Terms};
use crate::engine::rules::{Promotion, RuleSet, Tier};
use crate::engine::tax::TaxMode;
use crate::text::{key, I18n, Texts};

/// How a line or a price is paid, said only when the billing is not monthly: "billed
/// quarterly: €149.97", "billed yearly: €599.90", "billed monthly", "per use".
pub fn billed(t: &I18n, billing: Billing, billed: Billed, period_cents: u64) -> Option<String> {
    if billing == Billing::Monthly {
        return None;
    }
    Some(match billed {
        Billed::Quarterly => t.fill(
            key::RESULTS_BILLED_QUARTERLY,
            &[("quarter", &t.money(period_cents))],
        ),
        Billed::Yearly => t.fill(
            key::RESULTS_BILLED_YEARLY,
            &[("year", &t.money(period_cents))],
        ),
        Billed::Monthly => t.text(key::PLAN_BILLED_MONTHLY).to_string(),
        Billed::PerUse => t.text(key::RESULTS_PER_USE).to_string(),
    })
}

/// The tax's rate as the locale writes a percentage: `19 %`, `5,5 %`.
pub fn rate(t: &Texts, rules: &RuleSet) -> String {
    rules
        .tax
        .as_ref()
        .map(|tax| t.format().rate(tax.rate_basis_points))
        .unwrap_or_default()
}

/// What the amounts hold, where the prices state a tax: "incl. VAT" or "plus 19 % VAT".
pub fn tax_note(t: &Texts, rules: &RuleSet, terms: Terms) -> Option<String> {
    let tax = rules.tax.as_ref()?;
    Some(match terms.tax_mode(rules) {
        TaxMode::Inclusive => t.fill(key::TAX_INCLUDED_NOTE, &[("tax", &tax.name)]),
        TaxMode::Exclusive => t.fill(
            key::TAX_ADDED_NOTE,
            &[("tax", &tax.name), ("rate", &rate(t, rules))],
        ),
    })
}

/// A promotion in one sentence: "Spring offer: 50 % off Sales Navigator for the first 3
/// months. Offer ends Wed, Mar 31, 2027."
pub fn promotion(t: &I18n, rules: &RuleSet, promotion: &Promotion) -> String {
    let off = match (promotion.percent_off, promotion.amount_off_cents) {
        (Some(percent), _) => t.fill(
            key::PROMO_PERCENT_OFF,
            &[("percent", &t.format().percent(percent))],
        ),
        (None, amount) => t.fill(
            key::PROMO_AMOUNT_OFF,
            &[("amount", &t.money(amount.unwrap_or_default()))],
        ),
    };
    let tiers: Vec<String> = promotion
        .tiers
        .iter()
        .filter_map(|id| rules.tier(id).map(|t| t.name.clone()))
        .collect();
    let months = match promotion.months {
        Some(months) => t.plural(key::PROMO_MONTHS, months, &[]),
        None => t.text(key::PROMO_ALWAYS).to_string(),
    };
    let summary = t.fill(
        key::PROMO_SUMMARY,
        &[
            ("name", promotion.label()),
            ("off", &off),
            (
                "tiers",
                &t.format().list(&tiers, crate::text::format::ListStyle::Or),
            ),
            ("months", &months),
        ],
    );
    // Words left empty (every tier) leave no double space behind.
    let summary = summary.split_whitespace().collect::<Vec<_>>().join(" ") + ".";
    match promotion.until_date() {
        Some(until) => format!(
            "{summary} {}",
            t.fill(key::PROMO_UNTIL, &[("date", &t.date(until))])
        ),
        None => summary,
    }
}

/// A tier's "Contact sales" link: where it goes, its words, and its label for screen
/// readers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactView {
    /// As the rules give it; the link resolves it against the page.
    pub href: String,
    pub text: std::rc::Rc<str>,
    pub label: String,
    pub tier_id: String,
}

/// The link of a tier sold through sales, when it is one.
pub fn contact(t: &Texts, tier: &Tier) -> Option<ContactView> {
    let href = tier.contact_url.clone()?;
    let text = t.text(key::CONTACT_LINK);
    Some(ContactView {
        href,
        label: t.fill(key::CONTACT_LABEL, &[("tier", &tier.name)]),
        text,
        tier_id: tier.id.clone(),
    })
}
