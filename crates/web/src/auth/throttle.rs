//! Login throttling, counted in the database (`taawun_store::Counters`) so that every
//! process serving one database shares it. An attempt is counted *before* its password or
//! code is checked, in the one transaction that also tells whether the account (whoever
//! tries it) or the client address (whatever account it tries) is already at its limit:
//! forty attempts sent at once are five checked and thirty-five refused, not forty checked.
//!
//! A right password (or code) takes back its own attempt, so people who log in often are
//! never throttled, but it does not clear the failures before it: they count until they
//! leave the window. Clearing them would hand whoever races a real user's login a fresh
//! set of guesses each time that user gets in.

use chrono::{DateTime, Utc};
use std::net::IpAddr;
use std::time::Duration;
use taawun_core::{Id, new_id};
use taawun_store::{AttemptKey, Counters, StoreResult};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub per_account: u32,
    pub per_address: u32,
    pub window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_account: 5,
            per_address: 20,
            window: Duration::from_secs(15 * 60),
        }
    }
}

/// An attempt that was counted; give it back with `Throttle::succeeded` if it was right.
#[derive(Debug, Clone, Copy)]
pub struct Counted(Id);

/// An IPv6 client usually owns a whole /64; counting per /64 keeps one client from
/// escaping the limit by rotating addresses inside it.
fn address_key(ip: IpAddr) -> String {
    let ip = match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
        v4 => v4,
    };
    format!("address:{ip}")
}

/// Usernames compare case-insensitively here so `Admin` and `admin` share one counter.
fn account_key(username: &str) -> String {
    format!("account:{}", username.trim().to_lowercase())
}

#[derive(Debug, Default)]
pub struct Throttle {
    limits: Limits,
}

impl Throttle {
    pub fn new(limits: Limits) -> Self {
        Throttle { limits }
    }

    fn keys(&self, username: &str, addr: Option<IpAddr>) -> Vec<AttemptKey> {
        let mut keys = vec![AttemptKey {
            key: account_key(username),
            limit: self.limits.per_account,
        }];
        if let Some(a) = addr {
            keys.push(AttemptKey {
                key: address_key(a),
                limit: self.limits.per_address,
            });
        }
        keys
    }

    /// Counts an attempt at `now`: `Ok` when it may be checked, else how long to wait.
    pub async fn attempt(
        &self,
        counters: &dyn Counters,
        username: &str,
        addr: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> StoreResult<Result<Counted, Duration>> {
        let id = new_id();
        let keys = self.keys(username, addr);
        match counters
            .count_login_attempt(id, &keys, self.limits.window, now)
            .await?
        {
            None => Ok(Ok(Counted(id))),
            Some(until) => Ok(Err((until - now).to_std().unwrap_or(Duration::ZERO))),
        }
    }

    /// The attempt was right: it stops counting (the failures before it do not).
    pub async fn succeeded(&self, counters: &dyn Counters, attempt: Counted) -> StoreResult<()> {
        counters.forget_login_attempt(attempt.0).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_ignore_case_and_ipv6_counts_per_prefix() {
        assert_eq!(account_key(" Ana "), account_key("ana"));
        let a: IpAddr = "2001:db8::1".parse().unwrap();
        let b: IpAddr = "2001:db8::2:3".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(
            address_key(a),
            address_key("2001:db8:0:1::1".parse().unwrap())
        );
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(address_key(mapped), "address:192.0.2.1");
    }
}
