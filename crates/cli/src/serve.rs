//! `taawun serve`: bind first (so a taken port fails at once), open the database, load the
//! demo if asked, then serve until Ctrl-C or SIGTERM.

use crate::{args::ServeArgs, db};
use taawun_web::{AppState, app};

pub async fn run(args: ServeArgs) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let store = db::open(&args.db).await?;
    if args.demo && db::load_demo_if_empty(&*store).await? {
        tracing::info!("demo data loaded");
    }
    let router = app(AppState {
        store,
        demo: args.demo,
    });
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("Taawun is ready: http://{addr}/");
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| format!("server stopped: {e}"))
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
