//! The follow-up part of an item's page: each side's own status, percent and last report
//! side by side (mirror ownership), the joint status, the assessment on today's date
//! (overdue, or at risk and why), the secretariat's reason when it cancelled the item,
//! and the indicator with its value per quarter and how far it has gone to its target.

use chrono::NaiveDate;
use taawun_core::followup::{Period, Risk, assess, indicator_series, side_states};
use taawun_core::{ActionItem, ItemStatus, ProgressUpdate};
use taawun_store::StoreResult;

use super::views::{Link, organisation_link, party_link};
use crate::charts::ticks;
use crate::clock;
use crate::ctx::Ctx;
use crate::lookup::Lookup;
use crate::markup::Markup;

pub struct SideView {
    pub party: Link,
    pub organisation: Option<Link>,
    pub status: String,
    pub status_key: &'static str,
    pub percent: String,
    pub percent_value: u8,
    pub last_report: String,
}

pub struct PeriodRow {
    pub period: String,
    pub actual: String,
    pub achievement: String,
}

pub struct IndicatorView {
    pub name: Markup,
    pub unit: Markup,
    pub baseline: String,
    pub target: String,
    pub direction: String,
    pub series: Vec<PeriodRow>,
}

pub struct FollowupView {
    pub sides: Vec<SideView>,
    pub percent: String,
    pub percent_value: u8,
    /// What the linear schedule expects by today, when both dates are known.
    pub expected: Option<String>,
    /// "Overdue: due 12 days ago", when it is.
    pub overdue: Option<String>,
    /// Why the item is at risk, when it is.
    pub risk: Option<String>,
    pub cancel_reason: Option<Markup>,
    pub indicator: Option<IndicatorView>,
}

/// The reason an item is at risk, in the reader's language; empty when it is not.
pub fn risk_text(ctx: &Ctx, risk: Option<Risk>) -> String {
    match risk {
        None => String::new(),
        Some(Risk::BehindSchedule { expected, actual }) => {
            let mut args = taawun_i18n::FluentArgs::new();
            args.set("expected", ctx.percent(&expected));
            args.set("actual", ctx.percent(&actual));
            crate::i18n::format(ctx.lang, "risk-behind", Some(&args))
        }
        Some(Risk::NoRecentUpdate { days }) => {
            ctx.tn("risk-silent", usize::try_from(days).unwrap_or(usize::MAX))
        }
    }
}

/// `updates` are the item's reports the reader may see; every report that moves the item
/// is among them, since a report counts only when protected no more than its item.
pub async fn load(
    ctx: &Ctx,
    lk: &mut Lookup<'_>,
    item: &ActionItem,
    updates: &[ProgressUpdate],
    today: NaiveDate,
) -> StoreResult<FollowupView> {
    let states = side_states(item, updates);
    let a = assess(item, &states, today, &clock::rules());
    let mut sides = Vec::with_capacity(states.len());
    for s in &states {
        sides.push(SideView {
            party: party_link(lk, ctx, s.party_id).await?,
            organisation: organisation_link(lk, ctx, s.organisation_id).await?,
            status: ctx.label("status", s.status.key()),
            status_key: s.status.key(),
            percent: ctx.percent(&s.percent),
            percent_value: s.percent.min(100),
            last_report: s
                .last_report
                .map_or_else(|| ctx.t("side-no-report"), |d| ctx.date(&d)),
        });
    }
    let overdue = a.overdue.then(|| {
        let days = item.due_on.map_or(0, |d| (today - d).num_days());
        ctx.tn("dashboard-days-late", usize::try_from(days).unwrap_or(0))
    });
    let indicator = item.indicator.as_ref().map(|i| IndicatorView {
        name: ctx.text(&i.name),
        unit: ctx.text(&i.unit),
        baseline: ctx.number(&i.baseline),
        target: ctx.number(&i.target),
        direction: ctx.label("direction", i.direction.key()),
        series: indicator_series(i, updates, Period::Quarter)
            .into_iter()
            .map(|p| PeriodRow {
                period: ticks::period(ctx.lang, &p.period),
                actual: ctx.number(&p.actual),
                achievement: p
                    .achievement
                    .map_or_else(|| String::from("—"), |x| achieved(ctx, x)),
            })
            .collect(),
    });
    Ok(FollowupView {
        sides,
        percent: ctx.percent(&a.percent),
        percent_value: a.percent,
        // A late item is judged late, once: its schedule and risk say nothing more.
        expected: a
            .expected
            .filter(|_| a.joint.is_open() && !a.overdue)
            .map(|e| ctx.percent(&e)),
        risk: a
            .at_risk
            .filter(|_| !a.overdue)
            .map(|r| risk_text(ctx, Some(r))),
        overdue,
        cancel_reason: (item.status == ItemStatus::Cancelled && !item.cancel_reason.is_empty())
            .then(|| ctx.text(&item.cancel_reason)),
        indicator,
    })
}

/// Achievement as a percent of the way from baseline to target; beyond the target or
/// below the baseline it goes past 100 or under 0, and is shown so.
fn achieved(ctx: &Ctx, x: f64) -> String {
    crate::fmt::percent(ctx.lang, (x * 100.0).round())
}
