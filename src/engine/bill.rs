//! What a selection costs: the bill, line by line, for a period's usage.
//!
//! [`bill`] is the one place a total is made. The calculator's total is the bill of what the
//! visitor has chosen; every figure shown for a state the visitor could move to (a way to
//! unblock a send, a recommended plan, a row of the comparison, a point of the chart, the
//! charge of the next InMail) is the bill of that state, never a patch of the current total.
//!
//! A bill is under one billing: monthly, or yearly (at the yearly prices of what has them;
//! what has none stays monthly, and pay-per-InMail is paid as used). It gives the month as
//! billed (a yearly price's twelfth) and the year; plans are ranked by the year, which is
//! exact under both.

use super::plan::{Selection, Usage};
use super::rules::{Bundle, RuleSet, Tier};

/// What a line of the monthly bill is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charge {
    /// The tier's own price.
    Tier,
    /// `count` bundles of `size` messages.
    Bundle { size: u64, count: u64 },
    /// `count` InMail credit blocks of `block_size` credits.
    InMailBlocks { count: u64, block_size: u64 },
    /// `count` InMails paid one by one.
    PayPerInMail { count: u64 },
}

impl Charge {
    /// Whether the line pays for messages (the tier and its bundles), as opposed to InMail.
    pub fn is_for_messages(self) -> bool {
        matches!(self, Charge::Tier | Charge::Bundle { .. })
    }
}

/// How the subscription is paid for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Billing {
    /// Every month, at the monthly prices.
    #[default]
    Monthly,
    /// By the year, at the yearly prices where there are any (monthly where not).
    Yearly,
}

impl Billing {
    /// As attributes, URLs and events write it.
    pub fn id(self) -> &'static str {
        match self {
            Billing::Monthly => "monthly",
            Billing::Yearly => "yearly",
        }
    }

    pub fn from_id(id: &str) -> Option<Billing> {
        match id {
            "monthly" => Some(Billing::Monthly),
            "yearly" => Some(Billing::Yearly),
            _ => None,
        }
    }
}

/// How one line is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Billed {
    Monthly,
    /// By the year, at its yearly price.
    Yearly,
    /// As used (pay-per-InMail), whatever the billing.
    PerUse,
}

/// A price per unit: by the month, and by the year when it has a yearly price.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitPrice {
    pub monthly: u64,
    pub yearly: Option<u64>,
}

impl UnitPrice {
    /// What one unit costs a year under `billing`: its yearly price when billed yearly and it
    /// has one, else twelve months. The exact figure plans are compared by.
    pub fn per_year(self, billing: Billing) -> u64 {
        match (billing, self.yearly) {
            (Billing::Yearly, Some(year)) => year,
            _ => self.monthly.saturating_mul(12),
        }
    }
}

/// A year's amount as a month's: a twelfth, rounded to the nearest minor unit.
pub fn month_of(year: u64) -> u64 {
    year.saturating_add(6) / 12
}

/// One line of the cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CostLine {
    pub charge: Charge,
    pub billed: Billed,
    /// What a month of it costs as billed (a yearly price's twelfth, rounded).
    pub cents: u64,
    /// What a year of it costs as billed (this month's use twelve times, for a use).
    pub year_cents: u64,
    /// What a year of it would cost billed monthly.
    pub monthly_year_cents: u64,
}

impl CostLine {
    fn new(charge: Charge, price: UnitPrice, count: u64, billing: Billing) -> CostLine {
        let monthly_year_cents = price.monthly.saturating_mul(count).saturating_mul(12);
        match (billing, price.yearly) {
            (Billing::Yearly, Some(year)) => {
                let year_cents = year.saturating_mul(count);
                CostLine {
                    charge,
                    billed: Billed::Yearly,
                    cents: month_of(year_cents),
                    year_cents,
                    monthly_year_cents,
                }
            }
            _ => CostLine {
                charge,
                billed: Billed::Monthly,
                cents: price.monthly.saturating_mul(count),
                year_cents: monthly_year_cents,
                monthly_year_cents,
            },
        }
    }
}

/// A selection's cost for one period's usage, under one billing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bill {
    pub billing: Billing,
    /// The tier first, then each bundle by size, the credit blocks, pay-per-InMail.
    pub lines: Vec<CostLine>,
    /// The month's cost as billed: the sum of the lines' `cents`.
    pub total_cents: u64,
    /// The year's cost as billed (at this month's usage): the sum of the lines' `year_cents`.
    /// Plans are compared by it: it is exact under either billing.
    pub year_cents: u64,
    /// The same year billed monthly.
    pub monthly_year_cents: u64,
}

impl Bill {
    /// What the tier and its bundles cost a month as billed: the part that buys messages.
    pub fn messages_cents(&self) -> u64 {
        self.lines
            .iter()
            .filter(|l| l.charge.is_for_messages())
            .fold(0u64, |sum, l| sum.saturating_add(l.cents))
    }

    /// What billing yearly saves a year against billing monthly (0 under monthly billing).
    pub fn saving_cents(&self) -> u64 {
        self.monthly_year_cents.saturating_sub(self.year_cents)
    }

    /// That saving in whole percent of the monthly-billed year, rounded.
    pub fn saving_percent(&self) -> u64 {
        (self.saving_cents().saturating_mul(200) + self.monthly_year_cents)
            .checked_div(self.monthly_year_cents.saturating_mul(2))
            .unwrap_or(0)
    }
}

/// InMails sent past the available credits: each is paid one by one.
pub fn pay_per_count(available_credits: u64, inmail_sent: u64) -> u64 {
    inmail_sent.saturating_sub(available_credits)
}

/// InMail credits a selection has this period: the tier's, those carried in, the blocks'.
pub fn available_credits(
    rules: &RuleSet,
    tier: &Tier,
    selection: &Selection,
    usage: &Usage,
) -> u64 {
    tier.inmail_credits
        .saturating_add(usage.rollover_credits)
        .saturating_add(
            rules
                .inmail
                .block_size
                .saturating_mul(selection.inmail_blocks),
        )
}

/// A tier's price.
pub fn tier_price(tier: &Tier) -> UnitPrice {
    UnitPrice {
        monthly: tier.price_cents,
        yearly: tier.yearly_price_cents,
    }
}

/// A bundle's price.
pub fn bundle_price(bundle: &Bundle) -> UnitPrice {
    UnitPrice {
        monthly: bundle.price_cents,
        yearly: bundle.yearly_price_cents,
    }
}

/// An InMail credit block's price.
pub fn block_price(rules: &RuleSet) -> UnitPrice {
    UnitPrice {
        monthly: rules.inmail.block_price_cents,
        yearly: rules.inmail.yearly_block_price_cents,
    }
}

/// The bill of `selection` with `usage` this period, under `billing`. An unknown tier id is
/// billed as the first tier (callers keep selections fitted to their rules); bundles the
/// rules do not sell are not billed (nor counted in the allowance).
pub fn bill(rules: &RuleSet, selection: &Selection, usage: &Usage, billing: Billing) -> Bill {
    let tier = rules.tier(&selection.tier_id).unwrap_or(&rules.tiers[0]);
    let mut lines = Vec::with_capacity(selection.addons.len() + 3);
    lines.push(CostLine::new(Charge::Tier, tier_price(tier), 1, billing));
    for &(size, count) in &selection.addons {
        if let Some(bundle) = rules.bundle(size) {
            let charge = Charge::Bundle { size, count };
            lines.push(CostLine::new(charge, bundle_price(bundle), count, billing));
        }
    }
    if selection.inmail_blocks > 0 {
        let charge = Charge::InMailBlocks {
            count: selection.inmail_blocks,
            block_size: rules.inmail.block_size,
        };
        lines.push(CostLine::new(
            charge,
            block_price(rules),
            selection.inmail_blocks,
            billing,
        ));
    }
    let pay_per = pay_per_count(
        available_credits(rules, tier, selection, usage),
        usage.inmail_sent,
    );
    if pay_per > 0 {
        let cents = rules.inmail.pay_per_inmail_cents.saturating_mul(pay_per);
        lines.push(CostLine {
            charge: Charge::PayPerInMail { count: pay_per },
            billed: Billed::PerUse,
            cents,
            year_cents: cents.saturating_mul(12),
            monthly_year_cents: cents.saturating_mul(12),
        });
    }
    let sum = |f: fn(&CostLine) -> u64| lines.iter().fold(0u64, |s, l| s.saturating_add(f(l)));
    Bill {
        billing,
        total_cents: sum(|l| l.cents),
        year_cents: sum(|l| l.year_cents),
        monthly_year_cents: sum(|l| l.monthly_year_cents),
        lines,
    }
}

/// The usage a monthly need stands for: that many messages and InMails sent in a period.
pub fn usage_at(messages: u64, inmails: u64) -> Usage {
    Usage {
        sent: messages,
        inmail_sent: inmails,
        rollover_credits: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::currency::Currency;
    use crate::engine::presets::ARTICLE;

    fn example() -> RuleSet {
        RuleSet::from_json(include_str!("../../rules/example-eur-gbp.json")).unwrap()
    }

    #[test]
    fn billed_yearly_each_line_is_a_twelfth_of_its_year_and_the_saving_is_exact() {
        let rules = example();
        let selection = Selection {
            tier_id: "premium-business".into(),
            addons: vec![(25, 2)],
            inmail_blocks: 1,
        };
        let usage = usage_at(0, 5);
        let yearly = bill(&rules, &selection, &usage, Billing::Yearly);
        let monthly = bill(&rules, &selection, &usage, Billing::Monthly);
        // €279.90 a year: €23.33 a month (23.325, rounded half up).
        assert_eq!(
            (yearly.lines[0].cents, yearly.lines[0].year_cents),
            (2333, 27990)
        );
        assert_eq!(yearly.lines[0].billed, Billed::Yearly);
        // Two bundles of €13.99 billed yearly at €139.90 each.
        assert_eq!(
            (yearly.lines[1].cents, yearly.lines[1].year_cents),
            (2332, 27980)
        );
        // 3 credits from the block, 2 InMails paid one by one: as used, in either billing.
        let pay_per = yearly.lines.last().unwrap();
        assert_eq!((pay_per.billed, pay_per.cents), (Billed::PerUse, 2 * 900));
        assert_eq!(
            yearly.total_cents,
            yearly.lines.iter().map(|l| l.cents).sum::<u64>()
        );
        assert_eq!(yearly.year_cents, 27990 + 27980 + 9000 + 12 * 1800);
        assert_eq!(monthly.year_cents, 12 * monthly.total_cents);
        assert_eq!(yearly.monthly_year_cents, monthly.year_cents);
        assert_eq!(
            yearly.saving_cents(),
            monthly.year_cents - yearly.year_cents
        );
        assert_eq!(monthly.saving_cents(), 0);
        // Ten months' price for twelve: a sixth saved on what has a yearly price.
        assert_eq!(
            yearly.saving_percent(),
            (yearly.saving_cents() * 100 + monthly.year_cents / 2) / monthly.year_cents
        );
    }

    #[test]
    fn without_yearly_prices_yearly_billing_is_monthly_billing() {
        // The article sells by the month only: every worked example reads the same.
        let rules = ARTICLE.rules();
        for (tier, addons, blocks, inmails) in [
            ("basic", vec![], 0, 0),
            ("sales-navigator", vec![(100, 1)], 0, 0),
            ("recruiter", vec![(25, 2)], 0, 0),
            ("premium-business", vec![], 2, 8),
            ("recruiter-lite", vec![], 0, 31),
        ] {
            let selection = Selection {
                tier_id: tier.into(),
                addons,
                inmail_blocks: blocks,
            };
            let usage = usage_at(0, inmails);
            let yearly = bill(&rules, &selection, &usage, Billing::Yearly);
            let monthly = bill(&rules, &selection, &usage, Billing::Monthly);
            assert_eq!(yearly.total_cents, monthly.total_cents, "{tier}");
            assert_eq!(yearly.year_cents, monthly.year_cents);
            assert_eq!(yearly.saving_cents(), 0);
            assert!(yearly.lines.iter().all(|l| l.billed != Billed::Yearly));
        }
    }

    #[test]
    fn another_currency_prices_everything_from_its_list() {
        let rules = example();
        let gbp = rules.in_currency(Currency::find("GBP").unwrap()).unwrap();
        assert_eq!(gbp.currency.code(), "GBP");
        assert_eq!(gbp.tiers[1].price_cents, 2499);
        assert_eq!(gbp.tiers[1].yearly_price_cents, Some(24990));
        assert_eq!(gbp.bundle(100).unwrap().price_cents, 3999);
        assert_eq!(gbp.inmail.pay_per_inmail_cents, 800);
        assert!(
            rules.in_currency(Currency::USD).is_none(),
            "no US dollar prices"
        );
        assert_eq!(
            rules.in_currency(rules.currency).unwrap().tiers,
            rules.tiers
        );
    }

    #[test]
    fn pay_per_inmail_starts_where_the_credits_end() {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: "recruiter-lite".into(),
            addons: vec![(25, 1)],
            inmail_blocks: 1,
        };
        // 30 included + 3 from the block: the 34th InMail is the first paid one.
        let at = |n| bill(&rules, &selection, &usage_at(0, n), Billing::Monthly);
        assert_eq!(at(33).total_cents, 11995 + 1499 + 1000);
        assert_eq!(at(35).total_cents, 11995 + 1499 + 1000 + 2 * 1000);
        assert_eq!(at(35).messages_cents(), 11995 + 1499);
        assert_eq!(
            at(35).lines.last().map(|l| l.charge),
            Some(Charge::PayPerInMail { count: 2 })
        );
    }
}
