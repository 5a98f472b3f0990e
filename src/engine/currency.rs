//! Currencies: an ISO 4217 code and how many digits its minor unit has (cents and pence 2,
//! yen 0, dinars 3). Every amount is an integer of its currency's minor unit.
//!
//! The table is ISO 4217's list of active currency codes. Written by hand because no
//! maintained crate gives it without a large dependency, and the browser's
//! `Intl.supportedValuesOf` is not there natively, where the engine is tested.

use serde::{Deserialize, Serialize};

/// A currency the widget can price in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency {
    code: [u8; 3],
    /// Digits of the minor unit: an amount of 12345 is 123.45 with 2, 12,345 with 0.
    pub minor_digits: u8,
}

/// Active ISO 4217 codes whose minor unit has two digits.
const TWO: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD \
BTN BWP BYN BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL \
GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD \
LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK \
PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS \
TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWG";
/// Those with no minor unit.
const ZERO: &str = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
/// Those with three digits.
const THREE: &str = "BHD IQD JOD KWD LYD OMR TND";

impl Currency {
    pub const USD: Currency = Currency {
        code: *b"USD",
        minor_digits: 2,
    };

    /// The currency with this ISO 4217 code (upper case), if it is an active one.
    pub fn find(code: &str) -> Option<Currency> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        if !bytes.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let listed = |list: &str| list.split(' ').any(|c| c == code);
        let minor_digits = if listed(TWO) {
            2
        } else if listed(ZERO) {
            0
        } else if listed(THREE) {
            3
        } else {
            return None;
        };
        Some(Currency {
            code: bytes,
            minor_digits,
        })
    }

    /// Its ISO 4217 code: `EUR`.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.code).unwrap_or("USD")
    }

    /// One major unit in minor units: 100 for cents, 1 for yen.
    pub fn unit(&self) -> u64 {
        10u64.pow(u32::from(self.minor_digits))
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency::USD
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Currency, D::Error> {
        let code = String::deserialize(deserializer)?;
        Currency::find(&code)
            .ok_or_else(|| serde::de::Error::custom("not an ISO 4217 currency code"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_their_minor_units() {
        let digits = |code| Currency::find(code).map(|c| c.minor_digits);
        assert_eq!(digits("USD"), Some(2));
        assert_eq!(digits("EUR"), Some(2));
        assert_eq!(digits("GBP"), Some(2));
        assert_eq!(digits("JPY"), Some(0));
        assert_eq!(digits("KWD"), Some(3));
        for bad in ["usd", "US", "USDX", "XXX", "ABC", "", "€"] {
            assert_eq!(Currency::find(bad), None, "{bad}");
        }
        assert_eq!(Currency::find("JPY").unwrap().unit(), 1);
        assert_eq!(Currency::find("KWD").unwrap().code(), "KWD");
        let lists = [TWO, ZERO, THREE].join(" ");
        let mut codes: Vec<&str> = lists.split(' ').collect();
        let all = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all, "each code listed once");
        assert!(codes.iter().all(|c| c.len() == 3));
    }
}
