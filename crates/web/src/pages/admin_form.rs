//! The user form of the administration pages: what was typed (kept as typed, so a refused
//! form comes back filled in), its choices, and its translation into a `User`.

use std::collections::HashMap;
use taawun_core::rules::{Rule, check_user};
use taawun_core::{Id, Lang, Marking, Role, RuleErrors, User, new_id};
use taawun_i18n::Wording;
use taawun_store::Visible;

use super::account::FieldErrors;
use crate::{ctx::Ctx, error::WebError, markup::Markup};

/// The form's fields, as text.
#[derive(Debug, Default, Clone)]
pub struct UserInput {
    pub username: String,
    pub display_name: String,
    pub party: String,
    pub organisation: String,
    /// The registry person the account belongs to (a head of delegation's link).
    pub person: String,
    pub role: String,
    pub clearance: String,
    pub commissions: Vec<String>,
    pub active: bool,
    pub email: String,
    /// Language code of the user's e-mails; empty for the default (French).
    pub language: String,
    pub version: i64,
    pub password: String,
    pub confirm: String,
}

impl UserInput {
    /// Reads a url-encoded body; `commission` may repeat (one checkbox per commission).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut u = UserInput::default();
        for (k, v) in pairs {
            match k.as_str() {
                "username" => u.username = v.trim().to_string(),
                "display_name" => u.display_name = v,
                "party" => u.party = v,
                "organisation" => u.organisation = v,
                "person" => u.person = v,
                "role" => u.role = v,
                "clearance" => u.clearance = v,
                "commission" => u.commissions.push(v),
                "active" => u.active = true,
                "email" => u.email = v.trim().to_string(),
                "language" => u.language = v,
                "version" => u.version = v.parse().unwrap_or(-1),
                "password" => u.password = v,
                "confirm" => u.confirm = v,
                _ => {}
            }
        }
        u
    }

    pub fn of(u: &User) -> Self {
        UserInput {
            username: u.username.clone(),
            display_name: u.display_name.clone(),
            party: u.party_id.to_string(),
            organisation: u.organisation_id.map(|o| o.to_string()).unwrap_or_default(),
            person: u.person_id.map(|p| p.to_string()).unwrap_or_default(),
            role: u.role.key().to_string(),
            clearance: u.clearance.key().to_string(),
            commissions: u.commission_ids.iter().map(Id::to_string).collect(),
            active: u.active,
            email: u.email.clone().unwrap_or_default(),
            language: u.language.map(|l| l.code().to_string()).unwrap_or_default(),
            version: u.version,
            password: String::new(),
            confirm: String::new(),
        }
    }

    /// A fresh form: an active reader with the lowest clearance.
    pub fn blank() -> Self {
        UserInput {
            role: Role::Reader.key().to_string(),
            clearance: Marking::Unclassified.key().to_string(),
            active: true,
            ..UserInput::default()
        }
    }

    /// The user this form describes, over `base` (the stored user, or a new one); problems
    /// the form itself can see are added to `e`, the rest the store's rules will find.
    pub fn to_user(&self, ctx: &Ctx, base: Option<&User>, e: &mut FieldErrors) -> Option<User> {
        let choose = || ctx.t("admin-user-choose");
        let role = Role::parse(&self.role);
        if role.is_none() {
            e.add("role", choose());
        }
        let clearance = Marking::parse(&self.clearance);
        if clearance.is_none() {
            e.add("clearance", choose());
        }
        let party = self.party.parse::<Id>().ok();
        if party.is_none() {
            e.add("party", choose());
        }
        let organisation = match self.organisation.as_str() {
            "" => Some(None),
            s => s.parse::<Id>().ok().map(Some),
        };
        if organisation.is_none() {
            e.add("organisation", choose());
        }
        let person = match self.person.as_str() {
            "" => Some(None),
            s => s.parse::<Id>().ok().map(Some),
        };
        if person.is_none() {
            e.add("person", choose());
        }
        let commissions: Option<Vec<Id>> =
            self.commissions.iter().map(|c| c.parse().ok()).collect();
        if commissions.is_none() {
            e.add("commissions", choose());
        }
        let language = match self.language.as_str() {
            "" => Some(None),
            code => Lang::ALL.into_iter().find(|l| l.code() == code).map(Some),
        };
        if language.is_none() {
            e.add("language", choose());
        }
        let user = User {
            person_id: person.flatten(),
            id: base.map_or_else(new_id, |b| b.id),
            username: base.map_or_else(|| self.username.clone(), |b| b.username.clone()),
            display_name: self.display_name.trim().to_string(),
            party_id: party.unwrap_or_default(),
            organisation_id: organisation.flatten(),
            role: role.unwrap_or(Role::Reader),
            clearance: clearance.unwrap_or_default(),
            commission_ids: commissions.unwrap_or_default(),
            active: self.active,
            totp_enabled: base.is_some_and(|b| b.totp_enabled),
            email: (!self.email.is_empty()).then(|| self.email.clone()),
            language: language.flatten(),
            version: base.map_or(0, |_| self.version),
        };
        // The name rules now, so that every mistake shows at once; the rules needing other
        // records (organisation of the party) run in the store.
        if let Err(errs) = check_user(&user, None) {
            let own = errs
                .0
                .into_iter()
                .filter(|r| ["username", "display_name", "email"].contains(&r.field.as_str()))
                .collect();
            rule_errors(ctx, &RuleErrors(own), e);
        }
        e.is_empty().then_some(user)
    }
}

/// Puts the store's rule errors next to the form's fields.
pub fn rule_errors(ctx: &Ctx, errs: &RuleErrors, e: &mut FieldErrors) {
    for r in &errs.0 {
        let field = match r.field.as_str() {
            "username" => "username",
            "display_name" => "display_name",
            "party_id" => "party",
            "organisation_id" => "organisation",
            "person_id" => "person",
            "commission_ids" => "commissions",
            "role" => "role",
            "clearance" => "clearance",
            "email" => "email",
            _ => "form",
        };
        let message = match (field, &r.rule) {
            ("username", Rule::Duplicate) => ctx.t("admin-user-username-taken"),
            ("username", _) => ctx.t("admin-user-username-invalid"),
            ("email", _) => ctx.t("admin-user-email-invalid"),
            _ => r.message(ctx.lang),
        };
        if !e.has(field) {
            e.add(field, message);
        }
    }
}

/// One choice of a select or checkbox list.
pub struct Opt {
    pub value: String,
    pub label: Markup,
    pub selected: bool,
}

/// The choices of every select and checkbox of the form.
pub struct Choices {
    pub parties: Vec<Opt>,
    pub organisations: Vec<Opt>,
    /// People of the account's party (once it has one), to link the account to.
    pub people: Vec<Opt>,
    pub roles: Vec<Opt>,
    pub clearances: Vec<Opt>,
    pub commissions: Vec<Opt>,
    /// The e-mail languages, after "default (French)".
    pub languages: Vec<Opt>,
}

/// The pickers of the user form, read through the administrator's `Visible`: a party,
/// organisation or commission hidden from them is not offered, not even by name.
pub async fn choices(ctx: &Ctx, store: &Visible, input: &UserInput) -> Result<Choices, WebError> {
    let parties = store.parties().await?;
    let short: HashMap<Id, String> = parties
        .iter()
        .map(|p| (p.id, ctx.plain(&p.short_name)))
        .collect();
    let party_opts = parties
        .iter()
        .map(|p| Opt {
            value: p.id.to_string(),
            label: ctx.text(&p.name),
            selected: input.party == p.id.to_string(),
        })
        .collect();
    let organisations = store
        .organisations(None)
        .await?
        .iter()
        .map(|o| Opt {
            value: o.id.to_string(),
            // The party in the label: the list mixes both sides' bodies.
            label: Markup(crate::markup::escape(&format!(
                "{} ({})",
                ctx.plain(&o.name),
                short.get(&o.party_id).map(String::as_str).unwrap_or("—")
            ))),
            selected: input.organisation == o.id.to_string(),
        })
        .collect();
    // Only the chosen party's people: an account is linked to a person of its own party.
    // (The registry is read whole, as for the organisations above: an administrator's form.)
    let people = match input.party.parse::<Id>() {
        Ok(party) => store
            .people(None)
            .await?
            .iter()
            .filter(|p| p.party_id == party)
            .map(|p| Opt {
                value: p.id.to_string(),
                label: Markup(crate::markup::escape(&format!(
                    "{} — {}",
                    p.name_latin, p.name_ar
                ))),
                selected: input.person == p.id.to_string(),
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let roles = Role::ALL
        .iter()
        .map(|r| Opt {
            value: r.key().to_string(),
            label: Markup(crate::markup::escape(&ctx.label("user-role", r.key()))),
            selected: input.role == r.key(),
        })
        .collect();
    // Only clearances the administrator may grant (`core::access::decide_grant`): the save
    // would refuse the others.
    let own = store.principal().clearance;
    let clearances = Marking::ALL
        .iter()
        .filter(|m| **m <= own)
        .map(|m| Opt {
            value: m.key().to_string(),
            label: Markup(crate::markup::escape(&ctx.label("marking", m.key()))),
            selected: input.clearance == m.key(),
        })
        .collect();
    let commissions = store
        .commissions()
        .await?
        .iter()
        .map(|c| Opt {
            value: c.id.to_string(),
            label: ctx.text(&c.name),
            selected: input.commissions.contains(&c.id.to_string()),
        })
        .collect();
    let languages = Lang::ALL
        .iter()
        .map(|l| Opt {
            value: l.code().to_string(),
            label: Markup(crate::markup::escape(
                &ctx.t(&format!("lang-name-{}", l.code())),
            )),
            selected: input.language == l.code(),
        })
        .collect();
    Ok(Choices {
        languages,
        parties: party_opts,
        organisations,
        people,
        roles,
        clearances,
        commissions,
    })
}
