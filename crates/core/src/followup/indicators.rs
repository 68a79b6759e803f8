//! Indicator series: the value measured in each reporting period and how far it has gone
//! from the baseline towards the target, in the indicator's direction.

use crate::{Direction, Indicator, ProgressUpdate};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The length of a reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Quarter,
    HalfYear,
    Year,
}

impl Period {
    /// The period holding `day`: `2025-Q3`, `2025-H2` or `2025`. Labels of one kind sort as
    /// the periods do.
    pub fn label(self, day: NaiveDate) -> String {
        let (y, m) = (day.year(), day.month());
        match self {
            Period::Quarter => format!("{y}-Q{}", (m - 1) / 3 + 1),
            Period::HalfYear => format!("{y}-H{}", (m - 1) / 6 + 1),
            Period::Year => format!("{y}"),
        }
    }
}

/// One period's measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodValue {
    pub period: String,
    /// The latest value reported within the period.
    pub actual: f64,
    /// See `achievement`.
    pub achievement: Option<f64>,
}

/// How far `actual` has gone from the baseline towards the target: 0 at the baseline, 1 at
/// the target, above 1 beyond it, below 0 when things got worse. Counted in the indicator's
/// direction, so a fall is progress when lower is better. `None` when the target is no
/// improvement on the baseline (equal, or on the wrong side): nothing to measure against.
pub fn achievement(indicator: &Indicator, actual: f64) -> Option<f64> {
    let (gain, planned) = match indicator.direction {
        Direction::HigherIsBetter => (
            actual - indicator.baseline,
            indicator.target - indicator.baseline,
        ),
        Direction::LowerIsBetter => (
            indicator.baseline - actual,
            indicator.baseline - indicator.target,
        ),
    };
    (planned > 0.0 && planned.is_finite() && gain.is_finite()).then(|| gain / planned)
}

/// The indicator's value per period, oldest period first, from the updates' measured
/// values (updates without one are skipped). Within a period the latest report wins (by
/// date, then by id); periods without a measurement are left out, not invented.
pub fn indicator_series(
    indicator: &Indicator,
    updates: &[ProgressUpdate],
    period: Period,
) -> Vec<PeriodValue> {
    let mut latest: BTreeMap<String, &ProgressUpdate> = BTreeMap::new();
    for u in updates {
        let Some(v) = u.indicator_actual else {
            continue;
        };
        if !v.is_finite() {
            continue;
        }
        let slot = latest.entry(period.label(u.reported_on)).or_insert(u);
        if (u.reported_on, u.id) > (slot.reported_on, slot.id) {
            *slot = u;
        }
    }
    latest
        .into_iter()
        .map(|(period, u)| {
            let actual = u.indicator_actual.unwrap_or_default();
            PeriodValue {
                period,
                actual,
                achievement: achievement(indicator, actual),
            }
        })
        .collect()
}
