//! Plan comparison: the recommendation card, the table and the cost chart.

use std::fmt::Write;

use super::controls::{flag, number_field, select};
use super::{esc, Parts};
use crate::engine::chart::{Chart, Marker, BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH};
use crate::engine::compare::{describe_plan, versus_current, CompareRow, Versus};
use crate::engine::locale::Locale;
use crate::engine::plan::Selection;
use crate::engine::recommend::{Need, Plan};
use crate::engine::rules::RuleSet;
use crate::state::{Count, Widget};

/// The cheapest way to the need, its cost, and how it compares with the selection.
fn recommendation(
    plan: Option<&Plan>,
    rules: &RuleSet,
    need: &Need,
    selection: &Selection,
    locale: &Locale,
) -> String {
    let Some(plan) = plan else {
        return format!(
            r#"<div class="recommendation none" data-testid="recommendation"><p>No plan under these rules reaches {} messages a month.</p></div>"#,
            locale.count(need.messages)
        );
    };
    let comparison = match versus_current(rules, selection, need) {
        Versus::Short { allowance } => format!(
            "Your current selection allows {} messages a month, short of {}.",
            locale.count(allowance),
            locale.count(need.messages)
        ),
        Versus::Covers { current_cents } if current_cents > plan.total_cents => {
            let saving = current_cents - plan.total_cents;
            format!(
                "Saves {} a month ({} a year) against your current selection.",
                locale.money(saving),
                locale.money(saving.saturating_mul(12))
            )
        }
        Versus::Covers { .. } => {
            "Your current selection already meets this need at this price.".to_owned()
        }
    };
    let extra = if plan.pay_per_inmails > 0 {
        format!(
            ", plus {} pay-per-InMail",
            locale.count(plan.pay_per_inmails)
        )
    } else {
        String::new()
    };
    format!(
        concat!(
            r#"<div class="recommendation" data-testid="recommendation" data-tier="{tier}" data-cents="{cents}" data-addons="{addons}" data-inmail-blocks="{blocks}">"#,
            r#"<p class="eyebrow">Cheapest way</p><p class="plan-line">{line}</p>"#,
            r#"<p class="plan-cost"><strong>{month}</strong> a month · {year} a year</p>"#,
            r#"<p class="muted">{messages} messages and {credits} InMail credits a month{extra}; {spare} spare.</p>"#,
            r#"<p class="versus">{comparison}</p></div>"#
        ),
        tier = esc(&plan.tier_id),
        cents = plan.total_cents,
        addons = plan.selection().addons_param(),
        blocks = plan.inmail_blocks,
        line = esc(&describe_plan(plan, rules, locale)),
        month = locale.money(plan.total_cents),
        year = locale.money(plan.total_cents.saturating_mul(12)),
        messages = locale.count(plan.allowance),
        credits = locale.count(plan.inmail_credits),
        extra = extra,
        spare = locale.count(plan.spare),
        comparison = comparison,
    )
}

/// Every tier side by side; the table scrolls sideways on narrow screens.
pub fn compare_table(rows: &[CompareRow], messages: u64, locale: &Locale) -> String {
    let mut body = String::new();
    for row in rows {
        let cents = row.plan.as_ref().map(|p| p.total_cents);
        let mut classes = Vec::new();
        let mut badges = String::new();
        if row.cheapest {
            classes.push("cheapest");
            badges.push_str(r#"<span class="badge">Cheapest</span>"#);
        }
        if row.current {
            classes.push("current");
            badges.push_str(r#"<span class="badge subtle">Current</span>"#);
        }
        if row.below_minimum {
            classes.push("below-minimum");
            badges.push_str(r#"<span class="badge subtle">Below minimum</span>"#);
        }
        let dash = || "—".to_owned();
        let _ = write!(
            body,
            concat!(
                r#"<tr class="{}" data-testid="compare-row-{}"{}><th scope="row">{}{}</th><td data-label="Must add">{}</td>"#,
                r#"<td class="num" data-label="Per month">{}</td><td class="num" data-label="Per message">{}</td><td class="num" data-label="Spare">{}</td></tr>"#
            ),
            classes.join(" "),
            esc(&row.tier_id),
            cents
                .map(|c| format!(r#" data-cents="{c}""#))
                .unwrap_or_default(),
            esc(&row.tier_name),
            badges,
            esc(&row.adds),
            cents.map(|c| locale.money(c)).unwrap_or_else(dash),
            row.per_message_cents
                .map(|c| locale.money(c))
                .unwrap_or_else(dash),
            row.plan
                .as_ref()
                .map(|p| locale.count(p.spare))
                .unwrap_or_else(dash),
        );
    }
    format!(
        concat!(
            r#"<div class="table-scroll" tabindex="0" role="region" aria-label="Plans compared"><table class="compare-table">"#,
            r#"<caption>Each tier's cheapest way to {} messages a month</caption><thead><tr><th scope="col">Tier</th><th scope="col">Must add</th>"#,
            r#"<th scope="col" class="num">Per month</th><th scope="col" class="num">Per message</th><th scope="col" class="num">Spare</th></tr></thead>"#,
            r#"<tbody>{}</tbody></table></div>"#
        ),
        locale.count(messages),
        body
    )
}

fn focusable_point(out: &mut String, class: &str, shape: &str, x: i64, y: i64, label: &str) {
    let _ = write!(
        out,
        r#"<g class="{class}" tabindex="0" role="img" aria-label="{label}">{shape}<text class="tip" x="{x}" y="{ty}" text-anchor="{anchor}">{label}</text></g>"#,
        ty = (y - 12).max(TOP + 10),
        anchor = if x < WIDTH / 3 {
            "start"
        } else if x > WIDTH * 2 / 3 {
            "end"
        } else {
            "middle"
        },
        label = esc(label),
    );
}

/// The marker for the visitor's selection on the cost chart (its own slot, since it moves
/// with every change to the selection while the rest of the chart stays).
pub fn chart_marker(current: &Marker) -> String {
    let shape = format!(
        r#"<rect x="{}" y="{}" width="10" height="10"/>"#,
        current.x - 5,
        current.y - 5
    );
    let mut out = String::new();
    focusable_point(
        &mut out,
        "marker current",
        &shape,
        current.x,
        current.y,
        &current.label,
    );
    out
}

/// The cost chart as inline SVG, with a legend and a text alternative; the selection's
/// marker goes in its slot ([`chart_marker`]).
pub fn chart(c: &Chart, prefix: &str, cheapest_tier: Option<usize>) -> String {
    let plot_bottom = HEIGHT - BOTTOM;
    let mut svg = format!(
        concat!(
            r#"<svg data-testid="cost-chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{p}-ct {p}-cd">"#,
            r#"<title id="{p}-ct">Monthly cost by messages needed</title><desc id="{p}-cd">{desc}</desc>"#,
            r#"<defs><clipPath id="{p}-clip"><rect x="{l}" y="{cy}" width="{cw}" height="{ch}"/></clipPath></defs><g class="axis" aria-hidden="true">"#
        ),
        w = WIDTH,
        h = HEIGHT,
        p = prefix,
        desc = esc(&c.description),
        l = LEFT,
        cy = TOP - 4,
        cw = WIDTH - LEFT - RIGHT + 4,
        ch = HEIGHT - TOP - BOTTOM + 8,
    );
    for t in &c.y_ticks {
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{l}" x2="{r}" y1="{y}" y2="{y}"/><text x="{tx}" y="{ty}" text-anchor="end">{label}</text>"#,
            l = LEFT,
            r = WIDTH - RIGHT,
            y = t.at,
            tx = LEFT - 8,
            ty = t.at + 4,
            label = esc(&t.label)
        );
    }
    for t in &c.x_ticks {
        let _ = write!(
            svg,
            r#"<line class="tick" x1="{x}" x2="{x}" y1="{b}" y2="{b5}"/><text x="{x}" y="{ty}" text-anchor="middle">{label}</text>"#,
            x = t.at,
            b = plot_bottom,
            b5 = plot_bottom + 5,
            ty = plot_bottom + 18,
            label = esc(&t.label)
        );
    }
    let _ = write!(
        svg,
        r#"<text class="axis-title" x="{}" y="{}" text-anchor="middle">Messages needed per month</text></g><g clip-path="url(#{prefix}-clip)">"#,
        (LEFT + WIDTH - RIGHT) / 2,
        HEIGHT - 2
    );
    for s in &c.series {
        let _ = write!(
            svg,
            r#"<path class="series series-{}" d="{}"><title>{}</title></path>"#,
            s.tier_index % 8,
            s.path,
            esc(&s.name)
        );
    }
    let _ = write!(svg, r#"<path class="envelope" d="{}"/></g>"#, c.envelope);
    svg.push_str(r#"<g data-slot="chart-marker"></g>"#);
    for p in &c.points {
        let shape = format!(r#"<circle cx="{}" cy="{}" r="4"/>"#, p.x, p.y);
        focusable_point(&mut svg, "point", &shape, p.x, p.y, &p.label);
    }
    if let Some(m) = &c.need {
        let shape = format!(
            r#"<line x1="{x}" x2="{x}" y1="{TOP}" y2="{plot_bottom}"/><circle cx="{x}" cy="{}" r="6"/>"#,
            m.y,
            x = m.x
        );
        focusable_point(&mut svg, "marker need", &shape, m.x, m.y, &m.label);
    }
    svg.push_str("</svg>");
    let mut legend = String::new();
    for s in &c.series {
        let cheapest = if cheapest_tier == Some(s.tier_index) {
            " cheapest"
        } else {
            ""
        };
        let _ = write!(
            legend,
            r#"<li class="series-{}{cheapest}"><span class="swatch" aria-hidden="true"></span>{}</li>"#,
            s.tier_index % 8,
            esc(&s.name)
        );
    }
    format!(
        concat!(
            r#"<figure class="cost-chart">{svg}<figcaption><ul class="legend">{legend}"#,
            r#"<li class="envelope-key"><span class="swatch" aria-hidden="true"></span>Cheapest way</li>"#,
            r#"<li class="need-key"><span class="swatch" aria-hidden="true"></span>Your need</li>"#,
            r#"<li class="current-key"><span class="swatch" aria-hidden="true"></span>Your selection</li></ul>"#,
            r#"<p class="muted">Hover over or tab to a point to read its value.</p></figcaption></figure>"#
        ),
        svg = svg,
        legend = legend
    )
}

/// The comparison's frame; its parts fill the slots.
const COMPARE: &str = concat!(
    r#"<section class="compare" aria-label="Find the cheapest plan"><h2>Find the cheapest plan</h2><div class="need-panel">"#,
    r#"<div class="mq-slot" data-slot="need"></div><div class="mq-slot" data-slot="recommendation"></div></div>"#,
    r#"<div class="mq-slot" data-slot="compare-table"></div><div class="mq-slot" data-slot="cost-chart"></div></section>"#
);

/// "Find the cheapest plan": the need, the recommendation, the table and the chart (the
/// last two built by the caller, which keeps them while their inputs stay the same).
pub fn compare_parts(out: &mut Parts, w: &Widget, prefix: &str, plan: Option<&Plan>) {
    let rules = &w.rules;
    out.push(("compare", COMPARE.to_owned()));
    let mut need = String::from(r#"<div class="field-grid">"#);
    number_field(
        &mut need,
        w,
        &format!("{prefix}-need-messages"),
        "Messages a month",
        "need-messages",
        Count::NeedMessages,
        w.need.messages,
    );
    number_field(
        &mut need,
        w,
        &format!("{prefix}-need-inmails"),
        "InMails a month",
        "need-inmails",
        Count::NeedInMails,
        w.need.inmails,
    );
    let tiers = std::iter::once((String::new(), "Any tier".to_owned()))
        .chain(rules.tiers.iter().map(|t| (t.id.clone(), t.name.clone())));
    select(
        &mut need,
        "min-tier",
        "At least this tier",
        "min-tier",
        tiers,
        w.need.min_tier.as_deref().unwrap_or(""),
    );
    need.push_str("</div>");
    out.push(("need", need));

    let mut card = String::from(r#"<div class="recommendation-slot">"#);
    card.push_str(&recommendation(
        plan,
        rules,
        &w.need,
        &w.selection,
        &w.locale,
    ));
    let applied = plan.is_some_and(|r| r.selection() == w.selection);
    let _ = write!(
        card,
        r#"<button type="button" class="button primary" data-testid="apply-recommendation" data-action="apply-recommendation"{}>{}</button></div>"#,
        flag(applied || plan.is_none(), "disabled"),
        if applied {
            "This is your selection"
        } else {
            "Use this plan"
        }
    );
    out.push(("recommendation", card));
}
