//! `taawun restore`: puts a backup into an empty data directory (or an empty PostgreSQL
//! database, through `taawun copy`), after checking everything
//! the manifest promises (every file's SHA-256, the schema, the row counts) and SQLite's
//! full integrity check. Nothing lands under the database's own name until all of it holds.

use crate::args::RestoreArgs;
use crate::db::DB_FILE;
use crate::manifest::{AGE_MAGIC, FORMAT, FORMAT_VERSION, MANIFEST, Manifest, safe_path};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fs;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use taawun_store::{SqliteStore, snapshot};

/// Where the archive's files are unpacked and checked, inside the target directory (same
/// file system, so putting them in place is a rename).
const STAGING: &str = ".taawun-restoring";

pub async fn run(args: RestoreArgs) -> Result<(), String> {
    let (manifest, target) = match (&args.database_url, &args.data_dir) {
        (Some(url), _) => (
            into_postgres(&args, url).await?,
            taawun_store::redact_url(url),
        ),
        (None, Some(dir)) => (into_directory(&args, dir).await?, dir.display().to_string()),
        (None, None) => return Err("give --data-dir or --database-url".into()),
    };
    println!(
        "restored {} (taken {}, schema {}) into {target}; SHA-256, row counts and integrity check all match",
        args.file.display(),
        manifest.created_at,
        manifest.schema_version,
    );
    Ok(())
}

async fn into_directory(args: &RestoreArgs, dir: &Path) -> Result<Manifest, String> {
    refuse_non_empty(dir)?;
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let staging = dir.join(STAGING);
    fs::create_dir(&staging).map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
    let result = restore(args, &staging, dir).await;
    // On failure the directory is left as empty as it was found.
    let _ = fs::remove_dir_all(&staging);
    result
}

/// Checks the backup in a private temporary directory exactly as for a data directory,
/// then copies its database into the PostgreSQL one, which `copy` refuses unless empty and
/// fills in one transaction, each table's count and digest compared.
/// The exchange keys restored as `exchange` keeps them: the file and its directory readable
/// by the owner only (`Identity::load` refuses anything else).
fn owner_only(file: &Path) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let set = |p: &Path, mode: u32| {
            fs::set_permissions(p, fs::Permissions::from_mode(mode))
                .map_err(|e| format!("cannot make {} private: {e}", p.display()))
        };
        set(file, 0o600)?;
        if let Some(dir) = file.parent() {
            set(dir, 0o700)?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

async fn into_postgres(args: &RestoreArgs, url: &str) -> Result<Manifest, String> {
    // Owner-only (tempfile's default): the unpacked database is the classified data in clear.
    let staging = tempfile::Builder::new()
        .prefix("taawun-restoring-")
        .tempdir()
        .map_err(|e| format!("cannot create a directory to check the backup in: {e}"))?;
    let manifest = verify(args, staging.path()).await?;
    let from = format!("sqlite://{}", staging.path().join(DB_FILE).display());
    taawun_store::copy::copy(&from, url, |_| {})
        .await
        .map_err(|e| format!("the backup checks out, but copying it in failed: {e}"))?;
    if manifest
        .files
        .iter()
        .any(|f| f.path == crate::backup::KEYS_ENTRY)
    {
        eprintln!(
            "the backup also holds this instance's exchange keys ({}); a database holds no keys, \
             so they were not restored: restore the same backup with --data-dir into an empty \
             directory to get them, and put them in the key directory",
            crate::backup::KEYS_ENTRY
        );
    }
    Ok(manifest)
}

fn refuse_non_empty(dir: &Path) -> Result<(), String> {
    match fs::read_dir(dir) {
        Ok(mut entries) => match entries.next() {
            None => Ok(()),
            Some(_) => Err(format!(
                "{} is not empty; restore only into an empty or new directory, so that nothing is overwritten",
                dir.display()
            )),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("cannot read {}: {e}", dir.display())),
    }
}

async fn restore(args: &RestoreArgs, staging: &Path, dir: &Path) -> Result<Manifest, String> {
    let manifest = verify(args, staging).await?;
    for entry in &manifest.files {
        let to = dir.join(&entry.path);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::rename(staging.join(&entry.path), &to)
            .map_err(|e| format!("cannot put {} in place: {e}", to.display()))?;
        if entry.path == crate::backup::KEYS_ENTRY {
            owner_only(&to)?;
        }
    }
    Ok(manifest)
}

/// Unpacks the backup into `staging` and checks all the manifest promises: every file's
/// SHA-256, SQLite's integrity check, the schema and each table's rows.
async fn verify(args: &RestoreArgs, staging: &Path) -> Result<Manifest, String> {
    let file = args.file.clone();
    let identity = args.identity.clone();
    let staged = staging.to_path_buf();
    let manifest = tokio::task::spawn_blocking(move || unpack(&file, identity.as_deref(), &staged))
        .await
        .map_err(|e| format!("the restore task failed: {e}"))??;
    let db = staging.join(DB_FILE);
    let (summary, problems) = snapshot::inspect(&db).await.map_err(|e| e.to_string())?;
    if !problems.is_empty() {
        return Err(format!(
            "the restored database fails SQLite's integrity check ({}); nothing was restored",
            problems.join("; ")
        ));
    }
    if summary.schema_version != manifest.schema_version {
        return Err(format!(
            "the database is at schema {} but the manifest says {}; nothing was restored",
            summary.schema_version, manifest.schema_version
        ));
    }
    for (table, expected) in &manifest.counts {
        let found = summary.counts.get(table).copied();
        if found != Some(*expected) {
            return Err(format!(
                "table {table} holds {} rows where the manifest counts {expected}; nothing was restored",
                found.map_or("no".to_string(), |n| n.to_string())
            ));
        }
    }
    if let Some(extra) = summary
        .counts
        .keys()
        .find(|t| !manifest.counts.contains_key(*t))
    {
        return Err(format!(
            "table {extra} is not in the manifest; nothing was restored"
        ));
    }
    Ok(manifest)
}

/// Decrypts when needed and unpacks into `staging`, checking each file against the manifest.
fn unpack(file: &Path, identity: Option<&Path>, staging: &Path) -> Result<Manifest, String> {
    let shown = file.display();
    let mut input = BufReader::new(
        fs::File::open(file).map_err(|e| format!("cannot read the backup {shown}: {e}"))?,
    );
    let mut start = [0u8; 21];
    let encrypted = {
        use std::io::BufRead;
        let head = input
            .fill_buf()
            .map_err(|e| format!("cannot read {shown}: {e}"))?;
        let n = head.len().min(start.len());
        start[..n].copy_from_slice(&head[..n]);
        start.starts_with(AGE_MAGIC)
    };
    let reader: Box<dyn Read> = if encrypted {
        let key = identity.ok_or_else(|| {
            format!("{shown} is encrypted: give the matching age identity with --identity KEYFILE")
        })?;
        let identities = age::IdentityFile::from_file(key.display().to_string())
            .map_err(|e| format!("cannot read the identity {}: {e}", key.display()))?
            .into_identities()
            .map_err(|e| format!("{} is not an age identity file: {e}", key.display()))?;
        let decryptor = age::Decryptor::new(input)
            .map_err(|e| format!("{shown} is not a readable age file: {e}"))?;
        let reader = decryptor
            .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::NoMatchingKeys => format!(
                    "the identity {} does not open {shown}: it was encrypted to another key",
                    key.display()
                ),
                other => format!("cannot decrypt {shown}: {other}"),
            })?;
        Box::new(reader)
    } else {
        Box::new(input)
    };
    read_archive(reader, staging).map_err(|e| format!("{shown}: {e}; nothing was restored"))
}

fn read_archive(reader: Box<dyn Read>, staging: &Path) -> Result<Manifest, String> {
    let damaged = |e: std::io::Error| format!("the archive is damaged or was altered ({e})");
    let mut archive = tar::Archive::new(reader);
    let mut entries = archive.entries().map_err(damaged)?;
    let mut first = entries
        .next()
        .ok_or("it is empty, not a Taawun backup")?
        .map_err(damaged)?;
    if first.path_bytes().as_ref() != MANIFEST.as_bytes() {
        return Err(format!(
            "it does not start with {MANIFEST}: not a Taawun backup"
        ));
    }
    let mut json = Vec::new();
    first
        .by_ref()
        .take(1 << 20)
        .read_to_end(&mut json)
        .map_err(damaged)?;
    let manifest: Manifest = serde_json::from_slice(&json)
        .map_err(|e| format!("its {MANIFEST} cannot be read ({e})"))?;
    if manifest.format != FORMAT {
        return Err("it is not a Taawun backup".into());
    }
    if manifest.format_version > FORMAT_VERSION {
        return Err(format!(
            "it is in backup format {}, newer than this taawun reads ({FORMAT_VERSION}); restore it with a newer taawun",
            manifest.format_version
        ));
    }
    if manifest.schema_version > SqliteStore::SCHEMA_VERSION {
        return Err(format!(
            "its database is at schema {}, newer than this taawun understands ({}); restore it with a newer taawun",
            manifest.schema_version,
            SqliteStore::SCHEMA_VERSION
        ));
    }
    if !manifest.files.iter().any(|f| f.path == DB_FILE) {
        return Err(format!("its manifest lists no {DB_FILE}"));
    }
    let mut seen = BTreeSet::new();
    for entry in entries {
        let mut entry = entry.map_err(damaged)?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let Some(expected) = manifest.files.iter().find(|f| f.path == name) else {
            return Err(format!("it holds {name}, which its manifest does not list"));
        };
        if !safe_path(&name) || !seen.insert(name.clone()) {
            return Err(format!(
                "it names {name} twice or outside the data directory"
            ));
        }
        let to: PathBuf = staging.join(&name);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let mut out =
            fs::File::create(&to).map_err(|e| format!("cannot write {}: {e}", to.display()))?;
        let mut hashing = HashingReader {
            inner: &mut entry,
            hasher: Sha256::new(),
        };
        let bytes = std::io::copy(&mut hashing, &mut out).map_err(damaged)?;
        out.sync_all()
            .map_err(|e| format!("cannot write {}: {e}", to.display()))?;
        let sha = format!("{:x}", hashing.hasher.finalize());
        if sha != expected.sha256 || bytes != expected.bytes {
            return Err(format!(
                "{name} does not match its SHA-256 in the manifest: the backup is damaged or was altered"
            ));
        }
    }
    if let Some(missing) = manifest.files.iter().find(|f| !seen.contains(&f.path)) {
        return Err(format!(
            "{} is listed in the manifest but missing",
            missing.path
        ));
    }
    Ok(manifest)
}

/// Hashes what passes through, so each file is read once.
struct HashingReader<'a, R: Read> {
    inner: &'a mut R,
    hasher: Sha256,
}

impl<R: Read> Read for HashingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}
