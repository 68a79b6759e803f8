//! What the parts made so far, as later parts need it: ids, the parties of each commission,
//! dates, protections. Indices point into these lists (party 0 is the host).

use super::words::Tri;
use chrono::NaiveDate;
use taawun_core::Id;

#[derive(Default)]
pub(super) struct World {
    pub parties: Vec<PartyMade>,
    pub areas: Vec<(Id, Tri)>,
    pub commissions: Vec<CommissionMade>,
    pub items: Vec<ItemMade>,
}

pub(super) struct PartyMade {
    pub id: Id,
    pub iso: String,
    pub name: (String, String, String),
    pub capital: (String, String, String),
    pub organisations: Vec<Id>,
    pub ranks: Vec<Id>,
    pub people: Vec<Id>,
}

pub(super) struct CommissionMade {
    pub id: Id,
    /// Indices into `World::parties`, the host first.
    pub parties: Vec<usize>,
    pub party_ids: Vec<Id>,
    pub sessions: Vec<SessionMade>,
    pub agreements: Vec<AgreementMade>,
}

/// A session as first saved (agenda and delegations); `commissions::conclude` saves its
/// decisions once it has been held.
pub(super) struct SessionMade {
    pub record: taawun_core::Session,
}

pub(super) struct AgreementMade {
    pub id: Id,
    pub signed_on: Option<NaiveDate>,
    pub clauses: Vec<Id>,
}

pub(super) struct ItemMade {
    pub id: Id,
    pub commission: usize,
    pub lead_parties: Vec<Id>,
    pub start_on: NaiveDate,
    pub due_on: NaiveDate,
    pub cancelled: bool,
    pub area: usize,
}
