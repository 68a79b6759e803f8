//! Every count message picks the plural form CLDR gives its count, in each language, for
//! counts past 100 too: Arabic chooses by the last two digits (103 أيام, 111 and 427
//! يومًا, 1,002 يوم). The expected form comes from the CLDR rules written out below, not
//! from the library that formats the messages, so a wrong library fails here.

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use taawun_core::Lang;
use taawun_i18n::{FluentArgs, FluentValue};

const COUNTS: [u64; 14] = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 427, 1002];

/// CLDR's cardinal rules for integers, as the CLDR plural tables state them.
fn cldr_category(lang: Lang, n: u64) -> &'static str {
    match lang {
        Lang::Ar => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
        Lang::Fr => match n {
            0 | 1 => "one",
            n if n % 1_000_000 == 0 => "many",
            _ => "other",
        },
        Lang::En => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
    }
}

/// A message selecting on a count: its id, the count's variable, whether it goes through
/// `PLURAL()`, and its variants (key, the text around the placeables, default or not).
struct CountMessage {
    id: String,
    var: String,
    through_plural: bool,
    /// The other variables the message uses, given a placeholder.
    others: Vec<String>,
    variants: Vec<(String, Vec<String>, bool)>,
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn variables(p: &Pattern<&str>, out: &mut Vec<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            let inline = match expression {
                Expression::Select { selector, variants } => {
                    for v in variants {
                        variables(&v.value, out);
                    }
                    selector
                }
                Expression::Inline(i) => i,
            };
            match inline {
                InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
                InlineExpression::FunctionReference { arguments, .. } => {
                    for a in &arguments.positional {
                        if let InlineExpression::VariableReference { id } = a {
                            out.push(id.name.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

fn texts(p: &Pattern<&str>) -> Vec<String> {
    p.elements
        .iter()
        .filter_map(|el| match el {
            PatternElement::TextElement { value } if !value.trim().is_empty() => {
                Some(value.trim().to_string())
            }
            _ => None,
        })
        .collect()
}

fn count_messages(lang: Lang) -> Vec<CountMessage> {
    let path = format!("{}/locales/{}.ftl", env!("CARGO_MANIFEST_DIR"), lang.code());
    let source = std::fs::read_to_string(path).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str()).expect("catalogue parses");
    let mut out = Vec::new();
    for entry in resource.body {
        let Entry::Message(m) = entry else { continue };
        let Some(value) = m.value else { continue };
        let mut all = Vec::new();
        variables(&value, &mut all);
        for el in &value.elements {
            let PatternElement::Placeable {
                expression: Expression::Select { selector, variants },
            } = el
            else {
                continue;
            };
            let keys: Vec<String> = variants
                .iter()
                .map(|v| match &v.key {
                    VariantKey::Identifier { name } => name.to_string(),
                    VariantKey::NumberLiteral { value } => value.to_string(),
                })
                .collect();
            if !keys.iter().any(|k| CATEGORIES[..5].contains(&k.as_str())) {
                continue; // exact numbers only (ordinals by name), or not a count
            }
            let (var, through_plural) = match selector {
                InlineExpression::VariableReference { id } => (id.name.to_string(), false),
                // PLURAL($n); an ordinal (NUMBER(…, type: "ordinal")) is no count.
                InlineExpression::FunctionReference { id, arguments } if id.name == "PLURAL" => {
                    let Some(InlineExpression::VariableReference { id: v }) =
                        arguments.positional.first()
                    else {
                        continue;
                    };
                    (v.name.to_string(), true)
                }
                _ => continue,
            };
            out.push(CountMessage {
                id: m.id.name.to_string(),
                others: all.iter().filter(|v| **v != var).cloned().collect(),
                var,
                through_plural,
                variants: variants
                    .iter()
                    .zip(keys)
                    .map(|(v, k)| (k, texts(&v.value), v.default))
                    .collect(),
            });
        }
    }
    out
}

#[test]
fn arabic_counts_select_through_cldr_rules() {
    let messages = count_messages(Lang::Ar);
    assert!(messages.len() >= 25, "{} count messages", messages.len());
    let raw: Vec<&str> = messages
        .iter()
        .filter(|m| !m.through_plural)
        .map(|m| m.id.as_str())
        .collect();
    assert!(
        raw.is_empty(),
        "these select on the bare count, which Fluent's rules get wrong past 100: {raw:?}"
    );
}

#[test]
fn every_count_message_takes_the_cldr_form_of_its_count() {
    for lang in Lang::ALL {
        for m in count_messages(lang) {
            for n in COUNTS {
                let mut args = FluentArgs::new();
                args.set(m.var.clone(), FluentValue::from(n));
                for other in &m.others {
                    args.set(other.clone(), FluentValue::from("X"));
                }
                let got = taawun_i18n::format(lang, &m.id, Some(&args));
                let category = cldr_category(lang, n);
                // The exact-number variant when there is one, else the category's, else the default.
                let (key, words, _) = m
                    .variants
                    .iter()
                    .find(|(k, _, _)| *k == n.to_string())
                    .or_else(|| m.variants.iter().find(|(k, _, _)| k == category))
                    .or_else(|| m.variants.iter().find(|(_, _, d)| *d))
                    .unwrap();
                for w in words {
                    assert!(
                        got.contains(w.as_str()),
                        "{}: {} for {n} should take [{key}] ({w:?}), got {got:?}",
                        lang.code(),
                        m.id
                    );
                }
            }
        }
    }
}

#[test]
fn arabic_counts_past_a_hundred_read_as_arabic_does() {
    let days = |n| taawun_i18n::message_count(Lang::Ar, "dashboard-days-late", n);
    assert_eq!(days(427), "متأخر بـ427 يومًا");
    assert_eq!(days(105), "متأخر بـ105 أيام");
    assert_eq!(days(1002), "متأخر بـ1002 يوم");
    assert_eq!(days(3), "متأخر بـ3 أيام");
    assert_eq!(
        taawun_i18n::message_count(Lang::Ar, "members-count", 111),
        "111 عضوًا"
    );
    let mut args = FluentArgs::new();
    args.set("field", FluentValue::from("العنوان"));
    args.set("max", FluentValue::from(1024));
    assert_eq!(
        taawun_i18n::format(Lang::Ar, "form-too-long", Some(&args)),
        "العنوان: النص طويل جدًا (الحد الأقصى 1024 حرفًا)."
    );
    args.set("max", FluentValue::from(1));
    assert_eq!(
        taawun_i18n::format(Lang::Fr, "form-too-long", Some(&args)),
        "العنوان\u{202f}: trop long (1 caractère au plus)."
    );
}
