//! `taawun exchange …`: the instance's identity and card, its partners, and bundles carried
//! as files (docs/exchange.md). Each command acts as trusted system code, as the other
//! administration commands do; the operator is the one who holds the data directory.

use crate::args::{
    ExchangeAcceptArgs, ExchangeAddArgs, ExchangeCardArgs, ExchangeCommand, ExchangeExportArgs,
    ExchangeImportArgs, ExchangeInitArgs, ExchangeKeysArgs, ExchangePartnerArgs,
    ExchangeRotateArgs, ExchangeSyncArgs,
};
use crate::{commissions, db};
use chrono::Utc;
use std::path::PathBuf;
use std::sync::Arc;
use taawun_app::exchange::inbox::{self, Arrived};
use taawun_app::exchange::{Card, Identity, outbox, same_fingerprint, sync};
use taawun_core::{Id, Lang, LocalizedText, Marking, Party, PartyKind};
use taawun_store::exchange::Direction;
use taawun_store::{Actor, Store};

pub async fn run(c: ExchangeCommand) -> Result<(), String> {
    match c {
        ExchangeCommand::Init(a) => init(a).await,
        ExchangeCommand::Card(a) => card(a).await,
        ExchangeCommand::Add(a) => add(a).await,
        ExchangeCommand::Revoke(a) => revoke(a).await,
        ExchangeCommand::Partners(a) => partners(a).await,
        ExchangeCommand::Export(a) => export(a).await,
        ExchangeCommand::Import(a) => import(a).await,
        ExchangeCommand::Sync(a) => sync(a).await,
        ExchangeCommand::Resync(a) => resync(a).await,
        ExchangeCommand::Rotate(a) => rotate(a).await,
        ExchangeCommand::AcceptKey(a) => accept_key(a).await,
    }
}

pub(crate) fn key_dir(k: &ExchangeKeysArgs) -> PathBuf {
    k.keys
        .clone()
        .unwrap_or_else(|| Identity::dir_default(&k.db.data_dir))
}

fn actor() -> Actor {
    Actor::new("exchange (command line)")
}

async fn open(k: &ExchangeKeysArgs) -> Result<(Arc<dyn Store>, Identity), String> {
    let identity = Identity::load(&key_dir(k)).map_err(|e| e.to_string())?;
    let store = db::open(&k.db).await?;
    Ok((store, identity))
}

async fn party_by_code(store: &dyn Store, code: &str) -> Result<taawun_core::Party, String> {
    store
        .parties()
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|p| {
            p.iso_code
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(code))
        })
        .ok_or_else(|| format!("no party with ISO code {code:?} in this database"))
}

/// The state of ISO code `code`, created under `name` when the database lacks it: a new
/// instance's own party, or a partner's, named by its card.
async fn party_or_new(
    store: &dyn Store,
    code: &str,
    name: Option<&LocalizedText>,
) -> Result<Party, String> {
    if let Ok(p) = party_by_code(store, code).await {
        return Ok(p);
    }
    let Some(name) = name else {
        return Err(format!(
            "no party with ISO code {code:?} in this database: give its name with --party-name to create it"
        ));
    };
    let p = Party {
        id: taawun_core::new_id(),
        kind: PartyKind::State,
        iso_code: Some(code.to_ascii_uppercase()),
        name: name.clone(),
        short_name: name.clone(),
        protection: Default::default(),
        version: 0,
    };
    store
        .save_party(&actor(), &p)
        .await
        .map_err(|e| format!("cannot create the party {code}: {e}"))
}

async fn init(a: ExchangeInitArgs) -> Result<(), String> {
    let store = db::open(&a.keys.db).await?;
    let name = a.party_name.as_deref().map(|n| LocalizedText::new(n, n, n));
    let party = party_or_new(store.as_ref(), &a.party, name.as_ref()).await?;
    let dir = key_dir(&a.keys);
    let identity = Identity::create(&dir, party.id, &a.name, a.url).map_err(|e| e.to_string())?;
    let card = identity.card(&party);
    println!("{}", identity.instance);
    eprintln!(
        "exchange identity written to {}; fingerprint {}",
        dir.display(),
        card.fingerprint()
    );
    Ok(())
}

async fn card(a: ExchangeCardArgs) -> Result<(), String> {
    let (store, identity) = open(&a.keys).await?;
    let party = store
        .party(identity.party)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("this instance's party is not in its database")?;
    let card = identity.card(&party);
    match a.out {
        Some(path) => std::fs::write(&path, card.to_json())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => println!("{}", card.to_json()),
    }
    eprintln!("fingerprint {}", card.fingerprint());
    Ok(())
}

async fn add(a: ExchangeAddArgs) -> Result<(), String> {
    let (store, identity) = open(&a.keys).await?;
    let text = std::fs::read_to_string(&a.card)
        .map_err(|e| format!("cannot read {}: {e}", a.card.display()))?;
    let card = Card::parse(&text).map_err(|e| e.to_string())?;
    if !same_fingerprint(&a.fingerprint, &card.fingerprint()) {
        return Err(format!(
            "the fingerprint given does not match the card's: compare again with the partner's administrator (the card says {})",
            card.fingerprint()
        ));
    }
    if card.instance == identity.instance {
        return Err("this is this instance's own card".into());
    }
    let code = card
        .party
        .iso_code
        .clone()
        .ok_or("the card's party has no ISO code: register its party first")?;
    let party = party_or_new(store.as_ref(), &code, Some(&card.party.name)).await?;
    let mut shared = Vec::new();
    for c in &a.commissions {
        // By id even when not held yet: the partner's own commission arrives with its
        // first bundle.
        shared.push(match c.trim().parse::<Id>() {
            Ok(id) => id,
            Err(_) => commissions::resolve(store.as_ref(), c).await?,
        });
    }
    let mut partner = card.partner(
        party.id,
        shared,
        Marking::parse(&a.clearance).unwrap_or_default(),
        a.url.clone(),
    );
    // The card as the administrator received it, byte for byte.
    partner.card = text;
    store
        .save_exchange_partner(&actor(), &partner)
        .await
        .map_err(|e| e.to_string())?;
    println!("{}\t{}", partner.instance_id, partner.fingerprint);
    Ok(())
}

fn partner_id(text: &str) -> Result<Id, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{text:?} is not an instance id"))
}

async fn revoke(a: ExchangePartnerArgs) -> Result<(), String> {
    let store = db::open(&a.keys.db).await?;
    let id = partner_id(&a.partner)?;
    let mut p = store
        .exchange_partner(id)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no partner with instance id {id}"))?;
    p.revoked_at = Some(Utc::now());
    store
        .save_exchange_partner(&actor(), &p)
        .await
        .map_err(|e| e.to_string())?;
    eprintln!("partner {id} revoked: nothing from or to it is accepted any more");
    Ok(())
}

async fn partners(a: ExchangeKeysArgs) -> Result<(), String> {
    let store = db::open(&a.db).await?;
    for p in store.exchange_partners().await.map_err(|e| e.to_string())? {
        let last = |d| {
            let store = store.clone();
            async move {
                store
                    .exchange_head(p.instance_id, d)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|r| r.seq)
                    .map_or("-".to_string(), |s| s.to_string())
            }
        };
        println!(
            "{}\t{}\t{}\t{}\tsent {}\treceived {}",
            p.instance_id,
            p.name,
            p.fingerprint,
            if p.revoked_at.is_some() {
                "revoked"
            } else {
                "active"
            },
            last(Direction::Out).await,
            last(Direction::In).await,
        );
    }
    Ok(())
}

async fn export(a: ExchangeExportArgs) -> Result<(), String> {
    let (store, identity) = open(&a.keys).await?;
    let id = partner_id(&a.partner)?;
    let parts = outbox::export(store.clone(), &identity, &actor(), id)
        .await
        .map_err(|e| e.to_string())?;
    if parts.is_empty() {
        eprintln!("nothing changed since the last bundle: no file written");
    }
    // A change too large for one bundle goes as parts: FILE, then FILE.2, FILE.3…
    for (n, sealed) in parts.iter().enumerate() {
        let path = if n == 0 {
            a.out.clone()
        } else {
            let mut name = a.out.clone().into_os_string();
            name.push(format!(".{}", n + 1));
            PathBuf::from(name)
        };
        std::fs::write(&path, &sealed.text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("bundle {} written to {}", sealed.hash, path.display());
        // The files it names go beside it, each a sealed blob named by its SHA-256.
        if !sealed.files.is_empty() {
            let dir = files_dir(&path);
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            for sha in &sealed.files {
                let blob = outbox::blob(store.clone(), &identity, id, sha)
                    .await
                    .map_err(|e| e.to_string())?
                    .ok_or_else(|| format!("the file {sha} is no longer held"))?;
                let to = dir.join(sha);
                std::fs::write(&to, blob)
                    .map_err(|e| format!("cannot write {}: {e}", to.display()))?;
            }
            eprintln!(
                "{} file(s) written to {}: carry the directory with the bundle",
                sealed.files.len(),
                dir.display()
            );
        }
    }
    Ok(())
}

/// Where the blobs of the files a bundle file names are kept: `FILE.files/`.
fn files_dir(bundle: &std::path::Path) -> PathBuf {
    let mut name = bundle.to_path_buf().into_os_string();
    name.push(".files");
    PathBuf::from(name)
}

async fn import(a: ExchangeImportArgs) -> Result<(), String> {
    let (store, identity) = open(&a.keys).await?;
    let mut receipts = Vec::new();
    let mut refused = None;
    for file in &a.files {
        let bytes =
            std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let blobs = inbox::BlobDir(files_dir(file));
        let got = inbox::receive_file_with(store.clone(), &identity, &bytes, &blobs)
            .await
            .map_err(|e| e.to_string())?;
        for g in got {
            receipts.extend(g.receipt);
            match g.outcome {
                Arrived::Applied { seq, records } => {
                    println!("bundle {seq} applied: {records} records");
                }
                Arrived::AlreadyApplied { seq } => {
                    println!("bundle {seq} was already applied: nothing to do");
                }
                Arrived::Receipt { of_seq, applied } => println!(
                    "receipt for bundle {of_seq}: {}",
                    if applied {
                        "applied"
                    } else {
                        "refused by the partner"
                    }
                ),
                Arrived::Refused(r) => refused = Some(r),
            }
        }
        if refused.is_some() {
            break;
        }
    }
    if let Some(path) = &a.receipt
        && !receipts.is_empty()
    {
        // One receipt as itself; several (one per part) as a JSON array.
        let text = if receipts.len() == 1 {
            receipts.remove(0)
        } else {
            format!("[{}]", receipts.join(","))
        };
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    match refused {
        Some(r) => Err(format!("refused: {}", r.message(Lang::En))),
        None => Ok(()),
    }
}

async fn sync(a: ExchangeSyncArgs) -> Result<(), String> {
    let (store, identity) = open(&a.keys).await?;
    let identity = Arc::new(identity);
    let runs = match &a.partner {
        Some(p) => vec![
            sync::pull(store, identity, partner_id(p)?)
                .await
                .map_err(|e| (partner_id(p).unwrap_or_default(), e.to_string())),
        ],
        None => sync::pull_all(store, identity)
            .await
            .map_err(|e| e.to_string())?,
    };
    let mut failed = false;
    for run in runs {
        match run {
            Ok(done) => {
                for (seq, records) in &done.applied {
                    println!("{}\tbundle {seq} applied: {records} records", done.partner);
                }
                if let Some(r) = done.refused {
                    failed = true;
                    eprintln!("{}\trefused: {}", done.partner, sync::describe(r));
                }
                if done.applied.is_empty() && done.refused.is_none() {
                    println!("{}\tup to date", done.partner);
                }
            }
            Err((partner, e)) => {
                failed = true;
                eprintln!("{partner}\t{e}");
            }
        }
    }
    if failed {
        return Err("some partners could not be synchronised".into());
    }
    Ok(())
}

async fn resync(a: ExchangePartnerArgs) -> Result<(), String> {
    let store = db::open(&a.keys.db).await?;
    let id = partner_id(&a.partner)?;
    match sync::resume(store, &actor(), id)
        .await
        .map_err(|e| e.to_string())?
    {
        Some((seq, _)) => {
            println!(
                "the chain to {id} resumes after its bundle {seq}; the next bundle carries every record again"
            );
            Ok(())
        }
        None => Err(format!("no fork was reported by {id}: nothing to resume")),
    }
}

async fn rotate(a: ExchangeRotateArgs) -> Result<(), String> {
    let (store, mut identity) = open(&a.keys).await?;
    let dir = key_dir(&a.keys);
    if a.activate {
        identity.activate(&dir).map_err(|e| e.to_string())?;
        eprintln!("the new keys are in use");
        return Ok(());
    }
    let party = store
        .party(identity.party)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("this instance's party is not in its database")?;
    let text = identity.rotate(&dir, &party).map_err(|e| e.to_string())?;
    let fingerprint = serde_json::from_str::<taawun_app::exchange::card::Announcement>(&text)
        .map(|a| a.new_card.fingerprint())
        .unwrap_or_default();
    match a.out {
        Some(path) => std::fs::write(&path, &text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => println!("{text}"),
    }
    eprintln!("new fingerprint {fingerprint}: read it out to each partner's administrator");
    Ok(())
}

async fn accept_key(a: ExchangeAcceptArgs) -> Result<(), String> {
    let store = db::open(&a.keys.db).await?;
    let text = std::fs::read_to_string(&a.announcement)
        .map_err(|e| format!("cannot read {}: {e}", a.announcement.display()))?;
    let p = taawun_app::exchange::admin::accept_key(store, &actor(), &text, &a.fingerprint)
        .await
        .map_err(|e| e.to_string())?;
    println!("{}\t{}", p.instance_id, p.fingerprint);
    Ok(())
}
