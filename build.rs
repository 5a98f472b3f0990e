//! Compiles the English message catalogue (`i18n/en.json`) into the widget as a sorted
//! table, so the built-in language costs no parsing when a widget starts, and writes a
//! constant per message key (`key::PLAN_HEADING`), so a misspelt key does not compile.
//! Other languages are data files read at run time.
//!
//! Likewise compiles the built-in rule sets (`rules/article.json`, `rules/linkedin-help.json`)
//! into Rust values, so a widget on the default rules reads no JSON to start (at 4x CPU that
//! read was the longest task before the first render). The JSON files stay the source; a
//! test proves each compiled value equals the file read and validated as any rule set is.

use std::fmt::Write;

fn main() {
    // The linker keeps its relocations in the wasm: where the build splits it into the first
    // view's module and the later sections' (xtask/src/split.rs), they say which code and
    // data each function uses. (The server renderer's build, `ssr`, is not split.)
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SSR").is_none() {
        println!("cargo:rustc-link-arg-cdylib=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=i18n/en.json");
    let text = std::fs::read_to_string("i18n/en.json").expect("i18n/en.json is readable");
    let messages: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("i18n/en.json is a JSON object");
    let mut keys: Vec<&String> = messages.keys().collect();
    keys.sort();
    let mut out = String::from("&[\n");
    for key in keys {
        match &messages[key] {
            serde_json::Value::String(s) => {
                writeln!(out, "    ({key:?}, EnglishMessage::Text({s:?})),").unwrap();
            }
            serde_json::Value::Object(forms) => {
                assert!(
                    forms.contains_key("other"),
                    "{key}: plural forms need `other`"
                );
                let forms: Vec<String> = forms
                    .iter()
                    .map(|(form, text)| {
                        format!(
                            "({form:?}, {:?})",
                            text.as_str().expect("a plural form is text")
                        )
                    })
                    .collect();
                writeln!(
                    out,
                    "    ({key:?}, EnglishMessage::Plural(&[{}])),",
                    forms.join(", ")
                )
                .unwrap();
            }
            other => panic!("{key}: a message is text or plural forms, not {other}"),
        }
    }
    out.push(']');
    let dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(dir.join("english.rs"), out).expect("OUT_DIR is writable");
    std::fs::write(dir.join("keys.rs"), key_constants(&messages)).expect("OUT_DIR is writable");

    let mut presets = String::new();
    for (function, file) in [
        ("article", "rules/article.json"),
        ("linkedin_help", "rules/linkedin-help.json"),
    ] {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).expect("a preset file is readable");
        let rules: serde_json::Value = serde_json::from_str(&text).expect("a preset is JSON");
        writeln!(
            presets,
            "/// `{file}`, compiled in.\npub fn {function}() -> RuleSet {{\n    {}\n}}",
            rule_set(&rules)
        )
        .unwrap();
    }
    std::fs::write(dir.join("presets.rs"), presets).expect("OUT_DIR is writable");
}

/// A preset's JSON as the Rust expression of its `RuleSet`. Every field of every type is
/// written out, so a field added to the rules without being added here fails to compile;
/// a value of the wrong kind fails the build.
fn rule_set(v: &serde_json::Value) -> String {
    format!(
        "RuleSet {{ id: {}, name: {}, source: {}, currency: {}, tiers: {}, bundles: {}, \
         inmail: {}, price_lists: {}, checkout_url: {}, features: {}, highlight: {}, \
         highlight_label: {}, tax: {}, promotions: {} }}",
        text(&v["id"]),
        text(&v["name"]),
        opt_text(&v["source"]),
        currency(&v["currency"]),
        list(&v["tiers"], tier),
        list(&v["bundles"], |b| prices("BundleOf", "size", b)),
        inmail(&v["inmail"]),
        list(&v["price_lists"], price_list),
        opt_text(&v["checkout_url"]),
        list(&v["features"], |f| format!(
            "Feature {{ id: {}, name: {} }}",
            text(&f["id"]),
            opt_text(&f["name"])
        )),
        opt_text(&v["highlight"]),
        opt_text(&v["highlight_label"]),
        tax(&v["tax"]),
        list(&v["promotions"], promotion),
    )
}

/// `vec![…]` of each item of a JSON list; an absent list is empty.
fn list(v: &serde_json::Value, item: impl Fn(&serde_json::Value) -> String) -> String {
    let items: Vec<String> = v
        .as_array()
        .map(|a| a.iter().map(item).collect())
        .unwrap_or_default();
    format!("vec![{}]", items.join(", "))
}

fn tier(t: &serde_json::Value) -> String {
    format!(
        "TierOf {{ id: {}, name: {}, price_cents: {}, quarterly_price_cents: {}, \
         yearly_price_cents: {}, free_messages: {}, inmail_credits: {}, inmail_rollover_cap: {}, \
         inmail_credit_days: {}, inmail_refund_days: {}, trial_days: {}, checkout_url: {}, features: {}, contact_url: {}, seats: {} }}",
        text(&t["id"]),
        text(&t["name"]),
        if t["price_cents"].is_null() {
            "0".to_owned()
        } else {
            num(&t["price_cents"])
        },
        opt_num(&t["quarterly_price_cents"]),
        opt_num(&t["yearly_price_cents"]),
        num(&t["free_messages"]),
        num(&t["inmail_credits"]),
        opt_num(&t["inmail_rollover_cap"]),
        opt_num(&t["inmail_credit_days"]),
        opt_num(&t["inmail_refund_days"]),
        opt_num(&t["trial_days"]),
        opt_text(&t["checkout_url"]),
        list(&t["features"], text),
        opt_text(&t["contact_url"]),
        opt(&t["seats"], seats)
    )
}

/// How a tier is sold to a team (`SeatsOf`).
fn seats(s: &serde_json::Value) -> String {
    let sharing = |v: &serde_json::Value| match v.as_str() {
        Some("pooled") => "Sharing::Pooled",
        _ => "Sharing::PerSeat",
    };
    format!(
        "SeatsOf {{ min: {}, max: {}, messages: {}, inmail: {}, message_cap: {}, inmail_cap: {} }}",
        num(&s["min"]),
        num(&s["max"]),
        sharing(&s["messages"]),
        sharing(&s["inmail"]),
        opt_num(&s["message_cap"]),
        opt_num(&s["inmail_cap"])
    )
}

/// A bundle (`BundleOf`, by `size`) or another currency's tier or bundle prices
/// (`TierPriceOf` by `id`, `BundlePriceOf` by `size`): what it is, and its two prices.
fn prices(ty: &str, by: &str, v: &serde_json::Value) -> String {
    let what = if by == "id" {
        text(&v[by])
    } else {
        num(&v[by])
    };
    format!(
        "{ty} {{ {by}: {what}, price_cents: {}, quarterly_price_cents: {}, \
         yearly_price_cents: {} }}",
        num(&v["price_cents"]),
        opt_num(&v["quarterly_price_cents"]),
        opt_num(&v["yearly_price_cents"])
    )
}

fn inmail(i: &serde_json::Value) -> String {
    format!(
        "InMailPricingOf {{ block_size: {}, block_price_cents: {}, \
         quarterly_block_price_cents: {}, yearly_block_price_cents: {}, \
         pay_per_inmail_cents: {}, block_credit_days: {} }}",
        num(&i["block_size"]),
        num(&i["block_price_cents"]),
        opt_num(&i["quarterly_block_price_cents"]),
        opt_num(&i["yearly_block_price_cents"]),
        num(&i["pay_per_inmail_cents"]),
        opt_num(&i["block_credit_days"])
    )
}

fn price_list(l: &serde_json::Value) -> String {
    let i = &l["inmail"];
    format!(
        "PriceListOf {{ currency: {}, tiers: {}, bundles: {}, inmail: InMailPriceOf {{ \
         block_price_cents: {}, quarterly_block_price_cents: {}, yearly_block_price_cents: {}, \
         pay_per_inmail_cents: {} }}, tax: {}, promotions: {} }}",
        currency(&l["currency"]),
        list(&l["tiers"], |t| prices("TierPriceOf", "id", t)),
        list(&l["bundles"], |b| prices("BundlePriceOf", "size", b)),
        num(&i["block_price_cents"]),
        opt_num(&i["quarterly_block_price_cents"]),
        opt_num(&i["yearly_block_price_cents"]),
        num(&i["pay_per_inmail_cents"]),
        tax(&l["tax"]),
        list(&l["promotions"], |p| format!(
            "PromotionPriceOf {{ id: {}, amount_off_cents: {} }}",
            text(&p["id"]),
            num(&p["amount_off_cents"])
        ))
    )
}

fn tax(t: &serde_json::Value) -> String {
    opt(t, |t| {
        format!(
            "TaxOf {{ name: {}, rate_basis_points: {}, included: {} }}",
            text(&t["name"]),
            num(&t["rate_basis_points"]),
            t["included"]
                .as_bool()
                .expect("a tax says whether it is included")
        )
    })
}

fn promotion(p: &serde_json::Value) -> String {
    format!(
        "PromotionOf {{ id: {}, name: {}, percent_off: {}, amount_off_cents: {}, tiers: {}, \
         periods: {}, months: {}, until: {} }}",
        text(&p["id"]),
        opt_text(&p["name"]),
        opt_num(&p["percent_off"]),
        opt_num(&p["amount_off_cents"]),
        list(&p["tiers"], text),
        list(&p["periods"], text),
        opt_num(&p["months"]),
        opt_text(&p["until"])
    )
}

fn text(v: &serde_json::Value) -> String {
    format!(
        "{:?}.to_owned()",
        v.as_str().expect("a preset's text field is text")
    )
}

fn num(v: &serde_json::Value) -> String {
    format!("{}", v.as_u64().expect("a preset's number is whole"))
}

/// An optional field: `None` where the file leaves it out.
fn opt(v: &serde_json::Value, value: fn(&serde_json::Value) -> String) -> String {
    if v.is_null() {
        "None".to_owned()
    } else {
        format!("Some({})", value(v))
    }
}

fn opt_text(v: &serde_json::Value) -> String {
    opt(v, text)
}

fn opt_num(v: &serde_json::Value) -> String {
    opt(v, num)
}

/// The currency by its code; a file that names none is in US dollars (as `RuleSet::from_json`
/// reads it). An unknown code fails the equality test.
fn currency(v: &serde_json::Value) -> String {
    match v.as_str() {
        Some(code) => format!("Currency::find({code:?}).unwrap_or_default()"),
        None => "Currency::default()".to_owned(),
    }
}

/// `pub const PLAN_HEADING: Key = Key("plan.heading");`, a line per key.
fn key_constants(messages: &serde_json::Map<String, serde_json::Value>) -> String {
    let mut out = String::new();
    let mut names: Vec<String> = Vec::new();
    for key in messages.keys() {
        let name = key.replace(['.', '-'], "_").to_uppercase();
        assert!(
            !names.contains(&name),
            "{key}: its constant {name} is another key's"
        );
        let plural = messages[key].is_object();
        writeln!(
            out,
            "/// `{key}`{}\npub const {name}: Key = Key({key:?});",
            if plural { " (plural forms)" } else { "" }
        )
        .unwrap();
        names.push(name);
    }
    out
}
