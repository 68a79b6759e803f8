//! Our own accept loop, in place of `axum::serve`, because a slow client must not be able
//! to hold the server: `axum::serve` sets no time limit on reading a request's headers, no
//! bound on open connections, and waits forever for a stuck connection after SIGTERM
//! (issue 11, finding 2). Here:
//! - headers must arrive within `header_timeout` (hyper's own timer), a body within
//!   `body_timeout`, and a whole request is answered within `request_timeout` (else the
//!   reader gets a page in their language saying so, and the handler is dropped);
//! - at most `max_connections` are open at once; at the bound the oldest connection that is
//!   not inside a request is closed to make room (`slots`), else the newcomer waits in the
//!   kernel's queue, unaccepted, costing no file descriptor of ours;
//! - after the stop signal no connection is accepted, open ones finish their request, and
//!   whatever is still open after `shutdown_timeout` is dropped.

use crate::error::WebError;
use axum::Router;
use axum::body::Body;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use slots::Slots;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::{Service, ServiceExt};
use tower_http::timeout::TimeoutBody;

mod slots;

/// The time limits and the connection bound, from `serve`'s flags.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
    pub body_timeout: Duration,
    pub request_timeout: Duration,
    pub max_connections: usize,
    pub shutdown_timeout: Duration,
}

/// Serves `router` on `listener` until `stop` completes, then drains as described above.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) {
    let mut slots = Slots::new(limits.max_connections);
    // Every connection holds a receiver; sending `true` asks each to finish gracefully.
    let (stopping, stop_rx) = watch::channel(false);
    let mut make = router.into_make_service_with_connect_info::<SocketAddr>();
    tokio::pin!(stop);
    loop {
        // A slot first, then the accept: at the bound, new clients stay in the kernel's
        // queue and cost no descriptor here.
        let slot = tokio::select! {
            () = &mut stop => break,
            slot = slots.take() => slot,
        };
        let (stream, remote) = tokio::select! {
            () = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of descriptors or a reset before accept: wait a little rather
                    // than spin, and keep serving the connections already open.
                    tracing::warn!("accepting a connection failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(app) = make.call(remote).await;
        let request_timeout = limits.request_timeout;
        let body_timeout = limits.body_timeout;
        let conn_state = slot.conn.clone();
        // Marks the connection busy while a request is answered, so it is not closed for room.
        let service = tower::service_fn(move |req: Request<Incoming>| {
            let app = app.clone();
            let state = conn_state.clone();
            // The reader's language, for the page that says the answer took too long.
            let lang = crate::negotiate::lang_of(req.headers());
            let req = req.map(|body| Body::new(TimeoutBody::new(body_timeout, body)));
            async move {
                state.busy.store(true, Ordering::Release);
                let response = match tokio::time::timeout(request_timeout, app.oneshot(req)).await {
                    Ok(answered) => answered,
                    // Dropping the handler rolls back a write still in its transaction.
                    Err(_) => {
                        let ctx = crate::ctx::Ctx::in_lang(lang, false);
                        Ok(crate::error::answer_in(ctx, WebError::TimedOut).await)
                    }
                };
                state.busy.store(false, Ordering::Release);
                response
            }
        });
        let service = TowerToHyperService::new(service);
        let mut stop_rx = stop_rx.clone();
        let header_timeout = limits.header_timeout;
        tokio::spawn(async move {
            let evicted = slot.conn.clone();
            let _slot = slot;
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            let conn = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            let mut asked = false;
            loop {
                tokio::select! {
                    result = conn.as_mut() => {
                        if let Err(e) = result {
                            tracing::debug!("connection from {remote} ended: {e}");
                        }
                        break;
                    }
                    () = evicted.evict.notified() => {
                        tracing::debug!("connection from {remote} closed to make room");
                        break;
                    }
                    changed = stop_rx.changed(), if !asked => {
                        asked = true;
                        if changed.is_ok() {
                            conn.as_mut().graceful_shutdown();
                        }
                    }
                }
            }
        });
    }
    drop(listener);
    let _ = stopping.send(true);
    // Every open connection holds a slot: having them all back means all have finished.
    if !slots.all_closed(limits.shutdown_timeout).await {
        tracing::warn!(
            "{} connection(s) still open after {:?}: dropped",
            slots.in_use(),
            limits.shutdown_timeout
        );
    }
}
