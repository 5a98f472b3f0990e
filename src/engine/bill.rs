//! What a selection costs: the bill, line by line, for a period's usage.
//!
//! [`bill`] is the one place a total is made. The calculator's total is the bill of what the
//! visitor has chosen; every figure shown for a state the visitor could move to (a way to
//! unblock a send, a recommended plan, a row of the comparison, a point of the chart, the
//! charge of the next InMail) is the bill of that state, never a patch of the current total.
//!
//! A bill is under one set of [`Terms`]: a billing period (monthly, quarterly or yearly, at
//! that period's prices where there are any, monthly where not; pay-per-InMail is paid as
//! used), how tax is shown, and the promotion taken. Each line is a number of charges a year
//! (12 monthly, 4 quarterly, 1 yearly); tax and promotions apply to each charge, and every
//! figure is a sum of charges: the first period's, the year's, and the month as billed (the
//! first period's share of a month). Plans are ranked by the first period: what the visitor
//! pays now, under the period shown.

use super::plan::{Selection, Usage};
use super::rules::{Bundle, Promotion, RuleSet, Tier};
use super::tax::{untaxed, Split, TaxMode};

/// What a line of the monthly bill is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charge {
    /// The tier's own price, for each of `seats` (1 but on a tier sold by the seat).
    Tier { seats: u64 },
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
        matches!(self, Charge::Tier { .. } | Charge::Bundle { .. })
    }
}

/// How the subscription is paid for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Billing {
    /// Every month, at the monthly prices.
    #[default]
    Monthly,
    /// Every three months, at the quarterly prices where there are any (monthly where not).
    Quarterly,
    /// By the year, at the yearly prices where there are any (monthly where not).
    Yearly,
}

impl Billing {
    pub const ALL: [Billing; 3] = [Billing::Monthly, Billing::Quarterly, Billing::Yearly];

    /// As attributes, URLs and events write it.
    pub fn id(self) -> &'static str {
        match self {
            Billing::Monthly => "monthly",
            Billing::Quarterly => "quarterly",
            Billing::Yearly => "yearly",
        }
    }

    pub fn from_id(id: &str) -> Option<Billing> {
        Billing::ALL.into_iter().find(|b| b.id() == id)
    }

    /// The months one period lasts.
    pub fn months(self) -> u64 {
        match self {
            Billing::Monthly => 1,
            Billing::Quarterly => 3,
            Billing::Yearly => 12,
        }
    }

    /// Periods in a year.
    pub fn per_year(self) -> u64 {
        12 / self.months()
    }

    /// How a charge for one such period is paid.
    pub fn billed(self) -> Billed {
        match self {
            Billing::Monthly => Billed::Monthly,
            Billing::Quarterly => Billed::Quarterly,
            Billing::Yearly => Billed::Yearly,
        }
    }
}

/// How a plan is paid for: the billing period, how tax is shown (as the prices state it,
/// when `None`), the promotion taken (an index into the rules' promotions), and the share
/// of InMails the visitor expects answered, in percent (credits come back on a reply where
/// the tier gives them back).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct Terms {
    pub billing: Billing,
    pub tax: Option<TaxMode>,
    pub promotion: Option<usize>,
    pub reply_percent: u64,
}

impl Terms {
    /// Plain terms: this billing, tax as stated, no promotion.
    pub fn billed(billing: Billing) -> Terms {
        Terms {
            billing,
            ..Terms::default()
        }
    }

    /// The same terms under another billing period.
    pub fn with_billing(self, billing: Billing) -> Terms {
        Terms { billing, ..self }
    }

    /// The promotion taken, when the rules have it.
    pub fn promotion<'r>(&self, rules: &'r RuleSet) -> Option<&'r Promotion> {
        self.promotion.and_then(|i| rules.promotions.get(i))
    }

    /// The share of `tier`'s InMails whose credit comes back, in percent: the reply rate
    /// where the tier gives credits back on a reply, else none.
    pub fn refund_percent(&self, tier: &Tier) -> u64 {
        if tier.inmail_refund_days.is_some() {
            self.reply_percent.min(100)
        } else {
            0
        }
    }

    /// How amounts are shown under these rules: as chosen, else as the prices state them
    /// (without a tax, it makes no difference).
    pub fn tax_mode(&self, rules: &RuleSet) -> TaxMode {
        self.tax.unwrap_or_else(|| {
            rules
                .tax
                .as_ref()
                .map_or(TaxMode::Inclusive, |t| t.stated_mode())
        })
    }
}

/// How one line is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Billed {
    Monthly,
    /// By the quarter, at its quarterly price.
    Quarterly,
    /// By the year, at its yearly price.
    Yearly,
    /// As used (pay-per-InMail), whatever the billing.
    PerUse,
}

impl Billed {
    /// The months between two charges.
    pub fn months(self) -> u64 {
        match self {
            Billed::Monthly | Billed::PerUse => 1,
            Billed::Quarterly => 3,
            Billed::Yearly => 12,
        }
    }

    /// Charges in a year.
    pub fn per_year(self) -> u64 {
        12 / self.months()
    }
}

/// A price per unit: by the month, and by the quarter and the year where it has such prices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitPrice {
    pub monthly: u64,
    pub quarterly: Option<u64>,
    pub yearly: Option<u64>,
}

impl UnitPrice {
    /// How one unit is charged under `billing`: at its price for the period when it has
    /// one, else monthly.
    pub fn charge(self, billing: Billing) -> (Billed, u64) {
        match (billing, self.quarterly, self.yearly) {
            (Billing::Quarterly, Some(quarter), _) => (Billed::Quarterly, quarter),
            (Billing::Yearly, _, Some(year)) => (Billed::Yearly, year),
            _ => (Billed::Monthly, self.monthly),
        }
    }

    /// What one unit costs a year under `billing`, at list price before tax: the figure
    /// bundle covers are compared by.
    pub fn per_year(self, billing: Billing) -> u64 {
        let (billed, each) = self.charge(billing);
        each.saturating_mul(billed.per_year())
    }
}

/// A year's amount as a month's: a twelfth, rounded to the nearest minor unit.
pub fn month_of(year: u64) -> u64 {
    year.saturating_add(6) / 12
}

/// Figures of a line or a bill, in the tax mode shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Amounts {
    /// The month as billed: the first period's share of a month, rounded.
    pub month: u64,
    /// The first billing period: what is paid now.
    pub period: u64,
    /// The first year.
    pub year: u64,
}

impl Amounts {
    fn add(self, other: Amounts) -> Amounts {
        Amounts {
            month: self.month.saturating_add(other.month),
            period: self.period.saturating_add(other.period),
            year: self.year.saturating_add(other.year),
        }
    }
}

/// One line of the cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CostLine {
    pub charge: Charge,
    pub billed: Billed,
    /// What a month of it costs as billed (the first period's share, rounded).
    pub cents: u64,
    /// What the first billing period of it costs.
    pub period_cents: u64,
    /// What a year of it costs as billed (this month's use twelve times, for a use).
    pub year_cents: u64,
    /// What a year of it would cost billed monthly, without a promotion.
    pub monthly_year_cents: u64,
    /// Before the promotion, where one applies to the line.
    pub list: Option<Amounts>,
    /// The tax in these figures (inclusive) or to add to them (exclusive).
    pub tax: Amounts,
}

/// How a line's charges are priced: tax, and the promotion's cut of each charge.
struct Pricing<'a> {
    tax: Option<&'a super::rules::Tax>,
    mode: TaxMode,
    billing: Billing,
}

impl Pricing<'_> {
    fn split(&self, stated: u64) -> Split {
        self.tax
            .map_or_else(|| untaxed(stated), |t| t.split(stated))
    }

    /// A line of `per_year` charges of `each` (stated), the first `discounted` of them
    /// `off` less.
    fn line(
        &self,
        charge: Charge,
        billed: Billed,
        each: u64,
        monthly_each: u64,
        promotion: Option<(u64, u64)>,
    ) -> CostLine {
        let per_year = billed.per_year();
        let in_period = per_year / self.billing.per_year();
        let (discounted, off) = promotion.unwrap_or((0, 0));
        let full = self.split(each);
        let cut = self.split(each.saturating_sub(off));
        let amounts = |take: &dyn Fn(Split) -> u64, discounted: u64| {
            let sum = |n: u64| {
                let cut_n = n.min(discounted);
                take(cut)
                    .saturating_mul(cut_n)
                    .saturating_add(take(full).saturating_mul(n - cut_n))
            };
            let period = sum(in_period);
            Amounts {
                month: match self.billing {
                    Billing::Monthly => period,
                    _ => month_of(period.saturating_mul(self.billing.per_year())),
                },
                period,
                year: sum(per_year),
            }
        };
        let shown = |s: Split| s.shown(self.mode);
        let now = amounts(&shown, discounted);
        CostLine {
            charge,
            billed,
            cents: now.month,
            period_cents: now.period,
            year_cents: now.year,
            monthly_year_cents: shown(self.split(monthly_each)).saturating_mul(12),
            list: (discounted > 0 && off > 0).then(|| amounts(&shown, 0)),
            tax: amounts(&|s: Split| s.tax, discounted),
        }
    }

    /// `count` units at `price`, charged as `billing` charges them.
    fn units(
        &self,
        charge: Charge,
        price: UnitPrice,
        count: u64,
        promotion: Option<&Promotion>,
    ) -> CostLine {
        let (billed, each) = price.charge(self.billing);
        let each = each.saturating_mul(count);
        let cut = promotion.map(|p| {
            (
                p.discounted_charges(billed.per_year(), billed.months()),
                p.off(each),
            )
        });
        let monthly = price.monthly.saturating_mul(count);
        self.line(charge, billed, each, monthly, cut)
    }
}

/// A selection's cost for one period's usage, under one set of terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bill {
    pub billing: Billing,
    /// How the amounts below are shown.
    pub tax_mode: TaxMode,
    /// The tier first, then each bundle by size, the credit blocks, pay-per-InMail.
    pub lines: Vec<CostLine>,
    /// The month's cost as billed: the sum of the lines' `cents`.
    pub total_cents: u64,
    /// The first billing period's cost: what is paid now. Plans are ranked by it.
    pub period_cents: u64,
    /// The year's cost as billed (at this month's usage), with the promotion's months.
    pub year_cents: u64,
    /// The same year at list prices: what a longer period's saving is measured on.
    pub list_year_cents: u64,
    /// The same year billed monthly, at list prices.
    pub monthly_year_cents: u64,
    /// The tax in the figures (inclusive) or to add (exclusive); zero without a tax.
    pub tax: Amounts,
    /// The figures before the promotion, when one applies.
    pub list: Option<Amounts>,
}

impl Bill {
    /// What the tier and its bundles cost a month as billed: the part that buys messages.
    pub fn messages_cents(&self) -> u64 {
        self.lines
            .iter()
            .filter(|l| l.charge.is_for_messages())
            .fold(0u64, |sum, l| sum.saturating_add(l.cents))
    }

    /// The figures as shown.
    pub fn amounts(&self) -> Amounts {
        Amounts {
            month: self.total_cents,
            period: self.period_cents,
            year: self.year_cents,
        }
    }

    /// The figures with the tax in them: what checkout charges.
    pub fn gross(&self) -> Amounts {
        match self.tax_mode {
            TaxMode::Inclusive => self.amounts(),
            TaxMode::Exclusive => self.amounts().add(self.tax),
        }
    }

    /// The figures before tax.
    pub fn net(&self) -> Amounts {
        let a = self.amounts();
        match self.tax_mode {
            TaxMode::Inclusive => Amounts {
                month: a.month.saturating_sub(self.tax.month),
                period: a.period.saturating_sub(self.tax.period),
                year: a.year.saturating_sub(self.tax.year),
            },
            TaxMode::Exclusive => a,
        }
    }

    /// What the billing period saves a year against billing monthly, at list prices (0
    /// under monthly billing).
    pub fn saving_cents(&self) -> u64 {
        self.monthly_year_cents.saturating_sub(self.list_year_cents)
    }

    /// That saving in whole percent of the monthly-billed year, rounded.
    pub fn saving_percent(&self) -> u64 {
        (self.saving_cents().saturating_mul(200) + self.monthly_year_cents)
            .checked_div(self.monthly_year_cents.saturating_mul(2))
            .unwrap_or(0)
    }

    /// What checkout charges for the first period: before tax, the tax, and with it.
    pub fn first_charge(&self) -> Split {
        Split {
            net: self.net().period,
            tax: self.tax.period,
            gross: self.gross().period,
        }
    }

    /// Whether a promotion lowers it.
    pub fn is_promoted(&self) -> bool {
        self.list.is_some()
    }

    /// What the promotion takes off the first period.
    pub fn promotion_off_cents(&self) -> u64 {
        self.list
            .map_or(0, |l| l.period.saturating_sub(self.period_cents))
    }
}

/// How many InMails `credits` pay for when `refund_percent` of them come back (docs/rules.md,
/// "Reply rate"): the most x with x − ⌊x · r / 100⌋ ≤ credits, which is ⌊100 · credits /
/// (100 − r)⌋; without credits, none.
pub fn inmails_on_credits(credits: u64, refund_percent: u64) -> u64 {
    match (credits, refund_percent) {
        (0, _) => 0,
        (_, 100..) => u64::MAX,
        (c, r) => c.saturating_mul(100) / (100 - r),
    }
}

/// The credits `inmails` InMails take when `refund_percent` of them come back.
pub fn credits_for(inmails: u64, refund_percent: u64) -> u64 {
    inmails - inmails.saturating_mul(refund_percent.min(100)) / 100
}

/// InMails sent past what the available credits pay for: each is paid one by one.
pub fn pay_per_count(available_credits: u64, inmail_sent: u64, refund_percent: u64) -> u64 {
    inmail_sent.saturating_sub(inmails_on_credits(available_credits, refund_percent))
}

/// InMails paid one by one this period: as played, or past what the credits pay for at the
/// reply rate.
pub fn pay_per_of(
    rules: &RuleSet,
    tier: &Tier,
    selection: &Selection,
    usage: &Usage,
    terms: Terms,
) -> u64 {
    match usage.played {
        Some(played) => played.pay_per.min(usage.inmail_sent),
        None => pay_per_count(
            available_credits(rules, tier, selection, usage),
            usage.inmail_sent,
            terms.refund_percent(tier),
        ),
    }
}

/// InMail credits a selection has this period: the tier's, those carried in, the blocks',
/// and, as played, those given back less those expired.
pub fn available_credits(
    rules: &RuleSet,
    tier: &Tier,
    selection: &Selection,
    usage: &Usage,
) -> u64 {
    let played = usage.played.unwrap_or_default();
    let extra = usage
        .rollover_credits
        .saturating_add(
            rules
                .inmail
                .block_size
                .saturating_mul(selection.inmail_blocks),
        )
        .saturating_add(played.refunded);
    tier.team_credits(tier.seats_for(selection.seats), extra)
        .saturating_sub(played.expired)
}

/// A tier's price.
pub fn tier_price(tier: &Tier) -> UnitPrice {
    UnitPrice {
        monthly: tier.price_cents,
        quarterly: tier.quarterly_price_cents,
        yearly: tier.yearly_price_cents,
    }
}

/// A bundle's price.
pub fn bundle_price(bundle: &Bundle) -> UnitPrice {
    UnitPrice {
        monthly: bundle.price_cents,
        quarterly: bundle.quarterly_price_cents,
        yearly: bundle.yearly_price_cents,
    }
}

/// An InMail credit block's price.
pub fn block_price(rules: &RuleSet) -> UnitPrice {
    UnitPrice {
        monthly: rules.inmail.block_price_cents,
        quarterly: rules.inmail.quarterly_block_price_cents,
        yearly: rules.inmail.yearly_block_price_cents,
    }
}

/// The bill of `selection` with `usage` this period, under `terms`. An unknown tier id (or
/// one sold through sales) is billed as the first tier with a price (callers keep selections fitted to their rules);
/// bundles the rules do not sell are not billed (nor counted in the allowance).
pub fn bill(rules: &RuleSet, selection: &Selection, usage: &Usage, terms: Terms) -> Bill {
    let tier = rules
        .tier(&selection.tier_id)
        .filter(|t| !t.is_contact())
        .unwrap_or_else(|| rules.first_priced_tier());
    let pricing = Pricing {
        tax: rules.tax.as_ref(),
        mode: terms.tax_mode(rules),
        billing: terms.billing,
    };
    let promotion = terms
        .promotion(rules)
        .filter(|p| p.applies_to(rules, &tier.id, terms.billing));
    let mut lines = Vec::with_capacity(selection.addons.len() + 3);
    let seats = tier.seats_for(selection.seats);
    let charge = Charge::Tier { seats };
    lines.push(pricing.units(charge, tier_price(tier), seats, promotion));
    for &(size, count) in &selection.addons {
        if let Some(bundle) = rules.bundle(size) {
            let charge = Charge::Bundle { size, count };
            lines.push(pricing.units(charge, bundle_price(bundle), count, None));
        }
    }
    if selection.inmail_blocks > 0 {
        let charge = Charge::InMailBlocks {
            count: selection.inmail_blocks,
            block_size: rules.inmail.block_size,
        };
        lines.push(pricing.units(charge, block_price(rules), selection.inmail_blocks, None));
    }
    let pay_per = pay_per_of(rules, tier, selection, usage, terms);
    if pay_per > 0 {
        let cents = rules.inmail.pay_per_inmail_cents.saturating_mul(pay_per);
        let charge = Charge::PayPerInMail { count: pay_per };
        lines.push(pricing.line(charge, Billed::PerUse, cents, cents, None));
    }
    let sum = |f: &dyn Fn(&CostLine) -> u64| lines.iter().fold(0u64, |s, l| s.saturating_add(f(l)));
    let amounts = |f: &dyn Fn(&CostLine) -> Amounts| {
        lines.iter().fold(Amounts::default(), |s, l| s.add(f(l)))
    };
    let own = |l: &CostLine| Amounts {
        month: l.cents,
        period: l.period_cents,
        year: l.year_cents,
    };
    let list = amounts(&|l| l.list.unwrap_or_else(|| own(l)));
    Bill {
        billing: terms.billing,
        tax_mode: pricing.mode,
        total_cents: sum(&|l| l.cents),
        period_cents: sum(&|l| l.period_cents),
        year_cents: sum(&|l| l.year_cents),
        list_year_cents: list.year,
        monthly_year_cents: sum(&|l| l.monthly_year_cents),
        tax: amounts(&|l| l.tax),
        list: lines.iter().any(|l| l.list.is_some()).then_some(list),
        lines,
    }
}

/// One unit of `price` under `terms`, as its line would be: a tier's own price (with the
/// promotion where it applies to `tier`), a bundle's or a block's. What a tier card or a way
/// to unblock shows as its price.
pub fn unit_line(rules: &RuleSet, price: UnitPrice, terms: Terms, tier: Option<&Tier>) -> CostLine {
    let pricing = Pricing {
        tax: rules.tax.as_ref(),
        mode: terms.tax_mode(rules),
        billing: terms.billing,
    };
    let promotion = tier.and_then(|t| {
        terms
            .promotion(rules)
            .filter(|p| p.applies_to(rules, &t.id, terms.billing))
    });
    pricing.units(Charge::Tier { seats: 1 }, price, 1, promotion)
}

/// The usage a monthly need stands for: that many messages and InMails sent in a period.
pub fn usage_at(messages: u64, inmails: u64) -> Usage {
    Usage {
        sent: messages,
        inmail_sent: inmails,
        ..Usage::default()
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
            seats: 1,
        };
        let usage = usage_at(0, 5);
        let yearly = bill(&rules, &selection, &usage, Terms::billed(Billing::Yearly));
        let monthly = bill(&rules, &selection, &usage, Terms::billed(Billing::Monthly));
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
                seats: 1,
            };
            let usage = usage_at(0, inmails);
            let yearly = bill(&rules, &selection, &usage, Terms::billed(Billing::Yearly));
            let monthly = bill(&rules, &selection, &usage, Terms::billed(Billing::Monthly));
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

    /// The terms of the example file: `billing`, tax shown as `tax`, promotion `promo`.
    fn terms(rules: &RuleSet, billing: Billing, tax: TaxMode, promo: Option<&str>) -> Terms {
        Terms {
            billing,
            tax: Some(tax),
            promotion: promo.map(|id| rules.promotions.iter().position(|p| p.id == id).unwrap()),
            reply_percent: 0,
        }
    }

    fn tier_alone(rules: &RuleSet, tier: &str, terms: Terms) -> Bill {
        let selection = Selection {
            tier_id: tier.into(),
            addons: vec![],
            inmail_blocks: 0,
            seats: 1,
        };
        bill(rules, &selection, &usage_at(0, 0), terms)
    }

    // The worked examples of docs/rules.md ("Worked examples (`example-eur-gbp`)"), each
    // figure worked out by hand there.

    #[test]
    fn worked_example_vat_included_and_taken_out() {
        let rules = example();
        let monthly = |tax| terms(&rules, Billing::Monthly, tax, None);
        // €59.99 includes 19 % VAT: 5999 × 19 / 119 = 957.8 → €9.58; €50.41 before it.
        let incl = tier_alone(&rules, "sales-navigator", monthly(TaxMode::Inclusive));
        assert_eq!((incl.total_cents, incl.tax.month), (5999, 958));
        let excl = tier_alone(&rules, "sales-navigator", monthly(TaxMode::Exclusive));
        assert_eq!((excl.total_cents, excl.tax.month), (5041, 958));
        assert_eq!(excl.first_charge(), incl.first_charge());
        assert_eq!(
            excl.first_charge(),
            Split {
                net: 5041,
                tax: 958,
                gross: 5999
            }
        );
        // Tax is worked out per line of a charge (as an invoice's line of quantity 2), then
        // added: two bundles, €27.98, hold 2798 × 19 / 119 = 446.7 → €4.47.
        let selection = Selection {
            tier_id: "sales-navigator".into(),
            addons: vec![(25, 2)],
            inmail_blocks: 0,
            seats: 1,
        };
        let both = bill(
            &rules,
            &selection,
            &usage_at(0, 0),
            monthly(TaxMode::Exclusive),
        );
        assert_eq!(both.lines[1].tax.month, 447);
        assert_eq!(both.tax.month, 958 + 447);
        assert_eq!(both.gross().month, 5999 + 2 * 1399);
        // In pounds, 20 % VAT: £52.99 holds £8.83.
        let gbp = rules.in_currency(Currency::find("GBP").unwrap()).unwrap();
        let pounds = tier_alone(&gbp, "sales-navigator", monthly(TaxMode::Exclusive));
        assert_eq!((pounds.total_cents, pounds.tax.month), (4416, 883));
    }

    #[test]
    fn worked_example_billed_quarterly() {
        let rules = example();
        let quarterly = terms(&rules, Billing::Quarterly, TaxMode::Inclusive, None);
        // €77.97 a quarter: €25.99 a month, €311.88 a year, against €335.88 billed monthly:
        // €24.00 (7 %) saved.
        let b = tier_alone(&rules, "premium-business", quarterly);
        assert_eq!(
            (b.total_cents, b.period_cents, b.year_cents),
            (2599, 7797, 31188)
        );
        assert_eq!((b.saving_cents(), b.saving_percent()), (2400, 7));
        assert_eq!(b.lines[0].billed, Billed::Quarterly);
        // Pay-per-InMail stays as used: 2 InMails past nothing at €9.00 each, in the month.
        let selection = Selection {
            tier_id: "premium-business".into(),
            addons: vec![(100, 1)],
            inmail_blocks: 0,
            seats: 1,
        };
        let b = bill(&rules, &selection, &usage_at(0, 2), quarterly);
        // €25.99 + €125.97 a quarter for the bundle (€41.99 a month) + €18.00.
        assert_eq!(b.total_cents, 2599 + 4199 + 1800);
        assert_eq!(b.period_cents, 7797 + 12597 + 3 * 1800);
    }

    #[test]
    fn worked_example_launch_offer_half_price_for_three_months() {
        let rules = example();
        let launch = |billing| terms(&rules, billing, TaxMode::Inclusive, Some("launch"));
        // Monthly: 50 % of €59.99 is €30.00 off (29.995, half up): €29.99 for three
        // charges, then €59.99; the first year €629.88 instead of €719.88.
        let m = tier_alone(&rules, "sales-navigator", launch(Billing::Monthly));
        assert_eq!((m.total_cents, m.year_cents), (2999, 3 * 2999 + 9 * 5999));
        assert_eq!(m.list.map(|l| l.month), Some(5999));
        assert_eq!(m.promotion_off_cents(), 3000);
        // The saving of a longer period is at list prices: none monthly, whatever the offer.
        assert_eq!(m.saving_cents(), 0);
        // Quarterly: the first quarter starts within the three months: €164.97 − €82.49.
        let q = tier_alone(&rules, "sales-navigator", launch(Billing::Quarterly));
        assert_eq!((q.period_cents, q.total_cents), (8248, 2749));
        assert_eq!(q.year_cents, 8248 + 3 * 16497);
        // Yearly: the first year's charge falls in them: €599.90 − €299.95.
        let y = tier_alone(&rules, "sales-navigator", launch(Billing::Yearly));
        assert_eq!((y.period_cents, y.total_cents), (29995, 2500));
        // Not a tier it names: regular prices, nothing struck.
        let other = tier_alone(&rules, "recruiter", launch(Billing::Monthly));
        assert_eq!((other.total_cents, other.list), (21999, None));
        // Shown before tax, the tax is of the promotional price: €29.99 holds €4.79.
        let net = tier_alone(
            &rules,
            "sales-navigator",
            terms(&rules, Billing::Monthly, TaxMode::Exclusive, Some("launch")),
        );
        assert_eq!((net.total_cents, net.tax.month), (2520, 479));
    }

    #[test]
    fn worked_example_welcome_offer_an_amount_in_each_currency() {
        let rules = example();
        let welcome =
            |rules: &RuleSet, billing| terms(rules, billing, TaxMode::Inclusive, Some("welcome"));
        // €10.00 off the first month of Premium Business, billed monthly only.
        let m = tier_alone(
            &rules,
            "premium-business",
            welcome(&rules, Billing::Monthly),
        );
        assert_eq!((m.total_cents, m.year_cents), (1799, 1799 + 11 * 2799));
        let y = tier_alone(&rules, "premium-business", welcome(&rules, Billing::Yearly));
        assert_eq!((y.period_cents, y.list), (27990, None));
        // In pounds, the list's own amount: £9.00 off £24.99.
        let gbp = rules.in_currency(Currency::find("GBP").unwrap()).unwrap();
        let p = tier_alone(&gbp, "premium-business", welcome(&gbp, Billing::Monthly));
        assert_eq!(p.total_cents, 1599);
    }

    #[test]
    fn worked_example_a_tier_sold_through_sales_has_no_price() {
        let rules = example();
        use crate::engine::recommend::{Need, Recommender};
        let corporate = rules.tier("recruiter-corporate").unwrap();
        assert!(corporate.is_contact());
        // Never billed as free: a selection naming it is billed as the first priced tier.
        let monthly = terms(&rules, Billing::Monthly, TaxMode::Inclusive, None);
        assert_eq!(
            tier_alone(&rules, "recruiter-corporate", monthly),
            tier_alone(&rules, "basic", monthly)
        );
        // Never the cheapest way, even to what only it includes: 500 messages and 150
        // InMails are Recruiter + 1 × 200 + 1 × 200 (or what else costs least), not €0.
        let need = Need {
            messages: 500,
            inmails: 150,
            min_tier: None,
            team: 0,
        };
        let plan = Recommender::new(&rules, monthly)
            .recommend(&rules, &need)
            .unwrap();
        assert_ne!(rules.tiers[plan.tier_index].id, "recruiter-corporate");
        assert!(plan.total_cents > 0);
    }

    #[test]
    fn pay_per_inmail_starts_where_the_credits_end() {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: "recruiter-lite".into(),
            addons: vec![(25, 1)],
            inmail_blocks: 1,
            seats: 1,
        };
        // 30 included + 3 from the block: the 34th InMail is the first paid one.
        let at = |n| {
            bill(
                &rules,
                &selection,
                &usage_at(0, n),
                Terms::billed(Billing::Monthly),
            )
        };
        assert_eq!(at(33).total_cents, 11995 + 1499 + 1000);
        assert_eq!(at(35).total_cents, 11995 + 1499 + 1000 + 2 * 1000);
        assert_eq!(at(35).messages_cents(), 11995 + 1499);
        assert_eq!(
            at(35).lines.last().map(|l| l.charge),
            Some(Charge::PayPerInMail { count: 2 })
        );
    }
}
