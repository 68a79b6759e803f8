//! Pages stay light for weak links: HTML plus the stylesheet under 50 KB on every demo page.

mod common;

use common::demo;
use taawun_core::Lang;

const BUDGET: usize = 50 * 1024;

#[tokio::test]
async fn every_demo_page_is_under_budget() {
    let d = demo().await;
    let css = d.get("/static/app.css", &[]).await.body.len();
    for page in d.pages() {
        for lang in Lang::ALL {
            let html = d.get_in(&page, lang).await.body.len();
            assert!(
                html + css < BUDGET,
                "{page} in {lang:?}: {html} B of HTML + {css} B of CSS"
            );
        }
    }
}
