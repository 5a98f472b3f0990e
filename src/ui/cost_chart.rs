//! The cost chart as SVG: monthly cost against messages needed, a line per tier, the
//! cheapest line in bold, points to read by hover or Tab, the stated need and the
//! visitor's selection marked, and a text alternative. The geometry is the engine's.

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_ids;
use crate::engine::chart::{BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH};
use crate::view::compare::{ChartBody, ChartView, PointView};

/// A point that shows its value on hover and on focus.
fn focusable_point(class: &'static str, shape: Html, point: &PointView) -> Html {
    html! {
        <g class={class} tabindex="0" role="img" aria-label={point.label.clone()}>
            { shape }
            <text class="tip" x={point.at.x.to_string()} y={point.label_y.to_string()} text-anchor={point.anchor}>
                { point.label.clone() }
            </text>
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct MarkerProps {
    point: PointView,
}

/// The visitor's selection.
#[function_component]
fn SelectionMarker(props: &MarkerProps) -> Html {
    let at = props.point.at;
    let shape = html! {
        <rect x={(at.x - 5).to_string()} y={(at.y - 5).to_string()} width="10" height="10" />
    };
    focusable_point("marker current", shape, &props.point)
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    view: Rc<ChartBody>,
}

/// Everything in the SVG but the selection's marker: it changes only with the need or the
/// rules, so picking a tier or a bundle redraws the marker alone.
#[function_component]
fn Body(props: &BodyProps) -> Html {
    let ids = use_ids();
    let v = &*props.view;
    let c = &*v.chart;
    let plot_bottom = HEIGHT - BOTTOM;
    let (title_id, desc_id, clip_id) = (ids.id("ct"), ids.id("cd"), ids.id("clip"));
    let y_ticks = c.y_ticks.iter().zip(&v.y_labels).map(|(tick, label)| {
        let y = tick.at.to_string();
        html! {
            <>
                <line class="grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={y.clone()} y2={y} />
                <text x={(LEFT - 8).to_string()} y={(tick.at + 4).to_string()} text-anchor="end">{ label.clone() }</text>
            </>
        }
    });
    let x_ticks = c.x_ticks.iter().zip(&v.x_labels).map(|(tick, label)| {
        let x = tick.at.to_string();
        html! {
            <>
                <line class="tick" x1={x.clone()} x2={x.clone()} y1={plot_bottom.to_string()} y2={(plot_bottom + 5).to_string()} />
                <text x={x} y={(plot_bottom + 18).to_string()} text-anchor="middle">{ label.clone() }</text>
            </>
        }
    });
    let series = c.series.iter().zip(&v.series_names).map(|(s, name)| html! {
        <path key={s.tier_index} class={format!("series series-{}", s.tier_index % 8)} d={s.path.clone()}>
            <title>{ name.clone() }</title>
        </path>
    });
    let points = v.points.iter().map(|p| {
        let shape = html! { <circle cx={p.at.x.to_string()} cy={p.at.y.to_string()} r="4" /> };
        focusable_point("point", shape, p)
    });
    let need = v.need.as_ref().map(|p| {
        let x = p.at.x.to_string();
        let shape = html! {
            <>
                <line x1={x.clone()} x2={x.clone()} y1={TOP.to_string()} y2={plot_bottom.to_string()} />
                <circle cx={x} cy={p.at.y.to_string()} r="6" />
            </>
        };
        focusable_point("marker need", shape, p)
    });
    html! {
        <>
            <title id={title_id}>{ v.title.clone() }</title>
            <desc id={desc_id}>{ v.description.clone() }</desc>
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
                    text-anchor="middle">{ v.axis.clone() }</text>
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

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: Rc<ChartView>,
}

#[function_component]
pub fn CostChart(props: &Props) -> Html {
    let ids = use_ids();
    let v = &props.view;
    let legend = v.legend.iter().map(|(index, name, cheapest)| html! {
        <li key={*index} class={classes!(format!("series-{}", index % 8), cheapest.then_some("cheapest"))}>
            <span class="swatch" aria-hidden="true"></span><bdi>{ name.clone() }</bdi>
        </li>
    });
    html! {
        <figure class="cost-chart">
            <svg data-testid="cost-chart" viewBox={format!("{} 0 {} {HEIGHT}", -v.room, WIDTH + v.room)} role="img"
                aria-labelledby={format!("{} {}", ids.id("ct"), ids.id("cd"))}>
                <Body view={v.body.clone()} />
                <SelectionMarker point={v.selection.clone()} />
            </svg>
            <figcaption>
                <ul class="legend">
                    { for legend }
                    <li class="envelope-key"><span class="swatch" aria-hidden="true"></span>{ v.key_cheapest.clone() }</li>
                    <li class="need-key"><span class="swatch" aria-hidden="true"></span>{ v.key_need.clone() }</li>
                    <li class="current-key"><span class="swatch" aria-hidden="true"></span>{ v.key_selection.clone() }</li>
                </ul>
                <p class="muted">{ v.hint.clone() }</p>
            </figcaption>
        </figure>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::ui::testing::{render, widget, words_of};
    use crate::view::compare::{compare, CompareFacts, CompareInput};

    #[test]
    fn a_line_per_tier_points_to_read_and_a_text_alternative() {
        let w = widget();
        let input = CompareInput::of(&w, &Rc::new(w.priced()));
        let (rules, need, billing) = input.basis();
        let view = compare(
            &input,
            &CompareFacts::of(&rules, &need, billing, true),
            &words_of(&w),
        )
        .chart
        .unwrap();
        let page = render(html! { <CostChart view={view.clone()} /> });
        assert_eq!(
            page.count("svg[role=img][aria-labelledby=\"mq1-ct mq1-cd\"]"),
            1
        );
        assert_eq!(
            page.texts("title#mq1-ct"),
            ["Monthly cost by messages needed"]
        );
        assert_eq!(page.count("path.series"), view.body.chart.series.len());
        assert_eq!(
            page.count("g.point[tabindex=\"0\"][role=img]"),
            view.body.points.len()
        );
        assert_eq!(page.count("g.marker.current"), 1);
        assert_eq!(page.count(".legend li.cheapest"), 1);
    }
}
