//! The classification banner every page carries at its top and bottom: the highest marking
//! among the records the page shows, and "releasable to … only" when one of them is kept
//! for its originating party. Pages that show no record (errors, login) stay Unclassified.

use taawun_core::{Marking, Protection, Releasability};
use taawun_store::Visible;

use crate::ctx::Ctx;
use crate::markup::{Markup, escape};

/// What the banner says; the default is what a page showing no record says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Banner {
    pub marking: Marking,
    pub originator_only: bool,
}

impl Banner {
    /// The banner for everything `v` returned so far: call it after the page's last read.
    pub fn of(v: &Visible) -> Self {
        Banner {
            marking: v.highest_marking(),
            originator_only: v.originator_only(),
        }
    }
}

impl Ctx {
    /// This context with the banner of what the page read through `v`.
    pub fn shown(&self, v: &Visible) -> Ctx {
        let mut ctx = self.clone();
        ctx.banner = Banner::of(v);
        ctx
    }

    /// The localized name of a marking.
    pub fn marking_label(&self, m: Marking) -> String {
        self.label("marking", m.key())
    }

    /// The banner's line: "Confidential", or "Confidential · Releasable to Morocco only".
    /// Only the reader's own party can see an originator-only record, so it is theirs.
    pub fn banner_text(&self) -> String {
        let marking = self.marking_label(self.banner.marking);
        if !self.banner.originator_only {
            return marking;
        }
        let party = self
            .who
            .party
            .as_ref()
            .map(|p| self.plain(&p.short_name))
            .unwrap_or_default();
        let release =
            crate::i18n::message_with(self.lang, "releasable-originator", "party", &party);
        format!("{marking} · {release}")
    }

    /// The CSS class naming the banner's colour.
    pub fn banner_key(&self) -> &'static str {
        self.banner.marking.key()
    }

    /// A record's own marking, as a badge for its page header; "originator only" is added
    /// when the record is not released to every party.
    pub fn marking_badge(&self, p: &Protection) -> Markup {
        let mut label = escape(&self.marking_label(p.marking));
        if p.releasability == Releasability::OriginatorOnly {
            label.push_str(" · ");
            label.push_str(&escape(&self.t("marking-originator-only")));
        }
        Markup(format!(
            "<span class=\"mark mark-{}\">{label}</span>",
            p.marking.key()
        ))
    }
}
