//! `/sessions/{id}/minutes`: the minutes as a page, the same content as the PDF in the
//! reader's language, printable from the browser; where they stand (draft or adopted, which
//! version, each adopted version with its SHA-256), and, for the commission's secretariat,
//! the buttons that adopt them and start their next version (`forms::minutes`).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use taawun_app::exchange::adoption;
use taawun_app::minutes::{Chosen, choose, emblem_files, pending_scan, readable_versions, word};
use taawun_core::minutes::{MinutesStatus, SignedScan};
use taawun_core::{Action, FileAction, LocalizedText, RecordKind, Session};
use taawun_docs::MinutesInput;
use taawun_store::Visible;

use super::sessions::ordinal_title;
use super::views::{Crumb, render};
use crate::documents::{PdfOffer, minutes::MinutesQuery, pdf_offer};
use crate::lookup::reader;
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

struct Member {
    who: Markup,
    rest: Markup,
}

struct Group {
    heading: Markup,
    members: Vec<Member>,
}

struct Point {
    title: Markup,
    conclusions: Option<Markup>,
    carried: Vec<Markup>,
}

struct Sign {
    title: Markup,
    who: Markup,
}

struct Version {
    line: String,
    sha256: String,
    href: String,
    current: bool,
    scan: Option<Scan>,
}

/// A head of delegation's adoption, as this instance checked it.
struct Head {
    /// "Mali: Col. Traoré, 3 March 2025 10:02 UTC, version 1".
    line: String,
    fingerprint: String,
    sha256: String,
    /// The check's sentence, and whether it held.
    check: String,
    valid: bool,
}

/// The signed original's scan: an adopted version's, or the one an adoption would name.
struct Scan {
    name: String,
    href: String,
    sha256: String,
}

impl Scan {
    fn of(s: &SignedScan) -> Scan {
        Scan {
            name: s.name.clone(),
            href: format!("/files/{}", s.file),
            sha256: s.sha256.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "minutes.html")]
struct MinutesPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    session_href: String,
    /// "Draft, version 2" / "Adopted, version 1".
    status: String,
    /// The error of a refused adoption or revision, shown above the text.
    notice: Option<String>,
    edit_href: Option<String>,
    adopt: bool,
    revise: bool,
    /// While a draft: the scan an adoption would name, if one is attached.
    pending: Option<Scan>,
    /// Where the secretariat uploads the signed scan (when it may attach files).
    scan_upload: Option<String>,
    /// The session's optimistic-lock version, sent back by the two buttons.
    record_version: i64,
    versions: Vec<Version>,
    offers: Vec<PdfOffer>,
    /// What the reader sees of this text: its SHA-256 when adopted, its DRAFT mark otherwise.
    mark: Option<String>,
    fingerprint: Option<String>,
    /// The heads' adoptions held here (issue 16), each checked against the known keys.
    heads: Vec<Head>,
    /// "Adopted by both parties (version 1)", when both delegations' heads adopted the
    /// version in force and both adoptions check.
    both: Option<String>,
    /// The button of a reader who, as head of delegation, may adopt the version in force
    /// here for their party: "Adopt version 1 as head of delegation".
    head_adopt: Option<String>,
    doc: Doc,
}

/// The document's content in the reader's language.
struct Doc {
    parties: Vec<Markup>,
    /// Each party's emblem download, beside its name; none shows nothing.
    emblems: Vec<Option<String>>,
    title: Markup,
    commission: Markup,
    between: Markup,
    preamble: Vec<Markup>,
    delegations: Vec<Group>,
    agenda: Vec<Point>,
    decisions: Vec<Markup>,
    agreements: Vec<Markup>,
    side_events: Vec<Markup>,
    next_session: Option<Markup>,
    closing: Markup,
    signatories: Vec<Sign>,
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
    Query(q): Query<MinutesQuery>,
) -> Result<Response, WebError> {
    let version = q.version()?;
    let v = reader(&state, &ctx);
    let session = v.session(id).await?.ok_or(WebError::NotFound)?;
    let page = load(&state, &ctx, &v, &session, version, None).await?;
    Ok(render(&page)?.into_response())
}

/// The page again after a refused move, with its reason (`status`: 409 or 422).
pub(crate) async fn refused(
    state: &AppState,
    ctx: &Ctx,
    v: &Visible,
    session: &Session,
    status: StatusCode,
    notice: String,
) -> Result<Response, WebError> {
    let page = load(state, ctx, v, session, None, Some(notice)).await?;
    Ok((status, render(&page)?).into_response())
}

async fn load(
    state: &AppState,
    ctx: &Ctx,
    v: &Visible,
    s: &Session,
    version: Option<u32>,
    notice: Option<String>,
) -> Result<MinutesPage, WebError> {
    let chosen = choose(v, s, version).await?.ok_or(WebError::NotFound)?;
    let input = word(chosen.text(), chosen.stage());
    let m = &s.minutes;
    let edits = v.allows(Action::Edit, RecordKind::Session, s.id).await?;
    let adopts = v.allows(Action::Adopt, RecordKind::Session, s.id).await?;
    let draft = m.status == MinutesStatus::Draft;
    let base = format!("/sessions/{}/minutes", s.id);
    let versions = readable_versions(v, s)
        .await?
        .into_iter()
        .map(|a| Version {
            line: ctx_line(ctx, a.version, &a.adopted_on, &a.adopted_by),
            sha256: a.sha256.clone(),
            href: format!("{base}?version={}", a.version),
            current: matches!(&chosen, Chosen::Adopted(c) if c.version == a.version),
            scan: a.signed_scan.as_ref().map(Scan::of),
        })
        .collect();
    let (pending, scan_upload) = if adopts && draft {
        let files = v.attachments(RecordKind::Session, s.id).await?;
        let attaches = v
            .allows_files(FileAction::Attach, RecordKind::Session, s.id)
            .await?;
        (
            pending_scan(m, &files).as_ref().map(Scan::of),
            attaches.then(|| format!("/sessions/{}/files", s.id)),
        )
    } else {
        (None, None)
    };
    let mut offer = pdf_offer(
        ctx,
        format!("/sessions/{}/minutes.pdf", s.id),
        "doc-minutes",
    );
    offer.version = version;
    let title = ordinal_title(ctx, s.ordinal);
    let status_key = match m.status {
        MinutesStatus::Draft => "minutes-status-draft",
        MinutesStatus::Adopted => "minutes-status-adopted",
    };
    let (mark, fingerprint) = (
        input.draft_mark.as_ref().map(|t| ctx.plain(t)),
        input.fingerprint.as_ref().map(|t| ctx.plain(t)),
    );
    let heads = heads(state, ctx, v, s).await?;
    Ok(MinutesPage {
        heads: heads.lines,
        both: heads.both,
        head_adopt: heads
            .may_adopt
            .map(|n| ctx.t_numbers("minutes-head-adopt", &[("version", u64::from(n))])),
        crumbs: vec![
            Crumb::home(ctx),
            Crumb::new(format!("/sessions/{}", s.id), Markup(escape(&title))),
            Crumb::new(base.clone(), Markup(escape(&ctx.t("minutes-heading")))),
        ],
        title: format!("{} — {title}", ctx.t("minutes-heading")),
        session_href: format!("/sessions/{}", s.id),
        status: ctx.t_numbers(status_key, &[("version", u64::from(m.version))]),
        notice,
        edit_href: (edits && draft).then(|| format!("{base}/edit")),
        adopt: adopts && draft,
        revise: adopts && !draft,
        pending,
        scan_upload,
        record_version: s.version,
        versions,
        offers: vec![offer],
        mark,
        fingerprint,
        doc: Doc {
            emblems: emblem_files(v, s)
                .await?
                .iter()
                .map(|a| a.as_ref().map(|a| format!("/files/{}", a.id)))
                .collect(),
            ..doc(ctx, &input)
        },
        ctx: ctx.shown(v),
    })
}

/// What the page says of the heads' adoptions.
struct Heads {
    lines: Vec<Head>,
    both: Option<String>,
    may_adopt: Option<u32>,
}

async fn heads(state: &AppState, ctx: &Ctx, v: &Visible, s: &Session) -> Result<Heads, WebError> {
    let identity = state.exchange.as_deref();
    let keys = state.exchange_door().adoption_keys(identity).await?;
    let mut lines = Vec::new();
    for c in adoption::check_all(s, &keys) {
        let party = v
            .party(c.party)
            .await?
            .map(|p| ctx.plain(&p.short_name))
            .unwrap_or_default();
        let st = &c.adoption.statement;
        let who = if ctx.lang == taawun_core::Lang::Ar && !st.name_ar.is_empty() {
            &st.name_ar
        } else {
            &st.name_latin
        };
        lines.push(Head {
            line: taawun_i18n::message_args(
                ctx.lang,
                "minutes-head-line",
                &[
                    ("party", &party),
                    ("who", who),
                    ("when", &adoption::shown_time(&st.at)),
                    ("version", &st.version.to_string()),
                ],
            ),
            fingerprint: c.adoption.fingerprint.clone(),
            sha256: st.sha256.clone(),
            check: ctx.t(&format!("minutes-head-check-{}", c.check.key())),
            valid: c.check == adoption::Check::Valid,
        });
    }
    let in_force = s
        .minutes
        .latest_adopted()
        .filter(|a| a.version == s.minutes.version)
        .map(|a| a.version);
    let both = in_force
        .filter(|n| adoption::adopted_by_both(s, *n, &keys))
        .map(|n| ctx.t_numbers("minutes-both", &[("version", u64::from(n))]));
    let may_adopt = match ctx.who.user.as_ref() {
        Some(u) => {
            let person = match u.person_id {
                Some(p) => v.person(p).await?,
                None => None,
            };
            adoption::may_adopt(identity, u, person.as_ref(), s).ok()
        }
        None => None,
    };
    Ok(Heads {
        lines,
        both,
        may_adopt,
    })
}

fn ctx_line(ctx: &Ctx, version: u32, on: &chrono::NaiveDate, by: &str) -> String {
    taawun_i18n::message_args(
        ctx.lang,
        "minutes-version-line",
        &[
            ("version", &version.to_string()),
            ("date", &ctx.date(on)),
            ("who", by),
        ],
    )
}

/// The worded document, in the reader's language; empty parts are left out, as the PDF does.
fn doc(ctx: &Ctx, d: &MinutesInput) -> Doc {
    let t = |x: &LocalizedText| ctx.text(x);
    let some = |x: &LocalizedText| (!x.is_empty()).then(|| ctx.text(x));
    let joined = |parts: &[&LocalizedText], sep: &str| {
        let parts: Vec<String> = parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| ctx.text(p).0)
            .collect();
        Markup(parts.join(sep))
    };
    let sep = if ctx.lang == taawun_core::Lang::Ar {
        "، "
    } else {
        ", "
    };
    Doc {
        parties: d.parties.iter().map(t).collect(),
        emblems: vec![None; d.parties.len()],
        title: t(&d.title),
        commission: t(&d.commission),
        between: t(&d.between),
        preamble: d.preamble.iter().map(t).collect(),
        delegations: d
            .delegations
            .iter()
            .map(|g| Group {
                heading: t(&g.heading),
                members: g
                    .members
                    .iter()
                    .map(|m| {
                        let rest = joined(&[&m.function, &m.role], sep).0;
                        Member {
                            who: joined(&[&m.rank, &m.name], " "),
                            // Led by its separator, so an empty rest leaves no stray comma.
                            rest: Markup(if rest.is_empty() {
                                rest
                            } else {
                                format!("{sep}{rest}")
                            }),
                        }
                    })
                    .collect(),
            })
            .collect(),
        agenda: d
            .agenda
            .iter()
            .map(|a| Point {
                title: t(&a.title),
                conclusions: some(&a.conclusions),
                carried: a.carried.iter().map(t).collect(),
            })
            .collect(),
        decisions: d.decisions.iter().map(t).collect(),
        agreements: d.agreements_signed.iter().map(t).collect(),
        side_events: d.side_events.iter().map(t).collect(),
        next_session: some(&d.next_session),
        closing: t(&d.closing),
        signatories: d
            .signatories
            .iter()
            .map(|s| Sign {
                title: t(&s.title),
                who: joined(&[&s.rank, &s.name], " "),
            })
            .collect(),
    }
}
