//! The cost chart as SVG: monthly cost against messages needed, a line per tier, the
//! cheapest line in bold, points to read by hover or Tab, the stated need and the
//! visitor's selection marked, and a text alternative. The geometry is the engine's.

use std::rc::Rc;

use yew::prelude::*;

use super::context::{use_ids, use_texts};
use crate::engine::chart::{label_room, Chart, Marker, BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH};
use crate::engine::rules::RuleSet;
use crate::text::key;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub chart: Rc<Chart>,
    pub rules: Rc<RuleSet>,
    /// The tier of the cheapest plan, whose legend entry is marked.
    pub cheapest: Option<usize>,
    /// The visitor's selection: where it sits, and what it allows and costs.
    pub selection: SelectionPoint,
}

/// The visitor's selection on the chart (also the marker's props).
#[derive(Properties, Clone, Copy, PartialEq)]
pub struct SelectionPoint {
    pub at: Marker,
    pub messages: u64,
    pub cents: u64,
}

/// A point that shows its value on hover and on focus.
fn focusable_point(class: &'static str, shape: Html, at: Marker, label: String) -> Html {
    let anchor = if at.x < WIDTH / 3 {
        "start"
    } else if at.x > WIDTH * 2 / 3 {
        "end"
    } else {
        "middle"
    };
    html! {
        <g class={class} tabindex="0" role="img" aria-label={label.clone()}>
            { shape }
            <text class="tip" x={at.x.to_string()} y={(at.y - 12).max(TOP + 10).to_string()} text-anchor={anchor}>
                { label }
            </text>
        </g>
    }
}

#[function_component]
pub fn SelectionMarker(props: &SelectionPoint) -> Html {
    let t = use_texts();
    let label = t.fill(
        key::CHART_SELECTION,
        &[
            ("messages", &t.count(props.messages)),
            ("money", &t.money(props.cents)),
        ],
    );
    let shape = html! {
        <rect x={(props.at.x - 5).to_string()} y={(props.at.y - 5).to_string()} width="10" height="10" />
    };
    focusable_point("marker current", shape, props.at, label)
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    chart: Rc<Chart>,
    rules: Rc<RuleSet>,
}

/// Everything in the SVG but the selection's marker: it changes only with the need or
/// the rules, so picking a tier or a bundle redraws the marker alone.
#[function_component]
fn ChartBody(props: &BodyProps) -> Html {
    let t = use_texts();
    let ids = use_ids();
    let c = &*props.chart;
    let rules = &props.rules;
    let tier_name = |i: usize| {
        let name = rules.tiers.get(i).map_or("", |t| t.name.as_str());
        t.isolate(name).into_owned()
    };
    let plot_bottom = HEIGHT - BOTTOM;
    let (title_id, desc_id, clip_id) = (ids.id("ct"), ids.id("cd"), ids.id("clip"));
    let need_label = c.need.as_ref().map(|p| {
        t.fill(
            key::CHART_NEED,
            &[
                ("messages", &t.count(p.messages)),
                ("money", &t.money(p.plan.total_cents)),
                ("plan", &t.plan(&p.plan, rules)),
            ],
        )
    });
    let mut description = if c.inmails > 0 {
        t.fill(
            key::CHART_DESCRIPTION_INMAILS,
            &[("max", &t.count(c.x_max)), ("inmails", &t.count(c.inmails))],
        )
    } else {
        t.fill(key::CHART_DESCRIPTION, &[("max", &t.count(c.x_max))])
    };
    if let Some(label) = &need_label {
        description.push(' ');
        description.push_str(label);
        description.push('.');
    }
    let y_ticks = c.y_ticks.iter().map(|tick| {
        let y = tick.at.to_string();
        html! {
            <>
                <line class="grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={y.clone()} y2={y} />
                <text x={(LEFT - 8).to_string()} y={(tick.at + 4).to_string()} text-anchor="end">{ t.money_whole(tick.value) }</text>
            </>
        }
    });
    let x_ticks = c.x_ticks.iter().map(|tick| {
        let x = tick.at.to_string();
        html! {
            <>
                <line class="tick" x1={x.clone()} x2={x.clone()} y1={plot_bottom.to_string()} y2={(plot_bottom + 5).to_string()} />
                <text x={x} y={(plot_bottom + 18).to_string()} text-anchor="middle">{ t.count(tick.value) }</text>
            </>
        }
    });
    let series = c.series.iter().map(|s| html! {
        <path key={s.tier_index} class={format!("series series-{}", s.tier_index % 8)} d={s.path.clone()}>
            <title>{ tier_name(s.tier_index) }</title>
        </path>
    });
    let points = c.points.iter().map(|p| {
        let label = t.fill(
            key::CHART_POINT,
            &[
                ("messages", &t.count(p.messages)),
                ("money", &t.money(p.plan.total_cents)),
                ("plan", &t.plan(&p.plan, rules)),
            ],
        );
        let shape = html! { <circle cx={p.at.x.to_string()} cy={p.at.y.to_string()} r="4" /> };
        focusable_point("point", shape, p.at, label)
    });
    let need = c.need.as_ref().zip(need_label).map(|(p, label)| {
        let x = p.at.x.to_string();
        let shape = html! {
            <>
                <line x1={x.clone()} x2={x.clone()} y1={TOP.to_string()} y2={plot_bottom.to_string()} />
                <circle cx={x} cy={p.at.y.to_string()} r="6" />
            </>
        };
        focusable_point("marker need", shape, p.at, label)
    });
    html! {
        <>
            <title id={title_id}>{ t.text(key::CHART_TITLE) }</title>
            <desc id={desc_id}>{ description }</desc>
            <defs>
                <clipPath id={clip_id.clone()}>
                    <rect x={LEFT.to_string()} y={(TOP - 4).to_string()} width={(WIDTH - LEFT - RIGHT + 4).to_string()}
                        height={(HEIGHT - TOP - BOTTOM + 8).to_string()} />
                </clipPath>
            </defs>
            <g class="axis" aria-hidden="true">
                { for y_ticks }
                { for x_ticks }
                <text class="axis-title" x={((LEFT + WIDTH - RIGHT) / 2).to_string()} y={(HEIGHT - 2).to_string()}
                    text-anchor="middle">{ t.text(key::CHART_AXIS) }</text>
            </g>
            <g clip-path={format!("url(#{clip_id})")}>
                { for series }
                <path class="envelope" d={c.envelope.clone()} />
            </g>
            { for points }
            { need }
        </>
    }
}

/// The characters of the widest money label on the y axis (direction marks take no room).
fn widest_label(labels: impl Iterator<Item = String>) -> usize {
    labels
        .map(|label| {
            label
                .chars()
                .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}'))
                .count()
        })
        .max()
        .unwrap_or(0)
}

#[function_component]
pub fn CostChart(props: &Props) -> Html {
    let t = use_texts();
    let ids = use_ids();
    let room = *use_memo((props.chart.clone(), t.clone()), |(chart, t)| {
        label_room(widest_label(
            chart.y_ticks.iter().map(|tick| t.money_whole(tick.value)),
        ))
    });
    let c = &*props.chart;
    let rules = &props.rules;
    let legend = c.series.iter().map(|s| {
        let name = rules
            .tiers
            .get(s.tier_index)
            .map_or("", |t| t.name.as_str())
            .to_owned();
        html! {
            <li key={s.tier_index} class={classes!(format!("series-{}", s.tier_index % 8),
                (props.cheapest == Some(s.tier_index)).then_some("cheapest"))}>
                <span class="swatch" aria-hidden="true"></span><bdi>{ name }</bdi>
            </li>
        }
    });
    let selection = props.selection;
    html! {
        <figure class="cost-chart">
            <svg data-testid="cost-chart" viewBox={format!("{} 0 {} {HEIGHT}", -room, WIDTH + room)} role="img"
                aria-labelledby={format!("{} {}", ids.id("ct"), ids.id("cd"))}>
                <ChartBody chart={props.chart.clone()} rules={rules.clone()} />
                <SelectionMarker at={selection.at} messages={selection.messages} cents={selection.cents} />
            </svg>
            <figcaption>
                <ul class="legend">
                    { for legend }
                    <li class="envelope-key"><span class="swatch" aria-hidden="true"></span>{ t.text(key::CHART_KEY_CHEAPEST) }</li>
                    <li class="need-key"><span class="swatch" aria-hidden="true"></span>{ t.text(key::CHART_KEY_NEED) }</li>
                    <li class="current-key"><span class="swatch" aria-hidden="true"></span>{ t.text(key::CHART_KEY_SELECTION) }</li>
                </ul>
                <p class="muted">{ t.text(key::CHART_HINT) }</p>
            </figcaption>
        </figure>
    }
}
