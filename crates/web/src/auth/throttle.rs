//! Login throttling, in memory: after too many failures in a window, an account (whoever
//! tries it) and a client address (whatever account it tries) are refused until the oldest
//! failure leaves the window. Memory is bounded: each key keeps at most `limit` instants and
//! each map at most `MAX_KEYS` keys, the stalest dropped first.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Keys per map before eviction: enough for a busy instance, small enough (~1 MB) that a
/// flood of invented usernames cannot grow memory.
const MAX_KEYS: usize = 10_000;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub per_account: usize,
    pub per_address: usize,
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

/// Recent failures per key, oldest first.
#[derive(Debug)]
struct Failures<K> {
    map: HashMap<K, VecDeque<Instant>>,
}

impl<K> Default for Failures<K> {
    fn default() -> Self {
        Failures {
            map: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq + Clone> Failures<K> {
    /// When the key may try again, if it is blocked now.
    fn blocked_until(
        &mut self,
        key: &K,
        limit: usize,
        window: Duration,
        now: Instant,
    ) -> Option<Instant> {
        let q = self.map.get_mut(key)?;
        while q.front().is_some_and(|t| now.duration_since(*t) >= window) {
            q.pop_front();
        }
        if q.is_empty() {
            self.map.remove(key);
            return None;
        }
        (q.len() >= limit).then(|| q[0] + window)
    }

    fn record(&mut self, key: K, limit: usize, window: Duration, now: Instant) {
        if !self.map.contains_key(&key) && self.map.len() >= MAX_KEYS {
            self.evict(window, now);
        }
        let q = self.map.entry(key).or_default();
        q.push_back(now);
        while q.len() > limit {
            q.pop_front();
        }
    }

    /// Drops keys whose failures all left the window; if none did, the stalest key.
    fn evict(&mut self, window: Duration, now: Instant) {
        self.map
            .retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < window));
        if self.map.len() >= MAX_KEYS {
            let stalest = self
                .map
                .iter()
                .min_by_key(|(_, q)| q.back().copied())
                .map(|(k, _)| k.clone());
            if let Some(k) = stalest {
                self.map.remove(&k);
            }
        }
    }
}

#[derive(Debug, Default)]
struct Inner {
    accounts: Failures<String>,
    addresses: Failures<IpAddr>,
}

#[derive(Debug, Default)]
pub struct Throttle {
    limits: Limits,
    inner: Mutex<Inner>,
}

/// An IPv6 client usually owns a whole /64; counting per /64 keeps one client from
/// escaping the limit by rotating addresses inside it.
fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
        v4 => v4,
    }
}

/// Usernames compare case-insensitively here so `Admin` and `admin` share one counter.
fn account_key(username: &str) -> String {
    username.trim().to_lowercase()
}

impl Throttle {
    pub fn new(limits: Limits) -> Self {
        Throttle {
            limits,
            inner: Mutex::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the maps inconsistent in a way that
        // matters (worst case a counter is off by one), so keep serving.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// When the attempt may be made, if it is refused now.
    pub fn check(&self, username: &str, addr: Option<IpAddr>, now: Instant) -> Option<Instant> {
        let l = self.limits;
        let mut inner = self.lock();
        let by_account =
            inner
                .accounts
                .blocked_until(&account_key(username), l.per_account, l.window, now);
        let by_address = addr.and_then(|a| {
            inner
                .addresses
                .blocked_until(&address_key(a), l.per_address, l.window, now)
        });
        by_account.max(by_address)
    }

    pub fn fail(&self, username: &str, addr: Option<IpAddr>, now: Instant) {
        let l = self.limits;
        let mut inner = self.lock();
        inner
            .accounts
            .record(account_key(username), l.per_account, l.window, now);
        if let Some(a) = addr {
            inner
                .addresses
                .record(address_key(a), l.per_address, l.window, now);
        }
    }

    /// A complete login clears the account's failures (not the address's: one success must
    /// not let an address go on guessing other accounts).
    pub fn succeed(&self, username: &str) {
        self.lock().accounts.map.remove(&account_key(username));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_blocks_after_limit_and_frees_after_window() {
        let t = Throttle::new(Limits::default());
        let t0 = Instant::now();
        for i in 0..5 {
            assert!(t.check("Ana", None, t0).is_none(), "attempt {i}");
            t.fail("ana", None, t0);
        }
        let until = t.check("ANA", None, t0).expect("blocked");
        assert_eq!(until, t0 + Duration::from_secs(900));
        assert!(t.check("ana", None, until).is_none());
        t.succeed("ana");
        assert!(t.check("ana", None, t0).is_none());
    }

    #[test]
    fn address_blocks_across_accounts_and_ipv6_by_prefix() {
        let t = Throttle::new(Limits::default());
        let now = Instant::now();
        let a: IpAddr = "2001:db8::1".parse().unwrap();
        let b: IpAddr = "2001:db8::2".parse().unwrap();
        for i in 0..20 {
            t.fail(&format!("user{i}"), Some(a), now);
        }
        assert!(t.check("someone", Some(b), now).is_some());
        assert!(
            t.check("someone", Some("192.0.2.1".parse().unwrap()), now)
                .is_none()
        );
    }

    #[test]
    fn memory_stays_bounded() {
        let t = Throttle::new(Limits::default());
        let now = Instant::now();
        for i in 0..(MAX_KEYS + 50) {
            t.fail(&format!("u{i}"), None, now);
        }
        assert!(t.lock().accounts.map.len() <= MAX_KEYS);
    }
}
