//! Requests between instances are signed with the instance key under RFC 9421 (HTTP
//! Message Signatures): Ed25519 (`alg="ed25519"`) over the method, path and query, with
//! the creation time, a random nonce, the sender's instance id as `keyid` and the tag
//! `taawun-exchange`. A request is accepted only from a registered partner that is not
//! revoked, created within `WINDOW` seconds of now, with a nonce never seen (the store
//! remembers them for twice the window), so a captured request cannot be replayed.
//!
//! Signing writes the standard headers (`Signature-Input`, `Signature`); verifying accepts
//! exactly that profile — one signature labelled `taawun`, those three components in that
//! order — and refuses anything else, which keeps the parser a few lines of our own
//! instead of a general Structured Fields parser. The signature base is RFC 9421 §2.5's.

use super::{Identity, b64, card::verifying_key};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer};
use rand::RngCore;
use std::sync::Arc;
use taawun_core::Id;
use taawun_store::Store;
use taawun_store::exchange::Partner;

/// How far a request's creation time may be from now, in seconds.
pub const WINDOW: i64 = 300;
const LABEL: &str = "taawun";
const TAG: &str = "taawun-exchange";
const COMPONENTS: &str = r#"("@method" "@path" "@query")"#;

/// The two headers of a signed request.
pub struct Signed {
    pub signature_input: String,
    pub signature: String,
}

fn base(method: &str, path: &str, query: Option<&str>, params: &str) -> String {
    let path = if path.is_empty() { "/" } else { path };
    format!(
        "\"@method\": {}\n\"@path\": {path}\n\"@query\": ?{}\n\"@signature-params\": {params}",
        method.to_ascii_uppercase(),
        query.unwrap_or("")
    )
}

/// Signs a request as `identity` at `now` (seconds since the epoch).
pub fn sign(
    identity: &Identity,
    method: &str,
    path: &str,
    query: Option<&str>,
    now: i64,
) -> Signed {
    let mut nonce = [0u8; 18];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let params = format!(
        r#"{COMPONENTS};created={now};nonce="{}";keyid="{}";alg="ed25519";tag="{TAG}""#,
        b64(&nonce),
        identity.instance
    );
    let sig = identity
        .sign
        .sign(base(method, path, query, &params).as_bytes());
    Signed {
        signature_input: format!("{LABEL}={params}"),
        signature: format!("{LABEL}=:{}:", STANDARD.encode(sig.to_bytes())),
    }
}

/// The parameters of our profile, read from `Signature-Input`'s value after `taawun=`.
struct Params {
    created: i64,
    nonce: String,
    keyid: Id,
}

fn params(text: &str) -> Option<Params> {
    let rest = text.strip_prefix(COMPONENTS)?;
    let (mut created, mut nonce, mut keyid, mut alg, mut tag) = (None, None, None, None, None);
    for pair in rest.split(';').skip(1) {
        let (name, value) = pair.split_once('=')?;
        let quoted = || {
            value
                .strip_prefix('"')?
                .strip_suffix('"')
                .filter(|v| !v.contains(['"', '\\']))
                .map(str::to_string)
        };
        let slot = match name {
            "created" => {
                created = Some(value.parse::<i64>().ok()?);
                continue;
            }
            "nonce" => &mut nonce,
            "keyid" => &mut keyid,
            "alg" => &mut alg,
            "tag" => &mut tag,
            _ => return None,
        };
        if slot.replace(quoted()?).is_some() {
            return None;
        }
    }
    if !rest.starts_with(';') || alg.as_deref() != Some("ed25519") || tag.as_deref() != Some(TAG) {
        return None;
    }
    let nonce = nonce.filter(|n| (16..=64).contains(&n.len()))?;
    Some(Params {
        created: created?,
        nonce,
        keyid: keyid?.parse().ok()?,
    })
}

/// The partner a request comes from, when it is signed under our profile by a registered
/// partner that is not revoked, is fresh, and was never seen; `None` for anything else
/// (the caller answers as for a page that does not exist).
pub async fn verify(
    store: &Arc<dyn Store>,
    method: &str,
    path: &str,
    query: Option<&str>,
    signature_input: Option<&str>,
    signature: Option<&str>,
    now: i64,
) -> Option<Partner> {
    let text = signature_input?.strip_prefix(LABEL)?.strip_prefix('=')?;
    let p = params(text)?;
    if (now - p.created).abs() > WINDOW {
        return None;
    }
    let sig = signature?
        .strip_prefix(LABEL)?
        .strip_prefix("=:")?
        .strip_suffix(':')?;
    let sig = Signature::from_slice(&STANDARD.decode(sig).ok()?).ok()?;
    let partner = store.exchange_partner(p.keyid).await.ok()??;
    if partner.revoked_at.is_some() {
        return None;
    }
    let key = verifying_key(&partner.sign_key)?;
    key.verify_strict(base(method, path, query, text).as_bytes(), &sig)
        .ok()?;
    // Only a request that verifies spends a nonce: an outsider cannot fill the table.
    let fresh = store
        .exchange_nonce(partner.instance_id, &p.nonce, now, now - 2 * WINDOW)
        .await
        .ok()?;
    fresh.then_some(partner)
}
