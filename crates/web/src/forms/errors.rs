//! Field errors of a form: each message sits next to the input whose path it names, and
//! all of them in the summary at the top. Messages of the store's rules come from `core`
//! (the reader's language); the form's own (a malformed date) from the catalogues.

use taawun_core::RuleErrors;
use taawun_i18n::{FluentArgs, FluentValue, Wording};

use crate::ctx::Ctx;
use crate::i18n;

#[derive(Debug, Clone, Default)]
pub struct Errors {
    /// (form path, message), in the order found.
    pub list: Vec<(String, String)>,
}

impl Errors {
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn add(&mut self, path: &str, message: String) {
        self.list.push((path.to_string(), message));
    }

    /// A catalogue message naming the field: `key` takes `$field` and the numbers given.
    pub fn field(&mut self, ctx: &Ctx, path: &str, key: &str, label: &str, nums: &[(&str, i64)]) {
        let mut args = FluentArgs::new();
        args.set("field", FluentValue::from(label.to_string()));
        for (k, n) in nums {
            args.set(*k, FluentValue::from(*n));
        }
        self.add(path, i18n::format(ctx.lang, key, Some(&args)));
    }

    /// Messages for exactly this path.
    pub fn at(&self, path: &str) -> Vec<&str> {
        self.list
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, m)| m.as_str())
            .collect()
    }

    /// Messages for this path or anything under it (`co_chair_ids.1` for `co_chair_ids`).
    pub fn under(&self, path: &str) -> Vec<&str> {
        let prefix = format!("{path}.");
        self.list
            .iter()
            .filter(|(p, _)| p == path || p.starts_with(&prefix))
            .map(|(_, m)| m.as_str())
            .collect()
    }

    /// The store's rule errors, their paths moved from the saved record's positions back to
    /// the form's (blank rows dropped, members reordered: see `parse::Renames`).
    pub fn rules(&mut self, ctx: &Ctx, errs: &RuleErrors, renames: &[(String, String)]) {
        for e in &errs.0 {
            let path = rename(&e.field, renames);
            self.add(&path, e.message(ctx.lang));
        }
    }
}

/// The form path of a saved record's field path: the longest matching saved prefix wins.
pub fn rename(field: &str, renames: &[(String, String)]) -> String {
    let dotted = format!("{field}.");
    let best = renames
        .iter()
        .filter(|(saved, _)| dotted.starts_with(saved.as_str()))
        .max_by_key(|(saved, _)| saved.len());
    match best {
        Some((saved, form)) => format!("{form}{}", &dotted[saved.len()..])
            .trim_end_matches('.')
            .to_string(),
        None => field.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::rename;

    #[test]
    fn nested_renames_compose_from_the_longest_prefix() {
        let r = vec![
            ("delegations.0.".to_string(), "delegations.1.".to_string()),
            (
                "delegations.0.members.0.".to_string(),
                "delegations.1.members.2.".to_string(),
            ),
        ];
        assert_eq!(
            rename("delegations.0.members.0.person_id", &r),
            "delegations.1.members.2.person_id"
        );
        assert_eq!(rename("delegations.0.members", &r), "delegations.1.members");
        assert_eq!(rename("ordinal", &r), "ordinal");
    }
}
