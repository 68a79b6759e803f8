//! HTTPS pull: this instance fetches, from a partner's URL, the bundles the partner has for
//! it, applies each (`inbox::receive`) and posts back the signed receipt; every request is
//! signed with the instance key (`httpsig`). `serve` runs it periodically, `taawun exchange
//! sync` once. Fetching a bundle twice is harmless: a bundle is applied once, and the
//! partner serves a bundle it already sent as the same bytes.

use super::inbox::{self, Arrived};
use super::{ExchangeError, Identity, Refusal, httpsig};
use std::sync::Arc;
use std::time::Duration;
use taawun_core::{Id, Lang};
use taawun_store::Store;
use taawun_store::exchange::Direction;

/// The largest response read: a bundle's cap with room to spare.
const MAX_BODY: u64 = 256 * 1024 * 1024;
/// Bundles fetched in one run at most, so a partner cannot keep a run going for ever.
const MAX_ROUNDS: usize = 1_000;

/// What one run did with one partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synced {
    pub partner: Id,
    /// The bundles applied (seq, records).
    pub applied: Vec<(i64, usize)>,
    /// Why the run stopped early, if it did.
    pub refused: Option<Refusal>,
}

struct Reply {
    status: u16,
    body: Vec<u8>,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(60)))
        .http_status_as_error(false)
        .build()
        .into()
}

/// One signed request, on the blocking pool.
async fn call(
    identity: &Arc<Identity>,
    base_url: &str,
    path: &'static str,
    query: Option<String>,
    body: Option<Vec<u8>>,
) -> Result<Reply, ExchangeError> {
    let identity = identity.clone();
    let base_url = base_url.trim_end_matches('/').to_string();
    tokio::task::spawn_blocking(move || {
        let method = if body.is_some() { "POST" } else { "GET" };
        let now = chrono::Utc::now().timestamp();
        let signed = httpsig::sign(&identity, method, path, query.as_deref(), now);
        let url = match &query {
            Some(q) => format!("{base_url}{path}?{q}"),
            None => format!("{base_url}{path}"),
        };
        let failed = |e: ureq::Error| ExchangeError::Unreachable(format!("{base_url}: {e}"));
        let mut response = match body {
            Some(b) => agent()
                .post(&url)
                .header("Signature-Input", &signed.signature_input)
                .header("Signature", &signed.signature)
                .header("Content-Type", "application/json")
                .send(&b[..])
                .map_err(failed)?,
            None => agent()
                .get(&url)
                .header("Signature-Input", &signed.signature_input)
                .header("Signature", &signed.signature)
                .call()
                .map_err(failed)?,
        };
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(failed)?;
        Ok(Reply { status, body })
    })
    .await
    .map_err(|e| ExchangeError::Unreachable(e.to_string()))?
}

/// The blobs of the files a pulled bundle names, fetched from the partner by signed
/// requests (`GET /exchange/file?sha256=…`).
struct HttpBlobs {
    identity: Arc<Identity>,
    url: String,
}

impl inbox::Blobs for HttpBlobs {
    fn fetch<'a>(&'a self, sha256: &'a str) -> inbox::Fetching<'a> {
        Box::pin(async move {
            let reply = call(
                &self.identity,
                &self.url,
                "/exchange/file",
                Some(format!("sha256={sha256}")),
                None,
            )
            .await
            .ok()?;
            (reply.status == 200).then_some(reply.body)
        })
    }
}

/// Pulls what `partner` has for this instance, until it has nothing more.
pub async fn pull(
    store: Arc<dyn Store>,
    identity: Arc<Identity>,
    partner: Id,
) -> Result<Synced, ExchangeError> {
    let p = store
        .exchange_partner(partner)
        .await?
        .ok_or_else(|| ExchangeError::UnknownPartner(partner.to_string()))?;
    if p.revoked_at.is_some() {
        return Err(ExchangeError::Revoked(partner.to_string()));
    }
    let url = p
        .url
        .clone()
        .ok_or_else(|| ExchangeError::Unreachable(format!("partner {partner} has no URL")))?;
    let mut done = Synced {
        partner,
        applied: vec![],
        refused: None,
    };
    for _ in 0..MAX_ROUNDS {
        let after = store
            .exchange_head(partner, Direction::In)
            .await?
            .and_then(|h| h.seq)
            .unwrap_or(0);
        let reply = call(
            &identity,
            &url,
            "/exchange/outbox",
            Some(format!("after={after}")),
            None,
        )
        .await?;
        match reply.status {
            204 => break,
            200 => {}
            s => {
                return Err(ExchangeError::Unreachable(format!(
                    "{url} answered {s}: is this instance registered there?"
                )));
            }
        }
        let blobs = HttpBlobs {
            identity: identity.clone(),
            url: url.clone(),
        };
        let got = inbox::receive_with(store.clone(), &identity, &reply.body, &blobs).await?;
        if let Some(receipt) = got.receipt {
            call(
                &identity,
                &url,
                "/exchange/inbox",
                None,
                Some(receipt.into_bytes()),
            )
            .await?;
        }
        match got.outcome {
            Arrived::Applied { seq, records } => done.applied.push((seq, records)),
            Arrived::AlreadyApplied { .. } | Arrived::Receipt { .. } => {}
            Arrived::Refused(r) => {
                done.refused = Some(r);
                break;
            }
        }
    }
    Ok(done)
}

/// Pulls from every partner that has a URL and is not revoked; a partner that cannot be
/// reached is reported and the others are still pulled.
pub async fn pull_all(
    store: Arc<dyn Store>,
    identity: Arc<Identity>,
) -> Result<Vec<Result<Synced, (Id, String)>>, ExchangeError> {
    let mut out = Vec::new();
    for p in store.exchange_partners().await? {
        if p.revoked_at.is_some() || p.url.is_none() {
            continue;
        }
        out.push(
            pull(store.clone(), identity.clone(), p.instance_id)
                .await
                .map_err(|e| (p.instance_id, e.to_string())),
        );
    }
    Ok(out)
}

/// A refusal worded for logs and the command line.
pub fn describe(r: Refusal) -> String {
    r.message(Lang::En)
}

/// After a fork (see `Refusal::Fork`): resumes the outbound chain to `partner` after the
/// last bundle of ours it applied, which its latest fork receipt names, so that the next
/// bundle continues its chain and carries every record again. `None` when no fork receipt
/// came from that partner.
pub async fn resume(
    store: Arc<dyn Store>,
    actor: &taawun_store::Actor,
    partner: Id,
) -> Result<Option<(i64, String)>, ExchangeError> {
    let p = store
        .exchange_partner(partner)
        .await?
        .ok_or_else(|| ExchangeError::UnknownPartner(partner.to_string()))?;
    let log = store.exchange_log(partner, u32::MAX).await?;
    let Some(at) = log.iter().find_map(|row| {
        let rest = row.detail.as_deref()?.strip_prefix("fork:")?;
        let (seq, hash) = rest.split_once(':')?;
        (row.direction == Direction::In).then(|| (seq.parse::<i64>().ok(), hash.to_string()))
    }) else {
        return Ok(None);
    };
    let (Some(seq), hash) = at else {
        return Ok(None);
    };
    store
        .exchange_resume(actor, p.party_id, partner, seq, &hash)
        .await?;
    Ok(Some((seq, hash)))
}
