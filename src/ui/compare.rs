//! "Find the cheapest plan": the need, the recommendation, the table and the chart.

use yew::prelude::*;

use super::scope::Scope;
use super::{raw, raw_static};
use crate::state::Count;
use crate::view;

/// The comparison section.
pub fn render(s: &Scope) -> Html {
    let Scope { w, locale, .. } = *s;
    let rules = &w.rules;
    let recommendation = s.recommendation;
    let tiers = std::iter::once((String::new(), "Any tier".to_owned()))
        .chain(rules.tiers.iter().map(|t| (t.id.clone(), t.name.clone())))
        .collect();
    let applied = recommendation.is_some_and(|r| r.selection() == w.selection);
    html! {
        <section class="compare" aria-label="Find the cheapest plan">
            { raw_static("<h2>Find the cheapest plan</h2>") }
            <div class="need-panel">
                <div class="field-grid">
                    { s.count("need-messages", "Messages a month".into(), "need-messages", w.need.messages, Count::NeedMessages) }
                    { s.count("need-inmails", "InMails a month".into(), "need-inmails", w.need.inmails, Count::NeedInMails) }
                    { s.select("min-tier", "At least this tier", "min-tier", tiers, w.need.min_tier.clone().unwrap_or_default()) }
                </div>
                <div class="recommendation-slot">
                    { raw(view::recommendation(recommendation, rules, &w.need, &w.selection, &locale)) }
                    <button type="button" class="button primary" data-testid="apply-recommendation" data-action="apply-recommendation"
                        disabled={applied || recommendation.is_none()}>
                        { if applied { "This is your selection" } else { "Use this plan" } }
                    </button>
                </div>
            </div>
            { raw((**s.compare_html).clone()) }
            { raw((**s.chart_html).clone()) }
        </section>
    }
}
