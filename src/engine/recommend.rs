//! The cheapest exact way to a monthly need of messages and InMails.
//!
//! Messages and InMails are priced independently once a tier is fixed, so each tier's best
//! plan is its cheapest bundle cover of the missing messages plus its cheapest way to the
//! missing InMails; the answer is the best tier's plan under the rules' tie-break (docs/rules.md) (lower
//! cost, then more spare capacity, then the lower tier).
//!
//! Bundle covers: let b* be the bundle with the lowest price per message, size s*. Among
//! the optimal covers there is one with fewer than s* other bundles: any s* of them hold a
//! subset whose sizes sum to a multiple of s* (pigeonhole on prefix sums), and swapping that
//! subset for copies of b* keeps the size and never costs more. So the other bundles add up
//! to at most W = (s* − 1) × largest size, and a cover of r is k copies of b* plus an
//! optimal cover of r − k·s* ≤ W, for k in a range of about largest/s* values. A table of
//! optimal covers for every need up to W, built once per rule set, answers any need up to
//! 1,000,000 with a handful of lookups.

use super::bill::{
    available_credits, bill, block_price, bundle_price, credits_for, pay_per_count, tier_price,
    usage_at, Billing, Terms, UnitPrice,
};
use super::plan::{Selection, Usage};
use super::rules::{Bundle, RuleSet, Tier};
use super::summary::{answered, per_answered};
use super::tax::Split;

/// What the visitor (or their team) needs each month.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Need {
    /// Messages each member sends.
    pub messages: u64,
    /// InMails each member sends.
    pub inmails: u64,
    /// The lowest tier the visitor will accept (for its other features).
    pub min_tier: Option<String>,
    /// The people sending: more than one needs a tier sold by the seat (0 is one).
    pub team: u64,
}

impl Need {
    /// The people sending (at least one).
    pub fn team_size(&self) -> u64 {
        self.team.max(1)
    }

    /// Messages the whole team sends.
    pub fn team_messages(&self) -> u64 {
        self.messages.saturating_mul(self.team_size())
    }

    /// InMails the whole team sends.
    pub fn team_inmails(&self) -> u64 {
        self.inmails.saturating_mul(self.team_size())
    }

    /// The seats `tier` sells this need's team, `None` when it cannot seat it (a tier sold
    /// to one account, for a team; a team above the tier's most seats).
    pub fn seats_on(&self, tier: &Tier) -> Option<u64> {
        let team = self.team_size();
        let seats = tier.seats_for(team);
        (seats >= team).then_some(seats)
    }
}

/// A complete way to meet a need, with its monthly cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub tier_id: String,
    pub tier_index: usize,
    /// (bundle size, count), sorted by size.
    pub addons: Vec<(u64, u64)>,
    pub inmail_blocks: u64,
    /// The seats bought (1 on a tier sold to one account).
    pub seats: u64,
    /// InMails paid one by one beyond the credits.
    pub pay_per_inmails: u64,
    pub allowance: u64,
    pub inmail_credits: u64,
    /// The bill of [`Plan::selection`] at the need (that many messages and InMails sent):
    /// the month as billed.
    pub total_cents: u64,
    /// The first billing period: what plans are ranked by (what the visitor pays now).
    pub period_cents: u64,
    /// The year as billed.
    pub year_cents: u64,
    /// Before the promotion, where one applies: the month as billed.
    pub list_total_cents: Option<u64>,
    /// What checkout charges for the first period.
    pub charge: Split,
    pub billing: Billing,
    /// What the tier and bundles cost: the part of the total that buys messages.
    pub messages_cents: u64,
    /// Messages beyond the need.
    pub spare_messages: u64,
    /// InMail credits beyond what the need takes (the answered InMails' credits come back
    /// where the tier gives them back).
    pub spare_credits: u64,
    /// The needed InMails answered, at the reply rate.
    pub answered: u64,
    /// The month as billed per answered InMail; `None` when none is answered.
    pub per_answered_cents: Option<u64>,
}

impl Plan {
    /// The plan as a selection the widget can apply.
    pub fn selection(&self) -> Selection {
        Selection {
            tier_id: self.tier_id.clone(),
            addons: self.addons.clone(),
            inmail_blocks: self.inmail_blocks,
            seats: self.seats,
        }
    }

    /// The order the rules rank plans by: cost, then more spare capacity (messages and
    /// credits together), then the lower tier.
    fn rank(&self) -> (u64, std::cmp::Reverse<u64>, usize) {
        (
            self.period_cents,
            std::cmp::Reverse(self.spare_messages.saturating_add(self.spare_credits)),
            self.tier_index,
        )
    }

    /// A plan of `selection` for `need`: what it holds and its bill at the need.
    pub fn of(
        rules: &RuleSet,
        tier_index: usize,
        selection: Selection,
        need: &Need,
        terms: Terms,
    ) -> Plan {
        let tier = &rules.tiers[tier_index];
        let (messages, inmails) = (need.team_messages(), need.team_inmails());
        let bill = bill(rules, &selection, &usage_at(messages, inmails), terms);
        let allowance = super::summary::allowance(rules, tier, &selection);
        let inmail_credits = available_credits(rules, tier, &selection, &Usage::default());
        let refund = terms.refund_percent(tier);
        let answered = answered(inmails, terms.reply_percent);
        Plan {
            tier_id: selection.tier_id,
            tier_index,
            addons: selection.addons,
            inmail_blocks: selection.inmail_blocks,
            seats: tier.seats_for(selection.seats),
            pay_per_inmails: pay_per_count(inmail_credits, inmails, refund),
            allowance,
            inmail_credits,
            total_cents: bill.total_cents,
            period_cents: bill.period_cents,
            year_cents: bill.year_cents,
            list_total_cents: bill.list.map(|l| l.month),
            charge: bill.first_charge(),
            billing: terms.billing,
            messages_cents: bill.messages_cents(),
            spare_messages: allowance.saturating_sub(messages),
            spare_credits: inmail_credits.saturating_sub(credits_for(inmails, refund)),
            answered,
            per_answered_cents: per_answered(bill.total_cents, answered),
        }
    }
}

/// The cheapest cover of one message need: bundle counts, cost and messages bought.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Cover {
    pub counts: Vec<(u64, u64)>,
    pub cents: u64,
    pub messages: u64,
}

/// Optimal covers of every need up to some bound, extended on demand.
#[derive(Clone, Debug, Default)]
struct Table {
    /// Per need: cost, messages bought, first bundle taken.
    cost: Vec<u64>,
    bought: Vec<u64>,
    first: Vec<u8>,
}

/// Optimal bundle covers for one rule set; query many times.
///
/// The table of covers grows only as far as the needs asked (and never past the window),
/// so a widget that never compares plans never builds it, and small needs build little.
#[derive(Clone, Debug)]
pub struct BundleCovers {
    bundles: Vec<Bundle>,
    /// Index into `bundles` of the best price per message.
    best: usize,
    /// The largest need the table may have to answer: (s* − 1) × largest size.
    window: u64,
    table: std::cell::RefCell<Table>,
}

const NONE: u8 = u8::MAX;

impl BundleCovers {
    pub fn new(bundles: &[Bundle]) -> BundleCovers {
        let bundles = bundles.to_vec();
        // Lowest price per message, compared exactly: a/b < c/d ⇔ a·d < c·b (both products
        // fit u64: prices ≤ 10⁸ cents, sizes ≤ 10³). Ties take the smaller size, which gives
        // the smaller window.
        let best = (0..bundles.len())
            .min_by(|&i, &j| {
                let (a, b) = (&bundles[i], &bundles[j]);
                (a.price_cents * b.size)
                    .cmp(&(b.price_cents * a.size))
                    .then(a.size.cmp(&b.size))
            })
            .unwrap_or(0);
        let largest = bundles.iter().map(|b| b.size).max().unwrap_or(0);
        let window = bundles.get(best).map_or(0, |b| (b.size - 1) * largest);
        let table = Table {
            cost: vec![0],
            bought: vec![0],
            first: vec![NONE],
        };
        BundleCovers {
            bundles,
            best,
            window,
            table: std::cell::RefCell::new(table),
        }
    }

    /// Extends the table to cover every need up to `upto` (at most the window).
    fn ensure(&self, upto: u64) {
        let upto = upto.min(self.window) as usize;
        let mut t = self.table.borrow_mut();
        for need in t.cost.len()..=upto {
            let mut best_here: Option<(u64, u64, u8)> = None;
            for (j, bundle) in self.bundles.iter().enumerate() {
                let rest = need.saturating_sub(bundle.size as usize);
                let candidate = (
                    t.cost[rest] + bundle.price_cents,
                    t.bought[rest] + bundle.size,
                    j as u8,
                );
                let better = match best_here {
                    None => true,
                    Some((c, m, _)) => {
                        (candidate.0, std::cmp::Reverse(candidate.1)) < (c, std::cmp::Reverse(m))
                    }
                };
                if better {
                    best_here = Some(candidate);
                }
            }
            let (c, m, j) = best_here.unwrap_or((0, 0, NONE));
            t.cost.push(c);
            t.bought.push(m);
            t.first.push(j);
        }
    }

    /// The cheapest set of bundles holding at least `need` messages (ties: more messages).
    /// `None` when the rules sell no bundles and `need` is above zero.
    pub fn cover(&self, need: u64) -> Option<Cover> {
        if need == 0 {
            return Some(Cover::default());
        }
        let best = *self.bundles.get(self.best)?;
        let window = self.window;
        self.ensure(need);
        let t = self.table.borrow();
        let (k_min, k_max) = if need <= window {
            (0, 0)
        } else {
            (
                (need - window).div_ceil(best.size),
                need.div_ceil(best.size),
            )
        };
        let mut chosen: Option<(u64, u64, u64)> = None; // (cost, messages, k)
        for k in k_min..=k_max {
            let rest = need.saturating_sub(k * best.size) as usize;
            let candidate = (
                k.saturating_mul(best.price_cents)
                    .saturating_add(t.cost[rest]),
                k * best.size + t.bought[rest],
                k,
            );
            let better = match chosen {
                None => true,
                Some((c, m, _)) => {
                    (candidate.0, std::cmp::Reverse(candidate.1)) < (c, std::cmp::Reverse(m))
                }
            };
            if better {
                chosen = Some(candidate);
            }
        }
        let (cents, messages, k) = chosen?;
        let mut counts = vec![0u64; self.bundles.len()];
        counts[self.best] += k;
        // Walk the table's first choices back down to zero.
        let mut rest = need.saturating_sub(k * best.size) as usize;
        while rest > 0 && t.first[rest] != NONE {
            let j = t.first[rest] as usize;
            counts[j] += 1;
            rest = rest.saturating_sub(self.bundles[j].size as usize);
        }
        let counts = self
            .bundles
            .iter()
            .zip(counts)
            .filter(|(_, c)| *c > 0)
            .map(|(b, c)| (b.size, c))
            .collect();
        Some(Cover {
            counts,
            cents,
            messages,
        })
    }
}

/// The cheapest InMail blocks and pay-per-InMail for `inmails` InMails a month on top of
/// `included` credits, when `refund_percent` of the InMails give their credit back: (blocks,
/// pay-per count, cost a year under `billing`).
///
/// Each block adds its price and takes off the pay-per-InMail its credits carry: a block's
/// credits carry k = size × 100 / (100 − r) InMails, so the cost is a line in the block count
/// (falling if a block costs less than k InMails, else rising) plus the rounding down of the
/// InMails carried, which repeats every (100 − r) blocks at most. The cheapest is therefore
/// within 100 blocks of none or of just enough (without refunds, k is whole: none, or the
/// last whole block's worth and just enough).
pub fn inmail_cover(
    rules: &RuleSet,
    credits: InMailCredits,
    inmails: u64,
    refund_percent: u64,
    billing: Billing,
) -> (u64, u64, u64) {
    let InMailCredits { included, usable } = credits;
    let pricing = rules.inmail;
    let block_year = block_price(rules).per_year(billing);
    let pay_per_year = pricing.pay_per_inmail_cents.saturating_mul(12);
    // Credits past the seats' cap are never used: no block beyond it helps.
    let missing = credits_for(inmails, refund_percent)
        .min(usable)
        .saturating_sub(included);
    let enough = missing.div_ceil(pricing.block_size);
    let candidates = (0..=enough.min(100)).chain(enough.saturating_sub(100)..=enough);
    candidates
        .map(|blocks| {
            let credits = included
                .saturating_add(blocks * pricing.block_size)
                .min(usable);
            let pay_per = pay_per_count(credits, inmails, refund_percent);
            let cost = blocks
                .saturating_mul(block_year)
                .saturating_add(pay_per.saturating_mul(pay_per_year));
            (blocks, pay_per, cost)
        })
        // Ties: more blocks means more spare credits.
        .min_by_key(|&(blocks, _, cost)| (cost, std::cmp::Reverse(blocks)))
        .unwrap_or((0, inmails, 0))
}

/// The InMail credits a plan starts from: those its seats include, and the most its seats'
/// cap lets the team use (blocks past it are never used).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InMailCredits {
    pub included: u64,
    pub usable: u64,
}

impl InMailCredits {
    /// `tier`'s credits for `seats`.
    pub fn of(tier: &Tier, seats: u64) -> InMailCredits {
        InMailCredits {
            included: tier.team_credits(seats, 0),
            usable: tier.team_credits(seats, u64::MAX),
        }
    }
}

/// Everything needed to recommend plans under one rule set and one set of terms.
#[derive(Clone, Debug)]
pub struct Recommender {
    /// Covers by what each bundle costs a year under the billing.
    covers: BundleCovers,
    terms: Terms,
}

/// Two recommenders are equal when built from the same bundles and billing (their tables
/// follow).
impl PartialEq for Recommender {
    fn eq(&self, other: &Self) -> bool {
        self.covers.bundles == other.covers.bundles && self.terms == other.terms
    }
}

impl Recommender {
    /// Bundles are compared by their year at list price: tax and promotions (which never
    /// apply to bundles) do not change which cover is cheapest.
    pub fn new(rules: &RuleSet, terms: Terms) -> Recommender {
        let by_year: Vec<Bundle> = rules
            .bundles
            .iter()
            .map(|b| Bundle {
                price_cents: bundle_price(b).per_year(terms.billing),
                quarterly_price_cents: None,
                yearly_price_cents: None,
                ..*b
            })
            .collect();
        Recommender {
            covers: BundleCovers::new(&by_year),
            terms,
        }
    }

    pub fn billing(&self) -> Billing {
        self.terms.billing
    }

    pub fn terms(&self) -> Terms {
        self.terms
    }

    /// The cheapest way for one tier to meet the need, `None` when it cannot (or is sold
    /// through sales).
    pub fn plan_for_tier(&self, rules: &RuleSet, tier_index: usize, need: &Need) -> Option<Plan> {
        let tier: &Tier = rules.tiers.get(tier_index).filter(|t| !t.is_contact())?;
        let seats = need.seats_on(tier)?;
        let (messages, inmails) = (need.team_messages(), need.team_inmails());
        // Past the seats' cap on messages, no bundle lets the team send more.
        if tier.team_messages(seats, u64::MAX) < messages {
            return None;
        }
        let cover = self
            .covers
            .cover(messages.saturating_sub(tier.free_messages.saturating_mul(seats)))?;
        let (blocks, _, _) = inmail_cover(
            rules,
            InMailCredits::of(tier, seats),
            inmails,
            self.terms.refund_percent(tier),
            self.terms.billing,
        );
        let selection = Selection {
            tier_id: tier.id.clone(),
            addons: cover.counts,
            inmail_blocks: blocks,
            seats,
        };
        Some(Plan::of(rules, tier_index, selection, need, self.terms))
    }

    /// The cheapest plan over every tier at or above the minimum tier.
    pub fn recommend(&self, rules: &RuleSet, need: &Need) -> Option<Plan> {
        let from = need
            .min_tier
            .as_deref()
            .and_then(|id| rules.tier_index(id))
            .unwrap_or(0);
        (from..rules.tiers.len())
            .filter_map(|i| self.plan_for_tier(rules, i, need))
            .min_by_key(Plan::rank)
    }

    /// Each tier's cheapest way to the need, in tier order (`None` where it cannot).
    pub fn per_tier(&self, rules: &RuleSet, need: &Need) -> Vec<Option<Plan>> {
        (0..rules.tiers.len())
            .map(|i| self.plan_for_tier(rules, i, need))
            .collect()
    }
}

/// Exhaustive search over every combination that could be cheapest, for tests and the
/// benchmark: every count of every bundle up to what alone would cover the need. Priced by
/// hand before tax (call it on rules without one): the first period is the year's share of
/// everything but the tier, plus the tier's first charges with the promotion.
pub fn exhaustive(rules: &RuleSet, need: &Need, terms: Terms) -> Option<Plan> {
    let (messages, inmails) = (need.messages, need.inmails);
    let billing = terms.billing;
    let from = need
        .min_tier
        .as_deref()
        .and_then(|id| rules.tier_index(id))
        .unwrap_or(0);
    let mut best: Option<Plan> = None;
    for (tier_index, tier) in rules.tiers.iter().enumerate().skip(from) {
        if tier.is_contact() {
            continue;
        }
        // A team needs a tier sold by the seat, with room for every member.
        let team = need.team.max(1);
        let (messages, inmails) = (messages * team, inmails * team);
        let seats = match tier.seats {
            None if team == 1 => 1,
            Some(s) if team <= s.max => team.max(s.min),
            _ => continue,
        };
        let cap = |caps: Option<u64>, total: u64| caps.map_or(total, |c| total.min(c * seats));
        let message_cap = tier.seats.and_then(|s| s.message_cap);
        let credit_cap = tier.seats.and_then(|s| s.inmail_cap);
        if message_cap.is_some_and(|c| c * seats < messages) {
            continue;
        }
        // The tier's first period: its charges in it, the promotion's first ones cut.
        let tier_period = {
            let (billed, each) = tier_price(tier).charge(billing);
            let each = each * seats;
            let in_period = billed.per_year() / billing.per_year();
            let cut = terms
                .promotion(rules)
                .filter(|p| p.applies_to(rules, &tier.id, billing))
                .map_or(0, |p| {
                    p.discounted_charges(billed.per_year(), billed.months())
                        .min(in_period)
                        * p.off(each)
                });
            each * in_period - cut
        };
        let missing = messages.saturating_sub(tier.free_messages * seats);
        let limits: Vec<u64> = rules
            .bundles
            .iter()
            .map(|b| missing.div_ceil(b.size))
            .collect();
        let mut counts = vec![0u64; rules.bundles.len()];
        let missing_inmails = inmails.saturating_sub(tier.inmail_credits * seats);
        let max_blocks = missing_inmails.div_ceil(rules.inmail.block_size);
        // Each answered InMail's credit comes back for another, where the tier gives it back.
        let refund = if tier.inmail_refund_days.is_some() {
            terms.reply_percent.min(100)
        } else {
            0
        };
        // InMails `credits` pay for, counted one by one: the next goes out while what the
        // ones so far took, less what came back, leaves a credit.
        let paid_for = |credits: u64| {
            if credits == 0 {
                return 0;
            }
            let mut sent = 0;
            while sent < inmails && (sent + 1) - (sent + 1) * refund / 100 <= credits {
                sent += 1;
            }
            sent
        };
        loop {
            let bought: u64 = counts
                .iter()
                .zip(&rules.bundles)
                .map(|(c, b)| c * b.size)
                .sum();
            if bought >= missing {
                // Priced here by hand, apart from the bill, so that this search checks the
                // recommender and the bill both; a plan is built only when it ranks first.
                let year = |p: UnitPrice| p.per_year(billing);
                let bundle_cents: u64 = counts
                    .iter()
                    .zip(&rules.bundles)
                    .map(|(c, b)| c * year(bundle_price(b)))
                    .sum();
                let allowance = cap(message_cap, tier.free_messages * seats + bought);
                for blocks in 0..=max_blocks {
                    let credits = cap(
                        credit_cap,
                        tier.inmail_credits * seats + blocks * rules.inmail.block_size,
                    );
                    let pay_per = inmails - paid_for(credits);
                    let rest_of_year = bundle_cents
                        + blocks * year(block_price(rules))
                        + pay_per * 12 * rules.inmail.pay_per_inmail_cents;
                    let total = tier_period + rest_of_year / billing.per_year();
                    let taken = inmails - inmails * refund / 100;
                    let spare = allowance.saturating_sub(messages) + credits.saturating_sub(taken);
                    let rank = (total, std::cmp::Reverse(spare), tier_index);
                    if best.as_ref().is_some_and(|b| b.rank() <= rank) {
                        continue;
                    }
                    let selection = Selection {
                        tier_id: tier.id.clone(),
                        addons: rules
                            .bundles
                            .iter()
                            .zip(&counts)
                            .filter(|(_, c)| **c > 0)
                            .map(|(b, c)| (b.size, *c))
                            .collect(),
                        inmail_blocks: blocks,
                        seats,
                    };
                    let plan = Plan::of(rules, tier_index, selection, need, terms);
                    assert_eq!(plan.rank(), rank, "the bill and the search agree");
                    best = Some(plan);
                }
            }
            // Odometer over the bundle counts.
            let mut i = 0;
            loop {
                if i == counts.len() {
                    break;
                }
                if counts[i] < limits[i] {
                    counts[i] += 1;
                    break;
                }
                counts[i] = 0;
                i += 1;
            }
            if i == counts.len() {
                break;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets::{ARTICLE, LINKEDIN_HELP};

    fn need(messages: u64, inmails: u64) -> Need {
        Need {
            messages,
            inmails,
            min_tier: None,
            team: 0,
        }
    }

    #[test]
    fn worked_examples() {
        let rules = ARTICLE.rules();
        let r = Recommender::new(&rules, Terms::default());
        let plan = r.recommend(&rules, &need(100, 0)).unwrap();
        assert_eq!(
            (
                plan.tier_id.as_str(),
                plan.addons.as_slice(),
                plan.total_cents
            ),
            ("basic", &[(100, 1)][..], 4999)
        );
        let plan = r.recommend(&rules, &need(0, 150)).unwrap();
        assert_eq!(
            (plan.tier_id.as_str(), plan.total_cents, plan.inmail_blocks),
            ("recruiter", 23995, 0)
        );
        let plan = r.recommend(&rules, &need(0, 0)).unwrap();
        assert_eq!((plan.tier_id.as_str(), plan.total_cents), ("basic", 0));
    }

    #[test]
    fn lower_tier_with_add_ons_beats_a_higher_tier_alone() {
        let rules = ARTICLE.rules();
        let r = Recommender::new(&rules, Terms::default());
        // 50 messages: Sales Navigator alone costs $64.99; Basic + 25×2 costs $29.98.
        let plan = r.recommend(&rules, &need(50, 0)).unwrap();
        assert_eq!((plan.tier_id.as_str(), plan.total_cents), ("basic", 2998));
        // 30 messages: Premium Business alone ($29.99) loses to Basic + 25 ($14.99).
        assert_eq!(r.recommend(&rules, &need(30, 0)).unwrap().total_cents, 1499);
    }

    #[test]
    fn minimum_tier_is_respected() {
        let rules = ARTICLE.rules();
        let r = Recommender::new(&rules, Terms::default());
        let n = Need {
            messages: 100,
            inmails: 0,
            min_tier: Some("sales-navigator".into()),
            team: 0,
        };
        let plan = r.recommend(&rules, &n).unwrap();
        assert_eq!(
            (
                plan.tier_id.as_str(),
                plan.addons.as_slice(),
                plan.total_cents
            ),
            ("sales-navigator", &[(25, 2)][..], 6499 + 2998)
        );
    }

    #[test]
    fn ties_prefer_spare_capacity_then_the_lower_tier() {
        let rules = ARTICLE.rules();
        // One InMail: a block ($10, 3 credits) ties pay-per-InMail ($10); the block has spare.
        let m = Billing::Monthly;
        let free = InMailCredits {
            included: 0,
            usable: u64::MAX,
        };
        assert_eq!(inmail_cover(&rules, free, 1, 0, m), (1, 0, 12 * 1000));
        assert_eq!(inmail_cover(&rules, free, 4, 0, m), (2, 0, 12 * 2000));
        assert_eq!(inmail_cover(&rules, free, 0, 0, m), (0, 0, 0));
        // linkedin-help: Premium Career and Premium Business both cost $29.99; for 10
        // messages from Career up, Business wins on spare capacity (20 + 15 > 5 + 5).
        let help = LINKEDIN_HELP.rules();
        let r = Recommender::new(&help, Terms::billed(Billing::Monthly));
        let n = Need {
            messages: 10,
            inmails: 0,
            min_tier: Some("premium-career".into()),
            team: 0,
        };
        assert_eq!(r.recommend(&help, &n).unwrap().tier_id, "premium-business");
        // Two identical tiers: the lower one.
        let twin = ARTICLE.json().replace(r#"{ "id": "premium-business", "name": "Premium Business""#, r#"{ "id": "basic-twin", "name": "Basic twin", "price_cents": 0, "free_messages": 15, "inmail_credits": 0 },
    { "id": "premium-business", "name": "Premium Business""#);
        let twin = crate::engine::rules::RuleSet::from_json(&twin).unwrap();
        let r = Recommender::new(&twin, Terms::billed(Billing::Monthly));
        assert_eq!(r.recommend(&twin, &need(10, 0)).unwrap().tier_id, "basic");
    }

    #[test]
    fn matches_exhaustive_search_for_every_small_need() {
        for preset in [ARTICLE, LINKEDIN_HELP] {
            let rules = preset.rules();
            let r = Recommender::new(&rules, Terms::default());
            for messages in 0..=260 {
                for inmails in [0, 1, 2, 3, 4, 7, 29, 31, 160] {
                    let n = need(messages, inmails);
                    let fast = r.recommend(&rules, &n).unwrap();
                    let slow = exhaustive(&rules, &n, Terms::default()).unwrap();
                    assert_eq!(
                        fast.rank(),
                        slow.rank(),
                        "{} need {messages}/{inmails}",
                        preset.id
                    );
                    assert_eq!(fast.total_cents, slow.total_cents);
                }
            }
        }
    }

    #[test]
    fn exact_in_both_billings_with_yearly_prices() {
        let rules = crate::engine::rules::RuleSet::from_json(include_str!(
            "../../rules/example-eur-gbp.json"
        ))
        .unwrap();
        for billing in [Billing::Monthly, Billing::Yearly] {
            let r = Recommender::new(&rules, Terms::billed(billing));
            for messages in (0..=420).step_by(7) {
                for inmails in [0, 2, 31, 160] {
                    let n = need(messages, inmails);
                    let fast = r.recommend(&rules, &n).unwrap();
                    let slow = exhaustive(&rules, &n, Terms::billed(billing)).unwrap();
                    assert_eq!(
                        fast.rank(),
                        slow.rank(),
                        "{billing:?} need {messages}/{inmails}"
                    );
                }
            }
        }
        // 50 messages billed yearly: Basic and two 25-message bundles at €139.90 a year each.
        let yearly = Recommender::new(&rules, Terms::billed(Billing::Yearly))
            .recommend(&rules, &need(50, 0))
            .unwrap();
        assert_eq!(
            (
                yearly.tier_id.as_str(),
                yearly.addons.as_slice(),
                yearly.year_cents
            ),
            ("basic", &[(25, 2)][..], 27980)
        );
        assert_eq!(yearly.total_cents, 2332, "a twelfth of the year, rounded");
    }

    #[test]
    fn exact_for_awkward_bundle_sizes() {
        // Sizes that do not divide each other, where greedy by value fails.
        let json = ARTICLE.json().replace(
            r#""bundles": [
    { "size": 25, "price_cents": 1499 },
    { "size": 100, "price_cents": 4999 },
    { "size": 200, "price_cents": 9999 },
    { "size": 500, "price_cents": 24999 }
  ]"#,
            r#""bundles": [
    { "size": 7, "price_cents": 500 },
    { "size": 11, "price_cents": 760 },
    { "size": 13, "price_cents": 880 }
  ]"#,
        );
        let rules = crate::engine::rules::RuleSet::from_json(&json).unwrap();
        assert_eq!(rules.bundles.len(), 3);
        let r = Recommender::new(&rules, Terms::default());
        for messages in 0..=400 {
            for inmails in [0, 5] {
                let n = need(messages, inmails);
                assert_eq!(
                    r.recommend(&rules, &n).unwrap().rank(),
                    exhaustive(&rules, &n, Terms::default()).unwrap().rank(),
                    "need {messages}"
                );
            }
        }
    }

    #[test]
    fn large_needs_are_answered_and_cover_the_need() {
        let rules = ARTICLE.rules();
        let r = Recommender::new(&rules, Terms::default());
        let plan = r.recommend(&rules, &need(1_000_000, 1_000_000)).unwrap();
        assert!(plan.allowance >= 1_000_000);
        assert!(plan.inmail_credits + plan.pay_per_inmails >= 1_000_000);
        // 999,850 messages beyond Recruiter's 150 (or 999,985 beyond Basic) at the 100 rate.
        assert!(plan.total_cents < 1_000_000 * 50 + 1_000_000 * 334);
    }

    #[test]
    fn no_bundles_means_only_tiers_can_meet_a_need() {
        let json = ARTICLE.json().replace(
            r#"[
    { "size": 25, "price_cents": 1499 },
    { "size": 100, "price_cents": 4999 },
    { "size": 200, "price_cents": 9999 },
    { "size": 500, "price_cents": 24999 }
  ]"#,
            "[]",
        );
        let rules = crate::engine::rules::RuleSet::from_json(&json).unwrap();
        let r = Recommender::new(&rules, Terms::default());
        assert_eq!(
            r.recommend(&rules, &need(100, 0)).unwrap().tier_id,
            "recruiter"
        );
        assert!(r.recommend(&rules, &need(151, 0)).is_none());
    }
}
#[cfg(test)]
mod reply_rate {
    use super::*;
    use crate::engine::presets::LINKEDIN_HELP;

    /// docs/rules.md, "Reply rate": 100 messages and 40 InMails a month in `linkedin-help`.
    fn cheapest_at(reply_percent: u64) -> Plan {
        let rules = LINKEDIN_HELP.rules();
        let terms = Terms {
            reply_percent,
            ..Terms::default()
        };
        let need = Need {
            messages: 100,
            inmails: 40,
            min_tier: None,
            team: 0,
        };
        Recommender::new(&rules, terms)
            .recommend(&rules, &need)
            .unwrap()
    }

    #[test]
    fn worked_example_the_cheapest_plan_at_20_and_60_percent_answered() {
        let at_20 = cheapest_at(20);
        assert_eq!(
            (
                at_20.tier_id.as_str(),
                at_20.addons.as_slice(),
                at_20.inmail_blocks
            ),
            ("sales-navigator", &[(25, 2)][..], 0)
        );
        assert_eq!((at_20.total_cents, at_20.answered), (9497, 8));
        assert_eq!(at_20.per_answered_cents, Some(1187));
        // 24 answered: 16 credits carry the 40 InMails, Premium Business's 15 and a block.
        let at_60 = cheapest_at(60);
        assert_eq!(
            (
                at_60.tier_id.as_str(),
                at_60.addons.as_slice(),
                at_60.inmail_blocks
            ),
            ("premium-business", &[(25, 3)][..], 1)
        );
        assert_eq!((at_60.total_cents, at_60.answered), (8496, 24));
        assert_eq!(at_60.per_answered_cents, Some(354));
        assert_eq!(cheapest_at(0).total_cents, 9497, "no replies: as before");
    }

    #[test]
    fn credits_pay_for_more_inmails_as_more_are_answered() {
        assert_eq!(
            inmails_on_credits_table(),
            [(10, 0, 10), (10, 50, 20), (10, 60, 25), (0, 90, 0)]
        );
    }

    fn inmails_on_credits_table() -> Vec<(u64, u64, u64)> {
        [(10, 0), (10, 50), (10, 60), (0, 90)]
            .into_iter()
            .map(|(c, r)| (c, r, crate::engine::bill::inmails_on_credits(c, r)))
            .collect()
    }
}
