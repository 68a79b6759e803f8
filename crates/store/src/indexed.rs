//! The text of each record that search finds it by: every language of its human-readable
//! fields plus names, aliases and codes, normalised with `core::search::normalise` (the
//! query goes through the same function); the skeletons of people's names
//! (`core::search::skeleton`), which find a name in the other script or another spelling;
//! and the record's titles — codes, names, titles — which an exact query ranks first.
//! Backend-independent: a backend only stores it.

use taawun_core::{
    search::{normalise, skeleton::text_keys},
    *,
};

pub(crate) trait Indexed {
    /// The record's entry, or `None` for records search never returns (users).
    fn search_body(&self) -> Option<SearchEntry>;
}

/// What the index holds for one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SearchEntry {
    /// Every searchable text, normalised.
    pub body: String,
    /// The skeletons of the record's person names, space-separated (empty for other
    /// records: skeletons of ordinary words would find too much).
    pub keys: String,
    /// The normalised titles a query equal to one of ranks the record first, each once.
    pub titles: Vec<String>,
}

/// Collects raw text pieces, then normalises them at once.
#[derive(Default)]
struct Body {
    texts: Vec<String>,
    keys: Vec<String>,
    titles: Vec<String>,
}

impl Body {
    fn text(mut self, t: &LocalizedText) -> Self {
        self.texts.extend(t.values().map(str::to_string));
        self
    }
    fn word(mut self, s: &str) -> Self {
        self.texts.push(s.to_string());
        self
    }
    /// A text that is also a title, in every language it has.
    fn title(mut self, t: &LocalizedText) -> Self {
        self.titles.extend(t.values().map(str::to_string));
        self.text(t)
    }
    /// A code or name that is also a title.
    fn title_word(mut self, s: &str) -> Self {
        self.titles.push(s.to_string());
        self.word(s)
    }
    fn opt_title(self, s: Option<&str>) -> Self {
        match s {
            Some(s) => self.title_word(s),
            None => self,
        }
    }
    /// A person's name: a title, and keyed by its skeletons.
    fn name(mut self, s: &str) -> Self {
        self.keys.push(text_keys(s));
        self.title_word(s)
    }
    fn done(self) -> Option<SearchEntry> {
        let mut titles: Vec<String> = Vec::with_capacity(self.titles.len());
        for t in self.titles.iter().map(|t| normalise(t)) {
            if !t.is_empty() && !titles.contains(&t) {
                titles.push(t);
            }
        }
        let keys: Vec<&str> = self
            .keys
            .iter()
            .map(String::as_str)
            .filter(|k| !k.is_empty())
            .collect();
        Some(SearchEntry {
            body: normalise(&self.texts.join("\n")),
            keys: keys.join(" "),
            titles,
        })
    }
}

impl Indexed for Party {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default()
            .title(&self.name)
            .title(&self.short_name)
            .opt_title(self.iso_code.as_deref())
            .done()
    }
}

impl Indexed for Organisation {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default()
            .title(&self.name)
            .opt_title(self.acronym.as_deref())
            .done()
    }
}

impl Indexed for Rank {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default().title(&self.label).done()
    }
}

impl Indexed for Person {
    fn search_body(&self) -> Option<SearchEntry> {
        let mut b = Body::default()
            .name(&self.name_ar)
            .name(&self.name_latin)
            .text(&self.function);
        for a in &self.aliases {
            b = b.name(a);
        }
        b.done()
    }
}

impl Indexed for Area {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default()
            .title(&self.name)
            .title_word(&self.code)
            .done()
    }
}

impl Indexed for Agreement {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default()
            .title(&self.title)
            .text(&self.summary)
            .text(&self.signed_place)
            .text(&self.renewal_terms)
            .opt_title(self.reference.as_deref())
            .done()
    }
}

impl Indexed for Clause {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default().title(&self.heading).text(&self.text).done()
    }
}

impl Indexed for Commission {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default().title(&self.name).text(&self.mandate).done()
    }
}

impl Indexed for Session {
    // Statements are left out: `Visible` drops those by people the reader may not see, and a
    // search hit must not reveal words a page would not show.
    fn search_body(&self) -> Option<SearchEntry> {
        let mut b = Body::default().text(&self.place);
        for a in &self.agenda {
            b = b.text(&a.title);
        }
        for d in &self.decisions {
            b = b.text(&d.text);
        }
        for e in &self.side_events {
            b = b.text(&e.title).text(&e.description);
        }
        b.done()
    }
}

impl Indexed for ActionPlan {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default().title(&self.title).done()
    }
}

impl Indexed for ActionItem {
    fn search_body(&self) -> Option<SearchEntry> {
        let b = Body::default()
            .title_word(&self.code)
            .title(&self.title)
            .text(&self.description);
        match &self.indicator {
            Some(i) => b.text(&i.name),
            None => b,
        }
        .done()
    }
}

impl Indexed for ProgressUpdate {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default().text(&self.narrative).done()
    }
}

impl Indexed for Activity {
    fn search_body(&self) -> Option<SearchEntry> {
        Body::default().title(&self.title).text(&self.place).done()
    }
}

impl Indexed for User {
    // Accounts are found by the administrators' user list, never by search.
    fn search_body(&self) -> Option<SearchEntry> {
        None
    }
}
