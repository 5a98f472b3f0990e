//! The one function that turns a selection and its usage into everything the widget shows.

use chrono::NaiveDate;

use super::bill::{available_credits, bill, credits_for, pay_per_of, Bill, Billing, Terms};
use super::currency::Currency;
use super::period::{Period, PeriodRule};
use super::plan::{Selection, Usage};
use super::rules::{RuleSet, Tax, Tier};

/// How close the visitor is to the allowance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Ok,
    /// From 80% of the allowance used.
    Warning,
    /// Nothing left: the next message is not delivered.
    Reached,
}

/// InMail credits and spending this period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InMailStatus {
    pub included: u64,
    pub rolled_over: u64,
    pub from_blocks: u64,
    /// Included + rolled over + from blocks.
    pub available: u64,
    pub sent: u64,
    pub from_credits: u64,
    /// InMails sent after the credits ran out, each charged pay-per-InMail.
    pub pay_per_count: u64,
    /// Credits given back on replies, at the reply rate (where the tier gives them back).
    pub refunded: u64,
    pub credits_left: u64,
    /// InMails answered at the reply rate.
    pub answered: u64,
}

/// Everything the results panel shows, computed from scratch on every change: the quota
/// and the bill ([`bill`]) of the selection with this period's usage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub tier_id: String,
    pub tier_name: String,
    pub allowance: u64,
    pub sent: u64,
    pub remaining: u64,
    /// Share of the allowance used, whole percent, 0–100.
    pub percent_used: u64,
    pub level: Level,
    pub inmail: InMailStatus,
    /// The month's bill: its lines, tax and promotion.
    pub bill: Bill,
    /// The tax the prices bear, where they state one.
    pub tax: Option<Tax>,
    /// The promotion that applies to the plan (its id and what the widget calls it).
    pub promotion: Option<(String, String)>,
    /// The month's cost as billed.
    pub total_cents: u64,
    /// The month's cost per answered InMail, at the reply rate; `None` when none is.
    pub per_answered_cents: Option<u64>,
    /// The share of InMails the visitor expects answered, in percent.
    pub reply_percent: u64,
    pub billing: Billing,
    /// The currency every amount is in.
    pub currency: Currency,
    /// The year's cost as billed, at this month's usage.
    pub year_cents: u64,
    /// What billing yearly saves a year against monthly billing, and in percent.
    pub saving_cents: u64,
    pub saving_percent: u64,
    pub period: Period,
    pub days_left: u64,
}

/// The month's message allowance: the tier's free messages (each seat's) plus every bundle,
/// within the seats' cap.
pub fn allowance(rules: &RuleSet, tier: &Tier, selection: &Selection) -> u64 {
    tier.team_messages(
        tier.seats_for(selection.seats),
        bought_messages(rules, selection),
    )
}

/// The messages the tier gives every seat plus the bundles', before any cap per seat: what a
/// team's pool holds.
pub fn message_pool(rules: &RuleSet, tier: &Tier, selection: &Selection) -> u64 {
    tier.free_messages
        .saturating_mul(tier.seats_for(selection.seats))
        .saturating_add(bought_messages(rules, selection))
}

/// The messages the chosen bundles add (those the rules sell).
fn bought_messages(rules: &RuleSet, selection: &Selection) -> u64 {
    selection
        .addons
        .iter()
        .filter(|(size, _)| rules.bundle(*size).is_some())
        .fold(0u64, |sum, (size, count)| {
            sum.saturating_add(size.saturating_mul(*count))
        })
}

/// The warning level for `sent` of `allowance`.
/// The share of the allowance from which the warning shows, in percent (as [`level`] counts it).
pub const WARNING_PERCENT: u64 = 80;

pub fn level(sent: u64, allowance: u64) -> Level {
    if sent >= allowance {
        Level::Reached
    } else if sent.saturating_mul(5) >= allowance.saturating_mul(4) {
        Level::Warning
    } else {
        Level::Ok
    }
}

/// InMail credits available and how this period's InMails were paid for.
pub fn inmail_status(
    rules: &RuleSet,
    tier: &Tier,
    selection: &Selection,
    usage: &Usage,
    terms: Terms,
) -> InMailStatus {
    let from_blocks = rules
        .inmail
        .block_size
        .saturating_mul(selection.inmail_blocks);
    let available = available_credits(rules, tier, selection, usage);
    let pay_per = pay_per_of(rules, tier, selection, usage, terms);
    let from_credits = usage.inmail_sent - pay_per;
    // Played, what came back is in the credits available; planned, at the reply rate.
    let (refunded, taken) = match usage.played {
        Some(played) => (played.refunded, from_credits),
        None => {
            let taken = credits_for(from_credits, terms.refund_percent(tier));
            (from_credits - taken, taken)
        }
    };
    InMailStatus {
        included: tier
            .inmail_credits
            .saturating_mul(tier.seats_for(selection.seats)),
        rolled_over: usage.rollover_credits,
        from_blocks,
        available,
        sent: usage.inmail_sent,
        from_credits,
        pay_per_count: pay_per,
        refunded,
        credits_left: available.saturating_sub(taken),
        answered: answered(usage.inmail_sent, terms.reply_percent),
    }
}

/// InMails answered of `sent` at `reply_percent`, rounded down.
pub fn answered(sent: u64, reply_percent: u64) -> u64 {
    sent.saturating_mul(reply_percent.min(100)) / 100
}

/// What each answered InMail costs: `cents` over the answered ones, rounded half up; `None`
/// when none is answered.
pub fn per_answered(cents: u64, answered: u64) -> Option<u64> {
    (answered > 0)
        .then(|| cents.saturating_mul(2).saturating_add(answered) / answered.saturating_mul(2))
}

/// Everything the widget shows for a selection, its usage and today's date.
///
/// An unknown tier id falls back to the first tier: callers keep selections fitted to
/// their rules, and a summary must exist whatever happens.
pub fn summarize(
    rules: &RuleSet,
    selection: &Selection,
    usage: &Usage,
    today: NaiveDate,
    period_rule: PeriodRule,
    terms: Terms,
) -> Summary {
    let tier = rules
        .tier(&selection.tier_id)
        .unwrap_or_else(|| rules.first_priced_tier());
    let allowance = allowance(rules, tier, selection);
    let remaining = allowance.saturating_sub(usage.sent);
    // Saturating: with validated counts (at most a million sent) the product never saturates.
    let percent_used = usage
        .sent
        .min(allowance)
        .saturating_mul(100)
        .checked_div(allowance)
        .unwrap_or(100);
    let inmail = inmail_status(rules, tier, selection, usage, terms);
    let bill = bill(rules, selection, usage, terms);
    let period = period_rule.period_containing(today);
    Summary {
        tier_id: tier.id.clone(),
        tier_name: tier.name.clone(),
        allowance,
        sent: usage.sent,
        remaining,
        percent_used,
        level: level(usage.sent, allowance),
        inmail,
        billing: terms.billing,
        currency: rules.currency,
        year_cents: bill.year_cents,
        saving_cents: bill.saving_cents(),
        saving_percent: bill.saving_percent(),
        total_cents: bill.total_cents,
        per_answered_cents: per_answered(bill.total_cents, inmail.answered),
        reply_percent: terms.reply_percent,
        tax: rules.tax.clone(),
        promotion: bill.list.and(
            terms
                .promotion(rules)
                .filter(|p| p.applies_to(rules, &tier.id, terms.billing))
                .map(|p| (p.id.clone(), p.label().to_owned())),
        ),
        bill,
        period,
        days_left: period.days_left(today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::bill::Charge;
    use crate::engine::period::parse_iso_date;
    use crate::engine::presets::ARTICLE;

    fn summary_of(
        tier: &str,
        addons: &[(u64, u64)],
        blocks: u64,
        sent: u64,
        inmail_sent: u64,
    ) -> Summary {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: tier.into(),
            addons: addons.to_vec(),
            inmail_blocks: blocks,
            seats: 1,
        };
        let usage = Usage {
            sent,
            inmail_sent,
            ..Usage::default()
        };
        summarize(
            &rules,
            &selection,
            &usage,
            parse_iso_date("2026-01-31").unwrap(),
            PeriodRule::CalendarMonth,
            Terms::billed(Billing::Monthly),
        )
    }

    #[test]
    fn worked_examples() {
        let s = summary_of("basic", &[], 0, 0, 0);
        assert_eq!((s.allowance, s.remaining, s.total_cents), (15, 15, 0));
        assert_eq!(
            summary_of("sales-navigator", &[(100, 1)], 0, 0, 0).allowance,
            150
        );
        assert_eq!(
            summary_of("sales-navigator", &[(100, 1)], 0, 0, 0).total_cents,
            11498
        );
        let s = summary_of("recruiter", &[(25, 2)], 0, 0, 0);
        assert_eq!((s.allowance, s.total_cents), (200, 26993));
        let s = summary_of("premium-business", &[], 2, 0, 8);
        assert_eq!(
            (s.inmail.from_credits, s.inmail.pay_per_count, s.total_cents),
            (6, 2, 6999)
        );
        let s = summary_of("recruiter-lite", &[], 0, 0, 31);
        assert_eq!((s.inmail.pay_per_count, s.total_cents), (1, 12995));
        assert_eq!(s.days_left, 1);
        assert_eq!(
            crate::engine::period::iso_date(s.period.reset),
            "2026-02-01"
        );
    }

    #[test]
    fn cost_has_a_line_per_charge() {
        let s = summary_of("premium-business", &[(25, 1), (100, 2)], 2, 0, 8);
        let lines: Vec<(Charge, u64)> = s.bill.lines.iter().map(|l| (l.charge, l.cents)).collect();
        assert_eq!(
            lines,
            [
                (Charge::Tier { seats: 1 }, 2999),
                (Charge::Bundle { size: 25, count: 1 }, 1499),
                (
                    Charge::Bundle {
                        size: 100,
                        count: 2
                    },
                    9998
                ),
                (
                    Charge::InMailBlocks {
                        count: 2,
                        block_size: 3
                    },
                    2000
                ),
                (Charge::PayPerInMail { count: 2 }, 2000),
            ]
        );
        assert_eq!(s.total_cents, 2999 + 1499 + 9998 + 2000 + 2000);
    }

    #[test]
    fn boundaries_of_the_allowance() {
        let s = summary_of("basic", &[], 0, 11, 0);
        assert_eq!((s.remaining, s.percent_used, s.level), (4, 73, Level::Ok));
        let s = summary_of("basic", &[], 0, 12, 0);
        assert_eq!(
            (s.remaining, s.percent_used, s.level),
            (3, 80, Level::Warning)
        );
        let s = summary_of("basic", &[], 0, 14, 0);
        assert_eq!((s.remaining, s.level), (1, Level::Warning));
        let s = summary_of("basic", &[], 0, 15, 0);
        assert_eq!(
            (s.remaining, s.percent_used, s.level),
            (0, 100, Level::Reached)
        );
        let s = summary_of("basic", &[], 0, 1_000_000, 0);
        assert_eq!(
            (s.remaining, s.percent_used, s.level),
            (0, 100, Level::Reached)
        );
    }

    #[test]
    fn huge_counts_saturate_instead_of_overflowing() {
        let s = summary_of(
            "recruiter",
            &[(500, u64::MAX), (25, u64::MAX)],
            u64::MAX,
            u64::MAX,
            u64::MAX,
        );
        assert_eq!(s.allowance, u64::MAX);
        assert_eq!(s.total_cents, u64::MAX);
        assert_eq!(s.inmail.available, u64::MAX);
    }

    #[test]
    fn the_warning_starts_at_its_stated_percent() {
        assert_eq!(level(WARNING_PERCENT, 100), Level::Warning);
        assert_eq!(level(WARNING_PERCENT - 1, 100), Level::Ok);
    }
}
