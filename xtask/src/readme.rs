//! The README's tables of attributes, events and CSS custom properties, generated from
//! src/host/reference.rs between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
//! `cargo xtask readme` writes them; a test fails when the README is behind.

use std::path::Path;

use messaging_quota::host::reference::{ATTRIBUTES, CSS_PROPERTIES, EVENTS};

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
        ATTRIBUTES.iter().map(|a| {
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

/// The README with its generated tables brought up to date.
pub fn current(readme: &str) -> Result<String> {
    let mut text = readme.to_owned();
    for (name, table) in tables() {
        let (open, close) = (
            format!("<!-- generated:{name} -->"),
            format!("<!-- /generated:{name} -->"),
        );
        let start = text
            .find(&open)
            .ok_or_else(|| format!("README.md lacks {open}"))?
            + open.len();
        let end = text[start..]
            .find(&close)
            .ok_or_else(|| format!("README.md lacks {close}"))?
            + start;
        text.replace_range(start..end, &format!("\n{table}"));
    }
    Ok(text)
}

pub fn write(root: &Path) -> Result {
    let path = root.join("README.md");
    let text = std::fs::read_to_string(&path)?;
    std::fs::write(&path, current(&text)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_readme_tables_are_current() {
        let text = std::fs::read_to_string(crate::root().join("README.md")).unwrap();
        assert!(
            super::current(&text).unwrap() == text,
            "README.md's generated tables are behind src/host/reference.rs: run `cargo xtask readme`"
        );
    }
}
