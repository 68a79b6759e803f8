//! What a query asks of the index, independent of the engine: each word must be found,
//! either as the beginning of a word of the record's normal form or as one of the skeletons
//! of its names; two or three adjacent words may instead be found as one name written
//! together («Abdel Kader», عبد القادر, Abd al-Qadir, Abdelkader). A backend renders the
//! plan in its own syntax; `matches` says what it must find, for tests.

use super::{folded_words, skeleton, unify_word};

/// A skeleton this long or longer is also asked as a prefix («Coulib» finds كوليبالي);
/// shorter ones would find too many names.
pub const KEY_PREFIX_MIN: usize = 3;

/// Past this many words a query is asked word by word only: the ways of pairing words grow
/// quickly, and a query that long names more than one person anyway.
const MAX_PAIRED: usize = 5;

/// One condition on a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// A normalised word a word of the body must begin with; `None` for two words asked
    /// together, which only skeletons can find.
    pub word: Option<String>,
    /// Skeletons, any of which the record's names may have.
    pub keys: Vec<String>,
}

impl Term {
    /// Whether the key is asked as a prefix of the record's keys.
    pub fn key_is_prefix(key: &str) -> bool {
        key.len() >= KEY_PREFIX_MIN
    }
}

/// Alternatives, any of which finds a record; each a list of terms that must all hold.
/// Empty when the query has no word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan(pub Vec<Vec<Term>>);

/// The plan of a user's query.
pub fn plan(query: &str) -> Plan {
    let words: Vec<(String, Vec<String>)> = folded_words(query)
        .iter()
        .map(|w| (unify_word(w), skeleton::word_keys(w)))
        .collect();
    if words.is_empty() {
        return Plan(vec![]);
    }
    let singles: Vec<Term> = words
        .iter()
        .map(|(word, keys)| Term {
            word: Some(word.clone()),
            keys: keys.clone(),
        })
        .collect();
    if words.len() > MAX_PAIRED {
        return Plan(vec![singles]);
    }
    let mut alternatives = Vec::new();
    segmentations(&words, &singles, 0, &mut Vec::new(), &mut alternatives);
    Plan(alternatives)
}

/// Every way of reading the words from `at` on as single words and as two or three
/// adjacent words written together (where those have keys), appended to `out` after
/// `so_far`.
fn segmentations(
    words: &[(String, Vec<String>)],
    singles: &[Term],
    at: usize,
    so_far: &mut Vec<Term>,
    out: &mut Vec<Vec<Term>>,
) {
    if at == singles.len() {
        out.push(so_far.clone());
        return;
    }
    so_far.push(singles[at].clone());
    segmentations(words, singles, at + 1, so_far, out);
    so_far.pop();
    let mut keys = words[at].1.clone();
    for (n, next) in words.iter().enumerate().skip(at + 1).take(2) {
        keys = skeleton::joined(&keys, &next.1);
        if keys.is_empty() {
            return;
        }
        so_far.push(Term {
            word: None,
            keys: keys.clone(),
        });
        segmentations(words, singles, n + 1, so_far, out);
        so_far.pop();
    }
}

impl Plan {
    /// Whether a record whose normalised body is `body` and whose name keys are `keys`
    /// (as `skeleton::text_keys` writes them) is found: what the index must answer.
    pub fn matches(&self, body: &str, keys: &str) -> bool {
        let body: Vec<&str> = body.split(' ').filter(|w| !w.is_empty()).collect();
        let keys: Vec<&str> = keys.split(' ').filter(|w| !w.is_empty()).collect();
        let holds = |t: &Term| {
            t.word
                .as_deref()
                .is_some_and(|w| body.iter().any(|b| b.starts_with(w)))
                || t.keys.iter().any(|k| {
                    keys.iter().any(|have| {
                        *have == k || (Term::key_is_prefix(k) && have.starts_with(k.as_str()))
                    })
                })
        };
        self.0.iter().any(|terms| terms.iter().all(holds))
    }
}

#[cfg(test)]
mod tests {
    use super::{Term, plan};

    #[test]
    fn two_words_are_asked_apart_or_together() {
        let p = plan("Abdel Kader");
        assert_eq!(p.0.len(), 2);
        assert_eq!(
            p.0[1],
            vec![Term {
                word: None,
                keys: vec!["bdlkdr".into()]
            }]
        );
        assert!(plan("  ،  ").0.is_empty());
    }
}
