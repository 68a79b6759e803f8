//! Request security: login sessions kept in the store, throttling, the TOTP second
//! factor, CSRF defence, and the middleware that tells every handler who is asking.
//! Passwords are hashed and verified by `taawun_app::accounts`.

mod client;
mod csrf;
pub(crate) mod login;
pub(crate) mod sessions;
mod throttle;
mod totp;
mod who;

use std::time::Duration;

pub use client::{ClientAddr, TrustedProxy, client_address};
pub(crate) use login::*;
pub use sessions::purge_forever;
pub use throttle::Limits;
pub use totp::code_at as totp_code_at;
pub use totp::recovery_hash;
pub(crate) use totp::{new_recovery_codes, new_secret as new_totp_secret, otpauth_uri, qr_svg};
pub(crate) use who::internal;
pub use who::{SignedIn, Who, gate, login_href};

use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// How logins behave; set by the `serve` command's options.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    /// A session unused this long is over.
    pub idle_timeout: Duration,
    /// A login is over this long after it was made, however busy.
    pub absolute_timeout: Duration,
    /// Mark the session cookie `Secure` (the site is served over HTTPS).
    pub secure_cookies: bool,
    /// The address people reach the site at (e.g. `https://taawun.example`), when a proxy
    /// stands in front: requests from that origin are not cross-site.
    pub public_url: Option<String>,
    pub limits: Limits,
    /// Reverse proxies whose `X-Forwarded-For` names the client (see `client`); empty:
    /// the TCP peer is the client.
    pub trusted_proxies: Vec<TrustedProxy>,
}

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            idle_timeout: Duration::from_secs(30 * 60),
            absolute_timeout: Duration::from_secs(12 * 3600),
            secure_cookies: false,
            public_url: None,
            limits: Limits::default(),
            trusted_proxies: Vec::new(),
        }
    }
}

/// Configuration plus the state of logins: the throttle (its counters are in the database)
/// and, in memory, the last TOTP step each user spent (a code works once).
#[derive(Debug, Default)]
pub struct Auth {
    pub config: AuthConfig,
    throttle: throttle::Throttle,
}

impl Auth {
    pub fn new(config: AuthConfig) -> Self {
        Auth {
            throttle: throttle::Throttle::new(config.limits),
            config,
        }
    }
}

/// The login-session layer: cookie `HttpOnly`, `SameSite=Lax`, `Secure` when configured
/// (then named with the `__Host-` prefix, which browsers bind to this exact host over
/// HTTPS), expiring after the idle timeout.
pub fn session_layer(state: &crate::AppState) -> SessionManagerLayer<sessions::StoreSessions> {
    let cfg = &state.auth.config;
    let idle = tower_sessions::cookie::time::Duration::try_from(cfg.idle_timeout)
        .unwrap_or(tower_sessions::cookie::time::Duration::minutes(30));
    let name = if cfg.secure_cookies {
        "__Host-taawun"
    } else {
        "taawun"
    };
    SessionManagerLayer::new(sessions::StoreSessions::new(state.logins()))
        .with_name(name)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(cfg.secure_cookies)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle))
}
