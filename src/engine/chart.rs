//! The cost chart as geometry: monthly cost against messages needed, one step line per
//! tier, the cheapest envelope, markers and axis ticks. The UI only writes the SVG.
//!
//! Coordinates are whole SVG units in a fixed view box, so no float reaches the page.

use super::recommend::{Need, Plan, Recommender};
use super::rules::RuleSet;

pub const WIDTH: i64 = 640;
pub const HEIGHT: i64 = 300;
pub const LEFT: i64 = 64;
pub const RIGHT: i64 = 16;
pub const TOP: i64 = 12;
pub const BOTTOM: i64 = 36;
/// How far the view box must reach left of 0 for y-axis labels of `chars` characters.
/// `LEFT` leaves room for `$300`; other locales write money longer (`300 $US`, `US$ 300`).
/// An SVG's text can be measured only once it is in the page, and measuring then drawing
/// again would move the chart, so the width is estimated: 0.62 em a character at the phone
/// layout's font (20 units, the larger of the two), which covers digits and Latin letters.
pub fn label_room(chars: usize) -> i64 {
    const UNITS_PER_CHAR: i64 = 13;
    const GAP: i64 = 8;
    (chars as i64 * UNITS_PER_CHAR + GAP - LEFT).max(0)
}

/// At most this many samples per line; below it, every message count is a sample.
const SAMPLES: u64 = 240;
/// At most this many focusable points on the envelope: enough to read the cheapest line,
/// few enough to Tab through.
const POINTS: usize = 12;

/// An axis tick: its position along the axis and the value it marks (messages on the
/// x axis, whole dollars on the y axis).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tick {
    pub at: i64,
    pub value: u64,
}

/// A spot in the chart's view box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    pub x: i64,
    pub y: i64,
}

/// A point on the cheapest line: a message volume and the cheapest plan for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartPoint {
    pub at: Marker,
    pub messages: u64,
    pub plan: Plan,
}

/// One tier's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub tier_index: usize,
    /// An SVG path (`M … H … V …`), or empty when the tier never fits in the chart.
    pub path: String,
}

/// Everything the SVG shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub series: Vec<Series>,
    pub envelope: String,
    /// Focusable points where the cheapest line steps up.
    pub points: Vec<ChartPoint>,
    /// The stated need and its cheapest plan.
    pub need: Option<ChartPoint>,
    /// The InMails a month every line is priced with.
    pub inmails: u64,
    /// The chart's scale: the largest message count and cost (cents) on the axes.
    pub x_max: u64,
    pub y_max: u64,
}

/// A step of 1, 2 or 5 × 10ⁿ giving about `count` ticks up to `max`.
fn nice_step(max: u64, count: u64) -> u64 {
    let raw = (max / count.max(1)).max(1);
    let mut magnitude = 1u64;
    while magnitude.saturating_mul(10) <= raw {
        magnitude *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(magnitude * 10)
}

/// `max` rounded up to a whole number of nice steps.
fn nice_ceiling(max: u64, count: u64) -> (u64, u64) {
    let step = nice_step(max, count);
    (max.div_ceil(step).max(1) * step, step)
}

struct Scale {
    x_max: u64,
    y_max: u64,
}

impl Scale {
    fn x(&self, messages: u64) -> i64 {
        LEFT + (messages
            .min(self.x_max)
            .saturating_mul((WIDTH - LEFT - RIGHT) as u64)
            / self.x_max) as i64
    }

    /// Costs above the top are drawn just above it and clipped by the SVG.
    fn y(&self, cents: u64) -> i64 {
        let plot = (HEIGHT - TOP - BOTTOM) as u64;
        let clamped = cents.min(self.y_max.saturating_mul(2));
        HEIGHT - BOTTOM - (clamped.saturating_mul(plot) / self.y_max) as i64
    }
}

/// A step path through `(x, y)` samples.
fn step_path(points: &[(i64, i64)]) -> String {
    let mut path = String::new();
    let mut last_y = None;
    for &(x, y) in points {
        match last_y {
            None => path.push_str(&format!("M{x} {y}")),
            Some(prev) => {
                path.push_str(&format!("H{x}"));
                if prev != y {
                    path.push_str(&format!("V{y}"));
                }
            }
        }
        last_y = Some(y);
    }
    path
}

impl Chart {
    /// The marker for the visitor's selection: its allowance and monthly cost. Kept apart
    /// from the lines, so changing the selection does not recompute them; a selection off
    /// the chart sits on its edge.
    pub fn selection_marker(&self, allowance: u64, cents: u64) -> Marker {
        let scale = Scale {
            x_max: self.x_max,
            y_max: self.y_max,
        };
        Marker {
            x: scale.x(allowance),
            y: scale.y(cents.min(self.y_max)),
        }
    }
}

/// Builds the chart for a need: lines from 0 messages to about 1.5 × the need.
pub fn cost_chart(recommender: &Recommender, rules: &RuleSet, need: &Need) -> Chart {
    let reach = (need.messages.saturating_mul(3) / 2).max(60);
    let (x_max, x_step) = nice_ceiling(reach, 5);
    let samples = x_max.min(SAMPLES);
    let xs: Vec<u64> = (0..=samples).map(|i| x_max * i / samples).collect();
    let cost_at = |tier_index: usize, messages: u64| {
        let at = Need {
            messages,
            inmails: need.inmails,
            min_tier: None,
            team: need.team,
        };
        recommender
            .plan_for_tier(rules, tier_index, &at)
            .map(|p| p.total_cents)
    };
    let lines: Vec<Vec<Option<u64>>> = (0..rules.tiers.len())
        .map(|t| xs.iter().map(|&x| cost_at(t, x)).collect())
        .collect();
    let envelope: Vec<Option<u64>> = (0..xs.len())
        .map(|i| lines.iter().filter_map(|line| line[i]).min())
        .collect();

    let top = lines
        .iter()
        .filter_map(|l| l[0])
        .chain(envelope.iter().flatten().copied())
        .max()
        .unwrap_or(0);
    let (y_max_dollars, y_step_dollars) = nice_ceiling((top / 100).max(10) * 11 / 10, 5);
    let scale = Scale {
        x_max,
        y_max: y_max_dollars * 100,
    };

    let to_points = |values: &[Option<u64>]| -> Vec<(i64, i64)> {
        xs.iter()
            .zip(values)
            .filter_map(|(&x, v)| v.map(|c| (scale.x(x), scale.y(c))))
            .collect()
    };
    let series = lines
        .iter()
        .enumerate()
        .map(|(t, line)| Series {
            tier_index: t,
            path: step_path(&to_points(line)),
        })
        .collect();

    // Focusable points where the envelope steps up, thinned to at most POINTS.
    let mut steps: Vec<usize> = (0..xs.len())
        .filter(|&i| i == 0 || envelope[i] != envelope[i - 1])
        .collect();
    if steps.len() > POINTS {
        let keep = steps.len().div_ceil(POINTS);
        steps = steps.into_iter().step_by(keep).collect();
    }
    let cheapest = |messages: u64| {
        let at = Need {
            messages,
            inmails: need.inmails,
            min_tier: None,
            team: need.team,
        };
        recommender.recommend(rules, &at)
    };
    let points = steps
        .into_iter()
        .filter_map(|i| {
            let plan = cheapest(xs[i])?;
            Some(ChartPoint {
                at: Marker {
                    x: scale.x(xs[i]),
                    y: scale.y(plan.total_cents),
                },
                messages: xs[i],
                plan,
            })
        })
        .collect();
    let need_point = recommender.recommend(rules, need).map(|plan| ChartPoint {
        at: Marker {
            x: scale.x(need.messages),
            y: scale.y(plan.total_cents),
        },
        messages: need.messages,
        plan,
    });

    let x_ticks = (0..=x_max / x_step)
        .map(|i| Tick {
            at: scale.x(i * x_step),
            value: i * x_step,
        })
        .collect();
    let y_ticks = (0..=y_max_dollars / y_step_dollars)
        .map(|i| Tick {
            at: scale.y(i * y_step_dollars * 100),
            value: i * y_step_dollars,
        })
        .collect();

    Chart {
        x_ticks,
        y_ticks,
        series,
        envelope: step_path(&to_points(&envelope)),
        points,
        need: need_point,
        inmails: need.inmails,
        x_max,
        y_max: scale.y_max,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::bill::{Billing, Terms};
    use crate::engine::presets::ARTICLE;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(100, 5), 20);
        assert_eq!(nice_step(300, 5), 100);
        assert_eq!(nice_step(1_500_000, 5), 500_000);
        assert_eq!(nice_ceiling(66, 5), (80, 20));
        assert_eq!(nice_step(0, 5), 1);
    }

    #[test]
    fn lines_ticks_and_markers_fit_the_view_box() {
        let rules = ARTICLE.rules();
        let r = Recommender::new(&rules, Terms::billed(Billing::Monthly));
        let need = Need {
            messages: 120,
            inmails: 0,
            min_tier: None,
            team: 0,
        };
        let chart = cost_chart(&r, &rules, &need);
        assert_eq!(chart.series.len(), 5);
        assert!(chart.series.iter().all(|s| s.path.starts_with('M')));
        assert!(
            chart
                .envelope
                .starts_with(&format!("M{LEFT} {}", HEIGHT - BOTTOM)),
            "{}",
            chart.envelope
        );
        let values: Vec<u64> = chart.x_ticks.iter().map(|t| t.value).collect();
        assert_eq!(values, [0, 50, 100, 150, 200]);
        assert_eq!(chart.y_ticks[0].value, 0);
        assert!(chart.y_ticks.len() >= 3);
        for t in &chart.x_ticks {
            assert!((LEFT..=WIDTH - RIGHT).contains(&t.at));
        }
        for t in &chart.y_ticks {
            assert!((TOP..=HEIGHT - BOTTOM).contains(&t.at));
        }
        let need_point = chart.need.clone().unwrap();
        assert_eq!(
            (need_point.messages, need_point.plan.total_cents),
            (120, 6498)
        );
        assert!(!chart.points.is_empty() && chart.points.len() <= POINTS);
        let marker = chart.selection_marker(15, 0);
        assert_eq!(
            (marker.x, marker.y),
            (LEFT + 15 * (WIDTH - LEFT - RIGHT) / 200, HEIGHT - BOTTOM)
        );
        let off = chart.selection_marker(10_000, 100_000_000);
        assert_eq!(
            (off.x, off.y),
            (WIDTH - RIGHT, TOP),
            "clamped to the corner"
        );
    }

    #[test]
    fn huge_needs_are_sampled() {
        let rules = ARTICLE.rules();
        let r = Recommender::new(&rules, Terms::billed(Billing::Monthly));
        let need = Need {
            messages: 1_000_000,
            inmails: 5,
            min_tier: None,
            team: 0,
        };
        let chart = cost_chart(&r, &rules, &need);
        assert_eq!(chart.x_ticks.last().unwrap().value, 1_500_000);
        assert!(chart.envelope.len() < 20_000);
    }

    #[test]
    fn money_labels_longer_than_the_margin_get_room_on_the_left() {
        assert_eq!(label_room(4), 0, "`$300` fits the margin");
        assert_eq!(label_room(0), 0);
        // `300 US$`, as Arabic writes it: 7 characters, 91 units and a gap.
        assert_eq!(label_room(7), 7 * 13 + 8 - LEFT);
        assert!(label_room(12) > label_room(7));
    }
}
