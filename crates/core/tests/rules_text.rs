//! Localized text rules on every record: required texts (absent, empty or whitespace-only in
//! every language counts as missing; one language is enough) and length limits, counted in
//! characters, with the limit itself accepted.

mod common;

use common::*;
use taawun_core::rules::{self, MAX_SHORT, MAX_TEXT, Rule::*};
use taawun_core::*;

const LONG: taawun_core::rules::Rule = TooLong { max: MAX_TEXT };
const SHORT: taawun_core::rules::Rule = TooLong { max: MAX_SHORT };

#[test]
fn parties_organisations_ranks_areas() {
    run(
        "party text",
        &party(PARTY_A, Some("MA"), "Maroc"),
        rules::check_party,
        &[
            (
                "name in Arabic only",
                |p: &mut Party| p.name = text("المغرب", "", ""),
                vec![],
            ),
            (
                "name absent",
                |p| p.name = blank(),
                vec![("name", Required)],
            ),
            (
                "name empty strings",
                |p| {
                    p.name = LocalizedText {
                        ar: Some(String::new()),
                        fr: Some(String::new()),
                        en: None,
                    }
                },
                vec![("name", Required)],
            ),
            (
                "name whitespace only",
                |p| p.name = whitespace(),
                vec![("name", Required)],
            ),
            (
                "name at the limit",
                |p| p.name = long_text(MAX_TEXT),
                vec![],
            ),
            (
                "name too long",
                |p| p.name = long_text(MAX_TEXT + 1),
                vec![("name", LONG)],
            ),
            (
                "short name at the limit",
                |p| p.short_name = long_text(MAX_SHORT),
                vec![],
            ),
            (
                "short name too long",
                |p| p.short_name = long_text(MAX_SHORT + 1),
                vec![("short_name", SHORT)],
            ),
        ],
    );
    run(
        "organisation text",
        &organisation(ORG_A, PARTY_A, None),
        |o| rules::check_organisation(o, None),
        &[
            (
                "name whitespace only",
                |o: &mut Organisation| o.name = whitespace(),
                vec![("name", Required)],
            ),
            (
                "name too long",
                |o| o.name = long_text(MAX_TEXT + 1),
                vec![("name", LONG)],
            ),
        ],
    );
    run(
        "rank text",
        &rank(RANK_A, PARTY_A, "OR-4"),
        rules::check_rank,
        &[
            (
                "label whitespace only",
                |r: &mut Rank| r.label = whitespace(),
                vec![("label", Required)],
            ),
            (
                "label too long",
                |r| r.label = long_text(MAX_TEXT + 1),
                vec![("label", LONG)],
            ),
        ],
    );
    run(
        "area text",
        &area(),
        rules::check_area,
        &[
            (
                "name absent",
                |a: &mut Area| a.name = blank(),
                vec![("name", Required)],
            ),
            (
                "name too long",
                |a| a.name = long_text(MAX_TEXT + 1),
                vec![("name", LONG)],
            ),
        ],
    );
}

#[test]
fn agreements_and_clauses() {
    run(
        "agreement text",
        &AgreementCtx::valid(),
        AgreementCtx::check,
        &[
            (
                "title in English only",
                |c| c.agreement.title = text("", "", "Agreement"),
                vec![],
            ),
            (
                "title absent",
                |c| c.agreement.title = blank(),
                vec![("title", Required)],
            ),
            (
                "title whitespace only",
                |c| c.agreement.title = whitespace(),
                vec![("title", Required)],
            ),
            (
                "title too long",
                |c| c.agreement.title = long_text(MAX_TEXT + 1),
                vec![("title", LONG)],
            ),
            (
                "title blank in one language, too long in another",
                |c| {
                    c.agreement.title = long_text(MAX_TEXT + 1);
                    c.agreement.title.ar = Some(" ".into());
                },
                vec![("title", LONG)],
            ),
            (
                "summary at the limit",
                |c| c.agreement.summary = long_text(MAX_TEXT),
                vec![],
            ),
            (
                "summary too long",
                |c| c.agreement.summary = long_text(MAX_TEXT + 1),
                vec![("summary", LONG)],
            ),
            (
                "renewal terms too long",
                |c| c.agreement.renewal_terms = long_text(MAX_TEXT + 1),
                vec![("renewal_terms", LONG)],
            ),
        ],
    );
    run(
        "clause text",
        &clause(),
        |c| rules::check_clause(c, &[]),
        &[
            (
                "text absent",
                |c: &mut Clause| c.text = blank(),
                vec![("text", Required)],
            ),
            (
                "text whitespace only",
                |c| c.text = whitespace(),
                vec![("text", Required)],
            ),
            (
                "text at the limit",
                |c| c.text = long_text(MAX_TEXT),
                vec![],
            ),
            (
                "text too long",
                |c| c.text = long_text(MAX_TEXT + 1),
                vec![("text", LONG)],
            ),
            ("no heading", |c| c.heading = blank(), vec![]),
        ],
    );
}

#[test]
fn commissions_and_sessions() {
    run(
        "commission text",
        &commission(),
        |c| rules::check_commission(c, &people()),
        &[
            (
                "name whitespace only",
                |c: &mut Commission| c.name = whitespace(),
                vec![("name", Required)],
            ),
            (
                "name too long",
                |c| c.name = long_text(MAX_TEXT + 1),
                vec![("name", LONG)],
            ),
            ("no mandate", |c| c.mandate = blank(), vec![]),
            (
                "mandate too long",
                |c| c.mandate = long_text(MAX_TEXT + 1),
                vec![("mandate", LONG)],
            ),
        ],
    );
    run(
        "session text",
        &SessionCtx::valid(),
        SessionCtx::check,
        &[
            (
                "place absent",
                |c| c.session.place = blank(),
                vec![("place", Required)],
            ),
            (
                "place whitespace only",
                |c| c.session.place = whitespace(),
                vec![("place", Required)],
            ),
            (
                "place too long",
                |c| c.session.place = long_text(MAX_TEXT + 1),
                vec![("place", LONG)],
            ),
            (
                "agenda item untitled",
                |c| c.session.agenda[0].title = whitespace(),
                vec![("agenda.0.title", Required)],
            ),
            (
                "agenda item title too long",
                |c| c.session.agenda[0].title = long_text(MAX_TEXT + 1),
                vec![("agenda.0.title", LONG)],
            ),
            (
                "decision without text",
                |c| c.session.decisions[1].text = blank(),
                vec![("decisions.1.text", Required)],
            ),
            (
                "decision text too long",
                |c| c.session.decisions[0].text = long_text(MAX_TEXT + 1),
                vec![("decisions.0.text", LONG)],
            ),
            (
                "statement without summary",
                |c| c.session.statements[0].summary = whitespace(),
                vec![("statements.0.summary", Required)],
            ),
            (
                "side event untitled",
                |c| c.session.side_events[0].title = blank(),
                vec![("side_events.0.title", Required)],
            ),
        ],
    );
}

#[test]
fn plans_items_progress_activities() {
    run(
        "plan text",
        &plan(),
        rules::check_plan,
        &[
            (
                "title absent",
                |p: &mut ActionPlan| p.title = blank(),
                vec![("title", Required)],
            ),
            (
                "title whitespace only",
                |p| p.title = whitespace(),
                vec![("title", Required)],
            ),
            (
                "title too long",
                |p| p.title = long_text(MAX_TEXT + 1),
                vec![("title", LONG)],
            ),
        ],
    );
    run(
        "item text",
        &ItemCtx::valid(),
        ItemCtx::check,
        &[
            (
                "title whitespace only",
                |c| c.item.title = whitespace(),
                vec![("title", Required)],
            ),
            (
                "title too long",
                |c| c.item.title = long_text(MAX_TEXT + 1),
                vec![("title", LONG)],
            ),
            (
                "description too long",
                |c| c.item.description = long_text(MAX_TEXT + 1),
                vec![("description", LONG)],
            ),
            (
                "code at the limit",
                |c| c.item.code = "١".repeat(MAX_SHORT),
                vec![],
            ),
            (
                "code too long",
                |c| c.item.code = "1".repeat(MAX_SHORT + 1),
                vec![("code", SHORT)],
            ),
            (
                "indicator name too long",
                |c| c.item.indicator.as_mut().unwrap().name = long_text(MAX_TEXT + 1),
                vec![("indicator.name", LONG)],
            ),
        ],
    );
    run(
        "progress text",
        &progress(),
        |p| rules::check_progress(p, &item()),
        &[
            (
                "narrative at the limit",
                |p: &mut ProgressUpdate| p.narrative = long_text(MAX_TEXT),
                vec![],
            ),
            (
                "narrative too long",
                |p| p.narrative = long_text(MAX_TEXT + 1),
                vec![("narrative", LONG)],
            ),
        ],
    );
    run(
        "activity text",
        &activity(),
        rules::check_activity,
        &[
            (
                "title absent",
                |a: &mut Activity| a.title = blank(),
                vec![("title", Required)],
            ),
            (
                "title whitespace only",
                |a| a.title = whitespace(),
                vec![("title", Required)],
            ),
            ("no place", |a| a.place = blank(), vec![]),
            (
                "place at the limit",
                |a| a.place = long_text(MAX_SHORT),
                vec![],
            ),
            (
                "place too long",
                |a| a.place = long_text(MAX_SHORT + 1),
                vec![("place", SHORT)],
            ),
        ],
    );
}
