//! Reading and writing rule sets as JSON.
//!
//! Reading is two steps: serde reads the syntax and the shape (unknown fields are errors,
//! `serde_path_to_error` names where), then a validation pass checks the limits and names
//! the field of the first problem (`tiers[1].price_cents: must not be negative`).
//!
//! Writing uses serde_json with [`EditorLayout`]: one line per tier and bundle, the layout
//! the rule editor shows and the presets are written in.

use serde::Serialize;

use super::bill::Billing;
use super::currency::Currency;
use super::rules::Blank;
use super::rules::{
    BundleOf, BundlePriceOf, Feature, InMailPriceOf, InMailPricingOf, Num, PriceListOf,
    PromotionOf, PromotionPriceOf, RawRules, RuleError, RuleProblem, RuleSet, RuleSetOf, SeatsOf,
    TaxOf, TierOf, TierPriceOf, MAX_BUNDLES, MAX_CREDIT_DAYS, MAX_FEATURES, MAX_ID_CHARS,
    MAX_INCLUDED, MAX_NAME_CHARS, MAX_PACK_SIZE, MAX_PRICE_CENTS, MAX_PROMOTIONS,
    MAX_PROMOTION_MONTHS, MAX_SEATS, MAX_SOURCE_CHARS, MAX_TAX_NAME_CHARS, MAX_TAX_RATE, MAX_TIERS,
    MAX_TRIAL_DAYS, MAX_URL_CHARS,
};

type Result<T> = std::result::Result<T, RuleError>;

fn error(path: impl Into<String>, problem: RuleProblem) -> RuleError {
    RuleError {
        path: path.into(),
        problem,
    }
}

/// Reads a rule set's syntax and shape only: what a file says, numbers unjudged.
pub fn read_raw(text: &str) -> Result<RawRules> {
    crate::json::from_str_strict(text, |raw: &RawRules| {
        raw.whole_numbers().map(|rules| rules.to_json())
    })
    .map_err(|e| {
        error(
            e.path,
            RuleProblem::Format {
                problem: Box::new(e.problem),
                detail: e.detail.into(),
            },
        )
    })
}

/// Where a number sits in a rule set, and the limits it must keep.
#[derive(Clone, Copy, Debug)]
pub struct NumberAt {
    place: Place,
    pub min: u64,
    pub max: u64,
    /// Whether it may be left out (and is 0 then): a contact tier's price.
    absent_is_zero: bool,
}

#[derive(Clone, Copy, Debug)]
enum Place {
    Tier(usize, &'static str),
    Bundle(usize, &'static str),
    InMail(&'static str),
    /// In price list `.0`: the tier, bundle or InMail prices `.1` at `.2`.
    List(usize, &'static str, Option<usize>, &'static str),
    /// The tax of the rules (`None`) or of a price list.
    Tax(Option<usize>),
    Promotion(usize, &'static str),
}

impl NumberAt {
    /// Its JSON path: `tiers[1].price_cents`. Made only for an error.
    pub fn path(&self) -> String {
        match self.place {
            Place::Tier(i, field) => format!("tiers[{i}].{field}"),
            Place::Bundle(i, field) => format!("bundles[{i}].{field}"),
            Place::InMail(field) => format!("inmail.{field}"),
            Place::List(l, part, Some(i), field) => format!("price_lists[{l}].{part}[{i}].{field}"),
            Place::List(l, part, None, field) => format!("price_lists[{l}].{part}.{field}"),
            Place::Tax(None) => "tax.rate_basis_points".to_owned(),
            Place::Tax(Some(l)) => format!("price_lists[{l}].tax.rate_basis_points"),
            Place::Promotion(i, field) => format!("promotions[{i}].{field}"),
        }
    }
}

impl<N: Copy, C: Clone> RuleSetOf<N, C> {
    /// The same rule set with every number mapped by `f`, in document order, each given
    /// where it is and its limits; the first error stops it. The one place that knows every
    /// number of a rule set: validation and the rule form's view both go through it.
    pub fn map_numbers<M, E>(
        &self,
        mut f: impl FnMut(N, NumberAt) -> std::result::Result<M, E>,
    ) -> std::result::Result<RuleSetOf<M, C>, E> {
        let at = |place, min, max| NumberAt {
            place,
            min,
            max,
            absent_is_zero: false,
        };
        let price = |place| at(place, 0, MAX_PRICE_CENTS);
        let opt =
            |n: Option<N>, place, f: &mut dyn FnMut(N, NumberAt) -> std::result::Result<M, E>| {
                n.map(|n| f(n, price(place))).transpose()
            };
        let mut tiers = Vec::with_capacity(self.tiers.len());
        for (i, t) in self.tiers.iter().enumerate() {
            let tier = |field| Place::Tier(i, field);
            tiers.push(TierOf {
                id: t.id.clone(),
                name: t.name.clone(),
                price_cents: f(
                    t.price_cents,
                    NumberAt {
                        absent_is_zero: t.is_contact(),
                        ..price(tier("price_cents"))
                    },
                )?,
                quarterly_price_cents: opt(
                    t.quarterly_price_cents,
                    tier("quarterly_price_cents"),
                    &mut f,
                )?,
                yearly_price_cents: opt(t.yearly_price_cents, tier("yearly_price_cents"), &mut f)?,
                free_messages: f(t.free_messages, at(tier("free_messages"), 0, MAX_INCLUDED))?,
                inmail_credits: f(
                    t.inmail_credits,
                    at(tier("inmail_credits"), 0, MAX_INCLUDED),
                )?,
                inmail_rollover_cap: match t.inmail_rollover_cap {
                    Some(cap) => Some(f(cap, at(tier("inmail_rollover_cap"), 0, MAX_INCLUDED))?),
                    None => None,
                },
                inmail_credit_days: match t.inmail_credit_days {
                    Some(days) => {
                        Some(f(days, at(tier("inmail_credit_days"), 1, MAX_CREDIT_DAYS))?)
                    }
                    None => None,
                },
                inmail_refund_days: match t.inmail_refund_days {
                    Some(days) => {
                        Some(f(days, at(tier("inmail_refund_days"), 1, MAX_CREDIT_DAYS))?)
                    }
                    None => None,
                },
                trial_days: match t.trial_days {
                    Some(days) => Some(f(days, at(tier("trial_days"), 1, MAX_TRIAL_DAYS))?),
                    None => None,
                },
                checkout_url: t.checkout_url.clone(),
                features: t.features.clone(),
                contact_url: t.contact_url.clone(),
                seats: match &t.seats {
                    Some(s) => {
                        let seats = |field| at(tier(field), 1, MAX_SEATS);
                        let cap = |field| at(tier(field), 0, MAX_INCLUDED);
                        Some(SeatsOf {
                            min: f(s.min, seats("seats.min"))?,
                            max: f(s.max, seats("seats.max"))?,
                            messages: s.messages,
                            inmail: s.inmail,
                            message_cap: s
                                .message_cap
                                .map(|n| f(n, cap("seats.message_cap")))
                                .transpose()?,
                            inmail_cap: s
                                .inmail_cap
                                .map(|n| f(n, cap("seats.inmail_cap")))
                                .transpose()?,
                        })
                    }
                    None => None,
                },
            });
        }
        let mut bundles = Vec::with_capacity(self.bundles.len());
        for (i, b) in self.bundles.iter().enumerate() {
            let bundle = |field| Place::Bundle(i, field);
            bundles.push(BundleOf {
                size: f(b.size, at(bundle("size"), 1, MAX_PACK_SIZE))?,
                // A free bundle would make "most spare capacity" unbounded.
                price_cents: f(b.price_cents, at(bundle("price_cents"), 1, MAX_PRICE_CENTS))?,
                quarterly_price_cents: opt(
                    b.quarterly_price_cents,
                    bundle("quarterly_price_cents"),
                    &mut f,
                )?,
                yearly_price_cents: opt(
                    b.yearly_price_cents,
                    bundle("yearly_price_cents"),
                    &mut f,
                )?,
            });
        }
        let i = &self.inmail;
        let inmail = InMailPricingOf {
            block_size: f(
                i.block_size,
                at(Place::InMail("block_size"), 1, MAX_PACK_SIZE),
            )?,
            block_price_cents: f(
                i.block_price_cents,
                at(Place::InMail("block_price_cents"), 1, MAX_PRICE_CENTS),
            )?,
            quarterly_block_price_cents: opt(
                i.quarterly_block_price_cents,
                Place::InMail("quarterly_block_price_cents"),
                &mut f,
            )?,
            yearly_block_price_cents: opt(
                i.yearly_block_price_cents,
                Place::InMail("yearly_block_price_cents"),
                &mut f,
            )?,
            pay_per_inmail_cents: f(
                i.pay_per_inmail_cents,
                price(Place::InMail("pay_per_inmail_cents")),
            )?,
            block_credit_days: match i.block_credit_days {
                Some(days) => Some(f(
                    days,
                    at(Place::InMail("block_credit_days"), 1, MAX_CREDIT_DAYS),
                )?),
                None => None,
            },
        };
        let mut price_lists = Vec::with_capacity(self.price_lists.len());
        for (l, list) in self.price_lists.iter().enumerate() {
            let mut tiers = Vec::with_capacity(list.tiers.len());
            for (i, t) in list.tiers.iter().enumerate() {
                let place = |field| Place::List(l, "tiers", Some(i), field);
                tiers.push(TierPriceOf {
                    id: t.id.clone(),
                    price_cents: f(t.price_cents, price(place("price_cents")))?,
                    quarterly_price_cents: opt(
                        t.quarterly_price_cents,
                        place("quarterly_price_cents"),
                        &mut f,
                    )?,
                    yearly_price_cents: opt(
                        t.yearly_price_cents,
                        place("yearly_price_cents"),
                        &mut f,
                    )?,
                });
            }
            let mut bundles = Vec::with_capacity(list.bundles.len());
            for (i, b) in list.bundles.iter().enumerate() {
                let place = |field| Place::List(l, "bundles", Some(i), field);
                bundles.push(BundlePriceOf {
                    size: f(b.size, at(place("size"), 1, MAX_PACK_SIZE))?,
                    price_cents: f(b.price_cents, at(place("price_cents"), 1, MAX_PRICE_CENTS))?,
                    quarterly_price_cents: opt(
                        b.quarterly_price_cents,
                        place("quarterly_price_cents"),
                        &mut f,
                    )?,
                    yearly_price_cents: opt(
                        b.yearly_price_cents,
                        place("yearly_price_cents"),
                        &mut f,
                    )?,
                });
            }
            let mut promotions = Vec::with_capacity(list.promotions.len());
            for (i, p) in list.promotions.iter().enumerate() {
                let place = |field| Place::List(l, "promotions", Some(i), field);
                promotions.push(PromotionPriceOf {
                    id: p.id.clone(),
                    amount_off_cents: f(
                        p.amount_off_cents,
                        at(place("amount_off_cents"), 1, MAX_PRICE_CENTS),
                    )?,
                });
            }
            let tax = list
                .tax
                .as_ref()
                .map(|t| tax_numbers(t, Some(l), &mut f))
                .transpose()?;
            let place = |field| Place::List(l, "inmail", None, field);
            let m = &list.inmail;
            price_lists.push(PriceListOf {
                currency: list.currency.clone(),
                tiers,
                bundles,
                tax,
                promotions,
                inmail: InMailPriceOf {
                    block_price_cents: f(
                        m.block_price_cents,
                        at(place("block_price_cents"), 1, MAX_PRICE_CENTS),
                    )?,
                    quarterly_block_price_cents: opt(
                        m.quarterly_block_price_cents,
                        place("quarterly_block_price_cents"),
                        &mut f,
                    )?,
                    yearly_block_price_cents: opt(
                        m.yearly_block_price_cents,
                        place("yearly_block_price_cents"),
                        &mut f,
                    )?,
                    pay_per_inmail_cents: f(
                        m.pay_per_inmail_cents,
                        price(place("pay_per_inmail_cents")),
                    )?,
                },
            });
        }
        let tax = self
            .tax
            .as_ref()
            .map(|t| tax_numbers(t, None, &mut f))
            .transpose()?;
        let mut promotions = Vec::with_capacity(self.promotions.len());
        for (i, p) in self.promotions.iter().enumerate() {
            let place = |field| Place::Promotion(i, field);
            let mut number = |n: Option<N>, field, min, max| {
                n.map(|n| f(n, at(place(field), min, max))).transpose()
            };
            promotions.push(PromotionOf {
                id: p.id.clone(),
                name: p.name.clone(),
                percent_off: number(p.percent_off, "percent_off", 1, 100)?,
                amount_off_cents: number(
                    p.amount_off_cents,
                    "amount_off_cents",
                    1,
                    MAX_PRICE_CENTS,
                )?,
                tiers: p.tiers.clone(),
                periods: p.periods.clone(),
                months: number(p.months, "months", 1, MAX_PROMOTION_MONTHS)?,
                until: p.until.clone(),
            });
        }
        Ok(RuleSetOf {
            id: self.id.clone(),
            name: self.name.clone(),
            source: self.source.clone(),
            currency: self.currency.clone(),
            tiers,
            bundles,
            inmail,
            price_lists,
            checkout_url: self.checkout_url.clone(),
            features: self.features.clone(),
            highlight: self.highlight.clone(),
            highlight_label: self.highlight_label.clone(),
            tax,
            promotions,
        })
    }
}

/// A tax's one number, mapped as [`RuleSetOf::map_numbers`] maps every other.
fn tax_numbers<N: Copy, M, E>(
    tax: &TaxOf<N>,
    list: Option<usize>,
    f: &mut impl FnMut(N, NumberAt) -> std::result::Result<M, E>,
) -> std::result::Result<TaxOf<M>, E> {
    Ok(TaxOf {
        name: tax.name.clone(),
        rate_basis_points: f(
            tax.rate_basis_points,
            NumberAt {
                place: Place::Tax(list),
                min: 0,
                max: MAX_TAX_RATE,
                absent_is_zero: false,
            },
        )?,
        included: tax.included,
    })
}

/// Checks one number against its limits.
fn whole(num: Num, at: NumberAt) -> Result<u64> {
    let problem = match num {
        Num::Absent if at.absent_is_zero => return Ok(0),
        Num::Absent => RuleProblem::Required,
        Num::Whole(v) if v < at.min => RuleProblem::TooSmall(at.min),
        Num::Whole(v) if v <= at.max => return Ok(v),
        Num::Whole(_) | Num::TooLarge => RuleProblem::TooLarge(at.max),
        Num::Negative => RuleProblem::Negative,
        Num::Fraction => RuleProblem::NotWhole,
    };
    Err(error(at.path(), problem))
}

/// Trims text and checks it: not empty, not too long, no control characters. U+FFFD is
/// refused too: it stands for text that was not valid Unicode.
fn text(value: &str, path: &str, max_chars: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(error(path, RuleProblem::Empty));
    }
    if value.chars().count() > max_chars {
        return Err(error(path, RuleProblem::TooLong(max_chars)));
    }
    if value.chars().any(|c| c.is_control() || c == '\u{fffd}') {
        return Err(error(path, RuleProblem::BadText));
    }
    Ok(value.to_owned())
}

/// Whether a URL is one the widget may link to: `https:` or `http:`, or relative (no scheme
/// at all, resolved against the page). `javascript:`, `data:` and every other scheme are not.
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    let scheme_end = url.find(':');
    let path_start = url.find(['/', '?', '#']).unwrap_or(url.len());
    match scheme_end {
        Some(colon) if colon < path_start => {
            let scheme = url[..colon].to_ascii_lowercase();
            scheme == "https" || scheme == "http"
        }
        _ => !url.starts_with("//") || url.len() > 2,
    }
}

/// A checkout URL as a rule set gives it: trimmed, at most 500 characters of text, safe.
fn optional_url(url: Option<&str>, path: &str) -> Result<Option<String>> {
    match url.map(str::trim) {
        None | Some("") => Ok(None),
        Some(u) => {
            let u = text(u, path, MAX_URL_CHARS)?;
            if u.chars().any(char::is_whitespace) || !is_safe_url(&u) {
                return Err(error(path, RuleProblem::BadUrl));
            }
            Ok(Some(u))
        }
    }
}

/// A rule set's own currency: a file that names none is in US dollars.
fn currency(code: &str, path: &str) -> Result<Currency> {
    if code.trim().is_empty() {
        Ok(Currency::USD)
    } else {
        currency_of(code, path)
    }
}

fn currency_of(code: &str, path: &str) -> Result<Currency> {
    Currency::find(code.trim()).ok_or_else(|| error(path, RuleProblem::NoSuchCurrency))
}

fn id(value: &str, path: &str) -> Result<String> {
    let id = text(value, path, MAX_ID_CHARS)?;
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(error(path, RuleProblem::BadId));
    }
    Ok(id)
}

/// A tax with its name checked.
fn checked_tax(tax: TaxOf<u64>, path: &str) -> Result<TaxOf<u64>> {
    Ok(TaxOf {
        name: text(&tax.name, path, MAX_TAX_NAME_CHARS)?,
        ..tax
    })
}

/// The promotions with their ids, names, amounts, tiers, periods and dates checked.
fn promotions(
    promotions: Vec<PromotionOf<u64>>,
    tiers: &[TierOf<u64>],
) -> Result<Vec<PromotionOf<u64>>> {
    if promotions.len() > MAX_PROMOTIONS {
        return Err(error(
            "promotions",
            RuleProblem::TooLarge(MAX_PROMOTIONS as u64),
        ));
    }
    let mut checked: Vec<PromotionOf<u64>> = Vec::with_capacity(promotions.len());
    for (i, p) in promotions.into_iter().enumerate() {
        let at = |field: &str| format!("promotions[{i}].{field}");
        let pid = id(&p.id, &at("id"))?;
        if checked.iter().any(|q| q.id == pid) {
            return Err(error(at("id"), RuleProblem::DuplicatePromotion(pid)));
        }
        let name = match p.name.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(n) => Some(text(n, &at("name"), MAX_NAME_CHARS)?),
        };
        if p.percent_off.is_some() == p.amount_off_cents.is_some() {
            return Err(error(at("percent_off"), RuleProblem::PromotionAmount));
        }
        for (j, tier) in p.tiers.iter().enumerate() {
            if !tiers.iter().any(|t| t.id == *tier && !t.is_contact()) {
                return Err(error(
                    at(&format!("tiers[{j}]")),
                    RuleProblem::UnknownTier(tier.clone()),
                ));
            }
        }
        for (j, period) in p.periods.iter().enumerate() {
            if Billing::from_id(period).is_none() {
                return Err(error(
                    at(&format!("periods[{j}]")),
                    RuleProblem::UnknownPeriod(period.clone()),
                ));
            }
        }
        let until = match p.until.as_deref().map(str::trim) {
            None => None,
            Some(date) => match crate::engine::period::parse_iso_date(date) {
                Some(_) => Some(date.to_owned()),
                None => return Err(error(at("until"), RuleProblem::BadDate)),
            },
        };
        checked.push(PromotionOf {
            id: pid,
            name,
            until,
            ..p
        });
    }
    Ok(checked)
}

impl RawRules {
    /// The validation pass: every limit, in document order; the first problem is named.
    /// (The numbers come first, then the texts and the rules between entries.)
    pub fn validate(&self) -> Result<RuleSet> {
        let numbers = self.map_numbers(whole)?;
        let set_id = id(&numbers.id, "id")?;
        let name = text(&numbers.name, "name", MAX_NAME_CHARS)?;
        // A blank source is no source, so what is written reads back the same.
        let source = match numbers.source.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(text(s, "source", MAX_SOURCE_CHARS)?),
        };
        if numbers.tiers.is_empty() {
            return Err(error("tiers", RuleProblem::NoTiers));
        }
        if numbers.tiers.len() > MAX_TIERS {
            return Err(error("tiers", RuleProblem::TooManyTiers(MAX_TIERS)));
        }
        let mut tiers: Vec<TierOf<u64>> = Vec::with_capacity(numbers.tiers.len());
        for (i, mut tier) in numbers.tiers.into_iter().enumerate() {
            let at = |field: &str| format!("tiers[{i}].{field}");
            tier.id = id(&tier.id, &at("id"))?;
            tier.name = text(&tier.name, &at("name"), MAX_NAME_CHARS)?;
            if let Some(cap) = tier.inmail_rollover_cap {
                if cap < tier.inmail_credits {
                    return Err(error(
                        at("inmail_rollover_cap"),
                        RuleProblem::CapBelowCredits(tier.inmail_credits),
                    ));
                }
            }
            if let Some(seats) = tier.seats {
                if seats.max < seats.min {
                    return Err(error(at("seats.max"), RuleProblem::TooSmall(seats.min)));
                }
            }
            if tier.is_contact() {
                if tier.price_cents != 0 {
                    return Err(error(at("price_cents"), RuleProblem::PricedContactTier));
                }
                if tier.quarterly_price_cents.is_some() {
                    return Err(error(
                        at("quarterly_price_cents"),
                        RuleProblem::PricedContactTier,
                    ));
                }
                if tier.yearly_price_cents.is_some() {
                    return Err(error(
                        at("yearly_price_cents"),
                        RuleProblem::PricedContactTier,
                    ));
                }
            }
            if let Some(first) = tiers.iter().position(|t| t.id == tier.id) {
                return Err(error(
                    at("id"),
                    RuleProblem::DuplicateTier { id: tier.id, first },
                ));
            }
            tiers.push(tier);
        }
        if tiers.iter().all(|t| t.is_contact()) {
            return Err(error("tiers", RuleProblem::NoPricedTier));
        }
        if numbers.bundles.len() > MAX_BUNDLES {
            return Err(error("bundles", RuleProblem::TooManyBundles(MAX_BUNDLES)));
        }
        // The engine keeps bundles by size (few enough that insertion is the simplest sort).
        let mut bundles: Vec<BundleOf<u64>> = Vec::with_capacity(numbers.bundles.len());
        for (i, bundle) in numbers.bundles.iter().enumerate() {
            if let Some(first) = numbers.bundles[..i]
                .iter()
                .position(|b| b.size == bundle.size)
            {
                return Err(error(
                    format!("bundles[{i}].size"),
                    RuleProblem::DuplicateBundle {
                        size: bundle.size,
                        first,
                    },
                ));
            }
            let at = bundles.partition_point(|x| x.size < bundle.size);
            bundles.insert(at, *bundle);
        }
        let currency = currency(&numbers.currency, "currency")?;
        let tax = numbers
            .tax
            .map(|t| checked_tax(t, "tax.name"))
            .transpose()?;
        let promotions = promotions(numbers.promotions, &tiers)?;
        let mut price_lists = Vec::with_capacity(numbers.price_lists.len());
        for (l, list) in numbers.price_lists.into_iter().enumerate() {
            let at = |part: &str| format!("price_lists[{l}].{part}");
            let code = currency_of(&list.currency, &at("currency"))?;
            if code == currency
                || price_lists
                    .iter()
                    .any(|p: &PriceListOf<u64, Currency>| p.currency == code)
            {
                return Err(error(at("currency"), RuleProblem::DuplicateCurrency));
            }
            // Complete: every tier with a price and every bundle priced once, nothing else.
            for (i, p) in list.tiers.iter().enumerate() {
                if !tiers.iter().any(|t| t.id == p.id && !t.is_contact())
                    || list.tiers[..i].iter().any(|q| q.id == p.id)
                {
                    return Err(error(
                        at(&format!("tiers[{i}].id")),
                        RuleProblem::UnknownPrice(p.id.clone()),
                    ));
                }
            }
            if let Some(t) = tiers
                .iter()
                .find(|t| !t.is_contact() && !list.tiers.iter().any(|p| p.id == t.id))
            {
                return Err(error(at("tiers"), RuleProblem::MissingPrice(t.id.clone())));
            }
            for (i, p) in list.bundles.iter().enumerate() {
                if !bundles.iter().any(|b| b.size == p.size)
                    || list.bundles[..i].iter().any(|q| q.size == p.size)
                {
                    return Err(error(
                        at(&format!("bundles[{i}].size")),
                        RuleProblem::UnknownPrice(p.size.to_string()),
                    ));
                }
            }
            if let Some(b) = bundles
                .iter()
                .find(|b| !list.bundles.iter().any(|p| p.size == b.size))
            {
                return Err(error(
                    at("bundles"),
                    RuleProblem::MissingPrice(b.size.to_string()),
                ));
            }
            // An amount off is an amount in each currency.
            let amount_off = |id: &str| {
                promotions
                    .iter()
                    .any(|p| p.id == id && p.amount_off_cents.is_some())
            };
            for (i, p) in list.promotions.iter().enumerate() {
                if !amount_off(&p.id) || list.promotions[..i].iter().any(|q| q.id == p.id) {
                    return Err(error(
                        at(&format!("promotions[{i}].id")),
                        RuleProblem::UnknownPrice(p.id.clone()),
                    ));
                }
            }
            if let Some(p) = promotions.iter().find(|p| {
                p.amount_off_cents.is_some() && !list.promotions.iter().any(|q| q.id == p.id)
            }) {
                return Err(error(
                    at("promotions"),
                    RuleProblem::MissingPrice(p.id.clone()),
                ));
            }
            let tax = list
                .tax
                .map(|t| checked_tax(t, &at("tax.name")))
                .transpose()?;
            price_lists.push(PriceListOf {
                currency: code,
                tiers: list.tiers,
                bundles: list.bundles,
                inmail: list.inmail,
                tax,
                promotions: list.promotions,
            });
        }
        let checkout_url = optional_url(numbers.checkout_url.as_deref(), "checkout_url")?;
        if numbers.features.len() > MAX_FEATURES {
            return Err(error(
                "features",
                RuleProblem::TooLarge(MAX_FEATURES as u64),
            ));
        }
        let mut features: Vec<Feature> = Vec::with_capacity(numbers.features.len());
        for (i, feature) in numbers.features.iter().enumerate() {
            let at = |field: &str| format!("features[{i}].{field}");
            let fid = id(&feature.id, &at("id"))?;
            if features.iter().any(|f| f.id == fid) {
                return Err(error(at("id"), RuleProblem::DuplicateFeature(fid)));
            }
            let name = match feature.name.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(n) => Some(text(n, &at("name"), MAX_NAME_CHARS)?),
            };
            features.push(Feature { id: fid, name });
        }
        for (i, tier) in tiers.iter_mut().enumerate() {
            let at = |field: &str| format!("tiers[{i}].{field}");
            tier.checkout_url = optional_url(tier.checkout_url.as_deref(), &at("checkout_url"))?;
            tier.contact_url = match optional_url(tier.contact_url.as_deref(), &at("contact_url"))?
            {
                Some(url) => Some(url),
                // A blank address is no address: the tier needed a price, and has 0.
                None if tier.contact_url.is_some() => {
                    return Err(error(at("contact_url"), RuleProblem::Empty))
                }
                None => None,
            };
            for (j, feature) in tier.features.iter().enumerate() {
                if !features.iter().any(|f| f.id == *feature) {
                    return Err(error(
                        at(&format!("features[{j}]")),
                        RuleProblem::UnknownFeature(feature.clone()),
                    ));
                }
            }
        }
        let highlight = match numbers.highlight.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(h) if tiers.iter().any(|t| t.id == h) => Some(h.to_owned()),
            Some(h) => return Err(error("highlight", RuleProblem::UnknownTier(h.to_owned()))),
        };
        let highlight_label = match numbers.highlight_label.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(l) => Some(text(l, "highlight_label", MAX_NAME_CHARS)?),
        };
        Ok(RuleSetOf {
            id: set_id,
            name,
            source,
            currency,
            tiers,
            bundles,
            inmail: numbers.inmail,
            price_lists,
            checkout_url,
            features,
            highlight,
            highlight_label,
            tax,
            promotions,
        })
    }

    /// The draft with only whole numbers, for the rule form; `None` while any is not
    /// (and its currencies known, a draft naming none being in US dollars).
    pub fn whole_numbers(&self) -> Option<RuleSetOf<u64, Currency>> {
        let numbers = self
            .map_numbers(|num, at| match num {
                Num::Whole(v) => Ok(v),
                Num::Absent if at.absent_is_zero => Ok(0),
                _ => Err(()),
            })
            .ok()?;
        let mut lists = Vec::with_capacity(numbers.price_lists.len());
        for list in numbers.price_lists {
            lists.push(PriceListOf {
                currency: Currency::find(list.currency.trim())?,
                tiers: list.tiers,
                bundles: list.bundles,
                inmail: list.inmail,
                tax: list.tax,
                promotions: list.promotions,
            });
        }
        Some(RuleSetOf {
            id: numbers.id,
            name: numbers.name,
            source: numbers.source,
            currency: currency(&numbers.currency, "currency").ok()?,
            tiers: numbers.tiers,
            bundles: numbers.bundles,
            inmail: numbers.inmail,
            price_lists: lists,
            checkout_url: numbers.checkout_url,
            features: numbers.features,
            highlight: numbers.highlight,
            highlight_label: numbers.highlight_label,
            tax: numbers.tax,
            promotions: numbers.promotions,
        })
    }
}

impl RuleSet {
    /// Reads and validates a rule set. Never panics; the error names the first bad field.
    pub fn from_json(text: &str) -> Result<RuleSet> {
        read_raw(text)?.validate()
    }
}

impl<N: Serialize, C: Serialize + Blank> RuleSetOf<N, C> {
    /// The rule set as JSON without spaces, for links and attributes.
    pub fn to_compact_json(&self) -> String {
        self.write(EditorLayout {
            compact: true,
            ..EditorLayout::default()
        })
    }

    /// The rule set as JSON in the editor's layout, in the form [`RuleSet::from_json`] reads.
    pub fn to_json(&self) -> String {
        self.write(EditorLayout::default()) + "\n"
    }

    /// Both layouts through the one formatter type: one copy of the serializer in the wasm.
    fn write(&self, layout: EditorLayout) -> String {
        let mut out = Vec::with_capacity(1024);
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, layout);
        // Writing plain data to memory cannot fail but for a number that is not whole,
        // which the types here never hold once validated.
        if self.serialize(&mut serializer).is_err() {
            return String::new();
        }
        String::from_utf8(out).unwrap_or_default()
    }
}

/// serde_json's formatter for the editor's layout: the top object and its lists one item a
/// line, each item (a tier, a bundle, the InMail prices) on a single line. Neither of
/// serde_json's own layouts does this: compact is one line, pretty puts every field on its own.
#[derive(Default)]
pub struct EditorLayout {
    depth: usize,
    /// Whether the list being written (one item a line) has items yet.
    list_has_items: bool,
    /// No spaces or line breaks at all (links and attributes).
    compact: bool,
}

/// The depth of the lists written one item a line: those of the top object.
const LIST_DEPTH: usize = 2;

impl serde_json::ser::Formatter for EditorLayout {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        if self.depth == LIST_DEPTH {
            self.list_has_items = false;
        }
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        let close_on_own_line = self.depth == LIST_DEPTH && self.list_has_items && !self.compact;
        self.depth -= 1;
        w.write_all(if close_on_own_line { b"\n  ]" } else { b"]" })
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.compact {
            Ok(())
        } else if self.depth == LIST_DEPTH {
            self.list_has_items = true;
            w.write_all(b"\n    ")
        } else if first {
            Ok(())
        } else {
            w.write_all(b" ")
        }
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        w.write_all(match (self.compact, self.depth) {
            (true, _) => b"}",
            (false, 0) => b"\n}",
            (false, _) => b" }",
        })
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        w.write_all(match (self.compact, self.depth) {
            (true, _) => b"",
            (false, 1) => b"\n  ",
            (false, _) => b" ",
        })
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(if self.compact { b":" } else { b": " })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use serde_json::{json, Value};

    fn article_value() -> Value {
        serde_json::from_str(presets::ARTICLE.json()).unwrap()
    }

    fn error_for(edit: impl FnOnce(&mut Value)) -> RuleError {
        let mut value = article_value();
        edit(&mut value);
        RuleSet::from_json(&value.to_string()).unwrap_err()
    }

    #[test]
    fn the_compact_layout_is_serde_json_s_own() {
        for preset in presets::all() {
            let rules = preset.rules();
            assert_eq!(
                rules.to_compact_json(),
                serde_json::to_string(&rules).unwrap()
            );
        }
    }

    #[test]
    fn round_trips_through_json_in_the_presets_layout() {
        for preset in presets::all() {
            let rules = preset.rules();
            assert_eq!(
                rules.to_json(),
                preset.json(),
                "{} is written as shipped",
                preset.id
            );
            assert_eq!(RuleSet::from_json(&rules.to_json()).unwrap(), rules);
        }
    }

    #[test]
    fn an_empty_bundle_list_is_written_on_one_line() {
        let mut rules = presets::ARTICLE.rules();
        rules.bundles.clear();
        assert!(
            rules.to_json().contains("\"bundles\": [],"),
            "{}",
            rules.to_json()
        );
        assert_eq!(RuleSet::from_json(&rules.to_json()).unwrap(), rules);
    }

    #[test]
    fn errors_name_the_field() {
        type Edit = Box<dyn FnOnce(&mut Value)>;
        let cases: Vec<(Edit, &str, RuleProblem)> = vec![
            (
                Box::new(|v| v["tiers"][1]["price_cents"] = json!(-5)),
                "tiers[1].price_cents",
                RuleProblem::Negative,
            ),
            (
                Box::new(|v| v["tiers"][2]["id"] = json!("basic")),
                "tiers[2].id",
                RuleProblem::DuplicateTier {
                    id: "basic".into(),
                    first: 0,
                },
            ),
            (
                Box::new(|v| v["tiers"] = json!([])),
                "tiers",
                RuleProblem::NoTiers,
            ),
            (
                Box::new(|v| v["bundles"][0]["size"] = json!(0)),
                "bundles[0].size",
                RuleProblem::TooSmall(1),
            ),
            (
                Box::new(|v| v["bundles"][1]["size"] = json!(25)),
                "bundles[1].size",
                RuleProblem::DuplicateBundle { size: 25, first: 0 },
            ),
            (
                Box::new(|v| v["tiers"][0]["free_messages"] = json!(1e12)),
                "tiers[0].free_messages",
                RuleProblem::TooLarge(1_000_000),
            ),
            (
                Box::new(|v| v["tiers"][0]["free_messages"] = json!(u64::MAX)),
                "tiers[0].free_messages",
                RuleProblem::TooLarge(1_000_000),
            ),
            (
                Box::new(|v| v["tiers"][0]["price_cents"] = json!(29.99)),
                "tiers[0].price_cents",
                RuleProblem::NotWhole,
            ),
            (
                Box::new(|v| v["tiers"][0]["name"] = json!(" ")),
                "tiers[0].name",
                RuleProblem::Empty,
            ),
            (
                Box::new(|v| v["tiers"][0]["name"] = json!("Bad\u{7}name")),
                "tiers[0].name",
                RuleProblem::BadText,
            ),
            (
                Box::new(|v| v["tiers"][0]["id"] = json!("Basic Plan")),
                "tiers[0].id",
                RuleProblem::BadId,
            ),
            (
                Box::new(|v| v["inmail"]["block_size"] = json!(0)),
                "inmail.block_size",
                RuleProblem::TooSmall(1),
            ),
            (
                Box::new(|v| v["tiers"][3]["inmail_rollover_cap"] = json!(10)),
                "tiers[3].inmail_rollover_cap",
                RuleProblem::CapBelowCredits(30),
            ),
            (
                Box::new(|v| v["tiers"][1]["checkout_url"] = json!(" JavaScript:alert(1)")),
                "tiers[1].checkout_url",
                RuleProblem::BadUrl,
            ),
            (
                Box::new(|v| v["checkout_url"] = json!("data:text/html,<script>alert(1)</script>")),
                "checkout_url",
                RuleProblem::BadUrl,
            ),
            (
                Box::new(|v| v["tiers"][1]["features"] = json!(["teleport"])),
                "tiers[1].features[0]",
                RuleProblem::UnknownFeature("teleport".into()),
            ),
            (
                Box::new(|v| v["highlight"] = json!("gold")),
                "highlight",
                RuleProblem::UnknownTier("gold".into()),
            ),
            (
                Box::new(|v| v["tiers"][1]["trial_days"] = json!(0)),
                "tiers[1].trial_days",
                RuleProblem::TooSmall(1),
            ),
            (
                Box::new(|v| v["currency"] = json!("EURO")),
                "currency",
                RuleProblem::NoSuchCurrency,
            ),
        ];
        for (edit, path, problem) in cases {
            let err = error_for(edit);
            assert_eq!((err.path.as_str(), err.problem), (path, problem));
        }
    }

    #[test]
    fn shape_errors_come_from_serde_with_their_path() {
        type Edit = Box<dyn FnOnce(&mut Value)>;
        let cases: Vec<(Edit, &str, &str)> = vec![
            (
                Box::new(|v| v["tiers"][0]["price_cents"] = json!("29.99")),
                "tiers[0].price_cents",
                "invalid type: string",
            ),
            (
                Box::new(|v| {
                    v["inmail"]
                        .as_object_mut()
                        .unwrap()
                        .remove("block_price_cents");
                }),
                "inmail",
                "missing field `block_price_cents`",
            ),
            (
                Box::new(|v| v["bundles"] = json!({})),
                "bundles",
                "invalid type: map",
            ),
            (
                Box::new(|v| v["tiers"][0] = json!(3)),
                "tiers[0]",
                "invalid type: integer",
            ),
            (
                Box::new(|v| v["tiers"][0]["pricecents"] = json!(1)),
                "tiers[0].pricecents",
                "unknown field `pricecents`",
            ),
        ];
        for (edit, path, start) in cases {
            let err = error_for(edit);
            let RuleProblem::Format { detail, .. } = &err.problem else {
                panic!("{err:?}");
            };
            assert_eq!(err.path, path, "{detail}");
            assert!(detail.starts_with(start), "{detail}");
        }
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let err = RuleSet::from_json("{\n  \"id\": \"x\",\n  oops\n}").unwrap_err();
        assert_eq!(err.path, "");
        let RuleProblem::Format { problem, detail } = err.problem else {
            panic!()
        };
        assert!(detail.contains("line 3 column 3"), "{detail}");
        let at = crate::json::JsonProblem::Syntax {
            line: Some(3),
            column: Some(3),
        };
        assert_eq!(*problem, at);
        assert!(RuleSet::from_json("").is_err());
        assert!(RuleSet::from_json("[]").is_err());
        assert!(RuleSet::from_json(&format!("{} x", presets::ARTICLE.json())).is_err());
    }

    #[test]
    fn only_web_addresses_are_links() {
        for ok in [
            "https://a.example/x",
            "http://a.example",
            "/buy/{tier}",
            "buy?x=1",
            "#pay",
            "//cdn.example/x",
        ] {
            assert!(is_safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:x",
            "data:,x",
            "vbscript:x",
            "mailto:a@b",
            "file:///etc",
        ] {
            assert!(!is_safe_url(bad), "{bad}");
        }
    }

    #[test]
    fn lone_surrogates_are_not_text() {
        let json = presets::ARTICLE
            .json()
            .replace("\"Basic\"", "\"\\ud800\\u0041\"");
        assert!(RuleSet::from_json(&json).is_err());
    }

    #[test]
    fn a_missing_or_blank_source_is_no_source_and_reads_back() {
        let mut value = article_value();
        value.as_object_mut().unwrap().remove("source");
        let rules = RuleSet::from_json(&value.to_string()).unwrap();
        assert_eq!(rules.source, None);
        assert!(!rules.to_json().contains("source"));
        assert_eq!(RuleSet::from_json(&rules.to_json()).unwrap(), rules);
        value["source"] = json!("  ");
        assert_eq!(RuleSet::from_json(&value.to_string()).unwrap().source, None);
    }

    #[test]
    fn bundles_come_out_sorted_and_the_raw_draft_keeps_its_order() {
        let mut value = article_value();
        value["bundles"].as_array_mut().unwrap().reverse();
        let text = value.to_string();
        let rules = RuleSet::from_json(&text).unwrap();
        let sizes: Vec<u64> = rules.bundles.iter().map(|b| b.size).collect();
        assert_eq!(sizes, [25, 100, 200, 500]);
        let raw = read_raw(&text).unwrap().whole_numbers().unwrap();
        let sizes: Vec<u64> = raw.bundles.iter().map(|b| b.size).collect();
        assert_eq!(sizes, [500, 200, 100, 25]);
    }
}
