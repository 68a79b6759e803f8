//! Shared by the protection tests (issue 10, findings 3 and 11): a record form read back the
//! way a browser submits it, so an attack posts exactly the form the user was given with
//! one field changed.
#![allow(dead_code)]

/// Attribute values as askama and the page escape them, back to text.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(unescape(tag[at..].split('"').next()?))
}

/// The fields a browser would submit from the page's form that carries `name="version"`
/// (the record form, not the header's forms): inputs (checked boxes only, no buttons), the
/// selected option of each select, and textareas.
pub fn form_fields(page: &str) -> Vec<(String, String)> {
    let start = page
        .match_indices("<form")
        .map(|(i, _)| i)
        .find(|&i| {
            let end = page[i..].find("</form>").map_or(page.len(), |e| i + e);
            page[i..end].contains("name=\"version\"")
        })
        .expect("a record form");
    let form = &page[start..start + page[start..].find("</form>").expect("form end")];
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if tag.starts_with("<input") {
            let kind = attr(tag, "type").unwrap_or_default();
            let checkable = kind == "checkbox" || kind == "radio";
            let button = kind == "submit" || kind == "button";
            if let Some(name) = attr(tag, "name")
                && !button
                && (!checkable || tag.contains(" checked"))
            {
                out.push((name, attr(tag, "value").unwrap_or_default()));
            }
        } else if tag.starts_with("<select") {
            let close = rest.find("</select>").expect("select end");
            let body = &rest[..close];
            if let Some(name) = attr(tag, "name") {
                let options: Vec<&str> = body.split("<option").skip(1).collect();
                let chosen = options
                    .iter()
                    .find(|o| o.split('>').next().unwrap_or("").contains(" selected"))
                    .or(options.first());
                let value = chosen
                    .and_then(|o| attr(&format!(" {o}"), "value"))
                    .unwrap_or_default();
                out.push((name, value));
            }
            rest = &rest[close..];
        } else if tag.starts_with("<textarea") {
            let close = rest.find("</textarea>").expect("textarea end");
            if let Some(name) = attr(tag, "name") {
                out.push((name, unescape(&rest[end + 1..close])));
            }
            rest = &rest[close..];
        }
        rest = &rest[1..];
    }
    out
}

/// `fields` with `name` set to `value` (added when the form had no such field).
pub fn with(mut fields: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    match fields.iter_mut().find(|(k, _)| k == name) {
        Some(f) => f.1 = value.to_string(),
        None => fields.push((name.to_string(), value.to_string())),
    }
    fields
}

pub fn refs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}
