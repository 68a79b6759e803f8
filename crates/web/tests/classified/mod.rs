//! A classified world for the web tests: the demo, plus records at every marking and a few
//! hidden ones placed where they could leak (an item inside a visible plan, a session
//! between two visible ones, an agreement linked from a visible one, a person in a
//! delegation, a record released to Morocco only), all written through the `Store` as the
//! system; then accounts for readers of both parties, logged in through the real login form.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use taawun_core::*;
use taawun_store::{Actor, Store};
use tower::ServiceExt;

use crate::common::{self, Demo, Reply};

pub const PASSWORD: &str = "correct horse battery staple";

pub struct World {
    pub d: Demo,
    pub morocco: Id,
    pub mali: Id,
    /// Session 1 (demo, now Restricted), 2 (Confidential: hidden), 3 (Unclassified).
    pub s1: Id,
    pub s2: Id,
    pub s3: Id,
    /// Items of the demo plan: 1.2 visible, 1.3 Confidential, 1.4 Morocco only, 2.1 visible.
    pub item_12: Id,
    pub item_13: Id,
    pub item_14: Id,
    pub item_21: Id,
    /// Restricted item, once Confidential (its first version is above a Restricted reader).
    pub item_15: Id,
    /// Secret agreement that the demo's visible MoU links to.
    pub secret_mou: Id,
    /// Confidential Moroccan officer sitting in session 1's Moroccan delegation.
    pub officer: Id,
    pub officer_org: Id,
}

fn marked(m: Marking) -> Protection {
    Protection {
        marking: m,
        ..Protection::default()
    }
}

fn text(fr: &str, en: &str) -> LocalizedText {
    LocalizedText::new("", fr, en)
}

pub async fn world() -> World {
    let d = common::demo().await;
    let s: &dyn Store = &*d.store;
    let a = Actor::system();
    let parties = s.parties().await.unwrap();
    let iso = |code: &str| {
        parties
            .iter()
            .find(|p| p.iso_code.as_deref() == Some(code))
            .expect("demo party")
            .id
    };
    let (morocco, mali) = (iso("MA"), iso("ML"));

    // A Confidential officer in the Moroccan delegation of a now Restricted session 1.
    let head = s.person(d.ids.person).await.unwrap().unwrap();
    let mut officer = head.clone();
    officer.id = new_id();
    officer.version = 0;
    officer.name_ar = String::from("العقيد أوبسيديان");
    officer.name_latin = String::from("Colonel Obsidienne");
    officer.aliases = vec![];
    officer.protection = marked(Marking::Confidential);
    let officer = s.save_person(&a, &officer).await.unwrap();
    let mut s1 = s.session(d.ids.session).await.unwrap().unwrap();
    let moroccan = s1
        .delegations
        .iter_mut()
        .find(|x| x.party_id == morocco)
        .expect("Moroccan delegation");
    moroccan.members.push(DelegationMember {
        person_id: officer.id,
        role: DelegationRole::Member,
        precedence: 2,
    });
    s1.protection = marked(Marking::Restricted);
    let s1 = s.save_session(&a, &s1).await.unwrap();

    // Sessions 2 (Confidential) and 3 (Unclassified), after the first.
    let later = |ordinal: u32, year: i32, place: &str, m: Marking| {
        let mut x = s1.clone();
        x.id = new_id();
        x.version = 0;
        x.ordinal = ordinal;
        x.start_on = chrono::NaiveDate::from_ymd_opt(year, 3, 10).unwrap();
        x.end_on = chrono::NaiveDate::from_ymd_opt(year, 3, 12).unwrap();
        x.place = text(place, place);
        x.decisions.clear();
        x.statements.clear();
        x.side_events.clear();
        for dl in &mut x.delegations {
            dl.members.retain(|m| m.person_id != officer.id);
        }
        x.protection = marked(m);
        x
    };
    let s2 = s
        .save_session(&a, &later(2, 2026, "Tessalit Onyx", Marking::Confidential))
        .await
        .unwrap();
    let s3 = s
        .save_session(&a, &later(3, 2027, "Kayes", Marking::Unclassified))
        .await
        .unwrap();

    // Items around 1.2: a Confidential 1.3, a Morocco-only 1.4, a Restricted 1.5.
    let items = s.items(d.ids.plan).await.unwrap();
    let by_code = |c: &str| items.iter().find(|i| i.code == c).expect(c).clone();
    let item_12 = by_code("1.2");
    let item_21 = by_code("2.1");
    let copy = |code: &str, title: &str, p: Protection| {
        let mut x = item_12.clone();
        x.id = new_id();
        x.version = 0;
        x.code = code.into();
        x.title = text(title, title);
        x.clause_ids.clear();
        x.protection = p;
        x
    };
    let item_13 = s
        .save_item(
            &a,
            &copy("1.3", "Exercice Zircon", marked(Marking::Confidential)),
        )
        .await
        .unwrap();
    let moroccan_only = Protection {
        marking: Marking::Unclassified,
        releasability: Releasability::OriginatorOnly,
        originator: Some(morocco),
    };
    let item_14 = s
        .save_item(&a, &copy("1.4", "Plan Saphir", moroccan_only))
        .await
        .unwrap();
    let item_15 = s
        .save_item(
            &a,
            &copy("1.5", "Stage Zircon", marked(Marking::Confidential)),
        )
        .await
        .unwrap();
    let mut downgraded = item_15.clone();
    downgraded.protection = marked(Marking::Restricted);
    downgraded.title = text("Stage Zircon ouvert", "Open Zircon course");
    let item_15 = s.save_item(&a, &downgraded).await.unwrap();

    // A Secret agreement the demo's MoU now says it implements.
    let mou = s.agreement(d.ids.agreement).await.unwrap().unwrap();
    let mut secret = mou.clone();
    secret.id = new_id();
    secret.version = 0;
    secret.title = text("Protocole Basalte", "Basalt protocol");
    secret.session_id = None;
    secret.reference = None;
    secret.links.clear();
    secret.signatory_ids.clear();
    secret.protection = marked(Marking::Secret);
    let secret = s.save_agreement(&a, &secret).await.unwrap();
    let mut mou = mou;
    mou.links.push(AgreementLink {
        kind: LinkKind::Implements,
        target_id: secret.id,
    });
    s.save_agreement(&a, &mou).await.unwrap();

    World {
        morocco,
        mali,
        s1: s1.id,
        s2: s2.id,
        s3: s3.id,
        item_12: item_12.id,
        item_13: item_13.id,
        item_14: item_14.id,
        item_21: item_21.id,
        item_15: item_15.id,
        secret_mou: secret.id,
        officer: officer.id,
        officer_org: head.organisation_id.expect("head's organisation"),
        d,
    }
}

impl World {
    /// Creates an account and logs it in through `/login`; returns the session cookie.
    pub async fn login_as(&self, name: &str, party: Id, role: Role, clearance: Marking) -> String {
        let s = &*self.d.store;
        let user = User {
            person_id: None,
            id: new_id(),
            username: name.into(),
            display_name: name.into(),
            party_id: party,
            organisation_id: None,
            role,
            clearance,
            commission_ids: vec![],
            active: true,
            totp_enabled: false,
            email: None,
            language: None,
            version: 0,
        };
        let user = s.save_user(&Actor::system(), &user).await.unwrap();
        let hash = taawun_app::accounts::hash_password(PASSWORD).unwrap();
        s.set_password(&Actor::system(), user.id, &hash)
            .await
            .unwrap();
        let form = common::send(&self.d.app, "/login", &[]).await;
        let cookie = cookie_of(&form.headers).expect("login form opens a session");
        let csrf = form
            .body
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("csrf field")
            .to_string();
        let body = format!(
            "username={name}&password={}&csrf={csrf}",
            PASSWORD.replace(' ', "+")
        );
        let req = Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &cookie)
            .body(Body::from(body))
            .unwrap();
        let res = self.d.app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{name} logs in");
        let cookie = cookie_of(res.headers()).unwrap_or(cookie);
        let _ = res.into_body().collect().await;
        cookie
    }

    /// A page as the reader with this cookie sees it, in English.
    pub async fn get(&self, cookie: &str, uri: &str) -> Reply {
        self.get_in(cookie, uri, Lang::En).await
    }

    pub async fn get_in(&self, cookie: &str, uri: &str, lang: Lang) -> Reply {
        let c = format!("{cookie}; lang={}", lang.code());
        common::send(&self.d.app, uri, &[("cookie", &c)]).await
    }
}

fn cookie_of(h: &axum::http::HeaderMap) -> Option<String> {
    h.get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("taawun="))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
}

/// The class of the banner at the top and at the bottom of a page.
pub fn banners(body: &str) -> Vec<String> {
    body.match_indices("<p class=\"marking ")
        .map(|(at, _)| {
            body[at..]
                .split("mark-")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

/// The banner is first in the body and last in it, both with the same marking.
pub fn assert_banner(body: &str, marking: &str, page: &str) {
    assert_eq!(banners(body), vec![marking, marking], "banners of {page}");
    let top = body.find("<p class=\"marking ").unwrap();
    let bottom = body.rfind("<p class=\"marking ").unwrap();
    // The banners sit inside the page's header and footer landmarks, before the top bar
    // and after the footer's text.
    assert!(
        top < body.find("<div class=\"top\"").unwrap(),
        "banner above the top bar on {page}"
    );
    assert!(
        bottom > body.find("<div class=\"foot\"").unwrap()
            && bottom > body.find("</main>").unwrap(),
        "banner below the footer text on {page}"
    );
}
