//! Every list downloads as .xlsx and .csv through the real router, read back by independent
//! readers (openpyxl, Python's csv): localized headers, dates as dates, numbers as numbers,
//! right-to-left sheets in Arabic; only what the reader may see; long exports show their
//! progress on a job page that only their starter can open.

mod classified;
mod common;

use axum::http::StatusCode;
use classified::world;
use common::{demo, python};
use taawun_core::{Lang, Marking, Role};

const PASSWORD: &str = "correct horse battery";
const LISTS: [&str; 6] = [
    "agreements",
    "sessions",
    "items",
    "progress",
    "activities",
    "people",
];

/// Sheet name, right-to-left flag, then one line per row: each cell as `type:value`.
const DUMP_XLSX: &str = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(ws.title)
print("rtl" if ws.sheet_view.rightToLeft else "ltr")
for row in ws.iter_rows():
    print("\t".join(f"{type(c.value).__name__}:{c.value}" for c in row))
"#;

fn dump(bytes: &[u8]) -> Vec<String> {
    python::run(DUMP_XLSX, bytes, ".xlsx")
        .lines()
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn every_list_downloads_as_xlsx_and_csv() {
    let d = demo().await;
    for list in LISTS {
        let x = d.get(&format!("/export/{list}.xlsx"), &[]).await;
        assert_eq!(x.status, StatusCode::OK, "{list}.xlsx");
        assert_eq!(
            x.headers["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        let disposition = x.headers["content-disposition"].to_str().unwrap();
        assert!(
            disposition.contains(&format!("{list}-")) && disposition.ends_with(".xlsx\""),
            "{disposition}"
        );
        let rows = dump(&x.bytes);
        assert!(rows.len() > 3, "{list}: {rows:?}");
        let c = d.get(&format!("/export/{list}.csv"), &[]).await;
        assert_eq!(c.status, StatusCode::OK, "{list}.csv");
        assert!(
            c.bytes.starts_with(b"\xEF\xBB\xBF"),
            "{list}.csv has no BOM"
        );
        // Same rows in both formats (header + data).
        let csv_rows = python::run(
            "import sys, csv\nprint(len(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))))",
            &c.bytes,
            ".csv",
        );
        assert_eq!(csv_rows.trim(), (rows.len() - 2).to_string(), "{list}");
    }
}

#[tokio::test]
async fn the_items_sheet_has_real_dates_numbers_and_an_arabic_right_to_left_view() {
    let d = demo().await;
    let fr = dump(&d.get_in("/export/items.xlsx", Lang::Fr).await.bytes);
    assert_eq!(fr[1], "ltr");
    let header = &fr[2];
    for h in [
        "Code",
        "Titre (arabe)",
        "Titre (français)",
        "Domaine de coopération",
        "Échéance",
    ] {
        assert!(
            header.contains(&format!("str:{h}")),
            "{h} missing from {header}"
        );
    }
    let due_col = header
        .split('\t')
        .position(|c| c == "str:Échéance")
        .unwrap();
    let first = fr[3].split('\t').collect::<Vec<_>>();
    assert!(
        first[due_col].starts_with("datetime:20"),
        "due date is not a date: {}",
        first[due_col]
    );
    let percent_col = header
        .split('\t')
        .position(|c| c == "str:Avancement")
        .unwrap();
    assert!(
        first[percent_col].starts_with("float:") || first[percent_col].starts_with("int:"),
        "percent is not a number: {}",
        first[percent_col]
    );

    let ar = dump(&d.get_in("/export/items.xlsx", Lang::Ar).await.bytes);
    assert_eq!(ar[1], "rtl", "an Arabic reader's sheet reads right to left");
    assert!(
        ar[2].contains("str:العنوان (بالعربية)") || ar[2].contains("str:العنوان"),
        "{}",
        ar[2]
    );
    assert!(
        ar.iter()
            .any(|r| r.contains("التكوين") || r.contains("تدريب")),
        "Arabic text lost: {ar:?}"
    );

    // The filters of /items apply: overdue items only is a subset.
    let all = fr.len();
    let open = dump(
        &d.get_in("/export/items.xlsx?show=open", Lang::Fr)
            .await
            .bytes,
    )
    .len();
    assert!(open <= all);
    let bad = d.get("/export/items.xlsx?show=nonsense", &[]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn exports_hold_only_what_the_reader_may_see() {
    let w = world().await;
    let reader = w
        .login_as("lecteur.ml", w.mali, Role::Reader, Marking::Restricted)
        .await;
    let cleared = w
        .login_as("lecteur.ma", w.morocco, Role::Reader, Marking::Secret)
        .await;
    let hidden = [
        "Exercice Zircon",
        "Plan Saphir",
        "Tessalit Onyx",
        "Obsidienne",
        "Basalt",
    ];
    for list in LISTS {
        for ext in ["xlsx", "csv"] {
            let uri = format!("/export/{list}.{ext}");
            let r = w.get_in(&reader, &uri, Lang::Fr).await;
            assert_eq!(r.status, StatusCode::OK, "{uri}");
            let text = if ext == "csv" {
                r.body.clone()
            } else {
                dump(&r.bytes).join("\n")
            };
            for word in hidden {
                assert!(!text.contains(word), "{uri} leaks {word}");
            }
        }
    }
    // The cleared Moroccan reader's items export does hold them: the test can fail.
    let r = w.get_in(&cleared, "/export/items.csv", Lang::Fr).await;
    assert!(
        r.body.contains("Exercice Zircon") && r.body.contains("Plan Saphir"),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn a_long_export_shows_its_progress_then_its_file_to_its_owner_only() {
    use common::browser::{Browser, add_user};
    let mut d = demo().await;
    // Zero wait: every export goes through its progress page, as a long one would.
    d.app = taawun_web::app(
        taawun_web::AppState::new(d.store.clone(), true).with_job_wait(std::time::Duration::ZERO),
    );
    let start = d.get("/export/items.xlsx", &[]).await;
    assert_eq!(start.status, StatusCode::SEE_OTHER);
    let page = start.headers["location"].to_str().unwrap().to_string();
    assert!(page.starts_with("/jobs/"), "{page}");
    let mut body = String::new();
    for _ in 0..200 {
        body = d.get(&page, &[]).await.body;
        if body.contains("/file\"") {
            break;
        }
        assert!(
            body.contains("<progress") && body.contains("http-equiv=\"refresh\""),
            "{body}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        body.contains(&format!("{page}/file")),
        "never finished: {body}"
    );
    let file = d.get(&format!("{page}/file"), &[]).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(dump(&file.bytes).len() > 3);

    // Someone signed in is not the anonymous visitor who started it: unknown to them.
    add_user(&d.store, "autre", Role::Reader, PASSWORD).await;
    let mut other = Browser::new(&d.app);
    other.login("autre", PASSWORD).await;
    assert_eq!(other.get(&page).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        other.get(&format!("{page}/file")).await.status,
        StatusCode::NOT_FOUND
    );
}
