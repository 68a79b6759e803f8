//! The instance's identity: its id, the party it speaks for, and its two key pairs —
//! Ed25519 to sign what it sends, X25519 to open what is encrypted to it. They live in one
//! file of the key directory (by default `exchange/` in the data directory), readable by
//! the owner only, never in the database: a database copy, an export or a bundle cannot
//! carry them. A backup of the data directory takes the file into its (encrypted) archive.

use super::card::{Card, CardParty};
use super::{ExchangeError, b64, unb64};
use ed25519_dalek::SigningKey;
use hpke::{Deserializable, Kem, Serializable, kem::X25519HkdfSha256};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use taawun_core::{Id, Party};

/// The file in the key directory.
pub const IDENTITY_FILE: &str = "instance.json";

pub type ReceiveSecret = <X25519HkdfSha256 as Kem>::PrivateKey;
pub type ReceivePublic = <X25519HkdfSha256 as Kem>::PublicKey;

pub struct Identity {
    pub instance: Id,
    pub party: Id,
    pub name: String,
    pub url: Option<String>,
    pub(super) sign: SigningKey,
    pub(super) receive: ReceiveSecret,
    /// Keys made by `rotate`, announced to partners, not yet in use (`activate`): what is
    /// encrypted to the new receiving key by a partner that already confirmed it opens.
    pub(super) next: Option<(SigningKey, ReceiveSecret)>,
    /// Receiving keys replaced by `activate`: a bundle sealed to one before the partner
    /// heard of the change still opens.
    pub(super) previous: Vec<ReceiveSecret>,
    /// Signing keys replaced by `activate` (public, base64url): what this instance signed
    /// with them, such as a head's adoption of the minutes, still verifies.
    pub(super) previous_sign: Vec<String>,
}

/// The file's content. Secrets are base64url without padding.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    instance: Id,
    party: Id,
    name: String,
    url: Option<String>,
    sign_secret: String,
    receive_secret: String,
    #[serde(default)]
    next_sign_secret: Option<String>,
    #[serde(default)]
    next_receive_secret: Option<String>,
    #[serde(default)]
    previous_receive_secrets: Vec<String>,
    #[serde(default)]
    previous_sign_keys: Vec<String>,
}

impl Identity {
    /// Makes a new identity with fresh keys and writes it into `dir`, which is created
    /// owner-only; an identity already there is never replaced (its partners trust it).
    pub fn create(
        dir: &Path,
        party: Id,
        name: &str,
        url: Option<String>,
    ) -> Result<Identity, ExchangeError> {
        let path = dir.join(IDENTITY_FILE);
        if path.exists() {
            return Err(ExchangeError::IdentityExists(path));
        }
        let mut rng = rand::rngs::OsRng;
        let (receive, _) = X25519HkdfSha256::gen_keypair(&mut rng);
        let identity = Identity {
            instance: taawun_core::new_id(),
            party,
            name: name.to_string(),
            url,
            sign: SigningKey::generate(&mut rng),
            receive,
            next: None,
            previous: vec![],
            previous_sign: vec![],
        };
        identity.write(dir, false)?;
        Ok(identity)
    }

    /// Reads the identity in `dir`; refuses a file others may read, as ssh does.
    pub fn load(dir: &Path) -> Result<Identity, ExchangeError> {
        let path = dir.join(IDENTITY_FILE);
        let io = |e: std::io::Error| ExchangeError::Io(path.clone(), e.to_string());
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ExchangeError::NoIdentity(dir.to_path_buf()));
            }
            Err(e) => return Err(io(e)),
        };
        check_private(&path)?;
        let s: Stored = serde_json::from_str(&text)
            .map_err(|e| ExchangeError::Io(path.clone(), e.to_string()))?;
        let bad = |what: &str| ExchangeError::Io(path.clone(), format!("bad {what}"));
        let seed: [u8; 32] = unb64(&s.sign_secret)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| bad("signing key"))?;
        let receive = unb64(&s.receive_secret)
            .and_then(|b| ReceiveSecret::from_bytes(&b).ok())
            .ok_or_else(|| bad("receiving key"))?;
        let sign_of = |text: &str| -> Option<SigningKey> {
            let seed: [u8; 32] = unb64(text)?.try_into().ok()?;
            Some(SigningKey::from_bytes(&seed))
        };
        let receive_of = |text: &str| unb64(text).and_then(|b| ReceiveSecret::from_bytes(&b).ok());
        let next = match (&s.next_sign_secret, &s.next_receive_secret) {
            (Some(a), Some(b)) => Some((
                sign_of(a).ok_or_else(|| bad("next signing key"))?,
                receive_of(b).ok_or_else(|| bad("next receiving key"))?,
            )),
            _ => None,
        };
        let previous = s
            .previous_receive_secrets
            .iter()
            .map(|t| receive_of(t).ok_or_else(|| bad("previous receiving key")))
            .collect::<Result<_, _>>()?;
        Ok(Identity {
            instance: s.instance,
            party: s.party,
            name: s.name,
            url: s.url,
            sign: SigningKey::from_bytes(&seed),
            receive,
            next,
            previous,
            previous_sign: s.previous_sign_keys,
        })
    }

    /// Makes the next key pairs (kept beside the current ones, not used to sign yet) and
    /// returns the announcement to hand to partners: the new card, signed by the current
    /// key. Refused while an earlier rotation awaits `activate`.
    pub fn rotate(&mut self, dir: &Path, party: &Party) -> Result<String, ExchangeError> {
        if self.next.is_some() {
            return Err(ExchangeError::Refused(
                "a new key already awaits activation: run `taawun exchange rotate --activate` once every partner confirmed it"
                    .into(),
            ));
        }
        let mut rng = rand::rngs::OsRng;
        let (receive, _) = X25519HkdfSha256::gen_keypair(&mut rng);
        self.next = Some((SigningKey::generate(&mut rng), receive));
        self.write(dir, true)?;
        self.announcement(party)
    }

    /// The announcement of the pending keys (see `rotate`).
    pub fn announcement(&self, party: &Party) -> Result<String, ExchangeError> {
        let Some((sign, receive)) = &self.next else {
            return Err(ExchangeError::Refused(
                "no new key awaits activation".into(),
            ));
        };
        let next = Identity {
            instance: self.instance,
            party: self.party,
            name: self.name.clone(),
            url: self.url.clone(),
            sign: sign.clone(),
            receive: receive.clone(),
            next: None,
            previous: vec![],
            previous_sign: vec![],
        };
        Ok(super::card::announce(self, &next.card(party)))
    }

    /// Puts the pending keys in use: they sign from now on; the replaced receiving key
    /// still opens what was sealed to it.
    pub fn activate(&mut self, dir: &Path) -> Result<(), ExchangeError> {
        let Some((sign, receive)) = self.next.take() else {
            return Err(ExchangeError::Refused(
                "no new key awaits activation".into(),
            ));
        };
        self.previous
            .push(std::mem::replace(&mut self.receive, receive));
        self.previous_sign.push(b64(&self.sign_public()));
        self.sign = sign;
        self.write(dir, true)
    }

    /// Every receiving key that may open an envelope: the current one first.
    pub(super) fn receiving_keys(&self) -> impl Iterator<Item = &ReceiveSecret> {
        std::iter::once(&self.receive)
            .chain(self.next.as_ref().map(|(_, r)| r))
            .chain(self.previous.iter())
    }

    fn write(&self, dir: &Path, replace: bool) -> Result<(), ExchangeError> {
        let path = dir.join(IDENTITY_FILE);
        let io = |e: std::io::Error| ExchangeError::Io(path.clone(), e.to_string());
        create_private_dir(dir).map_err(io)?;
        let stored = Stored {
            format: 1,
            instance: self.instance,
            party: self.party,
            name: self.name.clone(),
            url: self.url.clone(),
            sign_secret: b64(self.sign.as_bytes()),
            receive_secret: b64(&self.receive.to_bytes()),
            next_sign_secret: self.next.as_ref().map(|(s, _)| b64(s.as_bytes())),
            next_receive_secret: self.next.as_ref().map(|(_, r)| b64(&r.to_bytes())),
            previous_receive_secrets: self.previous.iter().map(|r| b64(&r.to_bytes())).collect(),
            previous_sign_keys: self.previous_sign.clone(),
        };
        let text = serde_json::to_string_pretty(&stored).unwrap_or_default();
        if !replace {
            return write_private(&path, text.as_bytes()).map_err(io);
        }
        // Written beside, then renamed over: a crash leaves the old file or the new one.
        let fresh = dir.join(format!("{IDENTITY_FILE}.new"));
        let _ = std::fs::remove_file(&fresh);
        write_private(&fresh, text.as_bytes()).map_err(io)?;
        std::fs::rename(&fresh, &path).map_err(io)
    }

    /// The Ed25519 public key, raw.
    pub fn sign_public(&self) -> [u8; 32] {
        self.sign.verifying_key().to_bytes()
    }

    /// The card fingerprint partners compared (`card::fingerprint`).
    pub fn fingerprint(&self) -> String {
        super::fingerprint(
            self.instance,
            &b64(&self.sign_public()),
            &b64(&self.receive_public()),
        )
    }

    /// Every signing key this instance has used, public and base64url: the current one
    /// first.
    pub fn signing_keys(&self) -> Vec<String> {
        std::iter::once(b64(&self.sign_public()))
            .chain(self.previous_sign.iter().cloned())
            .collect()
    }

    /// Ed25519 over `message` with the current key, base64url.
    pub fn sign_detached(&self, message: &[u8]) -> String {
        use ed25519_dalek::Signer as _;
        b64(&self.sign.sign(message).to_bytes())
    }

    /// The X25519 public key, raw.
    pub fn receive_public(&self) -> Vec<u8> {
        X25519HkdfSha256::sk_to_pk(&self.receive)
            .to_bytes()
            .to_vec()
    }

    /// The card handed to partners: public keys, self-signed.
    pub fn card(&self, party: &Party) -> Card {
        Card::signed(
            self,
            CardParty {
                id: party.id,
                iso_code: party.iso_code.clone(),
                name: party.name.clone(),
            },
        )
    }

    pub fn dir_default(data_dir: &Path) -> PathBuf {
        data_dir.join("exchange")
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(unix)]
fn check_private(path: &Path) -> Result<(), ExchangeError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|e| ExchangeError::Io(path.to_path_buf(), e.to_string()))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(ExchangeError::KeysReadable(path.to_path_buf()));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_: &Path) -> Result<(), ExchangeError> {
    Ok(())
}
