//! `taawun commissions`: the commissions of a database, one per line — id, then its name
//! in each language — so an administrator finds the one a command needs; and the
//! lookup other commands use to take a commission by its name as well as by its id.

use taawun_core::{Commission, Id, Lang};
use taawun_store::Store;

use crate::{args::DbArgs, db};

pub async fn list(a: DbArgs) -> Result<(), String> {
    let store = db::open(&a).await?;
    let all = store.commissions().await.map_err(|e| e.to_string())?;
    if all.is_empty() {
        eprintln!("no commission yet");
    }
    for c in &all {
        let names: Vec<&str> = Lang::ALL
            .into_iter()
            .filter_map(|l| c.name.get(l))
            .filter(|n| !n.trim().is_empty())
            .collect();
        println!("{}\t{}", c.id, names.join(" / "));
    }
    Ok(())
}

/// Names compared as typed, give or take case and spaces.
fn same(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(a) == fold(b)
}

/// The commission `text` names: its id, or its name in any language. A name
/// that fits several commissions, or none, is refused with the candidates to choose from.
pub async fn resolve(store: &dyn Store, text: &str) -> Result<Id, String> {
    if let Ok(id) = text.trim().parse::<Id>() {
        return Ok(id);
    }
    let all = store.commissions().await.map_err(|e| e.to_string())?;
    let named = |c: &Commission| {
        Lang::ALL
            .into_iter()
            .any(|l| c.name.get(l).is_some_and(|n| same(n, text)))
    };
    let found: Vec<&Commission> = all.iter().filter(|c| named(c)).collect();
    match found[..] {
        [c] => Ok(c.id),
        [] => Err(format!(
            "no commission is named {text:?}: `taawun commissions` lists them"
        )),
        _ => Err(format!(
            "{text:?} names {} commissions; give one's id: {}",
            found.len(),
            found
                .iter()
                .map(|c| c.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}
