//! The parts of the session form: which fields each shows, how the stored session is laid
//! out for it (one delegation block per commission party, members in protocol order), and
//! what each part puts back before saving (members and statements of people the user may
//! not see, hidden areas and organisations).

use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::choices::{self, keys};
use super::input::Input;
use super::spec::{Item, Row, Rows, Ty};
use super::{field, keep, optional, protection, text3};
use crate::ctx::Ctx;
use crate::markup::{Markup, escape};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Basics,
    Delegations,
    Agenda,
    Decisions,
    Statements,
    SideEvents,
    /// What the minutes add to the session: preamble, next session, languages of the
    /// originals (the conclusions are written on the agenda, line by line).
    Minutes,
}

impl Part {
    pub fn segment(self) -> &'static str {
        match self {
            Part::Basics => "edit",
            Part::Delegations => "delegations",
            Part::Agenda => "agenda",
            Part::Decisions => "decisions",
            Part::Statements => "statements",
            Part::SideEvents => "side-events",
            Part::Minutes => "minutes/edit",
        }
    }

    pub fn title(self, ctx: &Ctx) -> String {
        match self {
            Part::Basics => ctx.t("form-session-edit"),
            Part::Delegations => ctx.t("form-delegations"),
            Part::Agenda => ctx.t("form-agenda"),
            Part::Decisions => ctx.t("form-decisions"),
            Part::Statements => ctx.t("form-statements"),
            Part::SideEvents => ctx.t("form-side-events"),
            Part::Minutes => ctx.t("form-minutes"),
        }
    }
}

/// One delegation per commission party, in the commission's order, members in protocol
/// order (head first, then precedence): the order the form shows and saves.
pub fn arrange(s: &mut Session, parties: &[Id]) {
    s.delegations = parties
        .iter()
        .map(|p| {
            let found = s.delegations.iter().find(|d| d.party_id == *p);
            Delegation {
                adoptions: found.map_or_else(Vec::new, |d| d.adoptions.clone()),
                party_id: *p,
                members: found.map_or_else(Vec::new, |d| {
                    d.in_protocol_order().into_iter().cloned().collect()
                }),
            }
        })
        .collect();
}

fn list(path: &str, legend: String, rows: Vec<Row>, table: bool) -> Item {
    Item::Rows(Rows {
        path: path.into(),
        legend,
        rows,
        extendable: true,
        table,
    })
}

fn rows(n: usize, items: impl Fn() -> Vec<Item>) -> Vec<Row> {
    (0..n)
        .map(|_| Row {
            items: items(),
            ..Row::default()
        })
        .collect()
}

pub async fn items(
    ctx: &Ctx,
    v: &Visible,
    c: &Commission,
    input: &Input,
    fresh: bool,
    part: Part,
    shown: Option<&Session>,
) -> StoreResult<Vec<Item>> {
    let parties = choices::parties(ctx, v, Some(&c.party_ids)).await?;
    let n = |path: &str| input.rows(path, fresh);
    Ok(match part {
        Part::Minutes => {
            let langs = Lang::ALL
                .iter()
                .map(|l| super::spec::Opt {
                    value: l.code().into(),
                    label: Markup(escape(&ctx.label("lang-name", l.code()))),
                })
                .collect();
            vec![
                text3(
                    "minutes.preamble",
                    ctx.t("form-minutes-preamble"),
                    true,
                    true,
                ),
                text3(
                    "minutes.next_session",
                    ctx.t("form-minutes-next-session"),
                    true,
                    true,
                ),
                Item::Field(
                    super::spec::Field::new(
                        "minutes.original_langs",
                        ctx.t("form-minutes-langs"),
                        Ty::Multi(langs),
                    )
                    .hint(ctx.t("form-minutes-langs-hint")),
                ),
            ]
        }
        Part::Basics => vec![
            field(
                "ordinal",
                ctx.t("form-ordinal"),
                Ty::Int { min: 1, max: 999 },
            ),
            field("start_on", ctx.t("form-start-on"), Ty::Date),
            field("end_on", ctx.t("form-end-on"), Ty::Date),
            field("host_party_id", ctx.t("col-host"), Ty::Select(parties)),
            text3("place", ctx.t("col-place"), false, false),
            protection(ctx),
        ],
        Part::Delegations => {
            // "Member" first: a blank row is most often an ordinary member, and the first
            // option is what an untouched select submits.
            let mut roles: Vec<&'static str> = vec![DelegationRole::Member.key()];
            roles.extend(
                DelegationRole::ALL
                    .iter()
                    .map(|r| r.key())
                    .filter(|k| *k != DelegationRole::Member.key()),
            );
            // Someone not yet recorded is added from here: the person form comes back to
            // this one with them in a new row (`forms::person`).
            let new_person = shown
                .filter(|_| {
                    let registry = taawun_core::Target::new(taawun_core::Kind::Registry);
                    taawun_core::decide(ctx.principal(), taawun_core::Action::Create, &registry)
                        .is_ok()
                })
                .map(|sess| format!("/people/new?back=/sessions/{}/delegations", sess.id));
            let mut blocks = Vec::new();
            for (d, party) in c.party_ids.iter().enumerate() {
                let people = choices::people(ctx, v, Some(&[*party])).await?;
                let name = choices::party_name(ctx, v, *party).await?;
                let members = rows(n(&format!("delegations.{d}.members")), || {
                    vec![
                        field(
                            "person_id",
                            ctx.t("form-person"),
                            Ty::Select(people.clone()),
                        ),
                        field(
                            "role",
                            ctx.t("col-role"),
                            Ty::Select(keys(ctx, "role", &roles)),
                        ),
                        field(
                            "precedence",
                            ctx.t("form-precedence"),
                            Ty::Int { min: 0, max: 999 },
                        ),
                    ]
                });
                blocks.push(Row {
                    fixed: vec![(
                        "party_id".into(),
                        serde_json::Value::String(party.to_string()),
                    )],
                    items: vec![list("members", ctx.t("form-members"), members, true)],
                    legend: Some(Markup(format!(
                        "<bdi>{}</bdi>{}",
                        // "Délégation du Maroc": the name with its article.
                        escape(&taawun_i18n::minutes::with_party(
                            ctx.lang,
                            "form-delegation-of",
                            &name
                        )),
                        new_person.as_ref().map_or(String::new(), |href| format!(
                            " · <a href=\"{}&amp;party={party}\">{}</a>",
                            escape(href),
                            escape(&ctx.t("action-new-person"))
                        ))
                    ))),
                });
            }
            vec![Item::Rows(Rows {
                path: "delegations".into(),
                legend: ctx.t("delegations-title"),
                rows: blocks,
                extendable: false,
                table: false,
            })]
        }
        // Each line with the items discussed under it (see `agenda`).
        Part::Agenda => vec![super::agenda::part(ctx, v, c, shown, input, fresh).await?],
        Part::Decisions => {
            let areas = choices::areas(ctx, v).await?;
            vec![list(
                "decisions",
                ctx.t("decisions-title"),
                rows(n("decisions"), || {
                    vec![
                        field("id", String::new(), Ty::HiddenId),
                        field(
                            "number",
                            ctx.t("form-number"),
                            Ty::Int { min: 1, max: 9999 },
                        ),
                        text3("text", ctx.t("form-decision"), true, false),
                        optional("area_id", ctx.t("col-area"), Ty::Select(areas.clone())),
                        field("example", ctx.t("form-example"), Ty::Check),
                    ]
                }),
                false,
            )]
        }
        Part::Statements => {
            let people = choices::people(ctx, v, Some(&c.party_ids)).await?;
            let occasions = keys(ctx, "occasion", &["opening", "closing"]);
            vec![list(
                "statements",
                ctx.t("statements-title"),
                rows(n("statements"), || {
                    vec![
                        field(
                            "person_id",
                            ctx.t("form-speaker"),
                            Ty::Select(people.clone()),
                        ),
                        field(
                            "occasion",
                            ctx.t("form-occasion"),
                            Ty::Select(occasions.clone()),
                        ),
                        field("on", ctx.t("col-date"), Ty::Date),
                        text3("summary", ctx.t("form-summary"), true, false),
                    ]
                }),
                false,
            )]
        }
        Part::SideEvents => {
            let orgs = choices::organisations(ctx, v, Some(&c.party_ids)).await?;
            let kinds = keys(
                ctx,
                "event",
                &["visit", "meeting", "ceremony", "demonstration"],
            );
            vec![list(
                "side_events",
                ctx.t("events-title"),
                rows(n("side_events"), || {
                    vec![
                        field("kind", ctx.t("form-event-kind"), Ty::Select(kinds.clone())),
                        optional("on", ctx.t("col-date"), Ty::Date),
                        text3("title", ctx.t("form-title"), false, false),
                        text3("description", ctx.t("form-description"), true, true),
                        optional(
                            "party_id",
                            ctx.t("form-event-party"),
                            Ty::Select(parties.clone()),
                        ),
                        optional(
                            "organisation_id",
                            ctx.t("col-organisation"),
                            Ty::Select(orgs.clone()),
                        ),
                    ]
                }),
                false,
            )]
        }
    })
}

/// Puts back what the user could not see in the part they edited.
pub async fn fixup(
    v: &Visible,
    part: Part,
    raw: &Session,
    rec: &mut Session,
    renames: &[(String, String)],
) -> StoreResult<()> {
    match part {
        Part::Agenda => super::agenda::keep_hidden(v, raw, rec, renames).await?,
        Part::Delegations => {
            // The heads' adoptions are not in the form: each delegation keeps its own.
            for d in rec.delegations.iter_mut() {
                if let Some(stored) = raw.delegations.iter().find(|x| x.party_id == d.party_id) {
                    d.adoptions.clone_from(&stored.adoptions);
                }
            }
            for stored in &raw.delegations {
                let mut hidden = Vec::new();
                keep::entries(v, RecordKind::Person, &stored.members, &mut hidden, |m| {
                    m.person_id
                })
                .await?;
                if hidden.is_empty() {
                    continue;
                }
                match rec
                    .delegations
                    .iter_mut()
                    .find(|d| d.party_id == stored.party_id)
                {
                    Some(d) => d.members.extend(hidden),
                    None => rec.delegations.push(Delegation {
                        adoptions: Vec::new(),
                        party_id: stored.party_id,
                        members: hidden,
                    }),
                }
            }
        }
        Part::Statements => {
            keep::entries(
                v,
                RecordKind::Person,
                &raw.statements,
                &mut rec.statements,
                |s| s.person_id,
            )
            .await?;
        }
        Part::Decisions => {
            for d in &mut rec.decisions {
                let stored = raw
                    .decisions
                    .iter()
                    .find(|s| s.id == d.id)
                    .and_then(|s| s.area_id);
                keep::opt(v, RecordKind::Area, stored, &mut d.area_id).await?;
            }
        }
        Part::SideEvents => {
            // Side events have no id: the form lists them in stored order.
            for (e, stored) in rec.side_events.iter_mut().zip(&raw.side_events) {
                keep::opt(
                    v,
                    RecordKind::Organisation,
                    stored.organisation_id,
                    &mut e.organisation_id,
                )
                .await?;
            }
        }
        Part::Basics | Part::Minutes => {}
    }
    Ok(())
}
