//! The minutes worded in each language, for the PDF and the print view: the title with the
//! session's ordinal in words, the preamble's opening sentence, delegation headings with
//! their articles, heads of delegation named as such, the closing formula. The sentences
//! come from `taawun_i18n::minutes`; here they are filled from a `MinutesText`, the same
//! whether it is a draft drawn today or an adopted text kept as it was signed.

use chrono::NaiveDate;
use taawun_core::minutes::{MinutesMember, MinutesText};
use taawun_core::{DelegationRole, Lang, LocalizedText};
use taawun_docs::{AgendaPoint, Delegate, Delegation, MinutesInput, Signatory};
use taawun_i18n::minutes as words;
use taawun_i18n::{each, message, message_args};

/// Where the text stands, for the mark on every page.
pub enum Stage<'a> {
    /// A DRAFT mark across every page.
    Draft,
    /// The version, when and the hash in every page's footer.
    Adopted {
        version: u32,
        on: NaiveDate,
        sha256: &'a str,
    },
}

/// Whatever the text holds in `l`, falling back to another language (a name recorded in
/// one script only is still printed).
fn shown(t: &LocalizedText, l: Lang) -> &str {
    t.show(l)
}

/// The minutes' document input, worded; date and marking are left for the caller.
pub fn word(t: &MinutesText, stage: Stage<'_>) -> MinutesInput {
    let [first, second] = &t.parties;
    let mut preamble = vec![each(|l| {
        words::preamble(
            l,
            shown(&t.host, l),
            t.ordinal,
            shown(&t.commission, l),
            shown(&t.place, l),
            (t.start_on, t.end_on),
        )
    })];
    if !t.preamble.is_empty() {
        preamble.push(t.preamble.clone());
    }
    let delegations = t
        .delegations
        .iter()
        .map(|d| Delegation {
            heading: each(|l| words::with_party(l, "minutes-delegation-of", shown(&d.party, l))),
            members: d.members.iter().map(delegate).collect(),
        })
        .collect();
    let agenda = t
        .agenda
        .iter()
        .map(|a| AgendaPoint {
            title: a.title.clone(),
            conclusions: a.conclusions.clone(),
            carried: a
                .carried
                .iter()
                .map(|c| {
                    each(|l| {
                        let sides: Vec<String> = c
                            .sides
                            .iter()
                            .map(|s| {
                                let status = message(l, &format!("status-{}", s.status.key()));
                                side(l, shown(&s.party, l), &status, s.percent)
                            })
                            .collect();
                        let head = [c.code.trim(), shown(&c.title, l)]
                            .into_iter()
                            .filter(|p| !p.is_empty())
                            .collect::<Vec<_>>()
                            .join(" ");
                        if sides.is_empty() {
                            head
                        } else {
                            format!("{head} — {}", sides.join(list_sep(l)))
                        }
                    })
                })
                .collect(),
        })
        .collect();
    // In the parties' order. A side whose head is not recorded yet still gets its block,
    // titled, with room to sign: the minutes are printed before the heads are known.
    let signatories = [0, 1].map(|n| {
        let party = &t.parties[n];
        match &t.signatories[n] {
            Some(head) => signatory(head, party),
            None if !party.is_empty() => Signatory {
                title: each(|l| words::with_party(l, "minutes-head-of", shown(party, l))),
                ..Signatory::default()
            },
            None => Signatory::default(),
        }
    });
    let (draft_mark, fingerprint) = match stage {
        Stage::Draft => (Some(each(|l| message(l, "minutes-draft"))), None),
        Stage::Adopted {
            version,
            on,
            sha256,
        } => (
            None,
            Some(each(|l| {
                message_args(
                    l,
                    "minutes-adopted-hash",
                    &[
                        ("version", &version.to_string()),
                        ("date", &taawun_i18n::fmt::date(l, on)),
                        ("hash", sha256),
                    ],
                )
            })),
        ),
    };
    MinutesInput {
        parties: t.parties.clone(),
        title: each(|l| {
            message_args(
                l,
                "minutes-title",
                &[("ordinal", &words::session_ordinal(l, t.ordinal))],
            )
        }),
        commission: t.commission.clone(),
        between: each(|l| words::between(l, shown(first, l), shown(second, l))),
        preamble,
        delegations,
        agenda,
        decisions: t.decisions.clone(),
        agreements_signed: t.agreements_signed.clone(),
        side_events: t.side_events.clone(),
        next_session: t.next_session.clone(),
        closing: each(|l| words::closing(l, shown(&t.place, l), t.end_on, &t.original_langs)),
        signatories,
        draft_mark,
        fingerprint,
        ..MinutesInput::default()
    }
}

/// "Mali : en cours (40 %)", "Mali: in progress (40%)": each language's colon (the
/// catalogue's) and its one percent form (`fmt::percent`).
fn side(l: Lang, party: &str, status: &str, percent: u8) -> String {
    let colon = taawun_i18n::message(l, "colon");
    let percent = taawun_i18n::fmt::percent(l, f64::from(percent));
    format!("{party}{colon} {status} ({percent})")
}

fn list_sep(l: Lang) -> &'static str {
    if l == Lang::Ar { "؛ " } else { "; " }
}

/// A member as the delegation list prints them: rank as a title, then the name; function;
/// a role other than plain membership ("Chef de délégation").
fn delegate(m: &MinutesMember) -> Delegate {
    Delegate {
        name: m.name.clone(),
        rank: each(|l| words::rank_title(l, shown(&m.rank, l))),
        function: m.function.clone(),
        role: match m.role {
            DelegationRole::Member => LocalizedText::default(),
            r => each(|l| message(l, &format!("role-{}", r.key()))),
        },
    }
}

/// A head's signature block: "Chef de la délégation du Royaume du Maroc", rank, name.
fn signatory(head: &MinutesMember, party: &LocalizedText) -> Signatory {
    Signatory {
        title: each(|l| words::with_party(l, "minutes-head-of", shown(party, l))),
        rank: each(|l| words::rank_title(l, shown(&head.rank, l))),
        name: head.name.clone(),
    }
}
