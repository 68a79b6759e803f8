//! `taawun backup`: a consistent copy of a running instance's database, with a manifest,
//! packed into one tar file, optionally encrypted to an age recipient.

use crate::args::BackupArgs;
use crate::db::DB_FILE;
use crate::manifest::{FORMAT, FORMAT_VERSION, FileEntry, MANIFEST, Manifest};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use taawun_store::snapshot::{self, Source};

pub async fn run(args: BackupArgs) -> Result<(), String> {
    if args.out.exists() {
        return Err(format!(
            "{} already exists; a backup never overwrites a file, choose another name",
            args.out.display()
        ));
    }
    // Parsed before any copying, so a mistyped key fails at once.
    let recipient =
        match &args.encrypt_to {
            Some(text) => Some(age::x25519::Recipient::from_str(text.trim()).map_err(|e| {
                format!("--encrypt-to {text:?} is not an age public key (age1…): {e}")
            })?),
            None => None,
        };
    let staging = PathBuf::from(format!("{}.taawun-staging", args.out.display()));
    fs::create_dir(&staging)
        .map_err(|e| format!("cannot create {} for the copy: {e}", staging.display()))?;
    let result = take(&args, recipient, &staging).await;
    // The staging copy is the whole classified database in clear: never leave it behind.
    let _ = fs::remove_dir_all(&staging);
    let manifest = result?;
    let rows: i64 = manifest.counts.values().sum();
    println!(
        "backup written to {} ({} rows in {} tables, schema {}{})",
        args.out.display(),
        rows,
        manifest.counts.len(),
        manifest.schema_version,
        if args.encrypt_to.is_some() {
            ", encrypted"
        } else {
            ""
        }
    );
    // The head to keep apart from the backup: `taawun check --expect-head` compares it.
    if let Some(head) = &manifest.audit_head {
        println!("audit head: {head}");
    }
    Ok(())
}

async fn take(
    args: &BackupArgs,
    recipient: Option<age::x25519::Recipient>,
    staging: &Path,
) -> Result<Manifest, String> {
    let copy = staging.join(DB_FILE);
    let db_path = args.db.data_dir.join(DB_FILE);
    let source = match &args.db.database_url {
        Some(url) if url.starts_with("sqlite:") => Source::Url(url),
        // PostgreSQL's rows, read from one snapshot (repeatable read), become the archive's
        // SQLite file: the same archive, manifest and checks as for SQLite, and a backup
        // that restores on either engine.
        Some(url) if crate::db::is_postgres(url) => {
            let into = format!("sqlite://{}", copy.display());
            taawun_store::copy::copy(url, &into, |_| {})
                .await
                .map_err(|e| format!("cannot copy {}: {e}", args.db.describe()))?;
            return archive(args, recipient, &copy).await;
        }
        Some(url) => {
            return Err(format!(
                "backup supports sqlite: and postgres: URLs only, not {url:?}"
            ));
        }
        None if !db_path.is_file() => {
            return Err(format!("there is no database at {}", db_path.display()));
        }
        None => Source::File(&db_path),
    };
    snapshot::copy_into(source, &copy)
        .await
        .map_err(|e| e.to_string())?;
    archive(args, recipient, &copy).await
}

/// Checks the staged copy and writes it, with its manifest, as the archive.
async fn archive(
    args: &BackupArgs,
    recipient: Option<age::x25519::Recipient>,
    copy: &Path,
) -> Result<Manifest, String> {
    let copy = copy.to_path_buf();
    let (summary, problems) = snapshot::inspect(&copy).await.map_err(|e| e.to_string())?;
    if !problems.is_empty() {
        return Err(format!(
            "the copy fails SQLite's integrity check, so the database itself is damaged ({}); no backup was written",
            problems.join("; ")
        ));
    }
    let (bytes, sha256) = hash_file(&copy)?;
    let mut manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        taawun_version: env!("CARGO_PKG_VERSION").into(),
        engine: "sqlite".into(),
        schema_version: summary.schema_version,
        created_at: chrono::Utc::now().to_rfc3339(),
        files: vec![FileEntry {
            path: DB_FILE.into(),
            bytes,
            sha256,
        }],
        counts: summary.counts,
        audit_head: summary.audit_head.map(|h| h.to_string()),
    };
    let mut files = vec![(DB_FILE.to_string(), copy)];
    if let Some(keys) = exchange_keys(args)? {
        let (bytes, sha256) = hash_file(&keys)?;
        manifest.files.push(FileEntry {
            path: KEYS_ENTRY.into(),
            bytes,
            sha256,
        });
        files.push((KEYS_ENTRY.to_string(), keys));
    }
    let out = args.out.clone();
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string())?;
    tokio::task::spawn_blocking(move || write_archive(&out, &json, &files, recipient))
        .await
        .map_err(|e| format!("the backup task failed: {e}"))??;
    Ok(manifest)
}

/// Where a backup keeps the instance's exchange keys, as a path under the data directory
/// (where a restore puts them back, owner-only).
pub const KEYS_ENTRY: &str = "exchange/instance.json";

/// The exchange key file to take into the archive: only into an encrypted one, since it
/// holds the instance's private keys. A plain backup leaves it out, and says so.
fn exchange_keys(args: &BackupArgs) -> Result<Option<PathBuf>, String> {
    let dir = args
        .keys
        .clone()
        .unwrap_or_else(|| taawun_app::exchange::Identity::dir_default(&args.db.data_dir));
    let file = dir.join(taawun_app::exchange::keys::IDENTITY_FILE);
    if !file.is_file() {
        return Ok(None);
    }
    if args.encrypt_to.is_none() {
        eprintln!(
            "the exchange keys in {} are not in this backup: an unencrypted backup never carries them. \
             Back up with --encrypt-to to take them, or keep a copy of that file apart.",
            dir.display()
        );
        return Ok(None);
    }
    Ok(Some(file))
}

pub fn hash_file(path: &Path) -> Result<(u64, String), String> {
    let mut file =
        fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut hasher = Sha256::new();
    let bytes = std::io::copy(&mut file, &mut hasher)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok((bytes, format!("{:x}", hasher.finalize())))
}

/// Writes the archive under a temporary name and renames it when complete and on disk, so
/// that a file bearing the backup's name is always a whole backup.
fn write_archive(
    out: &Path,
    manifest: &[u8],
    files: &[(String, PathBuf)],
    recipient: Option<age::x25519::Recipient>,
) -> Result<(), String> {
    let partial = PathBuf::from(format!("{}.partial", out.display()));
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", partial.display());
    let result = (|| {
        let file = fs::File::create(&partial).map_err(fail)?;
        let sink = BufWriter::new(file);
        let sink = match recipient {
            Some(r) => {
                let encryptor =
                    age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient))
                        .map_err(|e| format!("cannot encrypt: {e}"))?;
                let writer = encryptor.wrap_output(sink).map_err(fail)?;
                let writer = pack(writer, manifest, files).map_err(fail)?;
                writer.finish().map_err(fail)?
            }
            None => pack(sink, manifest, files).map_err(fail)?,
        };
        let file = sink.into_inner().map_err(|e| fail(e.into_error()))?;
        file.sync_all().map_err(fail)?;
        fs::rename(&partial, out)
            .map_err(|e| format!("cannot name the backup {}: {e}", out.display()))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

/// The tar stream: the manifest first (a restore reads it before any data), then the files.
fn pack<W: Write>(sink: W, manifest: &[u8], files: &[(String, PathBuf)]) -> std::io::Result<W> {
    let mut tar = tar::Builder::new(sink);
    let now = chrono::Utc::now().timestamp().max(0) as u64;
    let mut header = tar::Header::new_gnu();
    header.set_size(manifest.len() as u64);
    header.set_mode(0o600);
    header.set_mtime(now);
    header.set_cksum();
    tar.append_data(&mut header, MANIFEST, manifest)?;
    for (name, path) in files {
        let mut file = fs::File::open(path)?;
        let mut header = tar::Header::new_gnu();
        header.set_size(file.metadata()?.len());
        header.set_mode(0o600);
        header.set_mtime(now);
        header.set_cksum();
        tar.append_data(&mut header, name, &mut file)?;
    }
    let mut sink = tar.into_inner()?;
    sink.flush()?;
    Ok(sink)
}
