//! `taawun serve`: bind first (so a taken port fails at once), open the database, load the
//! demo if asked, then serve until Ctrl-C or SIGTERM.

use crate::{args::ServeArgs, db};
use std::time::Duration;
use taawun_web::auth::{AuthConfig, purge_forever};
use taawun_web::{AppState, app};

/// `--trusted-proxy`'s values, parsed by the web crate that uses them.
pub use taawun_web::auth::TrustedProxy;

/// How often expired login sessions are deleted from the database.
const PURGE_EVERY: Duration = Duration::from_secs(10 * 60);
/// How often finished jobs past their keep time are evicted.
const SWEEP_JOBS_EVERY: Duration = Duration::from_secs(60);
/// The first reminder pass comes this long after the start: soon, but after the server
/// answers (a pass over a large database must not delay the first page).
const FIRST_REMINDERS: Duration = Duration::from_secs(10);

/// How long the database may take to close at a stop, after the connections are gone.
const CLOSE_WITHIN: Duration = Duration::from_secs(5);

pub async fn run(args: ServeArgs) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let store = db::open(&args.db).await?;
    if args.demo && db::load_demo_if_empty(&*store).await? {
        tracing::info!("demo data loaded");
    }
    let public_url = args.public_url.clone();
    let https = public_url
        .as_deref()
        .is_some_and(|u| u.to_ascii_lowercase().starts_with("https://"));
    let auth = AuthConfig {
        idle_timeout: args.idle_timeout,
        absolute_timeout: args.absolute_timeout,
        secure_cookies: args.secure_cookies || https,
        public_url,
        trusted_proxies: args.trusted_proxies.clone(),
        ..AuthConfig::default()
    };
    let reminders = crate::remind::config(&args.remind, args.public_url.clone())?;
    tokio::spawn(purge_forever(store.clone(), PURGE_EVERY));
    let remind_now = std::sync::Arc::new(tokio::sync::Notify::new());
    if !args.no_reminders {
        tokio::spawn(taawun_app::remind::run_forever(
            store.clone(),
            reminders,
            args.remind.remind_every,
            FIRST_REMINDERS,
            remind_now.clone(),
        ));
    }
    let closing = store.clone();
    let scanner = args
        .scanner
        .clone()
        .map(|program| taawun_app::files::Scanner::new(program, args.scanner_args.clone()));
    let identity = exchange_identity(&args)?;
    if let Some(identity) = &identity
        && !args.exchange_every.is_zero()
    {
        tokio::spawn(pull_forever(
            store.clone(),
            identity.clone(),
            args.exchange_every,
        ));
    }
    let mut state = AppState::new(store, args.demo)
        .with_auth(auth)
        .with_scanner(scanner)
        .with_exchange(identity);
    state.remind_now = remind_now;
    if args.demo {
        // The demo's example follow-up is written as of a fixed day; judging it against that
        // day keeps its overdue and at-risk items as they were meant, whenever it is run.
        state = state.with_clock(taawun_web::clock::Clock::Fixed(taawun_store::demo::as_of()));
    }
    // Finished jobs' results leave memory after their keep time even when nobody starts
    // another job.
    tokio::spawn(taawun_web::jobs::sweep_forever(
        state.jobs.clone(),
        SWEEP_JOBS_EVERY,
    ));
    let router = app(state);
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("Taawun is ready: http://{addr}/");
    // The client address feeds the per-address login throttle (through a trusted proxy,
    // `X-Forwarded-For` names it instead; see `--trusted-proxy`).
    let l = &args.limits;
    let limits = taawun_web::listen::Limits {
        header_timeout: l.header_timeout,
        body_timeout: l.body_timeout,
        request_timeout: l.request_timeout,
        max_connections: l.max_connections as usize,
        shutdown_timeout: l.shutdown_timeout,
    };
    taawun_web::listen::serve(listener, router, limits, shutdown()).await;
    // A clean stop merges the write-ahead log into the database (issue 11, finding 5).
    // A request still running past the deadline may hold a connection that the close waits
    // for; the stop must not wait on it forever either.
    match tokio::time::timeout(CLOSE_WITHIN, closing.shut_down()).await {
        Ok(closed) => closed.map_err(|e| format!("closing the database failed: {e}"))?,
        Err(_) => tracing::warn!("the database did not close within {CLOSE_WITHIN:?}"),
    }
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}

/// The instance's exchange identity, when it has one (`taawun exchange init`).
fn exchange_identity(
    args: &ServeArgs,
) -> Result<Option<std::sync::Arc<taawun_app::exchange::Identity>>, String> {
    use taawun_app::exchange::{ExchangeError, Identity};
    let dir = args
        .keys
        .clone()
        .unwrap_or_else(|| Identity::dir_default(&args.db.data_dir));
    match Identity::load(&dir) {
        Ok(identity) => Ok(Some(std::sync::Arc::new(identity))),
        Err(ExchangeError::NoIdentity(_)) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Pulls what every partner with a URL has for this instance, every `every`; a partner
/// that cannot be reached is logged and tried again at the next pass.
async fn pull_forever(
    store: std::sync::Arc<dyn taawun_store::Store>,
    identity: std::sync::Arc<taawun_app::exchange::Identity>,
    every: Duration,
) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match taawun_app::exchange::sync::pull_all(store.clone(), identity.clone()).await {
            Ok(runs) => {
                for run in runs {
                    match run {
                        Ok(done) if !done.applied.is_empty() || done.refused.is_some() => {
                            tracing::info!(partner = %done.partner, applied = ?done.applied, refused = ?done.refused, "exchange pull");
                        }
                        Ok(_) => {}
                        Err((partner, e)) => tracing::warn!(%partner, "exchange pull failed: {e}"),
                    }
                }
            }
            Err(e) => tracing::warn!("exchange pull failed: {e}"),
        }
    }
}
