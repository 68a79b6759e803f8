//! `taawun import`: the web import's checks and all-or-nothing commit, from the command
//! line, with progress on stderr. Problems are printed one per line as `row N, column: …`
//! in the chosen language; any problem means nothing is saved and the exit code is 1.

use std::io::Write;
use taawun_core::Lang;
use taawun_core::import::{Field, SavedMapping};
use taawun_docs::{ReadLimits, read_sheet};
use taawun_i18n::{FieldLabel, ProblemWording, Wording, guess_mapping};
use taawun_store::{Actor, StoreError, Visible};
use taawun_web::import::{ImportWorld, MAPPING_KEY, prepared};

use crate::args::ImportArgs;

pub async fn run(a: ImportArgs) -> Result<(), String> {
    let store = crate::db::open(&a.db).await?;
    let user = store
        .user_by_name(&a.user)
        .await
        .map_err(|e| e.to_string())?
        .filter(|u| u.active)
        .ok_or_else(|| format!("no active user named {:?}", a.user))?;
    let lang = match &a.lang {
        Some(code) => Lang::parse(code)
            .ok_or_else(|| format!("unknown language {code:?}: use ar, fr or en"))?,
        None => user.language.unwrap_or(Lang::Fr),
    };
    let v = Visible::new(store.clone(), user.principal());
    let world = ImportWorld::load(&v, a.plan)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no plan {} that {} may see", a.plan, a.user))?;

    let bytes = read_file(&a.file)?;
    let name = a.file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let sheet = read_sheet(&bytes, name, &ReadLimits::default())
        .map_err(|e| format!("{}: {}", a.file.display(), e.message(lang)))?;
    eprintln!(
        "{}: {} rows, {} columns",
        a.file.display(),
        sheet.rows.len(),
        sheet.headers.len()
    );

    let saved: Option<SavedMapping> = store
        .user_setting(user.id, MAPPING_KEY)
        .await
        .map_err(|e| e.to_string())?
        .and_then(|json| serde_json::from_str(&json).ok());
    let mut mapping = guess_mapping(&sheet.headers, &world.parties, saved.as_ref());
    for rule in &a.map {
        let (header, key) = rule
            .split_once('=')
            .ok_or_else(|| format!("--map {rule:?}: expected HEADER=FIELD"))?;
        let column = sheet
            .headers
            .iter()
            .position(|h| h.trim() == header.trim())
            .ok_or_else(|| format!("--map {rule:?}: no column named {header:?}"))?;
        let field = match key.trim() {
            "ignore" => None,
            k => Some(
                Field::from_key(k, &world.parties)
                    .ok_or_else(|| format!("--map {rule:?}: unknown field {k:?}"))?,
            ),
        };
        mapping.0.resize(sheet.headers.len(), None);
        mapping.0[column] = field;
    }
    for (header, field) in sheet.headers.iter().zip(&mapping.0) {
        let to = field.as_ref().map_or_else(
            || String::from("(ignored)"),
            |f| f.label(lang, &world.parties),
        );
        eprintln!("  {header} → {to}");
    }

    let preview = prepared(&world, &sheet, &mapping, &user);
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
    let total = preview.items.len();
    let progress = move |n: usize| {
        // One line rewritten in place: the count moves without scrolling the terminal.
        eprint!("\rimporting: {n}/{total} rows");
        let _ = std::io::stderr().flush();
    };
    let saved = store
        .save_items(&Actor::user(&user), &preview.items, &progress)
        .await;
    eprintln!();
    match saved {
        Ok(items) => {
            let json = serde_json::to_string(&SavedMapping::from_mapping(
                &sheet.headers,
                &mapping,
                &world.parties,
            ))
            .map_err(|e| e.to_string())?;
            store
                .set_user_setting(user.id, MAPPING_KEY, &json)
                .await
                .map_err(|e| e.to_string())?;
            println!("{} items imported into plan {}", items.len(), a.plan);
            Ok(())
        }
        Err(StoreError::InBatch { index, source }) => Err(format!(
            "row {} was refused ({source}); nothing was imported",
            index + 2
        )),
        Err(e) => Err(format!("{e}; nothing was imported")),
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
