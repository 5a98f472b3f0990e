//! The README's tables of attributes, events and CSS custom properties, generated from
//! src/host/reference.rs between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
//! `cargo xtask readme` writes them; a test fails when the README is behind.

use std::path::Path;

use messaging_quota::host::reference::{ATTRIBUTES, CSS_PROPERTIES, EVENTS};

use crate::Result;

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn tables() -> [(&'static str, String); 3] {
    let mut attributes = String::from("| attribute | values | default |\n|---|---|---|\n");
    for a in ATTRIBUTES {
        attributes.push_str(&format!(
            "| `{}` | {} | {} |\n",
            a.name,
            cell(a.values),
            cell(a.default)
        ));
    }
    let mut events = String::from("| event | `detail` | fires |\n|---|---|---|\n");
    for e in EVENTS {
        events.push_str(&format!(
            "| `{}` | `{}` | {} |\n",
            e.name,
            e.detail,
            cell(e.description)
        ));
    }
    let mut css = String::from("| property | default (light) | role |\n|---|---|---|\n");
    for p in CSS_PROPERTIES {
        css.push_str(&format!(
            "| `{}` | `{}` | {} |\n",
            p.name,
            p.default,
            cell(p.description)
        ));
    }
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
