//! Calendar feeds through the real router, parsed by Python's `icalendar`: a commission's
//! sessions and deadlines; a personal subscription opened by its token alone, ended by
//! revoking it; and only what the subscriber may see.

mod classified;
mod common;

use axum::http::StatusCode;
use classified::world;
use common::browser::{Browser, add_user};
use common::{demo, python};
use taawun_core::{Marking, Role};
use taawun_store::Actor;

const PASSWORD: &str = "correct horse battery";

/// One line per event: UID, summary, start, end (dates as ISO, times with their zone).
const EVENTS: &str = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert cal.get('VERSION') == '2.0' and cal.get('PRODID')
for e in cal.walk('VEVENT'):
    s, t = e.decoded('DTSTART'), e.decoded('DTEND')
    print(f"{e.get('UID')}\t{e.get('SUMMARY')}\t{s.isoformat()}\t{t.isoformat()}")
"#;

fn events(ics: &[u8]) -> Vec<Vec<String>> {
    python::run(EVENTS, ics, ".ics")
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[tokio::test]
async fn a_commission_feed_holds_its_sessions_and_deadlines() {
    let d = demo().await;
    let r = d
        .get_in(
            &format!("/calendar/commissions/{}/taawun.ics", d.ids.commission),
            taawun_core::Lang::Fr,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let all = events(&r.bytes);
    let session = all
        .iter()
        .find(|e| e[0] == format!("session-{}@taawun", d.ids.session))
        .expect("the 1st session is in the feed");
    assert!(session[1].starts_with("1re session"), "{session:?}");
    assert_eq!(
        &session[2..],
        ["2025-02-17", "2025-02-20"],
        "all-day, end exclusive"
    );
    assert!(
        all.iter().any(|e| e[1].starts_with("Échéance")),
        "no item deadline: {all:?}"
    );
    // In Arabic, on request.
    let ar = d
        .get(
            &format!(
                "/calendar/commissions/{}/taawun.ics?lang=ar",
                d.ids.commission
            ),
            &[],
        )
        .await;
    assert!(
        events(&ar.bytes).iter().any(|e| e[1].contains("اللجنة")),
        "no Arabic summary"
    );
}

#[tokio::test]
async fn a_subscription_opens_by_its_token_until_revoked() {
    let d = demo().await;
    add_user(&d.store, "amina", Role::Administrator, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.login("amina", PASSWORD).await;
    b.get("/account/calendar").await;
    let made = b.post("/account/calendar", &[("commission", "")]).await;
    assert_eq!(made.status, StatusCode::OK);
    let at = made
        .body
        .find("/calendar/feeds/")
        .expect("the address is shown once");
    let path = made.body[at..].split('"').next().unwrap().to_string();
    // A calendar application: no cookie at all.
    let feed = common::send(&d.app, &path, &[]).await;
    assert_eq!(feed.status, StatusCode::OK, "{path}");
    assert!(!events(&feed.bytes).is_empty());
    // The address is not shown again.
    let again = b.get("/account/calendar").await;
    assert!(!again.body.contains(&path));

    let revoke = again.body.split("action=\"").find_map(|p| {
        let a = p.split('"').next().unwrap();
        a.ends_with("/revoke").then(|| a.to_string())
    });
    let r = b.post(&revoke.expect("a revoke button"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        common::send(&d.app, &path, &[]).await.status,
        StatusCode::NOT_FOUND
    );
    let forged = format!("/calendar/feeds/{}/taawun.ics", "ab".repeat(32));
    assert_eq!(
        common::send(&d.app, &forged, &[]).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_feed_shows_only_what_its_subscriber_may_see() {
    let w = world().await;
    let s = &*w.d.store;
    let mut tokens = Vec::new();
    for (name, party, clearance) in [
        ("lecteur.ml", w.mali, Marking::Restricted),
        ("lecteur.ma", w.morocco, Marking::Secret),
    ] {
        w.login_as(name, party, Role::Reader, clearance).await;
        let user = s.user_by_name(name).await.unwrap().unwrap();
        let token = format!("{:064x}", tokens.len() + 7);
        let hash = taawun_web::calendar_token_hash(&token);
        s.create_calendar_feed(&Actor::system(), user.id, Some(w.d.ids.commission), &hash)
            .await
            .unwrap();
        tokens.push(token);
    }
    let uri = |t: &str| format!("/calendar/feeds/{t}/taawun.ics?lang=fr");
    let low = common::send(&w.d.app, &uri(&tokens[0]), &[]).await;
    let high = common::send(&w.d.app, &uri(&tokens[1]), &[]).await;
    let s2 = format!("session-{}@taawun", w.s2);
    assert!(
        !events(&low.bytes).iter().any(|e| e[0] == s2),
        "a Confidential session leaked"
    );
    assert!(
        events(&high.bytes).iter().any(|e| e[0] == s2),
        "the cleared reader misses it"
    );
    let text = String::from_utf8_lossy(&low.bytes);
    assert!(
        !text.contains("Exercice Zircon") && !text.contains("Plan Saphir"),
        "{text}"
    );
}

#[tokio::test]
async fn the_commission_pages_subscribe_link_makes_a_feed_whose_events_link_back() {
    let d = demo().await;
    add_user(&d.store, "amina", Role::Administrator, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.login("amina", PASSWORD).await;
    // Signed in, the link leads to a subscription of this commission, never to the open
    // feed a calendar application would meet as a login page.
    let page = b.get(&format!("/commissions/{}", d.ids.commission)).await;
    let link = format!("/account/calendar?commission={}", d.ids.commission);
    assert!(
        page.body.contains(&format!("href=\"{link}#h-new-feed\"")),
        "{}",
        page.body
    );
    let form = b.get(&link).await;
    assert!(
        form.body
            .contains(&format!("<option value=\"{}\" selected>", d.ids.commission)),
        "the commission is chosen: {}",
        form.body
    );
    let made = b
        .post(
            "/account/calendar",
            &[("commission", &d.ids.commission.to_string())],
        )
        .await;
    let at = made.body.find("/calendar/feeds/").expect("the address");
    let path = made.body[at..].split('"').next().unwrap().to_string();
    // The calendar application, at the host it was given: every event links back there.
    let feed = common::send(&d.app, &path, &[("host", "taawun.example.org")]).await;
    assert_eq!(feed.status, StatusCode::OK);
    let ics = String::from_utf8(feed.bytes.to_vec())
        .unwrap()
        .replace("\r\n ", "");
    let session = format!("URL:http://taawun.example.org/sessions/{}", d.ids.session);
    assert!(ics.contains(&session), "{ics}");
    let events = ics.matches("BEGIN:VEVENT").count();
    assert!(events > 1);
    assert_eq!(
        ics.matches("URL:http://taawun.example.org/").count(),
        events
    );
    // A visitor of the demo, not signed in, still gets the open feed.
    let visitor = d
        .get(&format!("/commissions/{}", d.ids.commission), &[])
        .await;
    assert!(visitor.body.contains(&format!(
        "href=\"/calendar/commissions/{}/taawun.ics\"",
        d.ids.commission
    )));
}
