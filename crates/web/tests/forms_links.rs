//! The "New …" links of list pages appear exactly for those who may follow them, and the
//! form behind each one opens for them.

mod common;
mod forms_support;

use forms_support::world;
use taawun_core::Role;

#[tokio::test]
async fn new_record_links_follow_the_permission_decision() {
    let w = world().await;
    let (mut admin, _) = w.login("admin", w.morocco, Role::Administrator).await;
    let (mut sec, _) = w.login("sec", w.morocco, Role::Secretariat).await;
    let (mut reader, _) = w.login("reader", w.mali, Role::Reader).await;
    let party = format!("/parties/{}", w.mali);

    // (page, link, administrator sees it, secretariat sees it)
    let cases = [
        ("/commissions", "href=\"/commissions/new\"", true, false),
        ("/agreements", "href=\"/agreements/new\"", true, true),
        (party.as_str(), "href=\"/people/new\"", true, true),
        (party.as_str(), "href=\"/organisations/new\"", true, true),
    ];
    for (page, link, for_admin, for_sec) in cases {
        for (who, b, want) in [
            ("admin", &mut admin, for_admin),
            ("secretariat", &mut sec, for_sec),
            ("reader", &mut reader, false),
        ] {
            let r = b.get(page).await;
            assert_eq!(r.status, 200, "{who} {page}");
            assert_eq!(r.body.contains(link), want, "{who} on {page}: link {link}");
            if want {
                let target = link.trim_start_matches("href=\"").trim_end_matches('"');
                assert_eq!(b.get(target).await.status, 200, "{who} opens {target}");
            }
        }
    }
}
