//! The exchange between two parties' own instances (issue 16; `docs/exchange.md`): each
//! instance has its own identity and keys (`keys`), hands its card to the partner
//! (`card`), sends what the partner's reader may see as signed, encrypted bundles
//! (`outbox`, `envelope`, `payload`) and applies the partner's bundles only once they are
//! verified to continue its chain (`inbox`). Administrators alone run it.

pub mod admin;
pub mod adoption;
pub mod card;
pub mod envelope;
pub mod httpsig;
pub mod inbox;
pub mod keys;
pub mod outbox;
pub mod payload;
pub mod sync;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::path::PathBuf;
use taawun_store::StoreError;

pub use card::{Card, fingerprint, same_fingerprint};
pub use keys::Identity;

pub(crate) fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub(crate) fn unb64(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// Why a bundle or receipt was refused: nothing of it was applied. `key` names the
/// sentence (`exchange-refused-{key}` in the catalogues) and the log's detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NotAnEnvelope,
    NewerFormat,
    OtherReceiver,
    UnknownSender,
    RevokedSender,
    CannotDecrypt,
    BadSignature,
    OutOfOrder,
    Replayed,
    BrokenChain,
    NotItsRecord,
    AboveClearance,
    BadRecord,
    /// A bundle whose place in the chain another bundle took, branching from the same
    /// predecessor: the sender restored a backup and reused the seq (see `sync::resume`).
    Fork,
    /// A file the bundle names whose blob did not come with it (or does not open, or is not
    /// the content its SHA-256 names): the bundle waits until it can be read whole.
    MissingFile,
}

impl Refusal {
    pub const ALL: [Refusal; 15] = [
        Refusal::NotAnEnvelope,
        Refusal::NewerFormat,
        Refusal::OtherReceiver,
        Refusal::UnknownSender,
        Refusal::RevokedSender,
        Refusal::CannotDecrypt,
        Refusal::BadSignature,
        Refusal::OutOfOrder,
        Refusal::Replayed,
        Refusal::BrokenChain,
        Refusal::NotItsRecord,
        Refusal::AboveClearance,
        Refusal::BadRecord,
        Refusal::Fork,
        Refusal::MissingFile,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Refusal::NotAnEnvelope => "not-an-envelope",
            Refusal::NewerFormat => "newer-format",
            Refusal::OtherReceiver => "other-receiver",
            Refusal::UnknownSender => "unknown-sender",
            Refusal::RevokedSender => "revoked-sender",
            Refusal::CannotDecrypt => "cannot-decrypt",
            Refusal::BadSignature => "bad-signature",
            Refusal::OutOfOrder => "out-of-order",
            Refusal::Replayed => "replayed",
            Refusal::BrokenChain => "broken-chain",
            Refusal::NotItsRecord => "not-its-record",
            Refusal::AboveClearance => "above-clearance",
            Refusal::BadRecord => "bad-record",
            Refusal::Fork => "fork",
            Refusal::MissingFile => "missing-file",
        }
    }

    /// The sentence in `lang`.
    pub fn message(self, lang: taawun_core::Lang) -> String {
        taawun_i18n::message(lang, &format!("exchange-refused-{}", self.key()))
    }
}

/// What went wrong outside a bundle's verification: the identity, a card, the store.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("this instance has no exchange identity in {0}: run `taawun exchange init` first")]
    NoIdentity(PathBuf),
    #[error(
        "{0} already holds an exchange identity; partners trust its keys, so it is never replaced"
    )]
    IdentityExists(PathBuf),
    #[error("{0} may be read by others than its owner: run `chmod 600` on it")]
    KeysReadable(PathBuf),
    #[error("{0}: {1}")]
    Io(PathBuf, String),
    #[error("not a Taawun instance card, or its signature does not match its keys")]
    BadCard,
    #[error("written by a newer Taawun than this one: upgrade taawun")]
    NewerFormat,
    #[error("the fingerprint given does not match the card's ({0})")]
    FingerprintMismatch(String),
    #[error("no partner with instance id {0}")]
    UnknownPartner(String),
    #[error("the partner {0} is revoked")]
    Revoked(String),
    #[error("{0}")]
    Refused(String),
    #[error("not allowed")]
    NotAllowed,
    #[error("cannot reach the partner: {0}")]
    Unreachable(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}
