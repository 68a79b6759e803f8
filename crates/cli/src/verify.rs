//! `taawun verify FILE.pdf`: the heads of delegation's adoptions a minutes PDF carries
//! (attached as `taawun-adoptions.json`, see `taawun_app::exchange::adoption::Printed`),
//! checked against the session this instance holds and the keys it knows. The PDF's bytes
//! differ with renderer and language; what is checked is the record and the signatures.

use crate::args::VerifyArgs;
use crate::db;
use taawun_app::exchange::adoption::{self, Finding, Keys, PRINTED_FORMAT, Printed};
use taawun_app::exchange::{ExchangeError, Identity};

pub async fn run(a: VerifyArgs) -> Result<(), String> {
    let pdf = std::fs::read(&a.file).map_err(|e| format!("{}: {e}", a.file.display()))?;
    let printed = taawun_docs::attached_files(&pdf)?
        .iter()
        .filter_map(|f| serde_json::from_slice::<Printed>(f).ok())
        .find(|p| p.format == PRINTED_FORMAT)
        .ok_or_else(|| {
            format!(
                "{}: carries no signed adoptions (only an adopted version that a head of \
                 delegation adopted on an instance does)",
                a.file.display()
            )
        })?;
    // Without an exchange identity, only partners' adoptions can be checked.
    let identity = match Identity::load(&crate::exchange::key_dir(&a.keys)) {
        Ok(i) => Some(i),
        Err(ExchangeError::NoIdentity(_)) => None,
        Err(e) => return Err(e.to_string()),
    };
    let store = db::open(&a.keys.db).await?;
    let partners = store.exchange_partners().await.map_err(|e| e.to_string())?;
    let keys = Keys::new(identity.as_ref(), &partners);
    let session = store
        .session(printed.session)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| {
            format!(
                "session {} is not held by this instance: nothing to check against",
                printed.session
            )
        })?;
    let verdict = adoption::verify_printed(&printed, &session, &keys);
    println!(
        "minutes of session {}, version {}, SHA-256 {}",
        printed.session, verdict.version, verdict.sha256
    );
    for (p, finding) in &verdict.findings {
        let st = &p.adoption.statement;
        let said = match finding {
            Finding::Holds => "holds".to_string(),
            Finding::NotInRecord => "DOES NOT HOLD: not in the record held here".to_string(),
            Finding::Fails(c) => format!("DOES NOT HOLD: {}", c.key().replace('-', " ")),
        };
        println!(
            "adoption by {} ({}), {}, instance key {}: {said}",
            st.name_latin, st.user, st.at, p.adoption.fingerprint
        );
    }
    if let Some(h) = &verdict.record_sha256 {
        println!(
            "DOES NOT HOLD: the record's version {} has SHA-256 {}",
            verdict.version,
            if h.is_empty() {
                "(none: not adopted)"
            } else {
                h
            }
        );
    }
    if let Some(n) = verdict.superseded_by {
        println!(
            "NO LONGER MATCHING: the minutes changed since this PDF was made (version {n} is now the current one)"
        );
    }
    if verdict.adopted_by_both() {
        println!("adopted by both parties");
        Ok(())
    } else if verdict.all_hold() {
        println!("adopted by one party so far; every adoption printed holds");
        Ok(())
    } else {
        Err(format!("{}: the adoptions do not hold", a.file.display()))
    }
}
