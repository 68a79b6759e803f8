//! Who may do what: roles scoped to a party, classification markings, releasability, and
//! the one function, `decide`, that answers every permission question in Taawun.
//! Callers never test roles themselves; they describe the record (`Target`) and ask.

use crate::id::Id;
use serde::{Deserialize, Serialize};

/// A user's role. Each user also belongs to one party; the role applies within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Users, taxonomies, everything (still bound by clearance and releasability).
    Administrator,
    /// Edits everything of the commissions assigned to it.
    Secretariat,
    /// Edits the items (and their progress and activities) where its party's body leads.
    PartyEditor,
    /// Reads.
    Reader,
    /// Reads, plus the history of records.
    Auditor,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::Secretariat,
        Role::PartyEditor,
        Role::Reader,
        Role::Auditor,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Secretariat => "secretariat",
            Role::PartyEditor => "party_editor",
            Role::Reader => "reader",
            Role::Auditor => "auditor",
        }
    }
    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// Classification marking, in increasing order of sensitivity.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Marking {
    #[default]
    Unclassified,
    Restricted,
    Confidential,
    Secret,
}

impl Marking {
    pub const ALL: [Marking; 4] = [
        Marking::Unclassified,
        Marking::Restricted,
        Marking::Confidential,
        Marking::Secret,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Marking::Unclassified => "unclassified",
            Marking::Restricted => "restricted",
            Marking::Confidential => "confidential",
            Marking::Secret => "secret",
        }
    }
    pub fn parse(key: &str) -> Option<Marking> {
        Marking::ALL.into_iter().find(|m| m.key() == key)
    }
    /// Numeric level (0–3), for storage and SQL comparisons.
    pub fn level(self) -> i64 {
        self as i64
    }
}

/// Who a record may be shown to, beyond clearance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Releasability {
    /// Every party of the record's commission (or of the agreement).
    #[default]
    AllParties,
    /// Only the party that produced the record.
    OriginatorOnly,
}

impl Releasability {
    pub fn key(self) -> &'static str {
        match self {
            Releasability::AllParties => "all_parties",
            Releasability::OriginatorOnly => "originator_only",
        }
    }
    pub fn parse(key: &str) -> Option<Releasability> {
        [Releasability::AllParties, Releasability::OriginatorOnly]
            .into_iter()
            .find(|r| r.key() == key)
    }
}

/// The protection every record carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protection {
    #[serde(default)]
    pub marking: Marking,
    #[serde(default)]
    pub releasability: Releasability,
    /// The party that produced the record; required for `OriginatorOnly`.
    #[serde(default)]
    pub originator: Option<Id>,
}

impl Protection {
    /// Whether everyone who may see a record protected by `outer` may also see one protected
    /// by `self`: marked no higher, and released at least as widely. What a report says may
    /// roll up into its item only then, or the item would show a hidden report's substance.
    pub fn within(&self, outer: &Protection) -> bool {
        let released = match self.releasability {
            Releasability::AllParties => true,
            Releasability::OriginatorOnly => {
                outer.releasability == Releasability::OriginatorOnly
                    && self.originator.is_some()
                    && self.originator == outer.originator
            }
        };
        self.marking <= outer.marking && released
    }
}

/// The person asking: their role, party, clearance and the commissions assigned to them.
/// A visitor of a demo instance is a reader of no party with the lowest clearance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: Option<Id>,
    pub role: Role,
    pub party_id: Option<Id>,
    pub clearance: Marking,
    pub commissions: Vec<Id>,
}

impl Principal {
    pub fn visitor() -> Self {
        Principal {
            user_id: None,
            role: Role::Reader,
            party_id: None,
            clearance: Marking::Unclassified,
            commissions: vec![],
        }
    }

    /// Whether a record protected by `p` may be shown to this principal at all: cleared for
    /// its marking, and released to the principal's party. `parties` are the parties of the
    /// record's commission (or of its agreement, outside a commission): `Target::parties`.
    ///
    /// "Releasable to all parties" reaches exactly those parties. A record of no commission
    /// or agreement (`parties` is `None`: the vocabularies, the registry, users) is released
    /// to every party. A principal of no party — only the anonymous visitor of a demo
    /// instance, since every account belongs to a party — reads what is released to all
    /// parties of any commission: a demo is public by design, and the visitor's lowest
    /// clearance still keeps out everything marked. Administrators are bound like everyone.
    pub fn may_see(&self, p: &Protection, parties: Option<&[Id]>) -> bool {
        let cleared = self.clearance >= p.marking;
        let releasable = match p.releasability {
            Releasability::AllParties => match (parties, self.party_id) {
                (None, _) | (Some(_), None) => true,
                (Some(parties), Some(mine)) => parties.contains(&mine),
            },
            Releasability::OriginatorOnly => {
                p.originator.is_some() && p.originator == self.party_id
            }
        };
        cleared && releasable
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    View,
    Create,
    Edit,
    /// See the record's history (audit rows).
    ViewHistory,
    /// Cancel an action item: the secretariat's decision, never a side's.
    Cancel,
    /// Change a stored record's protection (marking, releasability, originator): the
    /// originator party's secretariat and administrators only. Asked through
    /// `decide_protection`, which also bounds the new protection by the principal's clearance.
    Reprotect,
    /// Adopt a session's minutes, or start their next version: the commission's
    /// secretariat records that both heads of delegation signed, never a party's editor.
    Adopt,
    /// Ask a side's lead body for news of an action item: the commission's secretariat
    /// follows the work up, so its editors are notified; a party does not summon the other.
    RequestUpdate,
    /// Add one's own party's adoption of adopted minutes, as its head of delegation: a
    /// person of one of the commission's parties, whatever their role but auditor (a head
    /// of delegation is seldom an editor here). That the account is the head's, signed in
    /// with a second factor, is checked where the adoption is made (`taawun_app`); the
    /// store asks this instead of `Edit` when a save adds nothing but such an adoption.
    AdoptAsHead,
}

impl Action {
    pub const ALL: [Action; 9] = [
        Action::View,
        Action::Create,
        Action::Edit,
        Action::ViewHistory,
        Action::Cancel,
        Action::Reprotect,
        Action::Adopt,
        Action::RequestUpdate,
        Action::AdoptAsHead,
    ];
}

/// The kinds of record permissions are decided for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Parties, ranks and areas: the shared vocabularies.
    Taxonomy,
    /// Organisations and people: the registry secretariats keep for delegations.
    Registry,
    Commission,
    Agreement,
    /// Sessions and their contents, plans, clauses: the commission's own work.
    CommissionWork,
    ActionItem,
    ProgressUpdate,
    Activity,
    User,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Taxonomy,
        Kind::Registry,
        Kind::Commission,
        Kind::Agreement,
        Kind::CommissionWork,
        Kind::ActionItem,
        Kind::ProgressUpdate,
        Kind::Activity,
        Kind::User,
    ];
}

/// What the permission is asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: Kind,
    pub protection: Protection,
    /// The commission the record belongs to, when it belongs to one.
    pub commission_id: Option<Id>,
    /// For items, progress and activities: the parties whose bodies lead the item.
    pub lead_parties: Vec<Id>,
    /// For progress updates: the party reporting.
    pub side: Option<Id>,
    /// The parties "releasable to all parties" reaches: those of the record's commission, or
    /// of its agreement when the agreement belongs to no commission. `None` for records of
    /// no commission or agreement (vocabularies, registry, users): released to every party.
    pub parties: Option<Vec<Id>>,
}

impl Target {
    pub fn new(kind: Kind) -> Self {
        Target {
            kind,
            protection: Protection::default(),
            commission_id: None,
            lead_parties: vec![],
            side: None,
            parties: None,
        }
    }
    pub fn protected(mut self, p: Protection) -> Self {
        self.protection = p;
        self
    }
    pub fn in_commission(mut self, id: Option<Id>) -> Self {
        self.commission_id = id;
        self
    }
    pub fn led_by(mut self, parties: Vec<Id>) -> Self {
        self.lead_parties = parties;
        self
    }
    pub fn reported_by(mut self, party: Id) -> Self {
        self.side = Some(party);
        self
    }
    /// The parties of the record's commission or agreement (see `parties`).
    pub fn among(mut self, parties: Option<Vec<Id>>) -> Self {
        self.parties = parties;
        self
    }
    /// Whether `p` may see a record of this place protected by `protection` (the record's
    /// own, or that of a record above it in the same commission).
    pub fn releases(&self, who: &Principal, protection: &Protection) -> bool {
        who.may_see(protection, self.parties.as_deref())
    }
}

/// Why a permission was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// The record is above the principal's clearance or not released to their party; callers
    /// must answer as if it did not exist.
    Hidden,
    /// The principal's role does not allow the action here.
    NotAllowed,
}

/// The single permission decision of Taawun.
pub fn decide(p: &Principal, action: Action, t: &Target) -> Result<(), Denied> {
    if !t.releases(p, &t.protection) {
        return Err(Denied::Hidden);
    }
    let allowed = match action {
        Action::View => t.kind != Kind::User || p.role == Role::Administrator,
        Action::ViewHistory => matches!(p.role, Role::Administrator | Role::Auditor),
        Action::Create | Action::Edit => may_write(p, action, t),
        Action::Cancel => t.kind == Kind::ActionItem && may_cancel(p, t),
        Action::Adopt => t.kind == Kind::CommissionWork && may_cancel(p, t),
        Action::RequestUpdate => t.kind == Kind::ActionItem && may_cancel(p, t),
        Action::AdoptAsHead => {
            t.kind == Kind::CommissionWork
                && p.role != Role::Auditor
                && p.party_id
                    .is_some_and(|x| t.parties.as_ref().is_some_and(|ps| ps.contains(&x)))
        }
        Action::Reprotect => may_reprotect(p, t),
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::NotAllowed)
    }
}

/// What may be done with a record's files (`crate::attachment`). Seeing and downloading
/// them is seeing the record (`Action::View`): a file has no protection of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileAction {
    /// Upload a file, or a new version of one, to the record.
    Attach,
    /// Delete a file's content for good (misfiled material), leaving an audit row.
    Purge,
}

impl FileAction {
    pub const ALL: [FileAction; 2] = [FileAction::Attach, FileAction::Purge];
}

/// Who may attach files to a record and purge them. Attaching (or replacing) is editing the
/// record: whoever may edit the minutes' session may file their signed scan, and a party
/// editor may file a report's evidence where they may edit the report. Purging destroys
/// content the audit chain cannot bring back, so it is the administrators' alone — and only
/// on records they may see, like everything else.
pub fn decide_files(p: &Principal, action: FileAction, t: &Target) -> Result<(), Denied> {
    match action {
        FileAction::Attach => decide(p, Action::Edit, t),
        FileAction::Purge => {
            decide(p, Action::View, t)?;
            if p.role == Role::Administrator {
                Ok(())
            } else {
                Err(Denied::NotAllowed)
            }
        }
    }
}

/// What is done with the exchange between two parties' instances (issue 16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExchangeAction {
    /// See the exchange page: partners and their fingerprints, the last bundle each way,
    /// pending matches and the log of bundles and receipts.
    View,
    /// Register, change or revoke a partner; send and receive bundles by file; resume the
    /// chain after a fork. What leaves and what is trusted is the administrators' decision.
    Administer,
    /// Confirm or decline that a partner's person, organisation or rank is one this
    /// instance already holds: the secretariat keeps the registry.
    Match,
}

impl ExchangeAction {
    pub const ALL: [ExchangeAction; 3] = [
        ExchangeAction::View,
        ExchangeAction::Administer,
        ExchangeAction::Match,
    ];
}

/// Who may do `a` with the exchange: administrators everything, the secretariat see and
/// match, nobody else anything. Checked against the "```exchange" table of
/// `docs/permissions.md` by `tests/access_exchange.rs`.
pub fn decide_exchange(p: &Principal, a: ExchangeAction) -> Result<(), Denied> {
    let allowed = match a {
        ExchangeAction::Administer => p.role == Role::Administrator,
        ExchangeAction::View | ExchangeAction::Match => {
            matches!(p.role, Role::Administrator | Role::Secretariat)
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::NotAllowed)
    }
}

/// Changing the protection of the stored record `t` (whose `protection` is the stored one)
/// to `new`. The principal must be allowed `Action::Reprotect` on the record as it is, and
/// stay within their own clearance: they can neither set a marking above it nor move a record
/// from one (the latter is already `Hidden`). A secretariat officer may name only their own
/// party as originator; an administrator any party.
pub fn decide_protection(p: &Principal, t: &Target, new: &Protection) -> Result<(), Denied> {
    decide(p, Action::Reprotect, t)?;
    let within = new.marking <= p.clearance;
    let attributed =
        p.role == Role::Administrator || new.originator.is_none() || new.originator == p.party_id;
    if within && attributed {
        Ok(())
    } else {
        Err(Denied::NotAllowed)
    }
}

/// The originator party decides how its record is protected, through its secretariat in
/// charge of the record (the commission's, or any for the registry), and administrators do.
/// A record saved with no originator is joint: any secretariat in charge of it may. Party
/// editors never change protection, even on items they may edit: declassifying the other
/// side's work is not theirs to do. Users carry no protection (their clearance is a grant:
/// `decide_grant`).
fn may_reprotect(p: &Principal, t: &Target) -> bool {
    match p.role {
        Role::Administrator => t.kind != Kind::User,
        Role::Secretariat => {
            let originator = t.protection.originator;
            may_write(p, Action::Edit, t) && (originator.is_none() || originator == p.party_id)
        }
        Role::PartyEditor | Role::Reader | Role::Auditor => false,
    }
}

/// What an account grants its holder: what `User` carries that widens what they may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub role: Role,
    pub party_id: Id,
    pub clearance: Marking,
    pub commissions: Vec<Id>,
}

/// Saving the account `subject` with `new` grants (`old`: what it grants now; `None` for a
/// new account), beyond being allowed to edit users at all (`decide` on `Kind::User`):
/// - nobody grants a clearance above their own, nor manages (edits, resets the password of)
///   an account cleared above their own — that would hand them its access;
/// - nobody widens their own account: their clearance may go down, never up, and their
///   role, party and commissions stay as they are (another administrator changes them).
pub fn decide_grant(
    p: &Principal,
    subject: Id,
    old: Option<&Grant>,
    new: &Grant,
) -> Result<(), Denied> {
    let within = new.clearance <= p.clearance && old.is_none_or(|o| o.clearance <= p.clearance);
    let own = p.user_id == Some(subject);
    let widens_own = own
        && old.is_none_or(|o| {
            new.clearance > o.clearance
                || new.role != o.role
                || new.party_id != o.party_id
                || !same_set(&new.commissions, &o.commissions)
        });
    if within && !widens_own {
        Ok(())
    } else {
        Err(Denied::NotAllowed)
    }
}

/// The same ids, in whatever order a form sent them.
fn same_set(a: &[Id], b: &[Id]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

/// Cancelling ends the joint work both sides lead, and adopting minutes records what both
/// heads signed: the commission's secretariat decides them, not either side's editors.
/// Who may read the recent changes (who reported what, when, on which record): those who
/// follow the work up — administrators, auditors and the secretariat. Each row is still a
/// record the reader may see; the page shows nothing else.
pub fn may_follow_changes(p: &Principal) -> bool {
    matches!(
        p.role,
        Role::Administrator | Role::Secretariat | Role::Auditor
    )
}

fn may_cancel(p: &Principal, t: &Target) -> bool {
    match p.role {
        Role::Administrator => true,
        Role::Secretariat => t.commission_id.is_some_and(|c| p.commissions.contains(&c)),
        Role::PartyEditor | Role::Reader | Role::Auditor => false,
    }
}

fn may_write(p: &Principal, action: Action, t: &Target) -> bool {
    let assigned = t.commission_id.is_some_and(|c| p.commissions.contains(&c));
    let own_lead = p
        .party_id
        .is_some_and(|party| t.lead_parties.contains(&party));
    match p.role {
        Role::Administrator => true,
        Role::Secretariat => match t.kind {
            Kind::Taxonomy | Kind::User => false,
            Kind::Registry => true,
            // New commissions are set up by administrators; the secretariat runs them.
            Kind::Commission => action == Action::Edit && assigned,
            Kind::Agreement
            | Kind::CommissionWork
            | Kind::ActionItem
            | Kind::ProgressUpdate
            | Kind::Activity => assigned,
        },
        Role::PartyEditor => match t.kind {
            Kind::ActionItem => action == Action::Edit && own_lead,
            Kind::ProgressUpdate => own_lead && t.side.is_some() && t.side == p.party_id,
            Kind::Activity => own_lead,
            _ => false,
        },
        Role::Reader | Role::Auditor => false,
    }
}
