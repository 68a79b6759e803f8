//! The envelope a bundle or receipt travels in: signed, then encrypted (see
//! `docs/exchange.md` for the byte-exact description a third party can follow).
//!
//! - Signed: the payload (JSON) is a JWS in compact serialisation (RFC 7515) with
//!   `alg` `EdDSA` (RFC 8037, Ed25519), `kid` the sender's fingerprint.
//! - Encrypted: the JWS's ASCII bytes are sealed with HPKE (RFC 9180) in base mode, suite
//!   DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, to the receiver's X25519
//!   key, `info` = `INFO`, `aad` = the envelope's header in RFC 8785 form, so that the
//!   header's sender and receiver cannot be swapped without the opening failing.
//!
//! The envelope is a small JSON object: its header fields, `enc` (the encapsulated key) and
//! `ciphertext`, both base64url. Nothing in it is readable without the receiver's key but
//! who sends it to whom, which any carrier knows anyway.

use super::card::verifying_key;
use super::keys::{Identity, ReceivePublic};
use super::{Refusal, b64, unb64};
use ed25519_dalek::{Signature, Signer};
use hpke::{
    Deserializable, OpModeR, OpModeS, Serializable, aead::ChaCha20Poly1305, kdf::HkdfSha256,
    kem::X25519HkdfSha256,
};
use serde::{Deserialize, Serialize};
use taawun_core::Id;

/// The envelope format this instance writes and the newest it reads.
pub const FORMAT: &str = "taawun-exchange/1";
pub const SUITE: &str = "HPKE-Base/DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/ChaCha20Poly1305";
/// HPKE `info`: binds the key schedule to this use.
pub const INFO: &[u8] = b"taawun exchange 1";
/// The JWS `typ`.
pub const JWS_TYP: &str = "taawun-exchange+json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub suite: String,
    pub sender: Id,
    pub receiver: Id,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Envelope {
    #[serde(flatten)]
    header: Header,
    enc: String,
    ciphertext: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct JwsHeader {
    alg: String,
    kid: String,
    typ: String,
}

/// An envelope opened with this instance's key, its signature not yet checked.
pub struct Opened {
    pub header: Header,
    /// The JWS header's `kid`: the fingerprint the sender says signed it.
    pub kid: String,
    jws: String,
}

impl Header {
    fn aad(&self) -> Vec<u8> {
        serde_jcs::to_vec(self).unwrap_or_default()
    }
}

/// Reads an envelope's header without opening it: who sent it to whom.
pub fn header_of(text: &[u8]) -> Result<Header, Refusal> {
    let env: Envelope = serde_json::from_slice(text).map_err(|_| Refusal::NotAnEnvelope)?;
    Ok(env.header)
}

/// Signs `payload` as `identity` with `kid` its fingerprint, and encrypts it to `receiver`.
pub fn seal(
    identity: &Identity,
    kid: &str,
    receiver: Id,
    receive_key: &str,
    payload: &[u8],
) -> Result<String, Refusal> {
    let header = Header {
        format: FORMAT.to_string(),
        suite: SUITE.to_string(),
        sender: identity.instance,
        receiver,
    };
    let jws_header = JwsHeader {
        alg: "EdDSA".into(),
        kid: kid.to_string(),
        typ: JWS_TYP.into(),
    };
    let protected = b64(&serde_json::to_vec(&jws_header).unwrap_or_default());
    let signing_input = format!("{protected}.{}", b64(payload));
    let sig = identity.sign.sign(signing_input.as_bytes());
    let jws = format!("{signing_input}.{}", b64(&sig.to_bytes()));
    let pk = unb64(receive_key)
        .and_then(|b| ReceivePublic::from_bytes(&b).ok())
        .ok_or(Refusal::UnknownSender)?;
    let (enc, ciphertext) =
        hpke::single_shot_seal::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256, _>(
            &OpModeS::Base,
            &pk,
            INFO,
            jws.as_bytes(),
            &header.aad(),
            &mut rand::rngs::OsRng,
        )
        .map_err(|_| Refusal::CannotDecrypt)?;
    let env = Envelope {
        header,
        enc: b64(&enc.to_bytes()),
        ciphertext: b64(&ciphertext),
    };
    Ok(serde_json::to_string(&env).unwrap_or_default())
}

/// Opens an envelope addressed to `identity`: a newer format, another receiver or a
/// ciphertext that does not open (tampered, or sealed to another key) is refused.
pub fn open(identity: &Identity, text: &[u8]) -> Result<Opened, Refusal> {
    let env: Envelope = serde_json::from_slice(text).map_err(|_| Refusal::NotAnEnvelope)?;
    if env.header.format != FORMAT {
        return Err(if env.header.format.starts_with("taawun-exchange/") {
            Refusal::NewerFormat
        } else {
            Refusal::NotAnEnvelope
        });
    }
    if env.header.receiver != identity.instance {
        return Err(Refusal::OtherReceiver);
    }
    let enc = unb64(&env.enc)
        .and_then(|b| <X25519HkdfSha256 as hpke::Kem>::EncappedKey::from_bytes(&b).ok())
        .ok_or(Refusal::CannotDecrypt)?;
    let ciphertext = unb64(&env.ciphertext).ok_or(Refusal::CannotDecrypt)?;
    // The current receiving key, then one announced and not yet in use, then replaced ones.
    let plain = identity
        .receiving_keys()
        .find_map(|key| {
            hpke::single_shot_open::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256>(
                &OpModeR::Base,
                key,
                &enc,
                INFO,
                &ciphertext,
                &env.header.aad(),
            )
            .ok()
        })
        .ok_or(Refusal::CannotDecrypt)?;
    let jws = String::from_utf8(plain).map_err(|_| Refusal::BadSignature)?;
    let protected = jws.split('.').next().unwrap_or_default();
    let jws_header: JwsHeader = unb64(protected)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(Refusal::BadSignature)?;
    if jws_header.alg != "EdDSA" {
        return Err(Refusal::BadSignature);
    }
    Ok(Opened {
        header: env.header,
        kid: jws_header.kid,
        jws,
    })
}

impl Opened {
    /// The payload, once the signature is checked against `sign_key` (base64url Ed25519).
    pub fn verified(&self, sign_key: &str) -> Result<Vec<u8>, Refusal> {
        let key = verifying_key(sign_key).ok_or(Refusal::BadSignature)?;
        let mut parts = self.jws.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(Refusal::BadSignature);
        };
        let sig = unb64(s)
            .and_then(|b| Signature::from_slice(&b).ok())
            .ok_or(Refusal::BadSignature)?;
        key.verify_strict(format!("{h}.{p}").as_bytes(), &sig)
            .map_err(|_| Refusal::BadSignature)?;
        unb64(p).ok_or(Refusal::BadSignature)
    }
}
