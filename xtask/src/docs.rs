//! The README's tables of attributes, events and CSS custom properties, generated from
//! src/host/reference.rs between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
//! `cargo xtask docs` writes them into docs/; a test fails when one is behind.

use std::path::Path;

use messaging_quota::host::reference::{attributes, CSS_PROPERTIES, EVENTS};

use crate::Result;

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A Markdown table: its header, then a row of cells each.
fn table<const N: usize>(header: &str, rows: impl Iterator<Item = [String; N]>) -> String {
    let mut out = format!("| {header} |\n|{}\n", "---|".repeat(N));
    for row in rows {
        // The last cell is prose; the others are code or short words.
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| if i + 1 == N { cell(c) } else { c.clone() })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

fn tables() -> [(&'static str, String); 3] {
    let attributes = table(
        "attribute | values | default",
        attributes().into_iter().map(|a| {
            [
                format!("`{}`", a.name),
                cell(a.values),
                a.default.to_owned(),
            ]
        }),
    );
    let events = table(
        "event | `detail` | fires",
        EVENTS.iter().map(|e| {
            [
                format!("`{}`", e.name),
                format!("`{}`", e.detail),
                e.description.to_owned(),
            ]
        }),
    );
    let css = table(
        "property | default (light) | dark | role",
        CSS_PROPERTIES.iter().map(|p| {
            [
                format!("`{}`", p.name),
                format!("`{}`", p.default),
                p.dark.map_or("—".to_owned(), |d| format!("`{d}`")),
                p.description.to_owned(),
            ]
        }),
    );
    [
        ("attributes", attributes),
        ("events", events),
        ("css-properties", css),
    ]
}

/// The Markdown files that hold generated tables.
pub const DOCS: [&str; 2] = ["docs/embedding.md", "docs/events.md"];

/// A Markdown text with the generated tables it holds brought up to date; also the names of
/// the tables it holds.
pub fn current(doc: &str) -> (String, Vec<&'static str>) {
    let mut text = doc.to_owned();
    let mut held = Vec::new();
    for (name, table) in tables() {
        let (open, close) = (
            format!("<!-- generated:{name} -->"),
            format!("<!-- /generated:{name} -->"),
        );
        let Some(start) = text.find(&open).map(|at| at + open.len()) else {
            continue;
        };
        let Some(end) = text[start..].find(&close).map(|at| at + start) else {
            continue;
        };
        text.replace_range(start..end, &format!("\n{table}"));
        held.push(name);
    }
    (text, held)
}

/// Brings every generated table up to date (`cargo xtask docs`).
pub fn write(root: &Path) -> Result {
    for doc in DOCS {
        let path = root.join(doc);
        let text = std::fs::read_to_string(&path)?;
        std::fs::write(&path, current(&text).0)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_generated_tables_are_current_and_each_is_somewhere() {
        let mut held = Vec::new();
        for doc in super::DOCS {
            let text = std::fs::read_to_string(crate::root().join(doc)).unwrap();
            let (current, tables) = super::current(&text);
            assert!(
                current == text,
                "{doc}'s generated tables are behind src/host/reference.rs: run `cargo xtask docs`"
            );
            held.extend(tables);
        }
        held.sort_unstable();
        assert_eq!(held, ["attributes", "css-properties", "events"]);
    }
}
