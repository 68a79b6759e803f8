//! The second factor: TOTP (RFC 6238, SHA-1, 6 digits, 30 s — what every authenticator app
//! reads), its enrolment QR code as inline SVG, and single-use recovery codes kept only as
//! SHA-256 hashes.

use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

/// Recovery codes issued at enrolment.
pub const RECOVERY_CODES: usize = 10;
/// Unambiguous alphabet for recovery codes (no 0/O, 1/I/L): people copy them by hand.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const STEP: u64 = 30;

/// A fresh random secret of 160 bits (RFC 4226's recommendation), base32-encoded.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    match Secret::Raw(bytes.to_vec()).to_encoded() {
        Secret::Encoded(s) => s,
        Secret::Raw(_) => String::new(),
    }
}

fn totp(secret_b32: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_b32.to_string()).to_bytes().ok()?;
    // One step of skew either way: phones drift, and typing takes time.
    TOTP::new(Algorithm::SHA1, 6, 1, STEP, bytes).ok()
}

/// The time step a code matches at `unix_secs` (±1 step), if it does. Callers refuse a step
/// already used by the same user, so an overheard code cannot be replayed.
pub fn matching_step(secret_b32: &str, code: &str, unix_secs: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret_b32)?;
    let now = unix_secs / STEP;
    [now, now.saturating_sub(1), now + 1]
        .into_iter()
        .find(|step| constant_eq(t.generate(step * STEP).as_bytes(), code.as_bytes()))
}

/// The current code (for tests and for showing what a clock-skewed phone should read).
pub fn code_at(secret_b32: &str, unix_secs: u64) -> Option<String> {
    totp(secret_b32).map(|t| t.generate(unix_secs))
}

/// `otpauth://` URI as authenticator apps expect it (Key Uri Format).
pub fn otpauth_uri(issuer: &str, account: &str, secret_b32: &str) -> String {
    let issuer = percent(issuer);
    format!(
        "otpauth://totp/{issuer}:{account}?secret={secret_b32}&issuer={issuer}&algorithm=SHA1&digits=6&period={STEP}",
        account = percent(account),
    )
}

fn percent(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The QR code of `data` as an `<svg>` element to inline in a page (no XML prolog), named
/// `label` for screen readers, or `None` if the data cannot fit a QR code.
pub fn qr_svg(data: &str, label: &str) -> Option<String> {
    let code = qrcode::QrCode::new(data.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    let start = svg.find("<svg")?;
    let body = &svg[start + "<svg".len()..];
    Some(format!(
        "<svg role=\"img\" aria-label=\"{}\"{body}",
        crate::markup::escape(label)
    ))
}

/// Ten fresh recovery codes, shown as `XXXXX-XXXXX` (50 bits each).
pub fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODES)
        .map(|_| {
            let raw: String = (0..10)
                .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
                .collect();
            format!("{}-{}", &raw[..5], &raw[5..])
        })
        .collect()
}

/// The stored form of a recovery code: hex SHA-256 of the code with case and separators
/// normalised, so `abcde fghjk` typed by hand matches `ABCDE-FGHJK`.
pub fn recovery_hash(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    hex(&Sha256::digest(normal.as_bytes()))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Equality whose time does not depend on where the inputs differ.
pub fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_step_only() {
        let s = new_secret();
        assert_eq!(s.len(), 32);
        let t = 1_700_000_000;
        let code = code_at(&s, t).unwrap();
        assert_eq!(matching_step(&s, &code, t), Some(t / 30));
        assert_eq!(matching_step(&s, &code, t + 30), Some(t / 30));
        assert_eq!(matching_step(&s, &code, t + 300), None);
        assert_eq!(matching_step(&s, "12345", t), None);
    }

    #[test]
    fn recovery_codes_normalise_and_differ() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let c = &codes[0];
        assert_eq!(
            recovery_hash(c),
            recovery_hash(&c.to_lowercase().replace('-', " "))
        );
        assert_ne!(recovery_hash(&codes[0]), recovery_hash(&codes[1]));
        assert_eq!(recovery_hash(c).len(), 64);
    }

    #[test]
    fn qr_is_inline_svg_and_uri_is_encoded() {
        let uri = otpauth_uri("Taawun", "ana lopez", "ABC");
        assert!(uri.starts_with("otpauth://totp/Taawun:ana%20lopez?secret=ABC&issuer=Taawun"));
        let svg = qr_svg(&uri, "QR \"code\"").unwrap();
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"QR &quot;code&quot;\""));
        assert!(svg.ends_with("</svg>"), "{svg}");
    }
}
