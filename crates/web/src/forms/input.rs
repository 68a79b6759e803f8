//! What a form holds: the submitted name/value pairs kept exactly as typed (so a refused
//! form comes back filled in), or a stored record flattened to the same names.

use axum::extract::rejection::FormRejection;
use axum::{Form, extract::FromRequest, extract::Request};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;

use super::spec::{BLANK_ROWS, MAX_ROWS, counter};
use crate::error::WebError;

/// Name of the second submit button: re-render with more blank rows, save nothing.
pub const MORE: &str = "_more";

#[derive(Debug, Clone, Default)]
pub struct Input {
    values: HashMap<String, Vec<String>>,
}

impl Input {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut values: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in pairs {
            values.entry(k).or_default().push(v);
        }
        Input { values }
    }

    /// A record as the form's names: `title.ar`, `delegations.0.members.1.person_id`…;
    /// lists of plain values (ids) become repeated names, as checkboxes post them.
    pub fn of(record: &impl Serialize) -> Self {
        let mut input = Input::default();
        if let Ok(v) = serde_json::to_value(record) {
            input.flatten("", &v);
        }
        input
    }

    fn flatten(&mut self, prefix: &str, v: &Value) {
        let join = |k: &str| {
            if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            }
        };
        match v {
            Value::Object(m) => m.iter().for_each(|(k, v)| self.flatten(&join(k), v)),
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    if let Value::String(s) = item {
                        // Both spellings: `party_ids` for checkboxes, `aliases.0` for rows.
                        self.push(prefix, s.clone());
                    }
                    self.flatten(&join(&i.to_string()), item);
                }
                self.values
                    .insert(counter(prefix), vec![a.len().to_string()]);
            }
            Value::String(s) => self.set(prefix, s.clone()),
            Value::Number(n) => self.set(prefix, n.to_string()),
            Value::Bool(b) => self.set(prefix, if *b { "true" } else { "" }.to_string()),
            Value::Null => {}
        }
    }

    pub fn set(&mut self, name: &str, value: String) {
        self.values.insert(name.to_string(), vec![value]);
    }

    fn push(&mut self, name: &str, value: String) {
        self.values.entry(name.to_string()).or_default().push(value);
    }

    /// The value of a field; the last one when a name was posted twice.
    pub fn get(&self, name: &str) -> &str {
        self.values
            .get(name)
            .and_then(|v| v.last())
            .map_or("", String::as_str)
    }

    pub fn all(&self, name: &str) -> &[String] {
        self.values.get(name).map_or(&[], Vec::as_slice)
    }

    /// The version the form was read at; -1 (always a conflict) when missing or garbled.
    pub fn version(&self) -> i64 {
        self.get("version").parse().unwrap_or(-1)
    }

    /// Whether the "add rows" button was pressed.
    pub fn more(&self) -> bool {
        self.values.contains_key(MORE)
    }

    /// How many rows to show for a list: as many as the form had (or the record has),
    /// plus blank ones on a fresh form or when more were asked for.
    pub fn rows(&self, path: &str, fresh: bool) -> usize {
        let had: usize = self.get(&counter(path)).parse().unwrap_or(0);
        let extra = if fresh || self.more() { BLANK_ROWS } else { 0 };
        (had + extra).min(MAX_ROWS)
    }
}

/// The url-encoded body as pairs. Any text is accepted (bad values become field errors);
/// only a body that is not url-encoded at all is the localized 400 page.
pub struct Posted(pub Input);

impl<S: Send + Sync> FromRequest<S> for Posted {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, WebError> {
        let form: Result<Form<Vec<(String, String)>>, FormRejection> =
            Form::from_request(req, state).await;
        match form {
            Ok(Form(pairs)) => Ok(Posted(Input::from_pairs(pairs))),
            Err(e) => Err(WebError::BadRequest(e.to_string())),
        }
    }
}
