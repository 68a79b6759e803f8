//! The instance card: what a partner's administrator registers — instance id, party, name,
//! optional URL and the two public keys — signed by the instance's own signing key, so a
//! card altered on its way no longer verifies. Its fingerprint is what the two
//! administrators read to each other out of band before registering it.

use super::keys::Identity;
use super::{ExchangeError, b64, unb64};
use ed25519_dalek::{Signature, Signer, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use taawun_core::{Id, LocalizedText};

pub const CARD_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardParty {
    /// The party's id at the card's instance.
    pub id: Id,
    /// ISO 3166-1 alpha-2 code of a state: how a party is recognised across instances.
    pub iso_code: Option<String>,
    pub name: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub format: u32,
    pub instance: Id,
    pub party: CardParty,
    pub name: String,
    pub url: Option<String>,
    /// Ed25519 public key, raw, base64url without padding.
    pub sign_key: String,
    /// X25519 public key, raw, base64url without padding.
    pub receive_key: String,
    /// Ed25519 signature, by `sign_key`, of the card's RFC 8785 form without this field.
    #[serde(default)]
    pub signature: String,
}

impl Card {
    pub(super) fn signed(identity: &Identity, party: CardParty) -> Card {
        let mut card = Card {
            format: CARD_FORMAT,
            instance: identity.instance,
            party,
            name: identity.name.clone(),
            url: identity.url.clone(),
            sign_key: b64(&identity.sign_public()),
            receive_key: b64(&identity.receive_public()),
            signature: String::new(),
        };
        let sig = identity.sign.sign(&card.signed_bytes());
        card.signature = b64(&sig.to_bytes());
        card
    }

    /// What the signature covers: the card without its signature, in RFC 8785 form.
    fn signed_bytes(&self) -> Vec<u8> {
        let mut unsigned = self.clone();
        unsigned.signature = String::new();
        let mut value = serde_json::to_value(&unsigned).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            map.remove("signature");
        }
        serde_jcs::to_vec(&value).unwrap_or_default()
    }

    /// Reads a card and checks its self-signature.
    pub fn parse(text: &str) -> Result<Card, ExchangeError> {
        let card: Card = serde_json::from_str(text).map_err(|_| ExchangeError::BadCard)?;
        if card.format > CARD_FORMAT {
            return Err(ExchangeError::NewerFormat);
        }
        let key = verifying_key(&card.sign_key).ok_or(ExchangeError::BadCard)?;
        let sig = unb64(&card.signature)
            .and_then(|b| Signature::from_slice(&b).ok())
            .ok_or(ExchangeError::BadCard)?;
        key.verify(&card.signed_bytes(), &sig)
            .map_err(|_| ExchangeError::BadCard)?;
        if unb64(&card.receive_key).is_none_or(|k| k.len() != 32) {
            return Err(ExchangeError::BadCard);
        }
        Ok(card)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(self.instance, &self.sign_key, &self.receive_key)
    }

    /// The partner this card registers: speaking for the local `party`, sharing
    /// `commissions` at `clearance`, reached at `url` (else the card's).
    pub fn partner(
        &self,
        party: Id,
        commissions: Vec<Id>,
        clearance: taawun_core::Marking,
        url: Option<String>,
    ) -> taawun_store::exchange::Partner {
        taawun_store::exchange::Partner {
            instance_id: self.instance,
            party_id: party,
            name: self.name.clone(),
            sign_key: self.sign_key.clone(),
            receive_key: self.receive_key.clone(),
            fingerprint: self.fingerprint(),
            url: url.or_else(|| self.url.clone()),
            commissions,
            clearance,
            revoked_at: None,
            registered_at: chrono::Utc::now(),
            card: self.to_json(),
            previous_sign_key: None,
            previous_fingerprint: None,
        }
    }
}

/// The fingerprint of an instance's keys: SHA-256 of
/// `taawun-card:1:{instance}:{sign_key}:{receive_key}` (keys as on the card), its first 20
/// bytes in upper-case hex, in ten groups of four — short enough to read over a telephone,
/// long enough (160 bits) that no other key pair can be made to match it.
pub fn fingerprint(instance: Id, sign_key: &str, receive_key: &str) -> String {
    let digest = Sha256::digest(format!("taawun-card:1:{instance}:{sign_key}:{receive_key}"));
    let hex: String = digest[..20].iter().map(|b| format!("{b:02X}")).collect();
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two fingerprints are the same, however the person typed the groups.
pub fn same_fingerprint(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    !norm(a).is_empty() && norm(a) == norm(b)
}

pub(super) fn verifying_key(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = unb64(text)?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// A key announcement: the instance's new card, signed by its current key, so that a
/// partner knows the new keys come from the instance it registered. The partner's
/// administrator still confirms the new fingerprint out of band (`accept`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Announcement {
    pub format: u32,
    #[serde(rename = "type")]
    pub kind: String,
    pub new_card: Card,
    /// Ed25519 signature, by the current key, of the new card's RFC 8785 form.
    pub signature: String,
}

pub(super) fn announce(current: &Identity, new_card: &Card) -> String {
    let bytes = serde_jcs::to_vec(new_card).unwrap_or_default();
    let a = Announcement {
        format: CARD_FORMAT,
        kind: "key-announcement".into(),
        new_card: new_card.clone(),
        signature: b64(&current.sign.sign(&bytes).to_bytes()),
    };
    serde_json::to_string_pretty(&a).unwrap_or_default()
}

/// The new card an announcement carries, once checked: signed by `current_sign_key` (the
/// partner's registered key), its own self-signature good, and its fingerprint the one the
/// administrator heard out of band.
pub fn accept(
    text: &str,
    current_sign_key: &str,
    instance: Id,
    heard: &str,
) -> Result<Card, ExchangeError> {
    let a: Announcement = serde_json::from_str(text).map_err(|_| ExchangeError::BadCard)?;
    if a.kind != "key-announcement" || a.new_card.instance != instance {
        return Err(ExchangeError::BadCard);
    }
    let key = verifying_key(current_sign_key).ok_or(ExchangeError::BadCard)?;
    let sig = unb64(&a.signature)
        .and_then(|b| Signature::from_slice(&b).ok())
        .ok_or(ExchangeError::BadCard)?;
    let bytes = serde_jcs::to_vec(&a.new_card).unwrap_or_default();
    key.verify(&bytes, &sig)
        .map_err(|_| ExchangeError::BadCard)?;
    let card = Card::parse(&serde_json::to_string(&a.new_card).unwrap_or_default())?;
    if !same_fingerprint(heard, &card.fingerprint()) {
        return Err(ExchangeError::FingerprintMismatch(card.fingerprint()));
    }
    Ok(card)
}
