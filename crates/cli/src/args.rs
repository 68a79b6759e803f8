//! Command-line arguments and their environment variables, in one place.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

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
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "TAAWUN_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Load the demo data when the database is empty, and let visitors read without an account.
    #[arg(long, env = "TAAWUN_DEMO")]
    pub demo: bool,

    #[command(flatten)]
    pub db: DbArgs,
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
}

impl DbArgs {
    /// Human description of the database location, for messages.
    pub fn describe(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => self.data_dir.join(crate::db::DB_FILE).display().to_string(),
        }
    }
}
