//! The text of each record that search finds it by: every language of its human-readable
//! fields plus names, aliases and codes, normalised with `core::search::normalise` (the
//! query goes through the same function). Backend-independent: a backend only stores it.

use taawun_core::{search::normalise, *};

pub(crate) trait Indexed {
    /// The normalised body, or `None` for records search never returns (users).
    fn search_body(&self) -> Option<String>;
}

/// Collects raw text pieces, then normalises them at once.
#[derive(Default)]
struct Body(Vec<String>);

impl Body {
    fn text(mut self, t: &LocalizedText) -> Self {
        self.0.extend(t.values().map(str::to_string));
        self
    }
    fn word(mut self, s: &str) -> Self {
        self.0.push(s.to_string());
        self
    }
    fn opt(self, s: Option<&str>) -> Self {
        match s {
            Some(s) => self.word(s),
            None => self,
        }
    }
    fn done(self) -> Option<String> {
        Some(normalise(&self.0.join("\n")))
    }
}

impl Indexed for Party {
    fn search_body(&self) -> Option<String> {
        Body::default()
            .text(&self.name)
            .text(&self.short_name)
            .opt(self.iso_code.as_deref())
            .done()
    }
}

impl Indexed for Organisation {
    fn search_body(&self) -> Option<String> {
        Body::default()
            .text(&self.name)
            .opt(self.acronym.as_deref())
            .done()
    }
}

impl Indexed for Rank {
    fn search_body(&self) -> Option<String> {
        Body::default().text(&self.label).done()
    }
}

impl Indexed for Person {
    fn search_body(&self) -> Option<String> {
        let mut b = Body::default()
            .word(&self.name_ar)
            .word(&self.name_latin)
            .text(&self.function);
        for a in &self.aliases {
            b = b.word(a);
        }
        b.done()
    }
}

impl Indexed for Area {
    fn search_body(&self) -> Option<String> {
        Body::default().text(&self.name).word(&self.code).done()
    }
}

impl Indexed for Agreement {
    fn search_body(&self) -> Option<String> {
        Body::default()
            .text(&self.title)
            .text(&self.summary)
            .text(&self.signed_place)
            .text(&self.renewal_terms)
            .opt(self.reference.as_deref())
            .done()
    }
}

impl Indexed for Clause {
    fn search_body(&self) -> Option<String> {
        Body::default().text(&self.heading).text(&self.text).done()
    }
}

impl Indexed for Commission {
    fn search_body(&self) -> Option<String> {
        Body::default().text(&self.name).text(&self.mandate).done()
    }
}

impl Indexed for Session {
    // Statements are left out: `Visible` drops those by people the reader may not see, and a
    // search hit must not reveal words a page would not show.
    fn search_body(&self) -> Option<String> {
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
    fn search_body(&self) -> Option<String> {
        Body::default().text(&self.title).done()
    }
}

impl Indexed for ActionItem {
    fn search_body(&self) -> Option<String> {
        let b = Body::default()
            .word(&self.code)
            .text(&self.title)
            .text(&self.description);
        match &self.indicator {
            Some(i) => b.text(&i.name),
            None => b,
        }
        .done()
    }
}

impl Indexed for ProgressUpdate {
    fn search_body(&self) -> Option<String> {
        Body::default().text(&self.narrative).done()
    }
}

impl Indexed for Activity {
    fn search_body(&self) -> Option<String> {
        Body::default().text(&self.title).text(&self.place).done()
    }
}

impl Indexed for User {
    // Accounts are found by the administrators' user list, never by search.
    fn search_body(&self) -> Option<String> {
        None
    }
}
