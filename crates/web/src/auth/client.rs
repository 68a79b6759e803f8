//! Who the client is, by address: the TCP peer, unless the peer is a reverse proxy the
//! operator named with `--trusted-proxy`; then the client is the rightmost address of
//! `X-Forwarded-For` that is not itself a trusted proxy. A header from any other peer is
//! ignored, so a client cannot choose the address it is throttled under. Behind a proxy
//! nobody trusts, every client would share the proxy's address (and its login limit).

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use crate::AppState;

/// An address (`192.0.2.10`, `::1`) or a network (`10.0.0.0/8`, `fd00::/8`) whose requests
/// may say which client they carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustedProxy {
    net: IpAddr,
    prefix: u8,
}

impl FromStr for TrustedProxy {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let bad = || format!("{text:?} is not an IP address or network like 10.0.0.0/8");
        let (addr, prefix) = match t.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (t, None),
        };
        let net: IpAddr = addr.parse().map_err(|_| bad())?;
        let net = net.to_canonical();
        let max = if net.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(bad)?,
            None => max,
        };
        Ok(TrustedProxy { net, prefix })
    }
}

impl TrustedProxy {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.net, ip.to_canonical()) {
            (IpAddr::V4(n), IpAddr::V4(a)) => same_prefix(&n.octets(), &a.octets(), self.prefix),
            (IpAddr::V6(n), IpAddr::V6(a)) => same_prefix(&n.octets(), &a.octets(), self.prefix),
            _ => false,
        }
    }
}

/// Whether the first `bits` bits of `a` and `b` agree.
fn same_prefix(a: &[u8], b: &[u8], bits: u8) -> bool {
    let bits = usize::from(bits);
    let (whole, rest) = (bits / 8, bits % 8);
    if a[..whole] != b[..whole] {
        return false;
    }
    rest == 0 || {
        let mask = 0xffu8 << (8 - rest);
        a[whole] & mask == b[whole] & mask
    }
}

/// The client's address for a request from `peer`. Every `X-Forwarded-For` header is read,
/// in order, as one list; each proxy appends the address it received from. Walking from the
/// right past trusted proxies finds the first address no trusted proxy vouches past. An
/// entry that is not an address stops the walk at the last trusted hop (the proxy itself
/// is then counted), so garbage cannot pick a fresh counter.
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &[TrustedProxy],
) -> Option<IpAddr> {
    let peer = peer?.to_canonical();
    let is_trusted = |ip: IpAddr| trusted.iter().any(|t| t.contains(ip));
    if !is_trusted(peer) {
        return Some(peer);
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            return Some(client);
        };
        client = ip.to_canonical();
        if !is_trusted(client) {
            return Some(client);
        }
    }
    // Every hop was a trusted proxy: the leftmost is as far as anyone vouches.
    Some(client)
}

/// The client's address when the server knows it (it does when served by `taawun serve`;
/// tests through `oneshot` have none unless they set `ConnectInfo`, and are then throttled
/// per account only).
pub struct ClientAddr(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(a)| a.ip());
        Ok(ClientAddr(client_address(
            peer,
            &parts.headers,
            &state.auth.config.trusted_proxies,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    #[test]
    fn networks_parse_and_contain() {
        let n: TrustedProxy = "10.0.0.0/8".parse().unwrap();
        assert!(n.contains(ip("10.20.30.40")));
        assert!(
            n.contains(ip("::ffff:10.1.1.1")),
            "a mapped peer is its IPv4"
        );
        assert!(!n.contains(ip("11.0.0.1")));
        let one: TrustedProxy = "192.0.2.10".parse().unwrap();
        assert!(one.contains(ip("192.0.2.10")) && !one.contains(ip("192.0.2.11")));
        let v6: TrustedProxy = "2001:db8::/33".parse().unwrap();
        assert!(v6.contains(ip("2001:db8:7fff::1")));
        assert!(!v6.contains(ip("2001:db8:8000::1")));
        for bad in ["", "proxy", "10.0.0.0/33", "::/129", "1.2.3.4/x"] {
            assert!(bad.parse::<TrustedProxy>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_peer() {
        let trusted = ["192.0.2.10".parse().unwrap(), "10.0.0.0/8".parse().unwrap()];
        let h = forwarded(&["203.0.113.5, 10.1.1.1"]);
        // Untrusted peer: its header is ignored.
        assert_eq!(
            client_address(Some(ip("198.51.100.7")), &h, &trusted),
            Some(ip("198.51.100.7"))
        );
        // Trusted peer, through another trusted hop: the client left of them.
        assert_eq!(
            client_address(Some(ip("192.0.2.10")), &h, &trusted),
            Some(ip("203.0.113.5"))
        );
        // What the client itself wrote at the left is not believed past the first
        // untrusted address.
        let spoof = forwarded(&["1.1.1.1", "203.0.113.5"]);
        assert_eq!(
            client_address(Some(ip("192.0.2.10")), &spoof, &trusted),
            Some(ip("203.0.113.5"))
        );
        // No header, or garbage: the proxy itself.
        assert_eq!(
            client_address(Some(ip("192.0.2.10")), &HeaderMap::new(), &trusted),
            Some(ip("192.0.2.10"))
        );
        assert_eq!(
            client_address(Some(ip("192.0.2.10")), &forwarded(&["junk"]), &trusted),
            Some(ip("192.0.2.10"))
        );
        assert_eq!(client_address(None, &h, &trusted), None);
    }
}
