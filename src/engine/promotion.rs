//! Promotions: which plans they apply to, what they take off a charge, for how long.
//!
//! A promotion takes a percentage (rounded half up to the minor unit) or an amount (never
//! more than the charge) off each charge of a tier's price that falls in its first `months`
//! months, as Stripe's coupons with a duration in months do: billed monthly, a 3-month
//! promotion discounts three charges; billed quarterly, one (the first quarter starts in the
//! window); billed yearly, the first year.

use chrono::NaiveDate;

use super::bill::Billing;
use super::period::parse_iso_date;
use super::rules::{Promotion, RuleSet};

impl Promotion {
    /// As the widget shows it: its name, else its id.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }

    /// The last day it can be taken.
    pub fn until_date(&self) -> Option<NaiveDate> {
        self.until.as_deref().and_then(parse_iso_date)
    }

    /// Whether it can still be taken on `today`.
    pub fn is_open_on(&self, today: NaiveDate) -> bool {
        self.until_date().is_none_or(|until| today <= until)
    }

    /// Whether it applies to this tier under this billing.
    pub fn applies_to(&self, rules: &RuleSet, tier_id: &str, billing: Billing) -> bool {
        let tier_ok = if self.tiers.is_empty() {
            rules.tier(tier_id).is_some_and(|t| !t.is_contact())
        } else {
            self.tiers.iter().any(|t| t == tier_id)
        };
        let period_ok = self.periods.is_empty() || self.periods.iter().any(|p| p == billing.id());
        tier_ok && period_ok
    }

    /// What it takes off one charge.
    pub fn off(&self, charge: u64) -> u64 {
        match (self.percent_off, self.amount_off_cents) {
            (Some(percent), _) => {
                let off = (u128::from(charge) * u128::from(percent) + 50) / 100;
                u64::try_from(off).unwrap_or(u64::MAX).min(charge)
            }
            (None, Some(amount)) => amount.min(charge),
            (None, None) => 0,
        }
    }

    /// How many of a year's `per_year` charges, each `months_each` months apart from the
    /// start, fall in its months: all of them when it has no end.
    pub fn discounted_charges(&self, per_year: u64, months_each: u64) -> u64 {
        match self.months {
            Some(months) => months.div_ceil(months_each.max(1)).min(per_year),
            None => per_year,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets::ARTICLE;

    fn promo(percent: Option<u64>, amount: Option<u64>, months: Option<u64>) -> Promotion {
        Promotion {
            id: "spring".into(),
            name: None,
            percent_off: percent,
            amount_off_cents: amount,
            tiers: vec!["sales-navigator".into()],
            periods: vec!["monthly".into(), "yearly".into()],
            months,
            until: Some("2027-03-31".into()),
        }
    }

    #[test]
    fn what_it_takes_off_a_charge() {
        // 50 % of $79.99 is $39.995: rounded half up, $40.00 off.
        assert_eq!(promo(Some(50), None, None).off(7999), 4000);
        assert_eq!(promo(Some(100), None, None).off(7999), 7999);
        // An amount never takes more than the charge.
        assert_eq!(promo(None, Some(1000), None).off(7999), 1000);
        assert_eq!(promo(None, Some(10_000), None).off(7999), 7999);
    }

    #[test]
    fn how_many_charges_fall_in_its_months() {
        let three = promo(Some(50), None, Some(3));
        assert_eq!(three.discounted_charges(12, 1), 3);
        assert_eq!(three.discounted_charges(4, 3), 1);
        assert_eq!(three.discounted_charges(1, 12), 1);
        let four = promo(Some(50), None, Some(4));
        assert_eq!(four.discounted_charges(4, 3), 2);
        assert_eq!(
            promo(Some(50), None, Some(36)).discounted_charges(12, 1),
            12
        );
        assert_eq!(promo(Some(50), None, None).discounted_charges(4, 3), 4);
    }

    #[test]
    fn which_plans_and_days_it_applies_to() {
        let rules = ARTICLE.rules();
        let p = promo(Some(50), None, None);
        assert!(p.applies_to(&rules, "sales-navigator", Billing::Monthly));
        assert!(!p.applies_to(&rules, "sales-navigator", Billing::Quarterly));
        assert!(!p.applies_to(&rules, "recruiter", Billing::Monthly));
        let all = Promotion {
            tiers: vec![],
            periods: vec![],
            ..p.clone()
        };
        assert!(all.applies_to(&rules, "recruiter", Billing::Quarterly));
        let day = |s| parse_iso_date(s).unwrap();
        assert!(p.is_open_on(day("2027-03-31")));
        assert!(!p.is_open_on(day("2027-04-01")));
        assert_eq!(p.label(), "spring");
    }
}
