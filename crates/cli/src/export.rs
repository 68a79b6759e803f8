//! `taawun export`: one list as a user would download it from `/export/…`, written to a
//! file, with the rows read and written counted on stderr.

use std::io::Write;
use std::sync::Arc;
use taawun_app::export::{Export, Format, List};
use taawun_app::items::ItemSelection;
use taawun_store::Visible;

use crate::args::ExportArgs;

pub async fn run(a: ExportArgs) -> Result<(), String> {
    let list = List::parse(&a.list).ok_or_else(|| {
        format!(
            "unknown list {:?}: use agreements, sessions, items, progress, activities or people",
            a.list
        )
    })?;
    let ext = a.out.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = Format::parse(ext)
        .ok_or_else(|| format!("{}: the file must end in .xlsx or .csv", a.out.display()))?;
    let store = crate::db::open(&a.db).await?;
    let (user, lang) = crate::db::acting_user(&*store, &a.user, a.lang.as_deref()).await?;
    let progress = Arc::new(|phase: &str, done: usize, total: usize| {
        // One line rewritten in place, as the rows go by.
        if total > 0 {
            eprint!("\r{phase}: {done}/{total} rows");
        } else {
            eprint!("\r{phase}: {done} rows");
        }
        let _ = std::io::stderr().flush();
    });
    // All items, read through the user's own `Visible`: the list as they would download it.
    let export = Export {
        list,
        format,
        lang,
        today: chrono::Utc::now().date_naive(),
        items: ItemSelection::all(),
    };
    let v = Visible::new(store, user.principal());
    let bytes = taawun_app::export::file(&v, &export, progress).await;
    eprintln!();
    let bytes = bytes?;
    std::fs::write(&a.out, &bytes).map_err(|e| format!("cannot write {}: {e}", a.out.display()))?;
    println!("{} written ({} bytes)", a.out.display(), bytes.len());
    Ok(())
}
