//! The demo's "example" mark is offered by the forms of a demo instance only: a real
//! instance has no made-up records to flag.

mod common;

use common::browser::{Browser, add_user};
use common::{demo, instance};
use taawun_core::Role;

const PASSWORD: &str = "correct horse battery";

#[tokio::test]
async fn only_a_demo_instance_offers_the_example_mark() {
    let real = instance(false, taawun_web::auth::AuthConfig::default()).await;
    let shown = demo().await;
    for (d, offered) in [(&real, false), (&shown, true)] {
        add_user(&d.store, "amina", Role::Administrator, PASSWORD).await;
        let mut b = Browser::new(&d.app);
        b.login("amina", PASSWORD).await;
        for uri in [
            format!("/items/{}/edit", d.ids.item),
            format!("/sessions/{}/agenda", d.ids.session),
        ] {
            let page = b.get(&uri).await;
            assert_eq!(page.status, 200, "{uri}");
            assert_eq!(
                page.body.contains("name=\"example\"") || page.body.contains(".example\""),
                offered,
                "{uri} on a {} instance",
                if offered { "demo" } else { "real" }
            );
        }
    }
}
