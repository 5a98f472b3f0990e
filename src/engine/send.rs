//! What happens when the visitor presses Send: delivered, needs an InMail, refused, or
//! blocked over the limit with every way to unblock it.

use chrono::NaiveDate;

use super::bill::{bill, bundle_price, tier_price, unit_line, Terms};
use super::fields::CountField;
use super::period::PeriodRule;
use super::plan::{PlayedCredits, Selection, Usage};
use super::rules::RuleSet;
use super::summary::{allowance, message_pool, summarize};
use super::tax::Split;

/// Who a message is addressed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Recipient {
    /// A 1st-degree connection.
    #[default]
    Connection,
    /// Reached through shared connections.
    SharedConnection,
    NotConnected,
    Group,
    CompanyPage,
}

impl Recipient {
    pub const ALL: [Recipient; 5] = [
        Recipient::Connection,
        Recipient::SharedConnection,
        Recipient::NotConnected,
        Recipient::Group,
        Recipient::CompanyPage,
    ];

    /// The id the rules give this recipient (docs/rules.md).
    pub fn id(self) -> &'static str {
        match self {
            Recipient::Connection => "connection",
            Recipient::SharedConnection => "shared-connection",
            Recipient::NotConnected => "not-connected",
            Recipient::Group => "group",
            Recipient::CompanyPage => "company-page",
        }
    }

    pub fn from_id(id: &str) -> Option<Recipient> {
        Recipient::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// Why a send was refused outright.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Messages go to individual members only, not to groups or company pages.
    NotAMember,
}

/// A way to unblock a send over the limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unblock {
    /// Switch to this (higher) tier.
    Tier(String),
    /// Add one bundle of this size.
    Bundle(u64),
    /// Add a seat to the team: this many seats in all.
    Seats(u64),
}

/// One unblocking option with its price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnblockOption {
    pub unblock: Unblock,
    /// The option's own price a month, as billed: the tier's, or the bundle's.
    pub price_cents: u64,
    /// The month's allowance once the option is applied.
    pub new_allowance: u64,
    /// The month's total once the option is applied: the bill of the selection it gives,
    /// with this period's usage (a higher tier's credits may cover InMails paid one by one).
    pub new_total_cents: u64,
    /// The first billing period's cost once the option is applied: what options are
    /// ranked by.
    pub new_period_cents: u64,
    /// The year's cost once the option is applied, as billed.
    pub new_year_cents: u64,
    /// What checkout charges for the first period once it is applied.
    pub new_charge: Split,
    /// Whether the promotion taken lowers it.
    pub promoted: bool,
    /// The option with the lowest cost once applied.
    pub cheapest: bool,
}

/// The limit a send was stopped at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// The month's allowance (the team's, where it has seats).
    Allowance,
    /// The most each seat may send a month, `cap`, set by the team's admin: below what the
    /// tier and bundles give, so only more seats or another tier get past it.
    SeatCap { cap: u64 },
    /// A seat's own share of the team's messages, where each seat has its own.
    SeatAllowance { allowance: u64 },
}

/// Why a send was stopped at the limit, and how to get past it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    pub allowance: u64,
    pub limit: Limit,
    /// The seat that sent it (from 1), where a team's seat met its own limit.
    pub seat: Option<u64>,
    pub reset: NaiveDate,
    pub days_left: u64,
    /// By the month's total once applied, lowest first (ties: more messages); the first is
    /// marked cheapest.
    pub options: Vec<UnblockOption>,
}

impl Blocked {
    /// Only the ways that go up from the plan the visitor already pays for (`current`): no
    /// tier below its tier. The cheapest left is marked.
    pub fn up_from(mut self, rules: &RuleSet, current: Option<&Selection>) -> Blocked {
        let Some(floor) = current.and_then(|c| rules.tier_index(&c.tier_id)) else {
            return self;
        };
        self.options.retain(|o| match &o.unblock {
            Unblock::Tier(id) => rules.tier_index(id).is_some_and(|i| i >= floor),
            Unblock::Bundle(_) | Unblock::Seats(_) => true,
        });
        for (i, option) in self.options.iter_mut().enumerate() {
            option.cheapest = i == 0;
        }
        self
    }
}

/// The outcome of pressing Send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendDecision {
    /// Delivered and counted against the allowance.
    Delivered { remaining_after: u64 },
    /// Not a message: it needs an InMail, paid from a credit or pay-per-InMail.
    NeedsInMail {
        credits_left: u64,
        charge_cents: u64,
    },
    /// Refused outright; nothing counted, nothing charged.
    Refused { reason: Refusal },
    /// Over the limit: not delivered, not counted, not charged.
    Blocked(Blocked),
}

/// Decides a send to `recipient` with the current selection and usage.
pub fn decide_send(
    rules: &RuleSet,
    selection: &Selection,
    usage: &Usage,
    recipient: Recipient,
    today: NaiveDate,
    period_rule: PeriodRule,
    terms: Terms,
) -> SendDecision {
    let summary = summarize(rules, selection, usage, today, period_rule, terms);
    match recipient {
        Recipient::Group | Recipient::CompanyPage => SendDecision::Refused {
            reason: Refusal::NotAMember,
        },
        Recipient::NotConnected => {
            // What the InMail adds to the month: the bill after it, less the bill now.
            // Played, it takes a credit while one is left, else it is paid one by one.
            let after = Usage {
                inmail_sent: usage.inmail_sent.saturating_add(1),
                played: usage.played.map(|p| PlayedCredits {
                    pay_per: p.pay_per + u64::from(summary.inmail.credits_left == 0),
                    ..p
                }),
                ..*usage
            };
            SendDecision::NeedsInMail {
                credits_left: summary.inmail.credits_left,
                charge_cents: bill(rules, selection, &after, terms)
                    .total_cents
                    .saturating_sub(summary.total_cents),
            }
        }
        Recipient::Connection | Recipient::SharedConnection if summary.remaining > 0 => {
            SendDecision::Delivered {
                remaining_after: summary.remaining - 1,
            }
        }
        Recipient::Connection | Recipient::SharedConnection => SendDecision::Blocked(Blocked {
            allowance: summary.allowance,
            limit: limit(rules, selection),
            seat: None,
            reset: summary.period.reset,
            days_left: summary.days_left,
            options: unblock_options(rules, selection, usage, terms),
        }),
    }
}

/// The limit a selection's allowance is: the seats' cap where it binds.
fn limit(rules: &RuleSet, selection: &Selection) -> Limit {
    let Some(tier) = rules.tier(&selection.tier_id) else {
        return Limit::Allowance;
    };
    match tier.seats.and_then(|s| s.message_cap) {
        Some(cap) if allowance(rules, tier, selection) < message_pool(rules, tier, selection) => {
            Limit::SeatCap { cap }
        }
        _ => Limit::Allowance,
    }
}

/// Every single change that would let one more message through, with its price and the
/// month's total it leads to. Each total is the bill of the selection the option gives, so
/// choosing it makes the calculator show exactly that figure. A bundle already bought as
/// many times as a count field allows is not offered (the widget could not hold one more).
pub fn unblock_options(
    rules: &RuleSet,
    selection: &Selection,
    usage: &Usage,
    terms: Terms,
) -> Vec<UnblockOption> {
    let tier = rules
        .tier(&selection.tier_id)
        .unwrap_or_else(|| rules.first_priced_tier());
    let current_index = rules.tier_index(&tier.id).unwrap_or(0);
    let current_allowance = allowance(rules, tier, selection);
    let candidates = rules
        .tiers
        .iter()
        .skip(current_index + 1)
        .filter(|t| !t.is_contact())
        .map(|t| (Unblock::Tier(t.id.clone()), tier_price(t)))
        .chain(
            rules
                .bundles
                .iter()
                .filter(|b| selection.addon_count(b.size) < CountField::AddonCount.range().1)
                .map(|b| (Unblock::Bundle(b.size), bundle_price(b))),
        )
        .chain(
            // A seat more, where the tier sells one.
            tier.seats
                .map(|_| tier.seats_for(selection.seats))
                .filter(|&seats| tier.seats_for(seats + 1) > seats)
                .map(|seats| (Unblock::Seats(seats + 1), tier_price(tier))),
        );
    // Kept in order as they are added: lowest new total, then the most messages, then
    // the order above. (Inserting in place keeps the order stable without the standard
    // library's sort, which is several KB of wasm for a list of a few options.)
    let mut options: Vec<UnblockOption> = Vec::new();
    for (unblock, price) in candidates {
        let mut changed = selection.clone();
        apply_unblock(&mut changed, &unblock);
        let changed_tier = rules.tier(&changed.tier_id).unwrap_or(tier);
        let for_tier =
            matches!(unblock, Unblock::Tier(_) | Unblock::Seats(_)).then_some(changed_tier);
        let price_cents = unit_line(rules, price, terms, for_tier).cents;
        let new_allowance = allowance(rules, changed_tier, &changed);
        // It must let one more message through: more than was sent, and more than now.
        if new_allowance <= usage.sent.max(current_allowance) {
            continue;
        }
        let bill = bill(rules, &changed, usage, terms);
        let option = UnblockOption {
            unblock,
            price_cents,
            new_allowance,
            new_total_cents: bill.total_cents,
            new_period_cents: bill.period_cents,
            new_year_cents: bill.year_cents,
            new_charge: bill.first_charge(),
            promoted: bill.is_promoted(),
            cheapest: false,
        };
        // Ranked by what the first period costs: what the visitor pays now.
        let key = |o: &UnblockOption| (o.new_period_cents, std::cmp::Reverse(o.new_allowance));
        let at = options.partition_point(|o| key(o) <= key(&option));
        options.insert(at, option);
    }
    if let Some(first) = options.first_mut() {
        first.cheapest = true;
    }
    options
}

/// Applies an unblocking option to a selection.
pub fn apply_unblock(selection: &mut Selection, unblock: &Unblock) {
    match unblock {
        Unblock::Tier(id) => selection.tier_id = id.clone(),
        Unblock::Bundle(size) => {
            let count = selection.addon_count(*size);
            selection.set_addon_count(*size, count.saturating_add(1));
        }
        Unblock::Seats(seats) => selection.seats = *seats,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::bill::Billing;
    use crate::engine::period::parse_iso_date;
    use crate::engine::presets::ARTICLE;

    fn decide(
        tier: &str,
        addons: &[(u64, u64)],
        usage: Usage,
        recipient: Recipient,
    ) -> SendDecision {
        let rules = ARTICLE.rules();
        let selection = Selection {
            tier_id: tier.into(),
            addons: addons.to_vec(),
            inmail_blocks: 0,
            seats: 1,
        };
        decide_send(
            &rules,
            &selection,
            &usage,
            recipient,
            parse_iso_date("2026-01-20").unwrap(),
            PeriodRule::CalendarMonth,
            Terms::billed(Billing::Monthly),
        )
    }

    fn sent(n: u64) -> Usage {
        Usage {
            sent: n,
            ..Usage::default()
        }
    }

    #[test]
    fn basic_at_the_limit_is_blocked_and_the_25_bundle_is_cheapest() {
        let SendDecision::Blocked(blocked) = decide("basic", &[], sent(15), Recipient::Connection)
        else {
            panic!("expected a block");
        };
        assert_eq!(parse_iso_date("2026-02-01").unwrap(), blocked.reset);
        assert_eq!(blocked.days_left, 12);
        let ids: Vec<(Unblock, u64, bool)> = blocked
            .options
            .iter()
            .map(|o| (o.unblock.clone(), o.price_cents, o.cheapest))
            .collect();
        assert_eq!(
            ids,
            [
                (Unblock::Bundle(25), 1499, true),
                (Unblock::Tier("premium-business".into()), 2999, false),
                (Unblock::Bundle(100), 4999, false),
                (Unblock::Tier("sales-navigator".into()), 6499, false),
                (Unblock::Bundle(200), 9999, false),
                (Unblock::Tier("recruiter-lite".into()), 11995, false),
                (Unblock::Tier("recruiter".into()), 23995, false),
                (Unblock::Bundle(500), 24999, false),
            ]
        );
    }

    #[test]
    fn each_total_is_the_bill_of_the_option_chosen() {
        // Basic, 5 InMails paid one by one ($50), 15 of 15 messages sent: Recruiter Lite's 30
        // credits cover those InMails, so it costs $119.95 in all, not $169.95.
        let usage = Usage {
            sent: 15,
            inmail_sent: 5,
            ..Usage::default()
        };
        let SendDecision::Blocked(blocked) = decide("basic", &[], usage, Recipient::Connection)
        else {
            panic!("expected a block");
        };
        let total = |unblock: Unblock| {
            blocked
                .options
                .iter()
                .find(|o| o.unblock == unblock)
                .map(|o| o.new_total_cents)
        };
        assert_eq!(total(Unblock::Tier("recruiter-lite".into())), Some(11995));
        assert_eq!(total(Unblock::Tier("recruiter".into())), Some(23995));
        assert_eq!(total(Unblock::Bundle(25)), Some(1499 + 5000));
        // With 15 InMails paid ($150), Recruiter Lite ($119.95 in all) is the cheapest way.
        let usage = Usage {
            inmail_sent: 15,
            ..usage
        };
        let SendDecision::Blocked(blocked) = decide("basic", &[], usage, Recipient::Connection)
        else {
            panic!("expected a block");
        };
        let first = &blocked.options[0];
        assert_eq!(
            (&first.unblock, first.new_total_cents, first.cheapest),
            (&Unblock::Tier("recruiter-lite".into()), 11995, true)
        );
        assert!(blocked
            .options
            .windows(2)
            .all(|w| w[0].new_total_cents <= w[1].new_total_cents));
    }

    #[test]
    fn a_bundle_bought_as_often_as_a_field_allows_is_not_offered() {
        let max = CountField::AddonCount.range().1;
        let SendDecision::Blocked(blocked) = decide(
            "basic",
            &[(25, max)],
            sent(15 + 25 * max),
            Recipient::Connection,
        ) else {
            panic!("expected a block");
        };
        assert!(!blocked
            .options
            .iter()
            .any(|o| o.unblock == Unblock::Bundle(25)));
        assert!(blocked
            .options
            .iter()
            .any(|o| o.unblock == Unblock::Bundle(100)));
    }

    #[test]
    fn an_inmail_costs_what_it_adds_to_the_bill() {
        let usage = Usage {
            inmail_sent: 30,
            ..sent(0)
        };
        assert_eq!(
            decide("recruiter-lite", &[], usage, Recipient::NotConnected),
            SendDecision::NeedsInMail {
                credits_left: 0,
                charge_cents: 1000
            }
        );
    }

    #[test]
    fn a_tier_that_would_not_unblock_is_not_offered() {
        // Sales Navigator → Recruiter Lite keeps 50 messages: no help at 50 sent.
        let SendDecision::Blocked(blocked) =
            decide("sales-navigator", &[], sent(50), Recipient::Connection)
        else {
            panic!("expected a block");
        };
        assert!(!blocked
            .options
            .iter()
            .any(|o| o.unblock == Unblock::Tier("recruiter-lite".into())));
        assert!(blocked
            .options
            .iter()
            .any(|o| o.unblock == Unblock::Tier("recruiter".into())));
    }

    #[test]
    fn one_below_the_limit_is_delivered() {
        assert_eq!(
            decide("basic", &[], sent(14), Recipient::Connection),
            SendDecision::Delivered { remaining_after: 0 }
        );
        assert_eq!(
            decide("basic", &[], sent(0), Recipient::SharedConnection),
            SendDecision::Delivered {
                remaining_after: 14
            }
        );
        assert!(matches!(
            decide("basic", &[(25, 1)], sent(39), Recipient::Connection),
            SendDecision::Delivered { .. }
        ));
        assert!(matches!(
            decide("basic", &[(25, 1)], sent(40), Recipient::Connection),
            SendDecision::Blocked(_)
        ));
    }

    #[test]
    fn groups_and_company_pages_are_refused_even_at_the_limit() {
        for r in [Recipient::Group, Recipient::CompanyPage] {
            assert!(matches!(
                decide("basic", &[], sent(0), r),
                SendDecision::Refused { .. }
            ));
            assert!(matches!(
                decide("basic", &[], sent(15), r),
                SendDecision::Refused { .. }
            ));
        }
    }

    #[test]
    fn not_connected_needs_an_inmail_whatever_the_allowance() {
        assert_eq!(
            decide("recruiter-lite", &[], sent(50), Recipient::NotConnected),
            SendDecision::NeedsInMail {
                credits_left: 30,
                charge_cents: 0
            }
        );
        let usage = Usage {
            inmail_sent: 30,
            ..sent(0)
        };
        assert_eq!(
            decide("recruiter-lite", &[], usage, Recipient::NotConnected),
            SendDecision::NeedsInMail {
                credits_left: 0,
                charge_cents: 1000
            }
        );
    }

    #[test]
    fn applying_an_option_unblocks_the_next_send() {
        let rules = ARTICLE.rules();
        let today = parse_iso_date("2026-01-20").unwrap();
        let mut selection = Selection::starter(&rules);
        let usage = sent(15);
        let SendDecision::Blocked(blocked) = decide_send(
            &rules,
            &selection,
            &usage,
            Recipient::Connection,
            today,
            PeriodRule::CalendarMonth,
            Terms::billed(Billing::Monthly),
        ) else {
            panic!("expected a block");
        };
        for option in blocked.options {
            let mut changed = selection.clone();
            apply_unblock(&mut changed, &option.unblock);
            let next = decide_send(
                &rules,
                &changed,
                &usage,
                Recipient::Connection,
                today,
                PeriodRule::CalendarMonth,
                Terms::billed(Billing::Monthly),
            );
            assert!(
                matches!(next, SendDecision::Delivered { .. }),
                "{:?}",
                option.unblock
            );
        }
        apply_unblock(&mut selection, &Unblock::Bundle(25));
        apply_unblock(&mut selection, &Unblock::Bundle(25));
        assert_eq!(selection.addons, [(25, 2)]);
    }
}
