//! The cost chart, written as inline SVG from the engine's geometry.

use yew::prelude::*;

use crate::engine::chart::{Chart, BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prefix: AttrValue,
    pub chart: std::rc::Rc<Chart>,
    pub cheapest_tier: Option<usize>,
}

/// Monthly cost against messages needed, one step line per tier.
#[function_component]
pub fn CostChart(props: &Props) -> Html {
    let c = &props.chart;
    let title_id = format!("{}-chart-title", props.prefix);
    let desc_id = format!("{}-chart-desc", props.prefix);
    let clip_id = format!("{}-chart-clip", props.prefix);
    let plot_bottom = (HEIGHT - BOTTOM).to_string();
    html! {
        <figure class="cost-chart">
            <svg data-testid="cost-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id}>{ "Monthly cost by messages needed" }</title>
                <desc id={desc_id.clone()}>{ &c.description }</desc>
                <defs>
                    <clipPath id={clip_id.clone()}>
                        <rect x={LEFT.to_string()} y={(TOP - 4).to_string()} width={(WIDTH - LEFT - RIGHT + 4).to_string()} height={(HEIGHT - TOP - BOTTOM + 8).to_string()} />
                    </clipPath>
                </defs>
                <g class="axis y-axis" aria-hidden="true">
                    { for c.y_ticks.iter().map(|t| html! {
                        <g>
                            <line class="grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={t.at.to_string()} y2={t.at.to_string()} />
                            <text x={(LEFT - 8).to_string()} y={(t.at + 4).to_string()} text-anchor="end">{ &t.label }</text>
                        </g>
                    }) }
                </g>
                <g class="axis x-axis" aria-hidden="true">
                    { for c.x_ticks.iter().map(|t| html! {
                        <g>
                            <line class="tick" x1={t.at.to_string()} x2={t.at.to_string()} y1={plot_bottom.clone()} y2={(HEIGHT - BOTTOM + 5).to_string()} />
                            <text x={t.at.to_string()} y={(HEIGHT - BOTTOM + 18).to_string()} text-anchor="middle">{ &t.label }</text>
                        </g>
                    }) }
                    <text class="axis-title" x={((LEFT + WIDTH - RIGHT) / 2).to_string()} y={(HEIGHT - 2).to_string()} text-anchor="middle">{ "Messages needed per month" }</text>
                </g>
                <g clip-path={format!("url(#{clip_id})")}>
                    { for c.series.iter().map(|s| html! {
                        <path class={classes!("series", format!("series-{}", s.tier_index % 8))} d={s.path.clone()}>
                            <title>{ &s.name }</title>
                        </path>
                    }) }
                    <path class="envelope" d={c.envelope.clone()} />
                </g>
                if let Some(m) = &c.current {
                    <g class="marker current" tabindex="0" role="img" aria-label={m.label.clone()}>
                        <rect x={(m.x - 5).to_string()} y={(m.y - 5).to_string()} width="10" height="10" />
                        <text class="tip" x={m.x.to_string()} y={(m.y - 12).to_string()} text-anchor="middle">{ &m.label }</text>
                    </g>
                }
                { for c.points.iter().map(|p| html! {
                    <g class="point" tabindex="0" role="img" aria-label={p.label.clone()}>
                        <circle cx={p.x.to_string()} cy={p.y.to_string()} r="4" />
                        <text class="tip" x={p.x.to_string()} y={(p.y - 10).to_string()} text-anchor="middle">{ &p.label }</text>
                    </g>
                }) }
                if let Some(m) = &c.need {
                    <g class="marker need" tabindex="0" role="img" aria-label={m.label.clone()}>
                        <line x1={m.x.to_string()} x2={m.x.to_string()} y1={TOP.to_string()} y2={plot_bottom.clone()} />
                        <circle cx={m.x.to_string()} cy={m.y.to_string()} r="6" />
                        <text class="tip" x={m.x.to_string()} y={(m.y - 12).to_string()} text-anchor="middle">{ &m.label }</text>
                    </g>
                }
            </svg>
            <figcaption>
                <ul class="legend">
                    { for c.series.iter().map(|s| html! {
                        <li class={classes!(format!("series-{}", s.tier_index % 8), (props.cheapest_tier == Some(s.tier_index)).then_some("cheapest"))}>
                            <span class="swatch" aria-hidden="true"></span>{ &s.name }
                        </li>
                    }) }
                    <li class="envelope-key"><span class="swatch" aria-hidden="true"></span>{ "Cheapest way" }</li>
                    <li class="need-key"><span class="swatch" aria-hidden="true"></span>{ "Your need" }</li>
                    <li class="current-key"><span class="swatch" aria-hidden="true"></span>{ "Your selection" }</li>
                </ul>
                <p class="muted">{ "Hover over or tab to a point to read its value." }</p>
            </figcaption>
        </figure>
    }
}
