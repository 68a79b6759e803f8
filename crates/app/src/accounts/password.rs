//! Password hashing with argon2id, stored as PHC strings (`$argon2id$v=19$…`), so the
//! parameters travel with each hash and can be raised later without breaking old ones.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::LazyLock;

/// Errors of hashing; only a broken parameter set or an absurd input can cause one.
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

impl HashError {
    pub(crate) fn new(why: String) -> Self {
        HashError(why)
    }
}

/// argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane): OWASP's minimum
/// recommendation, and affordable on 2-core servers under a burst of logins.
fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

/// Hashes a password into a PHC string with a fresh random salt. The caller checks the
/// password policy (`taawun_core::rules::check_password`) first.
pub fn hash_password(password: &str) -> Result<String, HashError> {
    hash_with_salt(password, &SaltString::generate(&mut rand::rngs::OsRng))
}

/// Hashes with a salt the caller chose: the data generator's, drawn from its seed, so a
/// generated data set is the same row for row (its password is published anyway). Every
/// real password takes a fresh random salt (`hash_password`).
pub(crate) fn hash_with_seeded_salt(password: &str, salt: [u8; 16]) -> Result<String, HashError> {
    let salt = SaltString::encode_b64(&salt).map_err(|e| HashError(e.to_string()))?;
    hash_with_salt(password, &salt)
}

fn hash_with_salt(password: &str, salt: &SaltString) -> Result<String, HashError> {
    hasher()
        .hash_password(password.as_bytes(), salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the stored PHC string. A malformed hash never matches.
pub fn verify_password(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash of nothing anyone knows, verified when the account does not exist or is
/// disabled, so that the answer takes as long as for a real account (no user enumeration
/// by timing).
static DUMMY: LazyLock<String> =
    LazyLock::new(|| hash_password("no account has this password").unwrap_or_default());

/// Spends the time of one verification and always fails.
pub fn verify_nothing(password: &str) -> bool {
    let _ = verify_password(password, &DUMMY);
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_phc_format() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$v=19$"), "{h}");
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse batterY", &h));
        assert!(!verify_password("x", "not a phc string"));
        // Salted: the same password hashes differently each time.
        assert_ne!(h, hash_password("correct horse battery").unwrap());
        assert!(!verify_nothing("no account has this password"));
    }
}
