//! RFC 8785 JSON canonicalization (JCS), for hashing the audit chain: the same row stored by
//! another engine (or re-read from PostgreSQL's `jsonb`, which reorders keys) must hash the
//! same. Our documents are plain objects, arrays, strings, integers and booleans; numbers
//! with a fraction follow ECMAScript's `Number.prototype.toString` as the RFC asks. Written
//! here rather than taken from a crate: the crates seen were unmaintained, and the rules
//! for our values fit in a page.

use serde_json::Value;

/// The canonical text of `value`: no whitespace, object members sorted by their names'
/// UTF-16 code units, strings escaped only where JSON requires it.
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write(&mut out, value);
    out
}

fn write(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(out, item);
            }
            out.push(']');
        }
        Value::Object(members) => {
            let mut names: Vec<&String> = members.keys().collect();
            // The RFC sorts by UTF-16 code units, which differs from UTF-8 byte order for
            // characters beyond the Basic Multilingual Plane.
            names.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, name) in names.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, name);
                out.push(':');
                write(out, &members[name]);
            }
            out.push('}');
        }
    }
}

fn number(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    es_number(n.as_f64().unwrap_or(0.0))
}

/// ECMAScript's shortest round-trip text of a finite double (JSON has no others).
fn es_number(f: f64) -> String {
    if f == 0.0 {
        return "0".into();
    }
    let magnitude = f.abs();
    if (1e-6..1e21).contains(&magnitude) {
        // Rust's `Display` gives the shortest digits that round-trip and never an
        // exponent, which is ECMAScript's form in this range.
        return format!("{f}");
    }
    // Outside it ECMAScript writes an exponent with an explicit sign.
    let text = format!("{f:e}");
    match text.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
        _ => text,
    }
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_sort_by_utf16_and_whitespace_goes() {
        // "\u{e9}" (é) sorts after "z"; U+1F600 (a surrogate pair, 0xD83D…) sorts before
        // U+FB01 in UTF-16 though after it in UTF-8.
        let v: Value =
            serde_json::from_str(r#"{ "z": 1, "a": [true, null, "x"], "é": {}, "😀": 2, "ﬁ": 3 }"#)
                .unwrap();
        assert_eq!(
            canonical(&v),
            r#"{"a":[true,null,"x"],"z":1,"é":{},"😀":2,"ﬁ":3}"#
        );
    }

    #[test]
    fn strings_escape_only_what_json_requires() {
        let v = json!("a\"b\\c\n\t\u{1}\u{7f}/é عربي");
        assert_eq!(canonical(&v), "\"a\\\"b\\\\c\\n\\t\\u0001\u{7f}/é عربي\"");
    }

    #[test]
    fn numbers_follow_ecmascript() {
        let cases = [
            (json!(0), "0"),
            (json!(-0.0), "0"),
            (json!(42), "42"),
            (json!(-7), "-7"),
            (json!(u64::MAX), "18446744073709551615"),
            (json!(1.5), "1.5"),
            (json!(0.1), "0.1"),
            (json!(1e20), "100000000000000000000"),
            (json!(1e21), "1e+21"),
            (json!(1.5e-7), "1.5e-7"),
            (json!(0.000001), "0.000001"),
            // The RFC's example 333333333.33333329 is this double; its shortest text.
            (json!(333_333_333.333_333_3), "333333333.3333333"),
        ];
        for (v, text) in cases {
            assert_eq!(canonical(&v), text, "{v}");
        }
    }
}
