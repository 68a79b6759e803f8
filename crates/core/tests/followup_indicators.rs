//! Indicator series per reporting period and achievement in the indicator's direction;
//! agreement deadlines from their terms.

mod common;

use common::*;
use taawun_core::followup::*;
use taawun_core::*;

fn measured(n: u128, on: chrono::NaiveDate, value: Option<f64>) -> ProgressUpdate {
    ProgressUpdate {
        id: Id::from_u128(0x7000 + n),
        reported_on: on,
        indicator_actual: value,
        ..progress()
    }
}

fn indicator(baseline: f64, target: f64, direction: Direction) -> Indicator {
    Indicator {
        name: text("", "Officiers formés", ""),
        unit: blank(),
        baseline,
        target,
        direction,
    }
}

#[test]
fn period_labels() {
    let cases = [
        (day(2025, 1, 1), "2025-Q1", "2025-H1"),
        (day(2025, 3, 31), "2025-Q1", "2025-H1"),
        (day(2025, 4, 1), "2025-Q2", "2025-H1"),
        (day(2025, 6, 30), "2025-Q2", "2025-H1"),
        (day(2025, 7, 1), "2025-Q3", "2025-H2"),
        (day(2025, 12, 31), "2025-Q4", "2025-H2"),
    ];
    for (d, q, h) in cases {
        assert_eq!(Period::Quarter.label(d), q, "{d}");
        assert_eq!(Period::HalfYear.label(d), h, "{d}");
        assert_eq!(Period::Year.label(d), "2025", "{d}");
    }
}

#[test]
fn achievement_in_both_directions() {
    use Direction::*;
    // (baseline, target, direction, actual) → achievement
    let cases: [(f64, f64, Direction, f64, Option<f64>); 10] = [
        (0.0, 40.0, HigherIsBetter, 10.0, Some(0.25)),
        (0.0, 40.0, HigherIsBetter, 0.0, Some(0.0)),
        (0.0, 40.0, HigherIsBetter, 50.0, Some(1.25)),
        (10.0, 30.0, HigherIsBetter, 5.0, Some(-0.25)),
        // Incidents: from 20 down to 10.
        (20.0, 10.0, LowerIsBetter, 15.0, Some(0.5)),
        (20.0, 10.0, LowerIsBetter, 25.0, Some(-0.5)),
        (20.0, 10.0, LowerIsBetter, 5.0, Some(1.5)),
        // Nothing to measure against.
        (20.0, 20.0, HigherIsBetter, 25.0, None),
        (20.0, 20.0, LowerIsBetter, 15.0, None),
        // A target on the wrong side of the baseline for its direction.
        (20.0, 10.0, HigherIsBetter, 15.0, None),
    ];
    for (b, t, dir, actual, want) in cases {
        let got = achievement(&indicator(b, t, dir), actual);
        assert_eq!(got, want, "{b} → {t} {dir:?}, actual {actual}");
    }
}

#[test]
fn series_keeps_the_latest_value_of_each_period() {
    let ind = indicator(0.0, 40.0, Direction::HigherIsBetter);
    let updates = vec![
        measured(1, day(2025, 3, 20), Some(10.0)),
        measured(2, day(2025, 2, 10), Some(5.0)),
        measured(3, day(2025, 5, 2), None),
        measured(4, day(2025, 8, 1), Some(30.0)),
        measured(5, day(2025, 8, 1), Some(28.0)),
        measured(6, day(2025, 9, 1), Some(f64::NAN)),
    ];
    let q = indicator_series(&ind, &updates, Period::Quarter);
    let v = |p: &str, actual: f64, a: f64| PeriodValue {
        period: p.into(),
        actual,
        achievement: Some(a),
    };
    // Q1: 10 (20 March) beats 5 (10 February); Q2 has no value; Q3: two reports on 1 August,
    // the later-created (higher id) wins; the NaN is skipped.
    assert_eq!(q, vec![v("2025-Q1", 10.0, 0.25), v("2025-Q3", 28.0, 0.7)]);
    let h = indicator_series(&ind, &updates, Period::HalfYear);
    assert_eq!(h, vec![v("2025-H1", 10.0, 0.25), v("2025-H2", 28.0, 0.7)]);
    let y = indicator_series(&ind, &updates, Period::Year);
    assert_eq!(y, vec![v("2025", 28.0, 0.7)]);
    assert!(indicator_series(&ind, &[], Period::Year).is_empty());
}

type Terms = (
    Option<chrono::NaiveDate>,
    Option<u32>,
    Option<u32>,
    Vec<(DeadlineKind, chrono::NaiveDate)>,
);

#[test]
fn agreement_deadlines_from_the_terms() {
    use DeadlineKind::*;
    // In force 1 March 2023 for 60 months with 6 months' notice.
    let a = agreement();
    assert_eq!(
        agreement_deadlines(&a),
        vec![
            (EntersIntoForce, day(2023, 3, 1)),
            (NoticeDate, day(2027, 9, 1)),
            (Expires, day(2028, 3, 1)),
        ]
    );
    // (in force, duration, notice) → deadlines
    let cases: [Terms; 5] = [
        (None, Some(60), Some(6), vec![]),
        (
            Some(day(2024, 1, 31)),
            Some(1),
            None,
            // The day is clamped to the end of the shorter month (2024 is a leap year).
            vec![
                (EntersIntoForce, day(2024, 1, 31)),
                (Expires, day(2024, 2, 29)),
            ],
        ),
        (
            Some(day(2024, 1, 31)),
            None,
            Some(3),
            vec![(EntersIntoForce, day(2024, 1, 31))],
        ),
        (
            Some(day(2025, 2, 19)),
            Some(24),
            Some(24),
            vec![
                (EntersIntoForce, day(2025, 2, 19)),
                (NoticeDate, day(2025, 2, 19)),
                (Expires, day(2027, 2, 19)),
            ],
        ),
        (
            Some(day(2025, 2, 19)),
            Some(12),
            Some(0),
            vec![
                (EntersIntoForce, day(2025, 2, 19)),
                (Expires, day(2026, 2, 19)),
                (NoticeDate, day(2026, 2, 19)),
            ],
        ),
    ];
    for (in_force, duration, notice, want) in cases {
        let a = Agreement {
            in_force_on: in_force,
            duration_months: duration,
            notice_months: notice,
            ..agreement()
        };
        assert_eq!(
            agreement_deadlines(&a),
            want,
            "{in_force:?} {duration:?} {notice:?}"
        );
    }
}
