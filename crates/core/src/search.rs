//! The one normal form of text for search: what is indexed and what is asked are both passed
//! through `normalise`, so spelling variants (accents, hamza forms, tashkil, the article)
//! meet. SQLite's FTS5 folds case and Latin accents, but knows nothing of Arabic.

use crate::party::fold_latin;

pub mod plan;
pub mod skeleton;

/// Prefixes that carry the definite article, longest first: "and the", "with the", "like the",
/// "so the", then "for the" (لل, where the article's alef is elided), then the article alone.
const ARTICLE_PREFIXES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];

/// Letters a word must keep once its article is gone: `الم` (pain) or `والي` (governor)
/// begin like an article but are words of their own.
const MIN_STEM: usize = 2;

/// Lowercased words, Latin accents removed, Arabic letters unified (hamza forms, alef
/// maqsura, ta marbuta), tashkil and tatweel removed, the definite article stripped,
/// Arabic-Indic digits made ASCII, punctuation turned into spaces; words are joined by one
/// space.
pub fn normalise(text: &str) -> String {
    let words: Vec<String> = folded_words(text).iter().map(|w| unify_word(w)).collect();
    words.join(" ")
}

/// The words of `text` lowercased, without accents, tashkil or punctuation, but with their
/// Arabic letters as written: the skeletons need to tell a ta marbuta from a final ha.
pub(crate) fn folded_words(text: &str) -> Vec<String> {
    let mut flat = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut flat);
    }
    flat.split_whitespace().map(str::to_string).collect()
}

/// One folded word in normal form: its article stripped, its letters unified.
fn unify_word(word: &str) -> String {
    strip_article(word).chars().map(unify_letter).collect()
}

/// Appends the folded form of one character: nothing, a space (a word break), or letters.
/// Hamza forms stay distinct here: the article is stripped before they are unified, so that
/// `ألعاب` (games, a hamza) keeps its first letters while `الألعاب` loses its article.
fn fold_char(c: char, out: &mut String) {
    match c {
        // Tashkil and the other Arabic combining marks, the superscript alef, tatweel, and
        // Latin combining accents (decomposed text).
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{0300}'..='\u{036F}' => {}
        // Alef wasla is only ever the article's (or a word's) unspoken alef: plain alef.
        'ٱ' => out.push('ا'),
        '\u{0660}'..='\u{0669}' => out.push(ascii_digit(c, 0x0660)),
        '\u{06F0}'..='\u{06F9}' => out.push(ascii_digit(c, 0x06F0)),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c if c.is_alphanumeric() => {
            for lower in c.to_lowercase() {
                // `İ` lowercases to `i` and a combining dot, which the index would split on.
                if !('\u{0300}'..='\u{036F}').contains(&lower) {
                    out.push(fold_latin(lower));
                }
            }
        }
        _ => out.push(' '),
    }
}

/// The letter Arabic writers use interchangeably with this one.
fn unify_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' => 'ا',
        'ى' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        other => other,
    }
}

fn ascii_digit(c: char, zero: u32) -> char {
    char::from_digit(c as u32 - zero, 10).unwrap_or('0')
}

fn strip_article(word: &str) -> &str {
    for prefix in ARTICLE_PREFIXES {
        if let Some(stem) = word.strip_prefix(prefix)
            && stem.chars().count() >= MIN_STEM
        {
            return stem;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn normal_forms() {
        let cases = [
            // Latin: case, accents, punctuation.
            ("Massaoulé", "massaoule"),
            (
                "MAHAMADOU  Massaoulé   Samaké",
                "mahamadou massaoule samake",
            ),
            ("État-major général", "etat major general"),
            ("Mémorandum d'entente", "memorandum d entente"),
            ("Cœur, Ñandú!", "coeur nandu"),
            // Decomposed accents (e + U+0301) fold like composed ones.
            ("Game\u{301}", "game"),
            // Arabic: article, ta marbuta, hamza forms, alef maqsura.
            ("المملكة المغربية", "مملكه مغربيه"),
            ("مملكه مغربيه", "مملكه مغربيه"),
            ("إتفاقية", "اتفاقيه"),
            ("أمن", "امن"),
            ("آمال", "امال"),
            ("ٱلقرآن", "قران"),
            ("الإرهاب", "ارهاب"),
            ("مستشفى", "مستشفي"),
            ("مسؤول", "مسوول"),
            ("هيئة", "هييه"),
            // Tashkil and tatweel.
            ("مُذَكِّرَةُ تَفَاهُمٍ", "مذكره تفاهم"),
            ("تـــعـــاون", "تعاون"),
            // Article with a prefixed particle.
            ("والتدريب", "تدريب"),
            ("بالمدرسة", "مدرسه"),
            ("كالعادة", "عاده"),
            ("فالقوات", "قوات"),
            ("للتدريب", "تدريب"),
            // Words that only look like they carry an article keep their letters.
            ("الم", "الم"),
            ("والي", "والي"),
            // Digits.
            ("الدورة ١ سنة ٢٠٢٥", "دوره 1 سنه 2025"),
            ("۱۹ فبراير", "19 فبراير"),
            // Mixed scripts and punctuation.
            ("باماكو (مالي) — Bamako", "باماكو مالي bamako"),
            ("", ""),
            ("  ،؛  ", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(normalise(input), expected, "{input:?}");
        }
    }

    #[test]
    fn demo_variants_meet() {
        let same = [
            ("المملكة المغربية", "مملكه مغربيه"),
            ("Massaoulé", "massaoule"),
            ("محمد ماسولي ساماكي", "مُحَمَّد ماسولي ساماكي"),
            ("المدرسة الحربية", "مدرسة حربيّة"),
            ("الإرهاب", "ارهاب"),
            ("Samaké", "SAMAKE"),
        ];
        for (a, b) in same {
            assert_eq!(normalise(a), normalise(b), "{a:?} ~ {b:?}");
        }
    }

    #[test]
    fn a_hamza_is_not_an_article() {
        // "games" and "the games": the alef of ألعاب carries a hamza, so it is kept.
        assert_eq!(normalise("ألعاب"), "العاب");
        assert_eq!(normalise("الألعاب"), "العاب");
    }
}
