//! A session: dates, place, host, delegations in protocol order, agenda, decisions, side
//! events, statements, agreements signed there and the plans that follow from it.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use taawun_core::{Id, Protection, RecordKind, Session};
use taawun_store::{StoreResult, Visible};

use super::home::{AgreementRow, agreement_row};
use super::views::{Crumb, Link, Pager, PersonRow, history_href, party_link, person_row, render};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

/// "1st session" / "1re session" / "الدورة الأولى".
pub fn ordinal_title(ctx: &Ctx, ordinal: u32) -> String {
    ctx.tn("session-ordinal", ordinal)
}

/// "17 – 19 February 2025", or a single date for a one-day session.
pub fn date_range(ctx: &Ctx, s: &Session) -> String {
    if s.start_on == s.end_on {
        ctx.date(&s.start_on)
    } else {
        format!("{} – {}", ctx.date(&s.start_on), ctx.date(&s.end_on))
    }
}

struct DelegationView {
    party: Link,
    members: Vec<PersonRow>,
}

struct DecisionView {
    number: u32,
    text: Markup,
    area: Option<Markup>,
    example: bool,
}

struct EventView {
    kind: String,
    date: String,
    title: Markup,
    description: Option<Markup>,
    party: Option<Link>,
    organisation: Option<Link>,
}

struct StatementView {
    occasion: String,
    date: String,
    speaker: Option<PersonRow>,
    summary: Markup,
}

#[derive(Template)]
#[template(path = "session.html")]
struct SessionPage {
    /// "Recorded on the instance of Bamako…": a partner instance's record (issue 16).
    origin: Option<String>,
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    commission: Link,
    protection: Protection,
    history: Option<String>,
    /// "Edit" / "Add …" links the reader may follow (see `forms::actions`).
    actions: Vec<super::views::Link>,
    /// The previous and next sessions of the commission that the reader may see.
    pager: Pager,
    dates: String,
    place: Markup,
    host: Link,
    delegations: Vec<DelegationView>,
    agenda: Vec<super::session_agenda::AgendaLine>,
    decisions: Vec<DecisionView>,
    events: Vec<EventView>,
    statements: Vec<StatementView>,
    agreements: Vec<AgreementRow>,
    plans: Vec<Link>,
    /// The minutes as PDF.
    offers: Vec<crate::documents::PdfOffer>,
    /// Where the minutes stand and the link to their page, when the reader may read them.
    minutes: Option<MinutesLine>,
    /// The signed minutes' scan and the session's other files.
    files: crate::files::FilesView,
}

struct MinutesLine {
    status: String,
    href: String,
}

/// The minutes' line on the session page: a draft is drawn for whoever sees the session; an
/// adopted text only for a reader who may see all it was made from (else, no line at all,
/// as for a session without minutes, and no PDF offer).
async fn minutes_line(ctx: &Ctx, v: &Visible, s: &Session) -> StoreResult<Option<MinutesLine>> {
    use taawun_core::minutes::MinutesStatus;
    let m = &s.minutes;
    let key = match m.status {
        MinutesStatus::Draft => "minutes-status-draft",
        MinutesStatus::Adopted => match m.latest_adopted() {
            Some(a) if taawun_app::minutes::readable(v, a).await? => "minutes-status-adopted",
            _ => return Ok(None),
        },
    };
    Ok(Some(MinutesLine {
        status: ctx.t_numbers(key, &[("version", u64::from(m.version))]),
        href: format!("/sessions/{}/minutes", s.id),
    }))
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let Some(session) = v.session(id).await? else {
        return Err(WebError::NotFound);
    };
    render(&load(&ctx, &v, session).await?)
}

/// Neighbours in time among the commission's sessions the reader may see. The store lists
/// them most recent first, so "previous" is the next one in that list.
async fn pager(ctx: &Ctx, v: &Visible, s: &Session) -> StoreResult<Pager> {
    let mut sessions = v.sessions(Some(s.commission_id)).await?;
    sessions.reverse();
    Ok(Pager::around(
        &sessions,
        s.id,
        |x| x.id,
        |x| Link {
            href: format!("/sessions/{}", x.id),
            label: Markup(escape(&ordinal_title(ctx, x.ordinal))),
        },
    ))
}

async fn load(ctx: &Ctx, v: &Visible, s: Session) -> StoreResult<SessionPage> {
    let mut lk = Lookup::new(v);
    let commission = v.commission(s.commission_id).await?;
    let commission = Link {
        href: format!("/commissions/{}", s.commission_id),
        label: commission.map(|c| ctx.text(&c.name)).unwrap_or_default(),
    };
    let title = ordinal_title(ctx, s.ordinal);
    let members: Vec<Id> = s
        .delegations
        .iter()
        .flat_map(|d| d.members.iter().map(|m| m.person_id))
        .collect();
    lk.prefetch_people(&members).await?;
    let mut delegations = Vec::new();
    for d in &s.delegations {
        let mut members = Vec::new();
        for m in d.in_protocol_order() {
            members.extend(person_row(&mut lk, ctx, m.person_id, Some(m.role)).await?);
        }
        delegations.push(DelegationView {
            party: party_link(&mut lk, ctx, d.party_id).await?,
            members,
        });
    }
    let mut decisions = Vec::new();
    for d in &s.decisions {
        let area = match d.area_id {
            Some(a) => lk.area(a).await?.map(|a| ctx.text(&a.name)),
            None => None,
        };
        decisions.push(DecisionView {
            number: d.number,
            text: ctx.text(&d.text),
            area,
            example: d.example,
        });
    }
    let mut events = Vec::new();
    for e in &s.side_events {
        let party = match e.party_id {
            Some(p) => Some(party_link(&mut lk, ctx, p).await?),
            None => None,
        };
        let organisation = match e.organisation_id {
            Some(o) => super::views::organisation_link(&mut lk, ctx, o).await?,
            None => None,
        };
        events.push(EventView {
            kind: ctx.label("event", e.kind.key()),
            date: ctx.date_opt(&e.on),
            title: ctx.text(&e.title),
            description: (!e.description.is_empty()).then(|| ctx.text(&e.description)),
            party,
            organisation,
        });
    }
    let mut statements = Vec::new();
    for st in &s.statements {
        statements.push(StatementView {
            occasion: ctx.label("occasion", st.occasion.key()),
            date: ctx.date(&st.on),
            speaker: person_row(&mut lk, ctx, st.person_id, None).await?,
            summary: ctx.text(&st.summary),
        });
    }
    let agreements = v.agreements_of_session(s.id).await?;
    let plans = v.plans_for(s.id).await?;
    let host = party_link(&mut lk, ctx, s.host_party_id).await?;
    let pager = pager(ctx, v, &s).await?;
    let history = history_href(v, RecordKind::Session, s.id).await?;
    let actions = crate::forms::actions(ctx, v, RecordKind::Session, s.id).await?;
    let minutes = minutes_line(ctx, v, &s).await?;
    let files = crate::files::section(ctx, v, RecordKind::Session, s.id).await?;
    let origin = crate::pages::describe::origin(ctx, v, RecordKind::Session, s.id).await?;
    Ok(SessionPage {
        origin,
        files,
        protection: s.protection,
        history,
        actions,
        pager,
        crumbs: vec![
            Crumb::home(ctx),
            Crumb::new("/commissions", Markup(escape(&ctx.t("nav-commissions")))),
            Crumb::new(commission.href.clone(), commission.label.clone()),
            Crumb::new(format!("/sessions/{}", s.id), Markup(escape(&title))),
        ],
        title,
        dates: date_range(ctx, &s),
        place: ctx.text(&s.place),
        host,
        commission,
        delegations,
        agenda: super::session_agenda::lines(ctx, v, &s).await?,
        decisions,
        events,
        statements,
        agreements: agreements.iter().map(|a| agreement_row(ctx, a)).collect(),
        plans: plans
            .iter()
            .map(|p| Link {
                href: format!("/plans/{}", p.id),
                label: ctx.text(&p.title),
            })
            .collect(),
        offers: match &minutes {
            Some(_) => vec![crate::documents::pdf_offer(
                ctx,
                format!("/sessions/{}/minutes.pdf", s.id),
                "doc-minutes",
            )],
            None => vec![],
        },
        minutes,
        ctx: ctx.shown(v),
    })
}
