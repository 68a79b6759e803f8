//! Command-line arguments and their environment variables, in one place.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Taawun: the secretariat of a joint commission — agreements, sessions, delegations,
/// decisions, action plans and their follow-up — in Arabic, French and English.
#[derive(Debug, Parser)]
#[command(name = "taawun", version, about, long_about = None)]
pub struct Cli {
    /// Log filter (e.g. `info`, `taawun=debug,sqlx=warn`).
    #[arg(
        long,
        env = "TAAWUN_LOG",
        default_value = "info,sqlx=warn",
        global = true
    )]
    pub log: String,

    /// Whose Arabic usage dates follow: a region code (`MA` — شتنبر, غشت — by default; `DZ`,
    /// `TN`, `EG`, `SA`…), or `none` for CLDR's generic Arabic. Month names come from CLDR.
    #[arg(
        long,
        env = "TAAWUN_ARABIC_REGION",
        default_value = "MA",
        global = true
    )]
    pub arabic_region: String,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server.
    Serve(ServeArgs),
    /// Create an empty database (or bring an existing one up to date) and exit.
    Init(DbArgs),
    /// Load the Morocco–Mali demo into an empty database and exit.
    Demo(DbArgs),
    /// Fill an empty database with a generated data set (deterministic: the same seed gives
    /// the same rows): a host state and its partners, commissions, sessions, agreements,
    /// action plans, progress, activities and users, every record through the write path.
    /// Progress on stderr, a one-line summary on stdout.
    Generate(GenerateArgs),
    /// Manage user accounts (the first administrator is created with `user add`).
    #[command(subcommand)]
    User(UserCommand),
    /// List the commissions: id and name in each language, one per line.
    Commissions(DbArgs),
    /// Compute reminders and e-mail them (when SMTP is configured): one pass with `--once`
    /// (for cron), else a pass every `--remind-every`, as `serve` does.
    Remind(RemindCommandArgs),
    /// Import an action plan's items from a spreadsheet (.xlsx or .csv): every row is
    /// checked first and its problems listed; the rows are then saved all together, or
    /// none of them when any row has a problem.
    Import(ImportArgs),
    /// Export a list (agreements, sessions, items, progress, activities, people) as .xlsx or
    /// .csv, exactly as the user named with `--as` would download it, with progress on stderr.
    Export(ExportArgs),
    /// Check a database: SQLite's integrity check and the audit log's hash chain, and with
    /// `--expect-head` that the log still holds the head saved earlier. Prints the current
    /// head; exits non-zero with one line per problem.
    Check(CheckArgs),
    /// Take a consistent copy of the database while the server runs, with a manifest
    /// (SHA-256 of each file, rows per table), as one archive file; `--encrypt-to` encrypts
    /// it to an age public key. A PostgreSQL database is copied from one snapshot into the
    /// archive's SQLite file.
    Backup(BackupArgs),
    /// Restore a backup into an empty data directory (or, with `--database-url`, an empty
    /// PostgreSQL database), after checking its manifest and SQLite's integrity check;
    /// `--identity` decrypts an encrypted one.
    Restore(RestoreArgs),
    /// Copy a whole deployment into an empty database of either engine — SQLite to
    /// PostgreSQL or back — then check that every table's row count and content digest,
    /// read back from the target, equal the source's. One line per table on stdout.
    Copy(CopyArgs),
    /// The signed, encrypted exchange with a partner instance (docs/exchange.md): this
    /// instance's identity and card, its partners, and bundles carried as files.
    #[command(subcommand)]
    Exchange(ExchangeCommand),
    /// Check the heads of delegation's adoptions a minutes PDF carries against the record
    /// this instance holds: each signature with the keys this instance knows (its own and
    /// its partners'), the hash with the adopted text. One line per adoption; exits
    /// non-zero when any does not hold or the minutes changed since the PDF was made.
    Verify(VerifyArgs),
}

#[derive(Debug, Subcommand)]
pub enum ExchangeCommand {
    /// Give this instance its exchange identity: an id, its party and fresh key pairs,
    /// written owner-only into the key directory. Never replaces an existing one.
    Init(ExchangeInitArgs),
    /// Print this instance's card (JSON) and, on stderr, its fingerprint to read out to
    /// the partner's administrator.
    Card(ExchangeCardArgs),
    /// Register a partner from its card, once its fingerprint, compared out of band, is
    /// typed with `--fingerprint`.
    Add(ExchangeAddArgs),
    /// Revoke a partner's key at once: nothing from or to it is accepted any more.
    Revoke(ExchangePartnerArgs),
    /// Make new key pairs and write their announcement (the new card, signed by the
    /// current key) for the partners; with `--activate`, once every partner confirmed the
    /// new fingerprint, sign with the new key from now on.
    Rotate(ExchangeRotateArgs),
    /// Accept a partner's key announcement once its new fingerprint, read out of band, is
    /// typed with `--fingerprint`.
    AcceptKey(ExchangeAcceptArgs),
    /// List the partners: instance id, party, fingerprint, state, last bundle each way.
    Partners(ExchangeKeysArgs),
    /// Write the next bundle for a partner into a file (nothing is written when nothing
    /// changed since the last one).
    Export(ExchangeExportArgs),
    /// Pull, over HTTPS, what the partners (or one) have for this instance, apply it and
    /// post back the receipts.
    Sync(ExchangeSyncArgs),
    /// After a fork (this instance was restored from a backup and reused sequence
    /// numbers): resume the chain to a partner after the last bundle it applied, as its
    /// signed receipt says, and send every record again.
    Resync(ExchangePartnerArgs),
    /// Read a bundle or receipt file from a partner; with `--receipt`, write the signed
    /// receipt to send back.
    Import(ExchangeImportArgs),
}

#[derive(Debug, Args)]
pub struct ExchangeKeysArgs {
    /// Where the instance's keys live: by default `exchange/` in the data directory.
    #[arg(long, env = "TAAWUN_KEYS_DIR", value_name = "DIR")]
    pub keys: Option<PathBuf>,

    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Args)]
pub struct ExchangeInitArgs {
    /// The party this instance speaks for, by ISO 3166 code (`MA`, `ML`).
    #[arg(long)]
    pub party: String,
    /// The party's name, to create it when the database does not hold it yet (a new
    /// instance); used in French, English and Arabic until edited.
    #[arg(long)]
    pub party_name: Option<String>,
    /// The instance's name as partners will see it ("Ministère de la Défense — Rabat").
    #[arg(long)]
    pub name: String,
    /// The address partners reach it at, if any.
    #[arg(long)]
    pub url: Option<String>,
    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}

#[derive(Debug, Args)]
pub struct ExchangeCardArgs {
    /// Write the card to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}

#[derive(Debug, Args)]
pub struct ExchangeAddArgs {
    /// The partner's card file.
    pub card: PathBuf,
    /// The fingerprint the partner's administrator read out (groups of four, any spacing).
    #[arg(long)]
    pub fingerprint: String,
    /// A commission shared with the partner (id or name; by id, one this instance will
    /// receive from the partner); repeat for several. Registering the same card again
    /// replaces the list.
    #[arg(long = "commission")]
    pub commissions: Vec<String>,
    /// The partner's address, when it differs from its card's (or the card has none).
    #[arg(long)]
    pub url: Option<String>,
    /// The highest marking agreed for the exchange.
    #[arg(long, default_value = "unclassified", value_parser = ["unclassified", "restricted", "confidential", "secret"])]
    pub clearance: String,
    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}

#[derive(Debug, Args)]
pub struct ExchangePartnerArgs {
    /// The partner's instance id.
    pub partner: String,
    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}

#[derive(Debug, Args)]
pub struct ExchangeExportArgs {
    /// The partner's instance id.
    #[arg(long)]
    pub partner: String,
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}

#[derive(Debug, Args)]
pub struct ExchangeRotateArgs {
    /// Put the announced keys in use.
    #[arg(long)]
    pub activate: bool,
    /// Where to write the announcement (else standard output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}

#[derive(Debug, Args)]
pub struct ExchangeAcceptArgs {
    /// The partner's announcement file.
    pub announcement: PathBuf,
    /// The new fingerprint the partner's administrator read out.
    #[arg(long)]
    pub fingerprint: String,
    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}

#[derive(Debug, Args)]
pub struct ExchangeSyncArgs {
    /// Only this partner (instance id).
    #[arg(long)]
    pub partner: Option<String>,
    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}

#[derive(Debug, Args)]
pub struct ExchangeImportArgs {
    /// The bundle or receipt files, in order (a bundle sent in parts: every part).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Where to write the signed receipt for the sender.
    #[arg(long, value_name = "FILE")]
    pub receipt: Option<PathBuf>,
    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// `national`: 200 partners, 400 commissions, 50,000 action items, 200,000 progress
    /// updates, 1,000 users (minutes). `small`: the same shape scaled down (seconds).
    #[arg(long, value_parser = ["national", "small"])]
    pub profile: String,

    /// The seed: the same seed gives the same data set, ids and times included.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// The password of every generated user (`admin`, `reader.host`, `reader.partner`…).
    #[arg(
        long,
        env = "TAAWUN_GENERATE_PASSWORD",
        default_value = "taawun-generated"
    )]
    pub password: String,

    /// Save each record in its own transaction through the ordinary saves (slow): the
    /// tests' proof that the batched path writes the same rows.
    #[arg(long, hide = true)]
    pub one_by_one: bool,

    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The archive to write; must not exist yet.
    #[arg(long)]
    pub out: PathBuf,

    /// Encrypt the archive to this age public key (`age1…`); only its identity restores it.
    /// An encrypted backup also carries the instance's exchange keys, when it has some.
    #[arg(long, value_name = "RECIPIENT")]
    pub encrypt_to: Option<String>,

    /// Where the instance's exchange keys live: by default `exchange/` in the data directory.
    #[arg(long, env = "TAAWUN_KEYS_DIR", value_name = "DIR")]
    pub keys: Option<PathBuf>,

    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The archive written by `taawun backup`.
    pub file: PathBuf,

    /// The directory to restore into: new or empty.
    #[arg(
        long,
        env = "TAAWUN_DATA_DIR",
        required_unless_present = "database_url"
    )]
    pub data_dir: Option<PathBuf>,

    /// A PostgreSQL database to restore into instead (`postgres://user@host/db`): empty; its
    /// schema is created, the backup checked, then copied in (`taawun copy`).
    #[arg(long, env = "TAAWUN_DATABASE_URL", conflicts_with = "data_dir")]
    pub database_url: Option<String>,

    /// The age identity file (`AGE-SECRET-KEY-1…`) matching the key the backup was encrypted to.
    #[arg(long, value_name = "KEYFILE")]
    pub identity: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The database to copy: `sqlite:///path/taawun.db` or `postgres://user@host/db`.
    #[arg(long, value_name = "URL")]
    pub from: String,

    /// An empty database to copy into (a SQLite file is created when missing); one that
    /// holds any row is refused.
    #[arg(long, value_name = "URL")]
    pub to: String,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A head saved earlier (`NUMBER:SHA256`, as this command or a backup manifest gives
    /// it): a cut tail or a rewritten chain is caught only against it.
    #[arg(long, value_name = "HEAD")]
    pub expect_head: Option<String>,

    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The list: agreements, sessions, items, progress, activities or people.
    pub list: String,

    /// Where to write; its extension (.xlsx or .csv) chooses the format.
    #[arg(long)]
    pub out: PathBuf,

    /// The user whose view is exported: only what they may see, in their language.
    #[arg(long = "as", value_name = "USERNAME")]
    pub user: String,

    /// Language of headers and values (ar, fr, en); the user's own by default.
    #[arg(long)]
    pub lang: Option<String>,

    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The plan the items are added to (its id, as in `/plans/{id}`).
    #[arg(long)]
    pub plan: uuid::Uuid,

    /// The spreadsheet: .xlsx or .csv, its first row naming the columns.
    pub file: PathBuf,

    /// The user the rows are imported as: their permissions apply and their name is in the
    /// audit log; their last mapping (from the web import) is reused.
    #[arg(long = "as", value_name = "USERNAME")]
    pub user: String,

    /// Maps a column to a field, overriding the guess: `--map "Intitulé=title_fr"`.
    /// Fields: code, title_ar, title_fr, title_en, description_ar, description_fr,
    /// description_en, area, lead_<party ISO code, e.g. lead_ma>, start_on, due_on, or
    /// `ignore`. May be repeated.
    #[arg(long = "map", value_name = "HEADER=FIELD")]
    pub map: Vec<String>,

    /// Language of the report (ar, fr, en); the user's own by default.
    #[arg(long)]
    pub lang: Option<String>,

    /// Check the rows and report, but save nothing.
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub db: DbArgs,
}

/// How reminders are computed and sent; shared by `serve` and `remind`.
#[derive(Debug, Args)]
pub struct RemindArgs {
    /// Days ahead an item's due date or an agreement's date is announced.
    #[arg(long, env = "TAAWUN_REMIND_WITHIN", default_value_t = 14)]
    pub remind_within: u32,

    /// Time between two reminder passes (e.g. `1h`, `30m`).
    #[arg(long, env = "TAAWUN_REMIND_EVERY", default_value = "1h", value_parser = duration)]
    pub remind_every: Duration,

    /// SMTP relay for reminder e-mails, `smtp://host:port` (plain SMTP); without it no
    /// e-mail is sent and reminders stay in the application.
    #[arg(long, env = "TAAWUN_SMTP_URL", requires = "mail_from")]
    pub smtp_url: Option<String>,

    /// Sender of reminder e-mails, e.g. `Taawun <taawun@example.org>`.
    #[arg(long, env = "TAAWUN_MAIL_FROM")]
    pub mail_from: Option<String>,
}

#[derive(Debug, Args)]
pub struct RemindCommandArgs {
    /// Run one pass and exit.
    #[arg(long)]
    pub once: bool,

    /// The day to judge items and agreements on (YYYY-MM-DD), instead of today: replays
    /// and tests.
    #[arg(long)]
    pub today: Option<chrono::NaiveDate>,

    /// The address people reach the site at, for links in e-mails.
    #[arg(long, env = "TAAWUN_PUBLIC_URL")]
    pub public_url: Option<String>,

    #[command(flatten)]
    pub remind: RemindArgs,

    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user. The password is read from TAAWUN_PASSWORD, else asked on the terminal
    /// (or read as one line from standard input); it is never a command-line argument.
    Add(UserAddArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// Login name: lowercase letters, digits, `.`, `-`, `_`.
    #[arg(long)]
    pub username: String,

    /// Name shown in the header and the history.
    #[arg(long)]
    pub display_name: String,

    /// The user's party, by ISO 3166 code (e.g. `MA`, `ML`).
    #[arg(long)]
    pub party: String,

    /// On a database without that party yet, create it with this name.
    #[arg(long)]
    pub party_name: Option<String>,

    /// administrator, secretariat, party_editor, reader or auditor.
    #[arg(long)]
    pub role: String,

    /// unclassified, restricted, confidential or secret.
    #[arg(long, default_value = "unclassified")]
    pub clearance: String,

    /// Id of the user's organisation (of the same party).
    #[arg(long)]
    pub organisation: Option<String>,

    /// A commission whose work the user edits, by id or by name (`taawun commissions`
    /// lists them); repeat for several.
    #[arg(long = "commission")]
    pub commissions: Vec<String>,

    /// E-mail address reminders are sent to (when the server has an SMTP relay).
    #[arg(long)]
    pub email: Option<String>,

    /// Language of the user's e-mails: ar, fr or en (French when not given).
    #[arg(long)]
    pub language: Option<String>,

    /// Id of the registry person the account belongs to (of the same party): a head of
    /// delegation adopts the minutes signed in with it.
    #[arg(long)]
    pub person: Option<String>,

    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "TAAWUN_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Load the demo data when the database is empty, and let visitors read without an account.
    #[arg(long, env = "TAAWUN_DEMO")]
    pub demo: bool,

    /// The address people reach the site at, e.g. `https://taawun.example.org`, when a
    /// reverse proxy stands in front; an https address turns on secure cookies.
    #[arg(long, env = "TAAWUN_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// A reverse proxy (address or network, e.g. `10.0.0.5` or `10.0.0.0/24`) whose
    /// `X-Forwarded-For` header names the client; repeat for several. Only requests whose
    /// connection comes from one of them have the header read (the rightmost address in it
    /// that is not itself a trusted proxy is the client); from anyone else it is ignored.
    /// Without it, behind a proxy, every client shares the proxy's login limit per address.
    #[arg(
        long = "trusted-proxy",
        env = "TAAWUN_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_name = "IP or CIDR"
    )]
    pub trusted_proxies: Vec<crate::serve::TrustedProxy>,

    /// Mark the session cookie Secure (only sent over HTTPS).
    #[arg(long, env = "TAAWUN_SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// A login unused this long ends (e.g. `30m`, `1h`, `900s`).
    #[arg(long, env = "TAAWUN_IDLE_TIMEOUT", default_value = "30m", value_parser = duration)]
    pub idle_timeout: Duration,

    /// A login ends this long after it was made, however active (e.g. `12h`).
    #[arg(long, env = "TAAWUN_ABSOLUTE_TIMEOUT", default_value = "12h", value_parser = duration)]
    pub absolute_timeout: Duration,

    #[command(flatten)]
    pub limits: LimitArgs,

    /// A command run on every file attached to a record before it is kept: your antivirus.
    /// The file arrives on its standard input; exit status 0 accepts it, any other refuses
    /// it, and a scanner that cannot run or takes over two minutes refuses it too. For
    /// ClamAV: `--scanner clamdscan --scanner-arg -`.
    #[arg(long, env = "TAAWUN_SCANNER", value_name = "PROGRAM")]
    pub scanner: Option<PathBuf>,

    /// An argument of the scanner command; repeat for several (comma-separated in the
    /// environment variable).
    #[arg(
        long = "scanner-arg",
        env = "TAAWUN_SCANNER_ARGS",
        value_delimiter = ',',
        allow_hyphen_values = true,
        value_name = "ARG"
    )]
    pub scanner_args: Vec<String>,

    /// Where the instance's exchange keys live (`taawun exchange init`): by default
    /// `exchange/` in the data directory. With an identity there, partners may pull their
    /// bundles from this server, and it pulls theirs.
    #[arg(long, env = "TAAWUN_KEYS_DIR", value_name = "DIR")]
    pub keys: Option<PathBuf>,

    /// How often to pull bundles from the partners that have a URL (`0s`: never; `taawun
    /// exchange sync` does it once).
    #[arg(long, env = "TAAWUN_EXCHANGE_EVERY", default_value = "5m", value_parser = duration_or_never)]
    pub exchange_every: Duration,

    /// Run no reminder pass in this server: another process does (`taawun remind`, from
    /// cron or on one node of several).
    #[arg(long, env = "TAAWUN_NO_REMINDERS")]
    pub no_reminders: bool,

    #[command(flatten)]
    pub remind: RemindArgs,

    #[command(flatten)]
    pub db: DbArgs,
}

/// Time limits and the connection bound of `serve`: a slow or silent client is cut off
/// instead of holding a connection (and a file descriptor) forever.
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// A client must send its request's headers within this time, or is disconnected.
    #[arg(long, env = "TAAWUN_HEADER_TIMEOUT", default_value = "10s", value_parser = duration)]
    pub header_timeout: Duration,

    /// A request's body (a form, an uploaded file) must arrive within this time.
    #[arg(long, env = "TAAWUN_BODY_TIMEOUT", default_value = "60s", value_parser = duration)]
    pub body_timeout: Duration,

    /// A request is answered within this time, or gets a "took too long" page (504); long work
    /// (imports, exports) runs as a job and is not bound by it.
    #[arg(long, env = "TAAWUN_REQUEST_TIMEOUT", default_value = "120s", value_parser = duration)]
    pub request_timeout: Duration,

    /// Connections open at once; more wait, unaccepted, until one closes. Keep it well
    /// under the open-file limit (`ulimit -n`, often 1024).
    #[arg(long, env = "TAAWUN_MAX_CONNECTIONS", default_value_t = 512,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,

    /// After SIGTERM or Ctrl-C, open requests may finish for this long; the connections
    /// still open then are dropped and the server exits.
    #[arg(long, env = "TAAWUN_SHUTDOWN_TIMEOUT", default_value = "10s", value_parser = duration)]
    pub shutdown_timeout: Duration,
}

/// Where the data lives: a directory holding the embedded SQLite database, or a database URL.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// Directory for the embedded database (`taawun.db`); created if missing.
    #[arg(
        long,
        env = "TAAWUN_DATA_DIR",
        default_value = "data",
        conflicts_with = "database_url"
    )]
    pub data_dir: PathBuf,

    /// Database URL instead of the data directory, e.g. `sqlite:///var/lib/taawun/taawun.db`.
    #[arg(long, env = "TAAWUN_DATABASE_URL")]
    pub database_url: Option<String>,
    /// `full`: every acknowledged save survives a power loss (each commit waits for the
    /// disk). `normal`: faster, and a crash of taawun loses nothing, but a power loss may
    /// lose the last saves. See "Running in production" in the README.
    #[arg(long, env = "TAAWUN_DURABILITY", default_value = "full", value_parser = durability)]
    pub durability: taawun_store::Durability,
}

impl DbArgs {
    /// Human description of the database location, for messages.
    /// The database as messages name it: a URL without its password.
    pub fn describe(&self) -> String {
        match &self.database_url {
            Some(url) => taawun_store::redact_url(url),
            None => self.data_dir.join(crate::db::DB_FILE).display().to_string(),
        }
    }
}

fn durability(text: &str) -> Result<taawun_store::Durability, String> {
    taawun_store::Durability::parse(text)
        .ok_or_else(|| format!("unknown durability {text:?}: use full or normal"))
}

/// A duration such as `90s`, `30m`, `12h` or `1d`; a bare number is seconds.
fn duration(text: &str) -> Result<Duration, String> {
    let d = duration_or_never(text)?;
    if d.is_zero() {
        return Err(String::from("a timeout must be longer than zero"));
    }
    Ok(d)
}

/// As `duration`, where zero means "never".
fn duration_or_never(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let (number, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 90s, 30m, 12h or 1d"))?;
    let secs = match unit {
        "" | "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        "d" => n.saturating_mul(86_400),
        _ => return Err(format!("unknown unit in {text:?}: use s, m, h or d")),
    };
    Ok(Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::duration;
    use std::time::Duration;

    #[test]
    fn durations() {
        assert_eq!(duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(duration("12h"), Ok(Duration::from_secs(43_200)));
        assert_eq!(duration("1d"), Ok(Duration::from_secs(86_400)));
        assert!(duration("0").is_err());
        assert!(duration("5y").is_err());
        assert!(duration("m").is_err());
    }
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The minutes PDF (of an adopted version) to check.
    pub file: PathBuf,

    #[command(flatten)]
    pub keys: ExchangeKeysArgs,
}
