//! Message catalogues: one Fluent file per language, embedded in the binary and parsed once.
//!
//! Fluent's bidi isolation marks (U+2068/U+2069) are turned off: the pages isolate user text
//! with `<bdi>`/`dir` in HTML instead, and invisible marks in copied text confuse users.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_plurals::{PluralCategory, PluralRules};
use std::sync::LazyLock;
use taawun_core::Lang;

type Bundle = FluentBundle<FluentResource>;

/// The embedded catalogue text of a language.
fn catalogue_source(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => include_str!("../locales/ar.ftl"),
        Lang::Fr => include_str!("../locales/fr.ftl"),
        Lang::En => include_str!("../locales/en.ftl"),
    }
}

fn build(lang: Lang) -> Bundle {
    let id = match lang {
        Lang::Ar => unic_langid::langid!("ar"),
        Lang::Fr => unic_langid::langid!("fr"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = Bundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // NUMBER(…, type: "ordinal") picks English "1st/2nd/3rd" forms.
    if let Err(e) = bundle.add_builtins() {
        tracing::error!(lang = lang.code(), ?e, "cannot add Fluent builtins");
    }
    // Counts of four digits and more grouped as the pages group them (`fmt::integer`).
    // Arabic counts stay ungrouped: CLDR's Moroccan separator (1.002) reads as a decimal
    // point to readers of the Mashriq, and counts that large are rare in Arabic messages.
    match lang {
        Lang::Fr => bundle.set_formatter(Some(grouped_fr)),
        Lang::En => bundle.set_formatter(Some(grouped_en)),
        Lang::Ar => {}
    }
    // PLURAL($n): the CLDR plural category of a count, from ICU4X (see `plural_category`).
    if let Err(e) = bundle.add_function("PLURAL", move |args, _| {
        match args.first().and_then(count_of) {
            Some(n) => FluentValue::from(plural_category(lang, n)),
            None => FluentValue::Error,
        }
    }) {
        tracing::error!(lang = lang.code(), ?e, "cannot add PLURAL");
    }
    // A syntax error must not take the site down: keep what parsed, log the rest (the locale
    // test fails on it long before a release).
    let resource = FluentResource::try_new(catalogue_source(lang).to_string()).unwrap_or_else(
        |(partial, errors)| {
            tracing::error!(lang = lang.code(), ?errors, "catalogue has syntax errors");
            partial
        },
    );
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(
            lang = lang.code(),
            ?errors,
            "catalogue has duplicate messages"
        );
    }
    bundle
}

/// A whole number of four digits or more with the locale's grouping, as `fmt::integer`
/// writes it ("20 000" with a narrow no-break space in French, "20,000" in English); other
/// values as Fluent writes them. One function per language: Fluent takes a plain `fn`.
fn grouped(lang: Lang, v: &FluentValue<'_>) -> Option<String> {
    match v {
        FluentValue::Number(n) if n.value.fract() == 0.0 && (1000.0..1e15).contains(&n.value) => {
            Some(crate::fmt::integer(lang, n.value as u64))
        }
        _ => None,
    }
}

fn grouped_fr<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    grouped(Lang::Fr, v)
}

fn grouped_en<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    grouped(Lang::En, v)
}

/// A whole count from a Fluent argument: a number, or a string of digits.
fn count_of(v: &FluentValue<'_>) -> Option<u64> {
    match v {
        FluentValue::Number(n) if n.value >= 0.0 && n.value.fract() == 0.0 => Some(n.value as u64),
        FluentValue::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The CLDR plural category of the count `n` in `lang`, by ICU4X. Arabic messages select
/// on `PLURAL($count)` rather than on `$count` itself because Fluent's own rules
/// (`intl_pluralrules` 7) test the whole number where CLDR tests its last two digits: they
/// give "other" for 103 (CLDR: few, أيام) and 111 or 427 (many, يومًا).
pub fn plural_category(lang: Lang, n: u64) -> &'static str {
    // ICU4X data is not `Sync` without its `sync` feature (which only some builds of the
    // workspace unify in), so each thread keeps its own rules, as `fmt` does its formatters.
    thread_local! {
        static RULES: [Option<PluralRules>; 3] = [
            icu_locale_core::locale!("ar"),
            icu_locale_core::locale!("fr"),
            icu_locale_core::locale!("en"),
        ]
        .map(|l| {
            PluralRules::try_new_cardinal(l.into())
                .inspect_err(|e| tracing::error!(?e, "no plural rules"))
                .ok()
        });
    }
    let i = match lang {
        Lang::Ar => 0,
        Lang::Fr => 1,
        Lang::En => 2,
    };
    let category = RULES.with(|all| all[i].as_ref().map(|r| r.category_for(n)));
    match category {
        Some(PluralCategory::Zero) => "zero",
        Some(PluralCategory::One) => "one",
        Some(PluralCategory::Two) => "two",
        Some(PluralCategory::Few) => "few",
        Some(PluralCategory::Many) => "many",
        Some(PluralCategory::Other) | None => "other",
    }
}

static BUNDLES: LazyLock<[Bundle; 3]> =
    LazyLock::new(|| [build(Lang::Ar), build(Lang::Fr), build(Lang::En)]);

fn bundle(lang: Lang) -> &'static Bundle {
    let i = match lang {
        Lang::Ar => 0,
        Lang::Fr => 1,
        Lang::En => 2,
    };
    &BUNDLES[i]
}

/// Formats a message; a missing key shows as the key itself (visible, never a crash).
pub fn format(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        tracing::warn!(lang = lang.code(), key, "missing message");
        return key.to_string();
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(
            lang = lang.code(),
            key,
            ?errors,
            "message formatting errors"
        );
    }
    text.into_owned()
}

/// A message without arguments.
pub fn message(lang: Lang, key: &str) -> String {
    format(lang, key, None)
}

/// A message with a plural-aware `$count` argument.
pub fn message_count(lang: Lang, key: &str, count: usize) -> String {
    let mut args = FluentArgs::new();
    args.set("count", FluentValue::from(count));
    format(lang, key, Some(&args))
}

/// A message with one string argument.
pub fn message_with(lang: Lang, key: &str, name: &str, value: &str) -> String {
    let mut args = FluentArgs::new();
    args.set(name.to_string(), FluentValue::from(value.to_string()));
    format(lang, key, Some(&args))
}

/// A message with several string arguments.
pub fn message_args(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    let mut args = FluentArgs::new();
    for (name, value) in values {
        args.set(name.to_string(), FluentValue::from(value.to_string()));
    }
    format(lang, key, Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_counts_use_all_six_plural_forms() {
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| message_count(Lang::Ar, "sessions-count", n))
            .collect();
        assert_eq!(
            forms,
            [
                "لا دورات",
                "دورة واحدة",
                "دورتان",
                "3 دورات",
                "11 دورة",
                "100 دورة"
            ]
        );
        assert_eq!(message_count(Lang::En, "session-ordinal", 2), "2nd session");
        assert_eq!(
            message_count(Lang::En, "session-ordinal", 11),
            "11th session"
        );
        assert_eq!(message_count(Lang::Fr, "session-ordinal", 1), "1re session");
    }

    #[test]
    fn no_bidi_isolation_marks() {
        let s = message_with(Lang::Ar, "not-translated", "language", "French");
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
    }
}
