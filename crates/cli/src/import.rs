//! `taawun import`: the web import's use case (`taawun_app::import`: the same checks and
//! all-or-nothing commit) from the command line, with progress on stderr. Problems are printed one per line as `row N, column: …`
//! in the chosen language; any problem means nothing is saved and the exit code is 1.

use std::io::Write;
use taawun_app::import::{self, ImportWorld, MapError};
use taawun_core::Lang;
use taawun_docs::ReadLimits;
use taawun_i18n::{FieldLabel, ProblemWording, Wording};
use taawun_store::Visible;

use crate::args::ImportArgs;

pub async fn run(a: ImportArgs) -> Result<(), String> {
    let store = crate::db::open(&a.db).await?;
    let (user, lang) = crate::db::acting_user(&*store, &a.user, a.lang.as_deref()).await?;
    let v = Visible::new(store.clone(), user.principal());
    let world = ImportWorld::load(&v, a.plan)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no plan {} that {} may see", a.plan, a.user))?;

    let bytes = read_file(&a.file)?;
    let name = a.file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let sheet = import::read(&bytes, name, &ReadLimits::default())
        .map_err(|e| format!("{}: {}", a.file.display(), e.message(lang)))?;
    eprintln!(
        "{}: {} rows, {} columns",
        a.file.display(),
        sheet.rows.len(),
        sheet.headers.len()
    );

    let mut mapping = import::guess(&*store, user.id, &world, &sheet)
        .await
        .map_err(|e| e.to_string())?;
    for rule in &a.map {
        let (header, key) = rule
            .split_once('=')
            .ok_or_else(|| format!("--map {rule:?}: expected HEADER=FIELD"))?;
        import::map_column(&mut mapping, &world, &sheet, header, key).map_err(|e| match e {
            MapError::NoColumn => format!("--map {rule:?}: no column named {header:?}"),
            MapError::UnknownField => format!("--map {rule:?}: unknown field {:?}", key.trim()),
        })?;
    }
    for (header, field) in sheet.headers.iter().zip(&mapping.0) {
        let to = field.as_ref().map_or_else(
            || String::from("(ignored)"),
            |f| f.label(lang, &world.parties),
        );
        eprintln!("  {header} → {to}");
    }

    let preview = import::prepared(&world, &sheet, &mapping, &user);
    if !preview.is_clean() {
        for p in &preview.problems {
            let place = match (&p.column, p.row) {
                (Some(c), 0) => format!("column {c}"),
                (Some(c), r) => format!("row {r}, {c}"),
                (None, 0) => String::from("file"),
                (None, r) => format!("row {r}"),
            };
            println!("{place}: {}", p.message(lang, &world.parties));
        }
        return Err(format!(
            "{} problem(s) in {} rows; nothing was imported",
            preview.problems.len(),
            preview.rows
        ));
    }
    if a.dry_run {
        println!(
            "{} rows checked, no problems; nothing saved (--dry-run)",
            preview.rows
        );
        return Ok(());
    }
    let batch = import::Batch::of(&preview);
    let total = batch.items.len();
    let progress = move |n: usize| {
        // One line rewritten in place: the count moves without scrolling the terminal.
        eprint!("\rimporting: {n}/{total} rows");
        let _ = std::io::stderr().flush();
    };
    let saved = import::save(&*store, &user, &batch, &progress).await;
    eprintln!();
    match saved {
        Ok(_) => {
            import::remember(&*store, user.id, &world, &sheet, &mapping)
                .await
                .map_err(|e| e.to_string())?;
            let written = batch.counts();
            let unchanged = preview.items.len() - batch.items.len();
            println!(
                "{} items created, {} updated, {unchanged} unchanged in plan {}",
                written.created, written.updated, a.plan
            );
            Ok(())
        }
        Err(e) => Err(match import::refused_row(&e, &batch) {
            Some(r) => format!(
                "row {} was refused ({}); nothing was imported",
                r.row,
                refusal(r.why)
            ),
            None => format!("{e}; nothing was imported"),
        }),
    }
}

/// Why the store refused a row, in English as the command's own lines are: the rules it
/// broke as the catalogue words them (the store's own text names rules, not sentences).
fn refusal(why: &taawun_store::StoreError) -> String {
    match why {
        taawun_store::StoreError::Invalid(rules) => {
            format!("invalid record: {}", rules.message(Lang::En))
        }
        other => other.to_string(),
    }
}

fn read_file(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let meta =
        std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let limit = ReadLimits::default().max_bytes as u64;
    if meta.len() > limit {
        return Err(format!(
            "{} is {} bytes, more than the {limit} an import may be",
            path.display(),
            meta.len()
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}
