//! The `taawun` binary: parses the command line, runs one command, and turns any failure
//! into one clear line on stderr and a non-zero exit code (never a panic or backtrace).

mod args;
mod backup;
mod check;
mod commissions;
mod copy;
mod db;
mod exchange;
mod export;
mod generate;
mod import;
mod manifest;
mod remind;
mod restore;
mod serve;
mod user;
mod verify;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: see the dependency's comment in `Cargo.toml`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    init_logging(&cli.log);
    // Before anything is formatted: the date formatters read it when they are built.
    if let Err(message) = taawun_i18n::fmt::set_arabic_region(&cli.arabic_region) {
        eprintln!("taawun: --arabic-region: {message}");
        return ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("taawun: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("taawun: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Errors are plain strings here: the CLI's only job with them is to print one line.
async fn run(command: args::Command) -> Result<(), String> {
    match command {
        args::Command::Serve(a) => serve::run(a).await,
        args::Command::Init(a) => {
            let store = db::open(&a).await?;
            drop(store);
            println!("database ready: {}", a.describe());
            Ok(())
        }
        args::Command::User(args::UserCommand::Add(a)) => user::add(a).await,
        args::Command::Commissions(a) => commissions::list(a).await,
        args::Command::Remind(a) => remind::run(a).await,
        args::Command::Import(a) => import::run(a).await,
        args::Command::Export(a) => export::run(a).await,
        args::Command::Generate(a) => generate::run(a).await,
        args::Command::Check(a) => check::run(a).await,
        args::Command::Backup(a) => backup::run(a).await,
        args::Command::Restore(a) => restore::run(a).await,
        args::Command::Copy(a) => copy::run(a).await,
        args::Command::Exchange(c) => exchange::run(c).await,
        args::Command::Verify(a) => verify::run(a).await,
        args::Command::Demo(a) => {
            let store = db::open(&a).await?;
            if db::load_demo_if_empty(&*store).await? {
                println!("demo data loaded into {}", a.describe());
            } else {
                println!(
                    "{} already holds data; the demo was not loaded",
                    a.describe()
                );
            }
            Ok(())
        }
    }
}

fn init_logging(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
