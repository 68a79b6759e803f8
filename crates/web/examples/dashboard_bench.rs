//! The dashboard benchmark of issue 4, end to end: a generated data set (50,000 action
//! items and 200,000 progress updates by default, `taawun_store::bench::generate`) in a
//! temporary database, then `GET /dashboard` served by the real router — session layer,
//! login gate, `Visible`, figures, charts, template, compression layer — for a Malian reader
//! cleared Restricted, logged in through the real login form. One warm-up request, then
//! timed requests; prints median, p90 and max. Build it in release:
//!
//!     cargo run --release -p taawun-web --example dashboard_bench [items] [updates] [runs]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use std::sync::Arc;
use std::time::{Duration, Instant};
use taawun_core::{Marking, Role, User, new_id};
use taawun_store::{Actor, SqliteStore, Store, bench};
use taawun_web::clock::Clock;
use taawun_web::{AppState, app};
use tower::ServiceExt;

const PASSWORD: &str = "benchmark password 2026";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let items = args.next().unwrap_or(50_000);
    let updates = args.next().unwrap_or(200_000);
    let runs = args.next().unwrap_or(50);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");

    let store = SqliteStore::open(&path).await.expect("open");
    let t = Instant::now();
    let g = bench::generate(&store, items, updates)
        .await
        .expect("generate");
    println!(
        "generated {items} items, {updates} updates in {:.1?}",
        t.elapsed()
    );
    store.close().await;

    // Reopened, as a server starting on the data would open it.
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).await.expect("reopen"));
    let user = User {
        person_id: None,
        id: new_id(),
        username: "bench.reader".into(),
        display_name: "Bench reader".into(),
        party_id: g.parties[1],
        organisation_id: None,
        role: Role::Reader,
        clearance: Marking::Restricted,
        commission_ids: vec![],
        active: true,
        totp_enabled: false,
        email: None,
        language: None,
        version: 0,
    };
    let user = store
        .save_user(&Actor::system(), &user)
        .await
        .expect("user");
    let hash = taawun_app::accounts::hash_password(PASSWORD).expect("hash");
    store
        .set_password(&Actor::system(), user.id, &hash)
        .await
        .expect("password");
    let router = app(AppState::new(store, false).with_clock(Clock::Fixed(g.today)));
    let cookie = login(&router, &user.username).await;

    for (name, uri) in [
        ("/dashboard", "/dashboard".to_string()),
        (
            "/dashboard/commissions/{id}",
            format!("/dashboard/commissions/{}", g.commissions[0]),
        ),
    ] {
        let (first, size) = get(&router, &uri, &cookie).await;
        println!("{name}: first request {first:.1?} ({size} bytes of HTML)");
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            times.push(get(&router, &uri, &cookie).await.0);
        }
        report(name, &mut times);
    }
}

/// Logs in through `/login` and returns the session cookie.
async fn login(router: &Router, username: &str) -> String {
    let page = router
        .clone()
        .oneshot(Request::get("/login").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let mut cookie = cookies(&page);
    let body = page.into_body().collect().await.unwrap().to_bytes();
    let body = String::from_utf8_lossy(&body);
    let key = "name=\"csrf\" value=\"";
    let at = body.find(key).expect("a CSRF token") + key.len();
    let csrf = body[at..].split('"').next().unwrap().to_string();
    let form = format!(
        "username={username}&password={}&csrf={csrf}",
        PASSWORD.replace(' ', "+")
    );
    let res = router
        .clone()
        .oneshot(
            Request::post("/login")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::COOKIE, &cookie)
                .body(Body::from(form))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "login refused");
    let fresh = cookies(&res);
    if !fresh.is_empty() {
        cookie = fresh;
    }
    cookie
}

fn cookies(res: &axum::response::Response) -> String {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_string))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One request, timed until the whole body is read.
async fn get(router: &Router, uri: &str, cookie: &str) -> (Duration, usize) {
    let t = Instant::now();
    let res = router
        .clone()
        .oneshot(
            Request::get(uri)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{uri}");
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (t.elapsed(), body.len())
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{what}, {} runs after the first: median {:.1} ms, p90 {:.1} ms, max {:.1} ms",
        times.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.9).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3,
    );
}
