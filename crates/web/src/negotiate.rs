//! Which language a request is answered in: the `lang` cookie (set by the visible switch),
//! else the browser's Accept-Language (by q-value), else French, the working language both
//! partner administrations share.

use axum::http::{HeaderMap, header};
use taawun_core::Lang;

pub const COOKIE: &str = "lang";
pub const DEFAULT: Lang = Lang::Fr;

pub fn lang_of(headers: &HeaderMap) -> Lang {
    from_cookie(headers)
        .or_else(|| from_accept_language(headers))
        .unwrap_or(DEFAULT)
}

/// The language stored in the `lang` cookie, if it names one of ours exactly.
fn from_cookie(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.split_once('='))
        .filter(|(name, _)| name.trim() == COOKIE)
        .find_map(|(_, value)| exact(value.trim().trim_matches('"')))
}

/// Only our three bare codes: a cookie is ours to write, so anything else is noise.
pub fn exact(code: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.code() == code)
}

/// The best-weighted language of ours in Accept-Language (`fr-ML;q=0.8, ar;q=0.9`).
fn from_accept_language(headers: &HeaderMap) -> Option<Lang> {
    let mut best: Option<(u16, Lang)> = None;
    let values = headers
        .get_all(header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|v| v.to_str().ok());
    for entry in values.flat_map(|v| v.split(',')).take(64) {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let Some(lang) = Lang::parse(tag) else {
            continue;
        };
        let mut q = Some(1000);
        for param in parts {
            if let Some((k, v)) = param.split_once('=')
                && k.trim().eq_ignore_ascii_case("q")
            {
                q = quality(v.trim());
            }
        }
        // Strictly greater: among equal weights the first listed wins, as RFC 9110 intends.
        if let Some(q) = q.filter(|q| *q > 0)
            && best.is_none_or(|(b, _)| q > b)
        {
            best = Some((q, lang));
        }
    }
    best.map(|(_, l)| l)
}

/// A q-value in thousandths; malformed values disqualify the entry.
fn quality(v: &str) -> Option<u16> {
    let x: f32 = v.parse().ok()?;
    (0.0..=1.0)
        .contains(&x)
        .then(|| (x * 1000.0).round() as u16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(cookie: Option<&str>, al: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(c) = cookie {
            h.insert(header::COOKIE, HeaderValue::from_str(c).unwrap());
        }
        if let Some(a) = al {
            h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(a).unwrap());
        }
        h
    }

    #[test]
    fn cookie_then_accept_language_then_french() {
        assert_eq!(
            lang_of(&headers(Some("x=1; lang=ar"), Some("en"))),
            Lang::Ar
        );
        assert_eq!(lang_of(&headers(Some("lang=zz"), Some("en-GB"))), Lang::En);
        assert_eq!(
            lang_of(&headers(None, Some("de, en;q=0.5, ar;q=0.7"))),
            Lang::Ar
        );
        assert_eq!(lang_of(&headers(None, Some("ar;q=0, en;q=x"))), Lang::Fr);
        assert_eq!(
            lang_of(&headers(None, Some("en;q=0.9, fr;q=0.9"))),
            Lang::En
        );
        assert_eq!(lang_of(&headers(None, None)), Lang::Fr);
    }
}
