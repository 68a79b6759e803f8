//! Dates in Arabic as each reader chose (issue 14, part 5): Moroccan month names by default
//! (the installation's), the Mashriq's (CLDR's generic Arabic) for a reader who chose them
//! on their account page, and only for them; an unknown choice is refused and changes nothing.

mod common;
mod forms_support;

use common::browser::location;
use forms_support::world;
use taawun_core::Role;

#[tokio::test]
async fn each_reader_reads_arabic_dates_in_the_usage_they_chose() {
    let w = world().await;
    let items = w.d.store.items(w.d.ids.plan).await.unwrap();
    // Item 3.1 is due on 30 September 2025.
    let item = items.iter().find(|i| i.code == "3.1").unwrap();
    let href = format!("/items/{}", item.id);
    let (mut mashriq, _) = w.login("rami", w.mali, Role::Reader).await;
    let (mut other, _) = w.login("nadia", w.morocco, Role::Reader).await;
    for b in [&mut mashriq, &mut other] {
        b.get("/lang/ar?back=/").await;
        let page = b.get(&href).await.body;
        assert!(
            page.contains("30 شتنبر 2025"),
            "Moroccan by default: {page}"
        );
    }
    let account = mashriq.get("/account").await.body;
    assert!(account.contains("name=\"arabic\""), "{account}");
    let r = mashriq
        .post("/account/arabic-dates", &[("arabic", "none")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(location(&r), "/account#arabic-dates");
    let page = mashriq.get(&href).await.body;
    assert!(page.contains("30 سبتمبر 2025"), "{page}");
    assert!(!page.contains("شتنبر"));
    // Only for that reader.
    assert!(other.get(&href).await.body.contains("30 شتنبر 2025"));
    // An unknown usage is refused; the choice stays.
    let r = mashriq
        .post("/account/arabic-dates", &[("arabic", "<script>")])
        .await;
    assert_eq!(r.status, 400);
    assert!(mashriq.get(&href).await.body.contains("30 سبتمبر 2025"));
    // Back to the installation's.
    mashriq
        .post("/account/arabic-dates", &[("arabic", "")])
        .await;
    assert!(mashriq.get(&href).await.body.contains("30 شتنبر 2025"));
}
