//! Tax on prices: what part of an amount is tax, and how amounts are shown.
//!
//! A price list states a tax (a name, a rate in basis points, and whether its prices include
//! it). Tax is worked out on each charge of each line (what one invoice line is), rounded
//! half up to the minor unit, as invoicing systems round per line; every figure is then a sum
//! of those charges, so the lines always add up to the total.

use super::rules::Tax;

/// How amounts are shown: with the tax in them, or before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaxMode {
    Inclusive,
    Exclusive,
}

impl TaxMode {
    /// As attributes, URLs and events write it.
    pub fn id(self) -> &'static str {
        match self {
            TaxMode::Inclusive => "inclusive",
            TaxMode::Exclusive => "exclusive",
        }
    }

    pub fn from_id(id: &str) -> Option<TaxMode> {
        match id {
            "inclusive" => Some(TaxMode::Inclusive),
            "exclusive" => Some(TaxMode::Exclusive),
            _ => None,
        }
    }
}

/// An amount before tax, its tax, and the two together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Split {
    pub net: u64,
    pub tax: u64,
    pub gross: u64,
}

impl Split {
    /// The amount as `mode` shows it.
    pub fn shown(self, mode: TaxMode) -> u64 {
        match mode {
            TaxMode::Inclusive => self.gross,
            TaxMode::Exclusive => self.net,
        }
    }
}

/// `a × b / c`, rounded half up, without overflow.
fn ratio(a: u64, b: u64, c: u64) -> u64 {
    let c = u128::from(c.max(1));
    let exact = (u128::from(a) * u128::from(b) + c / 2) / c;
    u64::try_from(exact).unwrap_or(u64::MAX)
}

impl Tax {
    /// How the price list's own amounts are written.
    pub fn stated_mode(&self) -> TaxMode {
        if self.included {
            TaxMode::Inclusive
        } else {
            TaxMode::Exclusive
        }
    }

    /// An amount as the price list writes it, split into net, tax and gross.
    pub fn split(&self, stated: u64) -> Split {
        let rate = self.rate_basis_points;
        if self.included {
            let tax = ratio(stated, rate, 10_000 + rate);
            Split {
                net: stated - tax,
                tax,
                gross: stated,
            }
        } else {
            let tax = ratio(stated, rate, 10_000);
            Split {
                net: stated,
                tax,
                gross: stated.saturating_add(tax),
            }
        }
    }
}

/// An amount with no tax stated: all of it is the price.
pub fn untaxed(amount: u64) -> Split {
    Split {
        net: amount,
        tax: 0,
        gross: amount,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vat(rate: u64, included: bool) -> Tax {
        Tax {
            name: "VAT".into(),
            rate_basis_points: rate,
            included,
        }
    }

    #[test]
    fn included_tax_is_taken_out_and_rounded_half_up() {
        // €59.99 with 19 % VAT in it: 5999 × 19 / 119 = 957.8 → 958.
        assert_eq!(
            vat(1900, true).split(5999),
            Split {
                net: 5041,
                tax: 958,
                gross: 5999
            }
        );
        // 100 × 1900 / 11900 = 15.97 → 16.
        assert_eq!(vat(1900, true).split(100).tax, 16);
    }

    #[test]
    fn excluded_tax_is_added_and_rounded_half_up() {
        // €50.41 plus 19 %: 957.79 → 958.
        assert_eq!(
            vat(1900, false).split(5041),
            Split {
                net: 5041,
                tax: 958,
                gross: 5999
            }
        );
        // 5.5 %: 1000 × 550 / 10000 = 55 exactly; 10 × 550 / 10000 = 0.55 → 1.
        assert_eq!(vat(550, false).split(1000).tax, 55);
        assert_eq!(vat(550, false).split(10).tax, 1);
    }

    #[test]
    fn a_zero_rate_and_huge_amounts_are_safe() {
        assert_eq!(vat(0, true).split(1234), untaxed(1234));
        let big = vat(10_000, false).split(u64::MAX);
        assert_eq!(big.gross, u64::MAX);
        assert_eq!(TaxMode::from_id("inclusive"), Some(TaxMode::Inclusive));
        assert_eq!(TaxMode::from_id("gross"), None);
    }
}
