//! The space the widget takes, from the heights measured by `bench/sizes.mjs`
//! (`embed/sizes.json`): the skeleton's sizing rules inside the widget's shadow root, and
//! the reservation stylesheet a host links so that the space is kept even before the loader
//! runs (an `async` script, a tag manager) and for an iframe of the standalone page.

use std::fmt::Write;
use std::path::Path;

use messaging_quota::host::parts::Part;
use serde::Deserialize;

use crate::Result;

/// A band of widths `[from, to)` in px (`None`: no bound) and the height reserved in it.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub struct Band(pub Option<u32>, pub Option<u32>, pub u32);

/// Heights for one group of languages: `None` fits every language (the tallest of all), so
/// it also holds for a language a host adds; the others fit the languages named.
#[derive(Debug, Deserialize)]
pub struct Group {
    pub languages: Option<Vec<String>>,
    /// Bands by part (`calculator`, `compare`, `demo`, `rules`, …), in the order they show.
    pub parts: serde_json::Map<String, serde_json::Value>,
    /// Bands of the standalone page's whole height, by the width of the frame showing it.
    #[serde(default)]
    pub frame: Vec<Band>,
}

#[derive(Debug, Deserialize)]
pub struct Sizes {
    pub groups: Vec<Group>,
}

/// The widget root's padding (16 px) and border (1 px) on both sides, and the gap between
/// parts (the loader's `.mq-root` rule): what a whole widget adds to its parts' heights.
pub const ROOT_PADDING: u32 = 16;
pub const ROOT_BORDER: u32 = 1;
pub const GAP: u32 = 20;
const ROOT_EDGES: u32 = 2 * (ROOT_PADDING + ROOT_BORDER);

/// `@container (…) { rule }`, or the bare rule for a band with no bounds, for widths
/// measured `shift` px narrower than the container the query sees.
fn banded(out: &mut String, band: Band, shift: u32, rule: &str) {
    let query: Vec<String> = [
        band.0.map(|from| format!("(width >= {}px)", from + shift)),
        band.1.map(|to| format!("(width < {}px)", to + shift)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if query.is_empty() {
        let _ = writeln!(out, "{rule}");
    } else {
        let _ = writeln!(out, "@container {} {{ {rule} }}", query.join(" and "));
    }
}

impl Group {
    /// `(part, bands)` in order.
    pub fn parts(&self) -> Result<Vec<(&str, Vec<Band>)>> {
        self.parts
            .iter()
            .map(|(name, bands)| Ok((name.as_str(), serde_json::from_value(bands.clone())?)))
            .collect()
    }

    /// `:lang(en), :lang(ja)`.
    fn langs(&self) -> Option<String> {
        self.languages.as_ref().map(|l| {
            l.iter()
                .map(|code| format!(":lang({code})"))
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
}

impl Sizes {
    pub fn read(path: &Path) -> Result<Sizes> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let sizes: Sizes =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        if sizes.groups.first().is_none_or(|g| g.languages.is_some()) {
            return Err("embed/sizes.json: the first group must fit every language".into());
        }
        Ok(sizes)
    }

    /// The parts' minimum heights inside the shadow root, which the skeleton and the widget
    /// share (the container is the root's content box).
    pub fn shadow_css(&self) -> Result<String> {
        let mut out = String::new();
        for group in &self.groups {
            let scope = group
                .langs()
                .map_or(String::new(), |l| format!(".mq-root:is({l}) "));
            for (part, bands) in group.parts()? {
                for band in bands {
                    let rule = format!("{scope}.mq-{part} {{ min-height: {}px; }}", band.2);
                    banded(&mut out, band, 0, &rule);
                }
            }
        }
        Ok(out)
    }

    /// The host's reservation stylesheet: before the loader runs, each widget element keeps
    /// the height its skeleton will have (for its `sections`, its width and its language), and
    /// a `.messaging-quota-frame` keeps the standalone page's height for its iframe.
    /// The widget's box inside its shadow root, which the skeleton, the widget and a
    /// drawing of it (prerendered) share: the host page's reservation ended, the mount point
    /// reset, the root's padding, border and gap between parts, and each part's space.
    pub fn box_css(&self) -> Result<String> {
        Ok(format!(
            ":host {{ display: block; }}\n\
             /* The host page's reservation (messaging-quota-reserve.css) ends where the widget begins. */\n\
             :host {{ container-type: normal !important; }}\n\
             :host::before {{ content: none !important; display: none !important; }}\n\
             .mq-mount {{ all: initial; display: block; }}\n\
             .mq-root {{ position: relative; box-sizing: border-box; container-type: inline-size; \
             display: flex; flex-direction: column; gap: {GAP}px; padding: {ROOT_PADDING}px; \
             border: {ROOT_BORDER}px solid transparent; }}\n\
             .mq-part {{ display: block; box-sizing: border-box; }}\n{}",
            self.shadow_css()?
        ))
    }

    pub fn reservation_css(&self) -> String {
        self.try_reservation_css()
            .unwrap_or_else(|e| format!("/* sizes unreadable: {e} */\n"))
    }

    fn try_reservation_css(&self) -> Result<String> {
        const ELEMENTS: [(&str, &str); 2] =
            [("messaging-quota", ""), ("[data-messaging-quota]", "data-")];
        let before = |extra: &str| {
            ELEMENTS
                .iter()
                .map(|(el, _)| format!("{el}{extra}::before"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let parts = Part::names();
        let flagged_parts = Part::flagged_names();
        let mut out = String::from(
            "/* Messaging Quota: keeps each widget's space before its loader runs (an async or\n   \
             deferred script, a tag manager), and an iframe of the standalone page its height.\n   \
             Generated by the build from the widget's measured heights: link this file from the\n   \
             same build as the loader, in the page's <head>. */\n",
        );
        let elements: Vec<&str> = ELEMENTS.iter().map(|(el, _)| *el).collect();
        let _ = writeln!(
            out,
            "{} {{ display: block; container-type: inline-size; }}",
            elements.join(", ")
        );
        // The reserved height: the root's edges, then each part that is on with its gap.
        let sum: Vec<String> = parts
            .iter()
            .map(|p| format!("var(--mq-on-{p}) * (var(--mq-h-{p}, 0px) + {GAP}px)"))
            .collect();
        // Every section is on by default; a flagged part is off unless its flag asks for it.
        let flagged = |p: &&str| flagged_parts.contains(p);
        let ons: Vec<String> = parts
            .iter()
            .map(|p| format!("--mq-on-{p}: {};", u8::from(!flagged(p))))
            .collect();
        let _ = writeln!(
            out,
            "{} {{ content: \"\"; display: block; {} height: calc({}px + {}); }}",
            before(""),
            ons.join(" "),
            ROOT_EDGES - GAP,
            sum.join(" + ")
        );
        // `sections` names the parts that are on (the widget's own rule: all, when it names
        // none it knows, which these rules approximate by its being empty).
        let offs: Vec<String> = parts
            .iter()
            .filter(|p| !flagged(p))
            .map(|p| format!("--mq-on-{p}: 0;"))
            .collect();
        let named: Vec<String> = ELEMENTS
            .iter()
            .map(|(el, prefix)| {
                format!("{el}[{prefix}sections]:not([{prefix}sections=\"\"])::before")
            })
            .collect();
        let _ = writeln!(out, "{} {{ {} }}", named.join(", "), offs.join(" "));
        for p in parts.iter().filter(|p| !flagged(p)) {
            let on: Vec<String> = ELEMENTS
                .iter()
                .map(|(el, prefix)| {
                    // As specific as the rule that turns every part off, and after it.
                    format!("{el}[{prefix}sections][{prefix}sections*=\"{p}\"]::before")
                })
                .collect();
            let _ = writeln!(out, "{} {{ --mq-on-{p}: 1; }}", on.join(", "));
        }
        for p in &flagged_parts {
            let on: Vec<String> = ELEMENTS
                .iter()
                .map(|(el, prefix)| {
                    format!("{el}[{prefix}{p}]:not([{prefix}{p}=\"false\" i], [{prefix}{p}=\"0\"], [{prefix}{p}=\"no\" i], [{prefix}{p}=\"off\" i])::before")
                })
                .collect();
            let _ = writeln!(out, "{} {{ --mq-on-{p}: 1; }}", on.join(", "));
        }
        for group in &self.groups {
            // The widget's `locale`, else the page's language (the loader's choice, but for
            // the browser's language, which CSS cannot see).
            let selector = match &group.languages {
                None => before(""),
                Some(codes) => {
                    let mut sel = Vec::new();
                    for (el, prefix) in ELEMENTS {
                        let langs: Vec<String> =
                            codes.iter().map(|c| format!(":lang({c})")).collect();
                        sel.push(format!(
                            "{el}:not([{prefix}locale]):is({})::before",
                            langs.join(", ")
                        ));
                        for c in codes {
                            sel.push(format!("{el}[{prefix}locale|=\"{c}\" i]::before"));
                        }
                    }
                    sel.join(", ")
                }
            };
            for (part, bands) in group.parts()? {
                for band in bands {
                    let rule = format!("{selector} {{ --mq-h-{part}: {}px; }}", band.2);
                    banded(&mut out, band, ROOT_EDGES, &rule);
                }
            }
        }
        self.frame_css(&mut out);
        Ok(out)
    }

    /// `.messaging-quota-frame > iframe`: the standalone page's height at the frame's width,
    /// in the host page's language (the page inside follows the visitor's browser, which
    /// CSS cannot see; a page usually speaks its visitors' language).
    fn frame_css(&self, out: &mut String) {
        if self.groups.iter().all(|g| g.frame.is_empty()) {
            return;
        }
        let _ = writeln!(
            out,
            ".messaging-quota-frame {{ container-type: inline-size; }}\n\
             .messaging-quota-frame > iframe {{ display: block; width: 100%; border: 0; }}"
        );
        for group in &self.groups {
            let selector = match group.langs() {
                None => ".messaging-quota-frame > iframe".to_owned(),
                Some(l) => format!(".messaging-quota-frame:is({l}) > iframe"),
            };
            for band in &group.frame {
                banded(
                    out,
                    *band,
                    0,
                    &format!("{selector} {{ height: {}px; }}", band.2),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes() -> Sizes {
        Sizes::read(&crate::root().join("embed/sizes.json")).unwrap()
    }

    #[test]
    fn every_part_has_a_height_at_every_width() {
        for group in &sizes().groups {
            for (part, bands) in group.parts().unwrap() {
                assert_eq!(
                    bands.first().map(|b| b.0),
                    Some(None),
                    "{part} starts unbounded"
                );
                assert_eq!(
                    bands.last().map(|b| b.1),
                    Some(None),
                    "{part} ends unbounded"
                );
                for pair in bands.windows(2) {
                    assert_eq!(pair[0].1, pair[1].0, "{part}: bands meet");
                }
            }
        }
    }

    #[test]
    fn the_shadow_rules_and_the_reservation_agree() {
        let sizes = sizes();
        let shadow = sizes.shadow_css().unwrap();
        let reserve = sizes.reservation_css();
        // A bounded band of the calculator, as measured: in the shadow root for the root's
        // content box, in the reservation for the element's own width (padding and border
        // added).
        let parts = sizes.groups[0].parts().unwrap();
        let (_, bands) = parts.iter().find(|(p, _)| *p == "calculator").unwrap();
        let Band(Some(from), Some(to), height) = bands[1] else {
            panic!("the calculator's second band is bounded: {bands:?}");
        };
        assert!(shadow.contains(&format!("@container (width >= {from}px) and (width < {to}px) {{ .mq-calculator {{ min-height: {height}px; }} }}")), "{shadow}");
        assert!(
            reserve.contains(&format!(
                "@container (width >= {}px) and (width < {}px) {{ messaging-quota::before, [data-messaging-quota]::before {{ --mq-h-calculator: {height}px; }} }}",
                from + ROOT_EDGES,
                to + ROOT_EDGES
            )),
            "{reserve}"
        );
        assert!(reserve.contains("messaging-quota[sections][sections*=\"compare\"]::before"));
        assert!(reserve.contains("[data-messaging-quota][data-heading]:not("));
    }
}
