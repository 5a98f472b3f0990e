//! `custom-elements.json`: the Custom Elements Manifest (schema 1.0.0) that editors,
//! Storybook and documentation tools read: the element, every attribute with its type,
//! default and description, its events and its CSS custom properties, from the same table
//! as the README's (src/host/reference.rs).

use messaging_quota::host::reference::{attributes, CSS_PROPERTIES, EVENTS};
use serde_json::json;

pub fn manifest() -> String {
    let attributes: Vec<_> = attributes()
        .iter()
        .map(|a| {
            json!({
                "name": a.name,
                "type": { "text": a.ts_type },
                "default": a.default,
                "description": a.values,
            })
        })
        .collect();
    let events: Vec<_> = EVENTS
        .iter()
        .map(|e| {
            json!({
                "name": e.name,
                "type": { "text": format!("CustomEvent<{}>", e.detail) },
                "description": e.description,
            })
        })
        .collect();
    let properties: Vec<_> = CSS_PROPERTIES
        .iter()
        .map(|p| json!({ "name": p.name, "default": p.default, "description": p.description }))
        .collect();
    let manifest = json!({
        "schemaVersion": "1.0.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": "messaging-quota.js",
            "declarations": [{
                "kind": "class",
                "name": "MessagingQuotaElement",
                "tagName": "messaging-quota",
                "customElement": true,
                "superclass": { "name": "HTMLElement" },
                "description": "LinkedIn-style messaging quotas: the month's allowance, what is left, \
                    the monthly cost line by line, the reset date, the upgrade pop-up, plans side by \
                    side, a month to play through and a rule editor. Types: messaging-quota.d.ts.",
                "attributes": attributes,
                "events": events,
                "cssProperties": properties,
            }],
            "exports": [{
                "kind": "custom-element-definition",
                "name": "messaging-quota",
                "declaration": { "name": "MessagingQuotaElement", "module": "messaging-quota.js" },
            }],
        }],
    });
    serde_json::to_string_pretty(&manifest).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_lists_every_attribute_the_widget_reads() {
        let manifest: serde_json::Value = serde_json::from_str(&manifest()).unwrap();
        let element = &manifest["modules"][0]["declarations"][0];
        let listed: Vec<&str> = element["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        let read: Vec<String> = attributes().into_iter().map(|a| a.name).collect();
        assert_eq!(listed, read);
        assert_eq!(element["tagName"], "messaging-quota");
        assert_eq!(element["events"].as_array().unwrap().len(), EVENTS.len());
    }
}
