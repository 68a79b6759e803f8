//! The dashboard's content from the reader's item counts and windows: headline figures, the tallies by
//! area, lead body and side (each a bar chart plus the table of the same figures), the
//! overdue, at-risk and due-soon lists, and the agreement deadlines of the coming 90 days.
//! Every number is paired with the `Selection` of the items it counts.

use chrono::{Days, NaiveDate};
use taawun_core::followup::{
    Counts, ItemFacts, ItemFilter, Tally, agreement_deadlines, assess_facts,
};
use taawun_core::{Agreement, Id, RecordKind};
use taawun_store::{FactsScope, StoreResult, Visible, Window};

use super::dashboard::DashboardPage;
use super::item_filter::{Selection, Show};
use super::views::{Crumb, Link};
use crate::charts::bars::{self, BarChart, BarRow};
use crate::lookup::Lookup;
use crate::markup::{Markup, escape};
use crate::{clock, ctx::Ctx, fmt};

/// Items shown in each list; the full list is one link away.
const LIST: usize = 10;
/// How far ahead agreement deadlines are shown.
const DEADLINE_DAYS: u64 = 90;

/// One number with the list of the items it counts.
pub struct Figure {
    pub label: String,
    pub value: String,
    /// A second line (the count behind a rate).
    pub detail: Option<String>,
    pub href: String,
}

pub struct GroupRow {
    pub label: Markup,
    pub total: String,
    pub done: String,
    /// `None` when the group's record is hidden: the counts are shown, no link names it.
    pub total_href: Option<String>,
    pub done_href: Option<String>,
    pub rate_done: String,
    pub mean: String,
}

pub struct GroupView {
    pub key: &'static str,
    pub title: String,
    pub column: String,
    pub svg: Markup,
    pub rows: Vec<GroupRow>,
    /// For a group longer than the dashboard shows: what is shown, and the link to the
    /// rest (or, all shown, back to the shorter view): (note, link text, href).
    pub cut: Option<(String, String, String)>,
}

/// Rows a group shows unless the reader asks for all of them: a ministry-wide dashboard
/// counts hundreds of lead bodies and partners, a table no one reads and a page too heavy
/// for a weak link. The largest workloads are the ones shown.
const GROUP_SHOWN: usize = 20;

pub struct DueRow {
    pub href: String,
    pub code: String,
    pub title: Markup,
    pub due: String,
    pub note: String,
}

pub struct DueList {
    pub key: &'static str,
    pub heading: String,
    pub count: String,
    pub href: String,
    pub rows: Vec<DueRow>,
    /// More items than the rows shown.
    pub more: bool,
}

pub struct DeadlineRow {
    pub agreement: Link,
    pub kind: String,
    pub date: String,
    pub when: String,
}

fn int(ctx: &Ctx, n: u32) -> String {
    fmt::integer(ctx.lang, u64::from(n))
}

/// A 0–1 rate as a whole percent, or a dash for an empty group.
fn rate(ctx: &Ctx, r: Option<f64>) -> String {
    match r {
        Some(r) => ctx.percent(&((r * 100.0).round().clamp(0.0, 100.0) as u8)),
        None => String::from("—"),
    }
}

/// `probe` is a second view for the same reader, used to look over records the page may
/// not show (agreements without a date in the window) without raising `v`'s banner.
pub async fn build(
    ctx: &Ctx,
    v: &Visible,
    probe: &Visible,
    scope: FactsScope,
    (about, about_name): (Link, String),
    today: NaiveDate,
    expanded: Option<&str>,
) -> StoreResult<DashboardPage> {
    let rules = clock::rules();
    // The numbers from the tallies the store keeps; the lists a page of ten each.
    let fig = v.item_counts(scope, today).await?;
    let base = Selection::new(scope);
    let mut lk = Lookup::new(v);
    let fig_link = |label: &str, n: u32, show: Show| Figure {
        label: ctx.t(label),
        value: int(ctx, n),
        detail: None,
        href: base.show(show).href(),
    };
    let headline = vec![
        fig_link("dashboard-total", fig.total, Show::All),
        fig_link("dashboard-done", fig.done, Show::Done),
        fig_link("dashboard-open", fig.open, Show::Open),
        fig_link("dashboard-cancelled", fig.cancelled, Show::Cancelled),
    ];
    let counted = fig.total - fig.cancelled;
    let rates = vec![
        Figure {
            label: ctx.t("dashboard-rate-done"),
            value: rate(ctx, fig.rate_done),
            detail: Some(format!("{} / {}", int(ctx, fig.done), int(ctx, counted))),
            href: base.show(Show::Done).href(),
        },
        Figure {
            label: ctx.t("dashboard-rate-weighted"),
            value: rate(ctx, fig.rate_weighted),
            detail: Some(ctx.tn("items-count", counted)),
            href: base.show(Show::Counted).href(),
        },
    ];
    let groups = groups(ctx, &mut lk, &fig, base, expanded).await?;
    let list = |show: Show, total: u32| Listed {
        scope,
        show,
        total,
        today,
    };
    let late = |f: &ItemFacts| {
        let days = f.due_on.map_or(0, |d| (today - d).num_days());
        ctx.tn("dashboard-days-late", usize::try_from(days).unwrap_or(0))
    };
    let overdue = due_list(ctx, v, "overdue", list(Show::Overdue, fig.overdue), late).await?;
    let risk = |f: &ItemFacts| risk_note(ctx, f, today, &rules);
    let at_risk = due_list(ctx, v, "at-risk", list(Show::AtRisk, fig.at_risk), risk).await?;
    let left = |f: &ItemFacts| {
        let days = f.due_on.map_or(0, |d| (d - today).num_days());
        ctx.tn("dashboard-in-days", usize::try_from(days).unwrap_or(0))
    };
    let due_soon = due_list(
        ctx,
        v,
        "due-soon",
        list(Show::Due90, fig.due_within_90),
        left,
    )
    .await?;
    let due = vec![
        fig_link("dashboard-due30", fig.due_within_30, Show::Due30),
        fig_link("dashboard-due90", fig.due_within_90, Show::Due90),
        fig_link("dashboard-overdue", fig.overdue, Show::Overdue),
        fig_link("dashboard-at-risk", fig.at_risk, Show::AtRisk),
    ];
    let deadlines = deadlines(ctx, v, probe, scope, today).await?;
    let title = match scope {
        FactsScope::All => ctx.t("dashboard-title"),
        _ => format!("{} — {about_name}", ctx.t("dashboard-title")),
    };
    let mut crumbs = vec![Crumb::home(ctx)];
    if scope != FactsScope::All {
        crumbs.push(Crumb::new(about.href.clone(), about.label.clone()));
    }
    crumbs.push(Crumb::new(
        base.dashboard(),
        Markup(escape(&ctx.t("nav-dashboard"))),
    ));
    Ok(DashboardPage {
        title,
        crumbs,
        about: (scope != FactsScope::All).then_some(about),
        today: ctx.date(&today),
        headline,
        rates,
        groups,
        due,
        lists: vec![overdue, at_risk, due_soon],
        deadlines,
        ctx: ctx.shown(v),
    })
}

/// Why an at-risk item is at risk, in words.
fn risk_note(
    ctx: &Ctx,
    f: &ItemFacts,
    today: NaiveDate,
    rules: &taawun_core::followup::FollowupRules,
) -> String {
    super::item_followup::risk_text(ctx, assess_facts(f, today, rules).at_risk)
}

/// One of the dashboard's lists: the items of `scope` a figure counts, `total` in all.
#[derive(Clone, Copy)]
struct Listed {
    scope: FactsScope,
    show: Show,
    total: u32,
    today: NaiveDate,
}

/// The first items of a list, read as one window of the list behind its figure.
async fn due_list(
    ctx: &Ctx,
    v: &Visible,
    key: &'static str,
    list: Listed,
    note: impl Fn(&ItemFacts) -> String,
) -> StoreResult<DueList> {
    let filter = ItemFilter {
        show: list.show,
        ..ItemFilter::default()
    };
    let window = Window {
        offset: 0,
        limit: LIST as u64,
        // The total is the figure's: the window need not count.
        count_to: 0,
    };
    let facts = v
        .item_window(list.scope, &filter, list.today, window)
        .await?
        .rows;
    let shown: Vec<Id> = facts.iter().map(|f| f.id).collect();
    v.prefetch_shown_of(RecordKind::ActionItem, &shown).await?;
    let mut rows = Vec::new();
    for f in &facts {
        if let Some(item) = v.item(f.id).await? {
            rows.push(DueRow {
                href: format!("/items/{}", item.id),
                code: item.code.clone(),
                title: ctx.text(&item.title),
                due: ctx.date_opt(&item.due_on),
                note: note(f),
            });
        }
    }
    Ok(DueList {
        key,
        heading: ctx.t(&format!("dashboard-list-{key}")),
        count: ctx.tn("items-count", list.total),
        href: Selection::new(list.scope).show(list.show).href(),
        rows,
        more: list.total as usize > LIST,
    })
}

/// The three tallies, each with its chart. A group is ordered by name, or, cut to its
/// `GROUP_SHOWN` largest (unless `expanded` names it), by size.
async fn groups(
    ctx: &Ctx,
    lk: &mut Lookup<'_>,
    fig: &Counts,
    base: Selection,
    expanded: Option<&str>,
) -> StoreResult<Vec<GroupView>> {
    let side = Shown::of(&fig.by_side, expanded == Some("side"));
    let area = Shown::of(&fig.by_area, expanded == Some("area"));
    let lead = Shown::of(&fig.by_lead, expanded == Some("lead"));
    // Every shown group's record in one query per kind, not one each.
    let mut named: Vec<(RecordKind, Id)> = Vec::new();
    named.extend(area.rows.iter().map(|(id, _)| (RecordKind::Area, *id)));
    named.extend(
        lead.rows
            .iter()
            .map(|(id, _)| (RecordKind::Organisation, *id)),
    );
    named.extend(side.rows.iter().map(|(id, _)| (RecordKind::Party, *id)));
    lk.prefetch(named).await?;
    let mut areas = Vec::new();
    for (id, t) in &area.rows {
        let name = lk
            .area(*id)
            .await?
            .map(|a| (ctx.text(&a.name), ctx.plain(&a.name)));
        areas.push((name, *t, base.area(*id)));
    }
    let mut leads = Vec::new();
    for (id, t) in &lead.rows {
        let name = lk
            .organisation(*id)
            .await?
            .map(|o| (ctx.text(&o.name), ctx.plain(&o.name)));
        leads.push((name, *t, base.lead(*id)));
    }
    let mut sides = Vec::new();
    for (id, t) in &side.rows {
        let name = lk
            .party(*id)
            .await?
            .map(|p| (ctx.text(&p.short_name), ctx.plain(&p.short_name)));
        sides.push((name, *t, base.side(*id)));
    }
    let head = |key: &'static str, title: &'static str, column: &'static str| Head {
        key,
        title,
        column,
        dashboard: base.dashboard(),
    };
    Ok(vec![
        group(
            ctx,
            head("side", "dashboard-by-side", "dashboard-side"),
            &side,
            sides,
        ),
        group(
            ctx,
            head("area", "dashboard-by-area", "col-area"),
            &area,
            areas,
        ),
        group(
            ctx,
            head("lead", "dashboard-by-lead", "col-lead"),
            &lead,
            leads,
        ),
    ])
}

/// The groups of one kind a dashboard shows.
struct Shown {
    rows: Vec<(Id, Tally)>,
    /// How many there are, when more than shown or when all are shown on request.
    of: Option<usize>,
    /// Whether rows are cut to the largest (then ordered by size, not name).
    cut: bool,
}

impl Shown {
    fn of(all: &[(Id, Tally)], expanded: bool) -> Shown {
        if all.len() <= GROUP_SHOWN {
            return Shown {
                rows: all.to_vec(),
                of: None,
                cut: false,
            };
        }
        if expanded {
            return Shown {
                rows: all.to_vec(),
                of: Some(all.len()),
                cut: false,
            };
        }
        let mut rows = all.to_vec();
        rows.sort_by_key(|(id, t)| (std::cmp::Reverse(t.total), *id));
        rows.truncate(GROUP_SHOWN);
        Shown {
            rows,
            of: Some(all.len()),
            cut: true,
        }
    }
}

/// What names a group's section.
struct Head {
    key: &'static str,
    title: &'static str,
    column: &'static str,
    /// The dashboard's own address, for the links between the cut and the whole group.
    dashboard: String,
}

type Named = Option<(Markup, String)>;

fn group(
    ctx: &Ctx,
    head: Head,
    shown: &Shown,
    mut list: Vec<(Named, Tally, Selection)>,
) -> GroupView {
    let Head {
        key,
        title,
        column,
        dashboard,
    } = head;
    // Named groups by name, a group whose record is hidden last, unnamed; a cut group
    // stays largest first.
    if !shown.cut {
        list.sort_by(|a, b| {
            let key = |x: &Named| (x.is_none(), x.as_ref().map(|n| n.1.to_lowercase()));
            key(&a.0).cmp(&key(&b.0))
        });
    }
    let cut = shown.of.map(|of| {
        let numbers = [("shown", GROUP_SHOWN as u64), ("total", of as u64)];
        let say = |k: &str| ctx.t_numbers(k, &numbers);
        if shown.cut {
            (
                say("dashboard-group-top"),
                say("dashboard-group-all"),
                format!("{dashboard}?all={key}#h-{key}"),
            )
        } else {
            (
                String::new(),
                say("dashboard-group-fewer"),
                format!("{dashboard}#h-{key}"),
            )
        }
    });
    let hidden = ctx.t("dashboard-hidden-group");
    let mut rows = Vec::with_capacity(list.len());
    let mut bars_rows = Vec::with_capacity(list.len());
    for (name, t, sel) in &list {
        let done_rate = t.rate_done();
        let mean = t.mean_percent().map(|m| m / 100.0);
        let shown = name.is_some();
        rows.push(GroupRow {
            label: name
                .as_ref()
                .map_or_else(|| Markup(escape(&hidden)), |n| n.0.clone()),
            total: int(ctx, t.total),
            done: int(ctx, t.done),
            total_href: shown.then(|| sel.show(Show::Counted).href()),
            done_href: shown.then(|| sel.show(Show::Done).href()),
            rate_done: rate(ctx, done_rate),
            mean: rate(ctx, mean),
        });
        bars_rows.push(BarRow {
            label: name
                .as_ref()
                .map_or_else(|| hidden.clone(), |n| n.1.clone()),
            done: done_rate.unwrap_or(0.0),
            done_text: rate(ctx, done_rate),
            progress: mean.unwrap_or(0.0),
            progress_text: rate(ctx, mean),
        });
    }
    let title = ctx.t(title);
    let svg = bars::render(&BarChart {
        id: format!("chart-{key}"),
        desc: ctx.t("dashboard-chart-desc"),
        done_name: ctx.t("dashboard-rate-done"),
        progress_name: ctx.t("dashboard-rate-weighted"),
        colon: ctx.t("colon"),
        rows: bars_rows,
        rtl: ctx.dir() == "rtl",
        title: title.clone(),
    });
    GroupView {
        key,
        title,
        column: ctx.t(column),
        svg: Markup(svg),
        rows,
        cut,
    }
}

/// Agreements of the scope the reader may see whose entry into force, expiry or notice
/// date falls within the coming 90 days; ended agreements call for nothing. They are
/// looked over through `probe`, and those listed read again through `v`, so the banner
/// counts the agreements shown, not every agreement the reader could see.
async fn deadlines(
    ctx: &Ctx,
    v: &Visible,
    probe: &Visible,
    scope: FactsScope,
    today: NaiveDate,
) -> StoreResult<Vec<DeadlineRow>> {
    let end = today
        .checked_add_days(Days::new(DEADLINE_DAYS))
        .unwrap_or(today);
    // Only the agreements whose dates may fall in the window are read.
    let agreements: Vec<Agreement> = match scope {
        FactsScope::Agreement(id) => probe.agreement(id).await?.into_iter().collect(),
        _ => probe.agreements_with_deadlines(today, end).await?,
    };
    let in_scope = |a: &Agreement| match scope {
        FactsScope::All | FactsScope::Agreement(_) => true,
        FactsScope::Commission(c) => a.commission_id == Some(c),
        FactsScope::Party(p) => a.party_ids.contains(&p),
        // No dashboard is scoped to one plan: its deadlines are its items'.
        FactsScope::Plan(_) => false,
    };
    let mut found = Vec::new();
    for a in agreements
        .iter()
        .filter(|a| in_scope(a) && !a.status.is_ended())
    {
        for (kind, day) in agreement_deadlines(a) {
            if day >= today && day <= end {
                found.push((day, kind, a));
            }
        }
    }
    found.sort_by_key(|(day, kind, a)| (*day, *kind as u8, a.id));
    let listed: Vec<Id> = found.iter().map(|(_, _, a)| a.id).collect();
    v.prefetch_shown_of(RecordKind::Agreement, &listed).await?;
    for id in found.iter().map(|(_, _, a)| a.id) {
        v.agreement(id).await?;
    }
    Ok(found
        .into_iter()
        .map(|(day, kind, a)| DeadlineRow {
            agreement: Link {
                href: format!("/agreements/{}", a.id),
                label: ctx.text(&a.title),
            },
            kind: ctx.label("deadline", kind.key()),
            date: ctx.date(&day),
            when: ctx.tn(
                "dashboard-in-days",
                usize::try_from((day - today).num_days()).unwrap_or(0),
            ),
        })
        .collect())
}
