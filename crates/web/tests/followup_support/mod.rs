//! A small follow-up world for the dashboard, list, timeline and item tests, whose figures
//! are worked out by hand in the tests: two parties with two lead bodies each, two areas,
//! one commission, an agreement in force (and a Secret one), a plan of six items (one of
//! them Confidential) and a plan released to Morocco only. Served by the real router on a
//! real SQLite database, judged on a fixed day (2026-06-01), with users logged in through
//! the real login form.
#![allow(dead_code)]

use crate::common::Reply;
use crate::common::browser::{Browser, add_user};
use axum::Router;
use chrono::NaiveDate;
use std::sync::Arc;
use taawun_core::*;
use taawun_store::{Actor, Store};
use taawun_web::clock::Clock;
use taawun_web::{AppState, app};

pub const PASSWORD: &str = "correct horse battery staple";

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day every figure is judged on.
pub fn today() -> NaiveDate {
    day(2026, 6, 1)
}

pub struct World {
    pub app: Router,
    pub store: Arc<dyn Store>,
    pub dir: tempfile::TempDir,
    pub morocco: Id,
    pub mali: Id,
    /// Lead bodies: FAR and GR (Morocco), FAMA and GN (Mali).
    pub far: Id,
    pub gr: Id,
    pub fama: Id,
    pub gn: Id,
    pub training: Id,
    pub health: Id,
    pub commission: Id,
    /// In force since 2024-07-15 for 24 months: expires 2026-07-15.
    pub agreement: Id,
    /// Secret, enters into force 2026-06-20.
    pub secret_agreement: Id,
    pub plan: Id,
    /// Released to Morocco only.
    pub moroccan_plan: Id,
    /// See `build` for what each item is.
    pub i1: Id,
    pub i2: Id,
    pub i3: Id,
    pub i4: Id,
    pub i5: Id,
    pub i6: Id,
    pub i7: Id,
}

fn t(s: &str) -> LocalizedText {
    LocalizedText::new(&format!("{s} (ar)"), s, &format!("{s} (en)"))
}

fn marked(m: Marking) -> Protection {
    Protection {
        marking: m,
        ..Protection::default()
    }
}

pub async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::common::fresh_store(dir.path()).await;
    let s = &*store;
    let a = Actor::system();
    let party = |iso: &str, name: &str| Party {
        id: new_id(),
        kind: PartyKind::State,
        iso_code: Some(iso.into()),
        name: t(name),
        short_name: t(name),
        protection: Protection::default(),
        version: 0,
    };
    let morocco = s.save_party(&a, &party("MA", "Maroc")).await.unwrap().id;
    let mali = s.save_party(&a, &party("ML", "Mali")).await.unwrap().id;
    let org = |p: Id, name: &str, acronym: &str| Organisation {
        id: new_id(),
        party_id: p,
        parent_id: None,
        name: t(name),
        acronym: Some(acronym.into()),
        protection: Protection::default(),
        version: 0,
    };
    let far = s
        .save_organisation(&a, &org(morocco, "Forces armées royales", "FAR"))
        .await
        .unwrap()
        .id;
    let gr = s
        .save_organisation(&a, &org(morocco, "Gendarmerie royale", "GR"))
        .await
        .unwrap()
        .id;
    let fama = s
        .save_organisation(&a, &org(mali, "Forces armées maliennes", "FAMA"))
        .await
        .unwrap()
        .id;
    let gn = s
        .save_organisation(&a, &org(mali, "Garde nationale", "GN"))
        .await
        .unwrap()
        .id;
    let area = |code: &str, name: &str| Area {
        id: new_id(),
        code: code.into(),
        name: t(name),
        protection: Protection::default(),
        version: 0,
    };
    let training = s
        .save_area(&a, &area("training", "Formation"))
        .await
        .unwrap()
        .id;
    let health = s
        .save_area(&a, &area("health", "Santé militaire"))
        .await
        .unwrap()
        .id;
    let commission = s
        .save_commission(
            &a,
            &Commission {
                id: new_id(),
                name: t("Commission mixte"),
                party_ids: vec![morocco, mali],
                co_chair_ids: vec![],
                established_on: None,
                mandate: LocalizedText::default(),
                protection: Protection::default(),
                version: 0,
            },
        )
        .await
        .unwrap()
        .id;
    let agreement_rec = |title: &str, status, signed, in_force, months, p| Agreement {
        id: new_id(),
        kind: AgreementKind::Mou,
        reference: None,
        title: t(title),
        summary: LocalizedText::default(),
        party_ids: vec![morocco, mali],
        status,
        signed_on: Some(signed),
        signed_place: LocalizedText::default(),
        signatory_ids: vec![],
        commission_id: Some(commission),
        session_id: None,
        in_force_on: in_force,
        ended_on: None,
        duration_months: months,
        renewal_terms: LocalizedText::default(),
        notice_months: Some(2),
        links: vec![],
        protection: p,
        version: 0,
    };
    let agreement = s
        .save_agreement(
            &a,
            &agreement_rec(
                "Mémorandum Alpha",
                Lifecycle::InForce,
                day(2024, 7, 1),
                Some(day(2024, 7, 15)),
                Some(24),
                Protection::default(),
            ),
        )
        .await
        .unwrap()
        .id;
    let secret_agreement = s
        .save_agreement(
            &a,
            &agreement_rec(
                "Accord Basalte",
                Lifecycle::Signed,
                day(2026, 5, 1),
                Some(day(2026, 6, 20)),
                None,
                marked(Marking::Secret),
            ),
        )
        .await
        .unwrap()
        .id;
    let plan_rec = |agreement: Option<Id>, p: Protection| ActionPlan {
        id: new_id(),
        commission_id: commission,
        agreement_id: agreement,
        session_id: None,
        title: t("Plan conjoint"),
        start_on: None,
        end_on: None,
        protection: p,
        version: 0,
    };
    let plan = s
        .save_plan(&a, &plan_rec(Some(agreement), Protection::default()))
        .await
        .unwrap()
        .id;
    let moroccan_only = Protection {
        marking: Marking::Unclassified,
        releasability: Releasability::OriginatorOnly,
        originator: Some(morocco),
    };
    let moroccan_plan = s
        .save_plan(&a, &plan_rec(None, moroccan_only))
        .await
        .unwrap()
        .id;

    let item =
        |plan: Id, code: &str, title: &str, area: Id, leads: (Id, Id), start, due| ActionItem {
            id: new_id(),
            plan_id: plan,
            code: code.into(),
            title: t(title),
            description: LocalizedText::default(),
            area_id: area,
            clause_ids: vec![],
            leads: vec![
                Lead {
                    party_id: morocco,
                    organisation_id: leads.0,
                },
                Lead {
                    party_id: mali,
                    organisation_id: leads.1,
                },
            ],
            start_on: start,
            due_on: due,
            status: ItemStatus::Planned,
            cancel_reason: LocalizedText::default(),
            indicator: None,
            example: false,
            protection: Protection::default(),
            version: 0,
        };
    let save = async |i: ActionItem| s.save_item(&a, &i).await.unwrap();
    let report = async |item: Id, side: Id, on, status, percent, actual: Option<f64>| {
        s.save_progress(
            &a,
            &ProgressUpdate {
                id: new_id(),
                item_id: item,
                reported_on: on,
                party_id: side,
                percent,
                status,
                narrative: LocalizedText::default(),
                indicator_actual: actual,
                example: false,
                protection: Protection::default(),
                reporter: None,
                version: 0,
            },
        )
        .await
        .unwrap();
    };
    use ItemStatus::*;
    let y = |m, d| Some(day(2026, m, d));
    // 1.1 Training, FAR/FAMA: done on both sides. Carries an indicator (officers trained,
    // baseline 10, target 50) measured in Q1 and twice in Q2 (the later value wins).
    let mut i1 = item(
        plan,
        "1.1",
        "Stage Amande",
        training,
        (far, fama),
        y(1, 1),
        y(12, 31),
    );
    i1.indicator = Some(Indicator {
        name: t("Officiers formés"),
        unit: t("officiers"),
        baseline: 10.0,
        target: 50.0,
        direction: Direction::HigherIsBetter,
    });
    let i1 = save(i1).await.id;
    report(i1, morocco, day(2026, 2, 10), InProgress, 40, Some(20.0)).await;
    report(i1, morocco, day(2026, 4, 5), InProgress, 80, Some(30.0)).await;
    report(i1, morocco, day(2026, 5, 2), Done, 100, Some(40.0)).await;
    report(i1, mali, day(2026, 5, 10), Done, 100, None).await;
    // 1.2 Training, FAR/FAMA, due 1 May: 60 % and 40 % on 20 May → 50 %, overdue.
    let i2 = save(item(
        plan,
        "1.2",
        "Exercice Bouleau",
        training,
        (far, fama),
        y(1, 1),
        y(5, 1),
    ))
    .await
    .id;
    report(i2, morocco, day(2026, 5, 20), InProgress, 60, None).await;
    report(i2, mali, day(2026, 5, 20), InProgress, 40, None).await;
    // 2.1 Health, GR/GN, 1 Jan → 1 Dec: Morocco 20 %, Mali nothing → 10 %, behind 45 %.
    let i3 = save(item(
        plan,
        "2.1",
        "Hôpital Cèdre",
        health,
        (gr, gn),
        y(1, 1),
        y(12, 1),
    ))
    .await
    .id;
    report(i3, morocco, day(2026, 5, 15), InProgress, 20, None).await;
    // 2.2 Health, GR/GN, due 20 June, no start, no report.
    let i4 = save(item(
        plan,
        "2.2",
        "Dispensaire Dattier",
        health,
        (gr, gn),
        None,
        y(6, 20),
    ))
    .await
    .id;
    // 1.3 Training, cancelled by the secretariat.
    let mut i5 = item(
        plan,
        "1.3",
        "Visite Érable",
        training,
        (far, fama),
        y(1, 1),
        y(3, 1),
    );
    i5.status = Cancelled;
    i5.cancel_reason = t("Reportée sine die");
    let i5 = save(i5).await.id;
    // 1.4 Training, FAR/GN, Confidential, 1 May → 10 July, nothing reported: at risk.
    let mut i6 = item(
        plan,
        "1.4",
        "Opération Zircon",
        training,
        (far, gn),
        y(5, 1),
        y(7, 10),
    );
    i6.protection = marked(Marking::Confidential);
    let i6 = save(i6).await.id;
    // M.1 Health, FAR/FAMA, under the Moroccan plan, due 15 June: Morocco done, Mali not.
    let i7 = save(item(
        moroccan_plan,
        "M.1",
        "Projet Saphir",
        health,
        (far, fama),
        None,
        y(6, 15),
    ))
    .await
    .id;
    report(i7, morocco, day(2026, 5, 30), Done, 100, None).await;

    let app = app(AppState::new(store.clone(), false).with_clock(Clock::Fixed(today())));
    World {
        app,
        store,
        dir,
        morocco,
        mali,
        far,
        gr,
        fama,
        gn,
        training,
        health,
        commission,
        agreement,
        secret_agreement,
        plan,
        moroccan_plan,
        i1,
        i2,
        i3,
        i4,
        i5,
        i6,
        i7,
    }
}

impl World {
    /// A user of `party` with `role` and `clearance`, assigned to the commission, logged in.
    pub async fn login(&self, name: &str, party: Id, role: Role, clearance: Marking) -> Browser {
        let mut u = add_user(&self.store, name, role, PASSWORD).await;
        u.party_id = party;
        u.clearance = clearance;
        u.commission_ids = vec![self.commission];
        self.store.save_user(&Actor::system(), &u).await.unwrap();
        let mut b = Browser::new(&self.app);
        assert_eq!(b.login(name, PASSWORD).await.status, 303, "login {name}");
        b
    }

    /// A Malian reader cleared Restricted: sees neither 1.4 nor M.1 nor the Secret agreement.
    pub async fn low(&self) -> Browser {
        self.login("lecteur.ml", self.mali, Role::Reader, Marking::Restricted)
            .await
    }

    /// A Moroccan reader cleared Secret: sees everything.
    pub async fn cleared(&self) -> Browser {
        self.login("lecteur.ma", self.morocco, Role::Reader, Marking::Secret)
            .await
    }
}

/// A page in a language, through the browser's session.
pub async fn get_in(b: &mut Browser, uri: &str, lang: Lang) -> Reply {
    // The browser sends its jar as the request's cookies: the language goes there.
    b.cookies.insert("lang".into(), lang.code().into());
    let r = b.get(uri).await;
    assert_eq!(r.status, 200, "{uri}: {}", r.body);
    r
}

/// Turns `&#38;` (askama's escape) or `&amp;` back into `&` in an attribute value taken from a page.
pub fn unescape(s: &str) -> String {
    s.replace("&#38;", "&").replace("&amp;", "&")
}

/// Every `<a href="/items?…">…</a>` of a page (or part of one) with a number in its text:
/// the link and that number, the figure it stands for.
pub fn figure_links(html: &str) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<a href=\"/items?") {
        let tail = &rest[at + "<a href=\"".len()..];
        let href = unescape(&tail[..tail.find('"').unwrap()]);
        let inner = &tail[tail.find('>').unwrap() + 1..tail.find("</a>").unwrap()];
        let text = strip_tags(inner);
        let digits: String = text
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit())
            .collect();
        // A link without a number ("see them all") repeats a figure given elsewhere.
        if let Ok(n) = digits.parse() {
            out.push((href, n));
        }
        rest = &tail[tail.find("</a>").unwrap()..];
    }
    out
}

pub fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The part of a page from the element with this `id` to the end of its section.
pub fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[at..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

/// The count a list page says it holds (`data-count`).
pub fn list_count(html: &str) -> u32 {
    let key = "data-count=\"";
    let at = html.find(key).expect("a count") + key.len();
    html[at..].split('"').next().unwrap().parse().unwrap()
}

/// The table rows (`<tr>` in `<tbody>`) of the first table in `html`.
pub fn body_rows(html: &str) -> Vec<&str> {
    let Some(at) = html.find("<tbody>") else {
        return vec![];
    };
    let body = &html[at..html[at..].find("</tbody>").map_or(html.len(), |e| at + e)];
    body.split("<tr>").skip(1).collect()
}
