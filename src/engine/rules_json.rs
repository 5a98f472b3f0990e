//! Reading and writing rule sets as JSON, with errors that name the field.
//!
//! The reader walks a parsed [`Json`] value by hand rather than deriving `Deserialize`:
//! derived errors say "invalid type at line 3 column 20", while a product manager editing
//! rules needs `tiers[1].price_cents: must not be negative`.

use super::json::{self, quote, Json};

use super::rules::{
    Bundle, InMailPricing, RuleError, RuleSet, Tier, MAX_BUNDLES, MAX_INCLUDED, MAX_PACK_SIZE,
    MAX_PRICE_CENTS, MAX_TIERS,
};

type Result<T> = std::result::Result<T, RuleError>;

fn error(path: &str, message: impl Into<String>) -> RuleError {
    RuleError {
        path: path.to_owned(),
        message: message.into(),
    }
}

/// A JSON object being read, remembering its path and refusing keys it does not know.
struct Fields<'a> {
    map: &'a [(String, Json)],
    path: String,
}

impl<'a> Fields<'a> {
    fn new(value: &'a Json, path: &str, known: &[&str]) -> Result<Self> {
        let Json::Object(map) = value else {
            return Err(error(path, "must be an object"));
        };
        if let Some((unknown, _)) = map.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            let expected = known.join(", ");
            return Err(error(
                &join(path, unknown),
                format!("unknown field (expected one of: {expected})"),
            ));
        }
        Ok(Fields {
            map,
            path: path.to_owned(),
        })
    }

    fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn get(&self, key: &str) -> Option<&'a Json> {
        self.map.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn required(&self, key: &str) -> Result<&'a Json> {
        self.get(key)
            .ok_or_else(|| error(&self.path(key), "is missing"))
    }

    fn count(&self, key: &str, min: u64, max: u64) -> Result<u64> {
        read_count(self.required(key)?, &self.path(key), min, max)
    }

    fn optional_count(&self, key: &str, min: u64, max: u64) -> Result<Option<u64>> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => read_count(v, &self.path(key), min, max).map(Some),
        }
    }

    fn text(&self, key: &str, max_chars: usize) -> Result<String> {
        read_text(self.required(key)?, &self.path(key), max_chars)
    }

    fn optional_text(&self, key: &str, max_chars: usize) -> Result<String> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(String::new()),
            Some(v) => read_text(v, &self.path(key), max_chars),
        }
    }

    fn list(&self, key: &str) -> Result<&'a [Json]> {
        match self.required(key)? {
            Json::Array(items) => Ok(items),
            _ => Err(error(&self.path(key), "must be a list")),
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn read_count(value: &Json, path: &str, min: u64, max: u64) -> Result<u64> {
    let Json::Number(n) = value else {
        return Err(error(path, "must be a whole number"));
    };
    if n.negative {
        return Err(error(path, "must not be negative"));
    }
    if !n.whole {
        return Err(error(path, "must be a whole number (prices are in cents)"));
    }
    match n.magnitude {
        Some(v) if v < min => Err(error(path, format!("must be at least {min}"))),
        Some(v) if v <= max => Ok(v),
        _ => Err(error(path, format!("is too large (at most {max})"))),
    }
}

fn read_text(value: &Json, path: &str, max_chars: usize) -> Result<String> {
    let Json::String(text) = value else {
        return Err(error(path, "must be text"));
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(error(path, "must not be empty"));
    }
    if text.chars().count() > max_chars {
        return Err(error(
            path,
            format!("is too long (at most {max_chars} characters)"),
        ));
    }
    Ok(text.to_owned())
}

fn read_id(fields: &Fields, key: &str) -> Result<String> {
    let id = fields.text(key, 40)?;
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(error(&fields.path(key), "may hold only a-z, 0-9 and '-'"));
    }
    Ok(id)
}

fn read_tier(value: &Json, path: &str) -> Result<Tier> {
    let f = Fields::new(
        value,
        path,
        &[
            "id",
            "name",
            "price_cents",
            "free_messages",
            "inmail_credits",
            "inmail_rollover_cap",
        ],
    )?;
    let tier = Tier {
        id: read_id(&f, "id")?,
        name: f.text("name", 60)?,
        price_cents: f.count("price_cents", 0, MAX_PRICE_CENTS)?,
        free_messages: f.count("free_messages", 0, MAX_INCLUDED)?,
        inmail_credits: f.count("inmail_credits", 0, MAX_INCLUDED)?,
        inmail_rollover_cap: f.optional_count("inmail_rollover_cap", 0, MAX_INCLUDED)?,
    };
    if let Some(cap) = tier.inmail_rollover_cap {
        if cap < tier.inmail_credits {
            return Err(error(
                &f.path("inmail_rollover_cap"),
                format!("must be at least inmail_credits ({})", tier.inmail_credits),
            ));
        }
    }
    Ok(tier)
}

fn read_bundle(value: &Json, path: &str) -> Result<Bundle> {
    let f = Fields::new(value, path, &["size", "price_cents"])?;
    Ok(Bundle {
        size: f.count("size", 1, MAX_PACK_SIZE)?,
        // A free bundle would make "most spare capacity" unbounded.
        price_cents: f.count("price_cents", 1, MAX_PRICE_CENTS)?,
    })
}

fn read_inmail(value: &Json, path: &str) -> Result<InMailPricing> {
    let f = Fields::new(
        value,
        path,
        &["block_size", "block_price_cents", "pay_per_inmail_cents"],
    )?;
    Ok(InMailPricing {
        block_size: f.count("block_size", 1, MAX_PACK_SIZE)?,
        block_price_cents: f.count("block_price_cents", 1, MAX_PRICE_CENTS)?,
        pay_per_inmail_cents: f.count("pay_per_inmail_cents", 0, MAX_PRICE_CENTS)?,
    })
}

impl RuleSet {
    /// Parses and validates a rule set. Never panics; the error names the first bad field.
    pub fn from_json(text: &str) -> Result<RuleSet> {
        let value = json::parse(text).map_err(|e| error("", format!("not valid JSON: {e}")))?;
        let f = Fields::new(
            &value,
            "",
            &["id", "name", "source", "tiers", "bundles", "inmail"],
        )?;

        let tier_values = f.list("tiers")?;
        if tier_values.is_empty() {
            return Err(error("tiers", "must list at least one tier"));
        }
        if tier_values.len() > MAX_TIERS {
            return Err(error(
                "tiers",
                format!("too many tiers (at most {MAX_TIERS})"),
            ));
        }
        let mut tiers: Vec<Tier> = Vec::with_capacity(tier_values.len());
        for (i, v) in tier_values.iter().enumerate() {
            let path = format!("tiers[{i}]");
            let tier = read_tier(v, &path)?;
            if let Some(first) = tiers.iter().position(|t| t.id == tier.id) {
                return Err(error(
                    &format!("{path}.id"),
                    format!("duplicate tier id \"{}\" (also tiers[{first}])", tier.id),
                ));
            }
            tiers.push(tier);
        }

        let bundle_values = f.list("bundles")?;
        if bundle_values.len() > MAX_BUNDLES {
            return Err(error(
                "bundles",
                format!("too many bundles (at most {MAX_BUNDLES})"),
            ));
        }
        let mut bundles: Vec<Bundle> = Vec::with_capacity(bundle_values.len());
        for (i, v) in bundle_values.iter().enumerate() {
            let path = format!("bundles[{i}]");
            let bundle = read_bundle(v, &path)?;
            if bundles.iter().any(|b| b.size == bundle.size) {
                let first = bundle_values
                    .iter()
                    .position(|v| read_bundle(v, "").is_ok_and(|b| b.size == bundle.size))
                    .unwrap_or(0);
                return Err(error(
                    &format!("{path}.size"),
                    format!(
                        "duplicate bundle size {} (also bundles[{first}])",
                        bundle.size
                    ),
                ));
            }
            let at = bundles.partition_point(|b| b.size < bundle.size);
            bundles.insert(at, bundle);
        }

        Ok(RuleSet {
            id: read_id(&f, "id")?,
            name: f.text("name", 60)?,
            source: f.optional_text("source", 200)?,
            tiers,
            bundles,
            inmail: read_inmail(f.required("inmail")?, "inmail")?,
        })
    }

    /// The rule set as pretty JSON, in the form [`RuleSet::from_json`] reads.
    ///
    /// Written by hand, in a stable layout that reads well in the editor.
    pub fn to_json(&self) -> String {
        let tiers: Vec<String> = self
            .tiers
            .iter()
            .map(|t| {
                let cap = t.inmail_rollover_cap.map(|c| format!(", \"inmail_rollover_cap\": {c}")).unwrap_or_default();
                format!(
                    "    {{ \"id\": {}, \"name\": {}, \"price_cents\": {}, \"free_messages\": {}, \"inmail_credits\": {}{cap} }}",
                    quote(&t.id),
                    quote(&t.name),
                    t.price_cents,
                    t.free_messages,
                    t.inmail_credits
                )
            })
            .collect();
        let bundles: Vec<String> = self
            .bundles
            .iter()
            .map(|b| {
                format!(
                    "    {{ \"size\": {}, \"price_cents\": {} }}",
                    b.size, b.price_cents
                )
            })
            .collect();
        format!(
            "{{\n  \"id\": {},\n  \"name\": {},\n  \"source\": {},\n  \"tiers\": [\n{}\n  ],\n  \"bundles\": [{}{}{}],\n  \"inmail\": {{ \"block_size\": {}, \"block_price_cents\": {}, \"pay_per_inmail_cents\": {} }}\n}}\n",
            quote(&self.id),
            quote(&self.name),
            quote(&self.source),
            tiers.join(",\n"),
            if bundles.is_empty() { "" } else { "\n" },
            bundles.join(",\n"),
            if bundles.is_empty() { "" } else { "\n  " },
            self.inmail.block_size,
            self.inmail.block_price_cents,
            self.inmail.pay_per_inmail_cents,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use serde_json::{json, Value};

    fn article_value() -> Value {
        serde_json::from_str(presets::ARTICLE_JSON).unwrap()
    }

    fn error_for(edit: impl FnOnce(&mut Value)) -> RuleError {
        let mut value = article_value();
        edit(&mut value);
        RuleSet::from_json(&value.to_string()).unwrap_err()
    }

    #[test]
    fn round_trips_through_json() {
        for preset in presets::all() {
            let rules = preset.rules();
            assert_eq!(RuleSet::from_json(&rules.to_json()).unwrap(), rules);
        }
    }

    #[test]
    fn errors_name_the_field() {
        type Edit = Box<dyn FnOnce(&mut Value)>;
        let cases: Vec<(Edit, &str, &str)> = vec![
            (
                Box::new(|v| v["tiers"][1]["price_cents"] = json!(-5)),
                "tiers[1].price_cents",
                "must not be negative",
            ),
            (
                Box::new(|v| v["tiers"][2]["id"] = json!("basic")),
                "tiers[2].id",
                "duplicate tier id \"basic\" (also tiers[0])",
            ),
            (
                Box::new(|v| v["tiers"] = json!([])),
                "tiers",
                "must list at least one tier",
            ),
            (
                Box::new(|v| v["bundles"][0]["size"] = json!(0)),
                "bundles[0].size",
                "must be at least 1",
            ),
            (
                Box::new(|v| v["bundles"][1]["size"] = json!(25)),
                "bundles[1].size",
                "duplicate bundle size 25 (also bundles[0])",
            ),
            (
                Box::new(|v| v["tiers"][0]["free_messages"] = json!(1e12)),
                "tiers[0].free_messages",
                "is too large (at most 1000000)",
            ),
            (
                Box::new(|v| v["tiers"][0]["free_messages"] = json!(u64::MAX)),
                "tiers[0].free_messages",
                "is too large (at most 1000000)",
            ),
            (
                Box::new(|v| v["tiers"][0]["price_cents"] = json!(29.99)),
                "tiers[0].price_cents",
                "must be a whole number (prices are in cents)",
            ),
            (
                Box::new(|v| v["tiers"][0]["price_cents"] = json!("29.99")),
                "tiers[0].price_cents",
                "must be a whole number",
            ),
            (
                Box::new(|v| v["tiers"][0]["name"] = json!(" ")),
                "tiers[0].name",
                "must not be empty",
            ),
            (
                Box::new(|v| v["tiers"][0]["id"] = json!("Basic Plan")),
                "tiers[0].id",
                "may hold only a-z, 0-9 and '-'",
            ),
            (
                Box::new(|v| v["inmail"]["block_size"] = json!(0)),
                "inmail.block_size",
                "must be at least 1",
            ),
            (
                Box::new(|v| {
                    v["inmail"]
                        .as_object_mut()
                        .unwrap()
                        .remove("block_price_cents");
                }),
                "inmail.block_price_cents",
                "is missing",
            ),
            (
                Box::new(|v| v["tiers"][3]["inmail_rollover_cap"] = json!(10)),
                "tiers[3].inmail_rollover_cap",
                "must be at least inmail_credits (30)",
            ),
            (
                Box::new(|v| v["bundles"] = json!({})),
                "bundles",
                "must be a list",
            ),
            (
                Box::new(|v| v["tiers"][0] = json!(3)),
                "tiers[0]",
                "must be an object",
            ),
        ];
        for (edit, path, message) in cases {
            let err = error_for(edit);
            assert_eq!((err.path.as_str(), err.message.as_str()), (path, message));
        }
    }

    #[test]
    fn unknown_fields_are_named() {
        let err = error_for(|v| v["tiers"][0]["pricecents"] = json!(1));
        assert_eq!(err.path, "tiers[0].pricecents");
        assert!(err.message.starts_with("unknown field"), "{}", err.message);
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let err = RuleSet::from_json("{\n  \"id\": \"x\",\n  oops\n}").unwrap_err();
        assert_eq!(err.path, "");
        assert!(err.message.contains("line 3 column 3"), "{}", err.message);
        assert!(RuleSet::from_json("").is_err());
        assert!(RuleSet::from_json("[]")
            .unwrap_err()
            .message
            .contains("object"));
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_json() {
        // The hand-written reader accepts exactly what serde_json accepts, for a spread of
        // valid and broken documents.
        let docs = [
            presets::ARTICLE_JSON.to_owned(),
            presets::LINKEDIN_HELP_JSON.to_owned(),
            presets::ARTICLE_JSON.replace("2999", "29.99"),
            presets::ARTICLE_JSON.replace("],", "]"),
            presets::ARTICLE_JSON.replace("\"id\"", "id"),
            r#"{"a": "\u00e9\n", "b": [1e3, -0, 0.5, true, false, null]}"#.to_owned(),
            "[1, 2,]".to_owned(),
            "{\"a\": 01}".to_owned(),
        ];
        for doc in docs {
            assert_eq!(
                json::parse(&doc).is_ok(),
                serde_json::from_str::<Value>(&doc).is_ok(),
                "{doc}"
            );
        }
    }

    #[test]
    fn bundles_come_out_sorted() {
        let mut value = article_value();
        value["bundles"].as_array_mut().unwrap().reverse();
        let rules = RuleSet::from_json(&value.to_string()).unwrap();
        let sizes: Vec<u64> = rules.bundles.iter().map(|b| b.size).collect();
        assert_eq!(sizes, [25, 100, 200, 500]);
    }
}
