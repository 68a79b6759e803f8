//! The consonant skeleton of a name: what a name keeps when it is written in Arabic or in
//! Latin letters, by Maghreb or Sahel habits. Arabic leaves short vowels unwritten and Latin
//! spellings disagree on the vowels they write (Samaké, ساماكي, سماكي), so vowels, long ones
//! included, are dropped; letters both scripts render alike map to one class (ق ك خ غ and
//! k, q, hard c and g, kh, gh; ش and ch, sh; ث as t or s); a doubled letter counts once
//! (Mohammed, Mohamed). It is a rule over letters, never a table of known names.
//!
//! A word may have more than one skeleton: an Arabic article may be written or assimilated
//! (القادر, Abdelkader, Abderrahmane), a final ة read or not (فاطمة: Fatima, Fatoumata), a
//! Latin initial «ou» may be a و (Ouattara, Ould) or a vowel (Oumar).

/// One position of a skeleton: the letters it may be (`""`: nothing), first the likeliest.
type Unit = &'static [&'static str];

const NONE: Unit = &[""];

/// More alternatives than this for one word are not produced (the first ones are kept): a
/// name word has one or two, a long one a few.
const MAX_ALTERNATIVES: usize = 4;

/// The skeletons of one word (already lowercased and without accents or tashkil, as
/// `search::normalise` folds it), likeliest first; none for a word without letters to key
/// (a number, a code holding digits).
pub fn word_keys(word: &str) -> Vec<String> {
    if word.is_empty() || word.chars().any(|c| c.is_ascii_digit()) {
        return vec![];
    }
    let units = if word.chars().any(is_arabic) {
        arabic_units(word)
    } else {
        latin_units(word)
    };
    let keys: Vec<String> = expand(&collapse(units))
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect();
    dedup(keys)
}

/// The keys of the words of one text and of each two or three adjacent words written
/// together (عبد القادر, Abd al-Qadir and Abdelkader meet as «bdlkdr»), space-separated,
/// for the index.
pub fn text_keys(text: &str) -> String {
    let words: Vec<Vec<String>> = super::folded_words(text)
        .iter()
        .map(|w| word_keys(w))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for (i, keys) in words.iter().enumerate() {
        out.extend(keys.iter().cloned());
        if let Some(next) = words.get(i + 1) {
            let two = joined(keys, next);
            if let Some(third) = words.get(i + 2) {
                out.extend(joined(&two, third));
            }
            out.extend(two);
        }
    }
    dedup(out).join(" ")
}

/// Every key of `a` followed by every key of `b`, as one word's keys.
pub fn joined(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for x in a {
        for y in b {
            out.push(format!("{x}{y}"));
        }
    }
    out.truncate(MAX_ALTERNATIVES);
    out
}

fn dedup(keys: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(keys.len());
    for k in keys {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// A doubled letter counts once: two adjacent positions of the same class are one. Only
/// positions next to each other in the writing: the two m of Mamadou stay two.
fn collapse(units: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for u in units {
        if u != NONE && out.last() == Some(&u) {
            continue;
        }
        out.push(u);
    }
    out
}

/// Every skeleton the positions allow, up to `MAX_ALTERNATIVES`.
fn expand(units: &[Unit]) -> Vec<String> {
    let mut keys = vec![String::new()];
    for unit in units {
        let mut next = Vec::with_capacity(keys.len() * unit.len());
        for k in &keys {
            for letters in unit.iter() {
                next.push(format!("{k}{letters}"));
            }
        }
        next.truncate(MAX_ALTERNATIVES);
        keys = next;
    }
    keys
}

/// Arabic letters by what Latin spellings of Maghreb and Sahel names write for them.
fn arabic_units(word: &str) -> Vec<Unit> {
    let letters: Vec<char> = word.chars().collect();
    let mut units = Vec::with_capacity(letters.len() + 1);
    let mut rest = &letters[..];
    // The article may be heard (Larbi, Abdelkader) or assimilated or left out (Arbi,
    // Abderrahmane, Kader): both, when a word is left after it.
    if let ['ا', 'ل', tail @ ..] = rest
        && tail.len() >= 2
    {
        units.push(&["l", ""] as Unit);
        rest = tail;
    }
    for (i, &c) in rest.iter().enumerate() {
        let first = i == 0;
        let last = i + 1 == rest.len();
        units.push(match c {
            'ب' | 'پ' => &["b"],
            'ت' | 'ط' => &["t"],
            // Othmane and Ousmane are one name: ث is read t in the Maghreb, s in the Sahel.
            'ث' => &["t", "s"],
            'ج' => &["j"],
            'ح' => &["h"],
            'د' | 'ذ' | 'ض' => &["d"],
            'ر' => &["r"],
            'ز' | 'ظ' => &["z"],
            'س' | 'ص' => &["s"],
            'ش' | 'چ' => &["c"],
            'ف' | 'ڤ' => &["f"],
            // ق is g in much Maghreb speech (Belgacem), خ and غ are written k, kh, g, gh.
            'ق' | 'ك' | 'خ' | 'غ' | 'ڭ' | 'گ' => &["k"],
            'ل' => &["l"],
            'م' => &["m"],
            'ن' => &["n"],
            // A final ه is mostly a ta marbuta written plainly, or silent (Abdallah).
            'ه' if last => NONE,
            'ه' => &["h"],
            // Fatima or Fatoumata, Najia or Najat: the final t is read in some names only.
            'ة' => &["", "t"],
            // و and ي begin a word only as consonants; elsewhere they are mostly long vowels.
            'و' if first => &["w"],
            'ي' if first => &["y"],
            // Long vowels, hamza and its carriers, ع: Latin spellings write a vowel or nothing.
            _ => NONE,
        });
    }
    units
}

/// Latin letters, French and English spelling habits, by the Arabic letter they render.
fn latin_units(word: &str) -> Vec<Unit> {
    let letters: Vec<char> = word.chars().collect();
    let at = |i: usize| letters.get(i).copied().unwrap_or(' ');
    let soft = |i: usize| matches!(at(i), 'e' | 'i' | 'y');
    let mut units = Vec::with_capacity(letters.len());
    let mut i = 0;
    while i < letters.len() {
        let (unit, width): (Unit, usize) = match (at(i), at(i + 1)) {
            // An initial «ou» before a vowel is a و (Ouattara); before a consonant it may be
            // one (Ould) or a vowel after an unwritten ع or hamza (Oumar, Ousmane).
            ('o', 'u') if i == 0 && is_vowel(at(2)) => (&["w"], 2),
            ('o', 'u') if i == 0 => (&["w", ""], 2),
            ('w', _) if i == 0 => (&["w"], 1),
            ('y', next) if i == 0 && is_vowel(next) => (&["y"], 1),
            ('c' | 's', 'h') => (&["c"], 2),
            ('c', 'k') | ('k' | 'g', 'h') | ('q', 'u') => (&["k"], 2),
            ('g', 'u') if soft(i + 2) => (&["k"], 2),
            ('p', 'h') => (&["f"], 2),
            ('t', 'h') => (&["t"], 2),
            ('d', 'h') => (&["d"], 2),
            ('d', 'j') => (&["j"], 2),
            ('c', _) if soft(i + 1) => (&["s"], 1),
            ('g', _) if soft(i + 1) => (&["j"], 1),
            ('c' | 'g' | 'k' | 'q', _) => (&["k"], 1),
            // A final h after a vowel is not heard (Abdallah, Fatimah).
            ('h', ' ') => (NONE, 1),
            ('h', _) => (&["h"], 1),
            ('p' | 'b', _) => (&["b"], 1),
            ('v' | 'f', _) => (&["f"], 1),
            ('x', _) => (&["ks"], 1),
            ('d', _) => (&["d"], 1),
            ('j', _) => (&["j"], 1),
            ('l', _) => (&["l"], 1),
            ('m', _) => (&["m"], 1),
            ('n', _) => (&["n"], 1),
            ('r', _) => (&["r"], 1),
            ('s', _) => (&["s"], 1),
            ('t', _) => (&["t"], 1),
            ('z', _) => (&["z"], 1),
            // Vowels, w and y inside a word, apostrophes and letters of other alphabets.
            _ => (NONE, 1),
        };
        units.push(unit);
        i += width;
    }
    units
}

#[cfg(test)]
mod tests {
    use super::{text_keys, word_keys};

    #[test]
    fn skeletons() {
        let cases: [(&str, &[&str]); 12] = [
            ("samake", &["smk"]),
            ("ساماكي", &["smk"]),
            ("سماكي", &["smk"]),
            ("mohammed", &["mhmd"]),
            ("محمد", &["mhmd"]),
            ("فاطمة", &["ftm", "ftmt"]),
            ("القادر", &["lkdr", "kdr"]),
            ("oumar", &["wmr", "mr"]),
            ("ouattara", &["wtr"]),
            ("عثمان", &["tmn", "smn"]),
            ("s2", &[]),
            ("", &[]),
        ];
        for (word, keys) in cases {
            assert_eq!(word_keys(word), keys, "{word:?}");
        }
    }

    #[test]
    fn adjacent_words_are_also_keyed_together() {
        assert_eq!(text_keys("عبد القادر"), "bd bdlkdr bdkdr lkdr kdr");
        assert_eq!(text_keys("Samaké"), "smk");
        assert_eq!(text_keys("12"), "");
    }
}
