//! Every relative link in the project's Markdown resolves: to a file of the repository and,
//! with a `#fragment`, to a heading of that file (as GitHub makes a heading's anchor).
//! Run by `cargo test` (the test command), so a moved file or a renamed heading fails it.

use std::path::{Path, PathBuf};

/// Folders that hold no Markdown of the project's own.
const SKIPPED: [&str; 8] = [
    ".git",
    "target",
    "node_modules",
    "vendor",
    "dist",
    ".tools",
    ".cargo",
    ".ci",
];

/// Every Markdown file under `dir`.
pub fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if !SKIPPED.iter().any(|s| name == *s) {
                markdown_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// The targets a Markdown text links to: `[text](target)`, `![alt](target)`, and
/// `src="…"` / `href="…"` of inline HTML. Code spans and fenced blocks are skipped.
pub fn targets(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Drop code spans: a link inside backticks is an example, not a link.
        let mut plain = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                plain.push_str(part);
            }
        }
        let mut rest = plain.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let end = after.find(')').unwrap_or(after.len());
            let target = after[..end].split_whitespace().next().unwrap_or("");
            out.push(target.to_owned());
            rest = &after[end..];
        }
        for attribute in ["src=\"", "href=\""] {
            let mut rest = plain.as_str();
            while let Some(at) = rest.find(attribute) {
                let after = &rest[at + attribute.len()..];
                let end = after.find('"').unwrap_or(after.len());
                out.push(after[..end].to_owned());
                rest = &after[end..];
            }
        }
    }
    out
}

/// The anchor GitHub gives a heading: lower case, spaces as hyphens, punctuation dropped.
pub fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a Markdown text's headings.
pub fn anchors(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            let heading = line.trim_start_matches('#').replace('`', "");
            out.push(anchor(&heading));
        }
    }
    out
}

/// What is wrong with each broken link of the Markdown files under `root`.
pub fn broken(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    markdown_files(root, &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let shown = file
            .strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string();
        for target in targets(&text) {
            let external = ["http://", "https://", "mailto:", "data:"]
                .iter()
                .any(|p| target.starts_with(p));
            if external || target.is_empty() {
                continue;
            }
            let (path, fragment) = target.split_once('#').unwrap_or((&target, ""));
            let resolved = if path.is_empty() {
                file.clone()
            } else {
                file.parent().unwrap_or(root).join(path)
            };
            let inside = resolved
                .canonicalize()
                .is_ok_and(|p| p.starts_with(root.canonicalize().unwrap_or_default()));
            if !resolved.exists() {
                problems.push(format!("{shown}: {target}: no such file"));
            } else if !inside {
                problems.push(format!("{shown}: {target}: outside the repository"));
            } else if !fragment.is_empty() && resolved.extension().is_some_and(|e| e == "md") {
                let heads = anchors(&std::fs::read_to_string(&resolved).unwrap_or_default());
                if !heads.iter().any(|h| h == fragment) {
                    problems.push(format!("{shown}: {target}: no such heading"));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_and_anchors_as_github_makes_them() {
        let text = "# Hosting it\n## TypeScript and React\nSee [a](docs/a.md#x), `[no](code)`, <img src=\"p.png\">.\n```\n[no](fenced)\n```\n";
        assert_eq!(targets(text), ["docs/a.md#x", "p.png"]);
        assert_eq!(anchors(text), ["hosting-it", "typescript-and-react"]);
        assert_eq!(
            anchor("What it costs a host page"),
            "what-it-costs-a-host-page"
        );
        assert_eq!(
            anchor("Tag managers, CMS blocks and async loading"),
            "tag-managers-cms-blocks-and-async-loading"
        );
    }

    #[test]
    fn every_link_in_the_projects_markdown_resolves() {
        let problems = broken(&crate::root());
        assert!(
            problems.is_empty(),
            "broken links:\n{}",
            problems.join("\n")
        );
    }
}
