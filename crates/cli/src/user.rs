//! `taawun user add`: creates an account from the command line — how the first
//! administrator comes to exist. The password comes from TAAWUN_PASSWORD or is asked for,
//! never from an argument (arguments show in `ps` and shell history).

use crate::args::UserAddArgs;
use crate::db;
use std::io::{BufRead, IsTerminal};
use taawun_app::accounts::{self, AccountError};
use taawun_core::{Id, Lang, LocalizedText, Marking, Party, PartyKind, Role, User, new_id};
use taawun_i18n::Wording;
use taawun_store::{Actor, Store};

/// Environment variable carrying the password, for scripts.
const PASSWORD_VAR: &str = "TAAWUN_PASSWORD";

pub async fn add(a: UserAddArgs) -> Result<(), String> {
    let role = Role::parse(&a.role).ok_or_else(|| {
        format!(
            "unknown role {:?}: expected one of {}",
            a.role,
            Role::ALL.map(Role::key).join(", ")
        )
    })?;
    let clearance = Marking::parse(&a.clearance).ok_or_else(|| {
        format!(
            "unknown clearance {:?}: expected one of {}",
            a.clearance,
            Marking::ALL.map(Marking::key).join(", ")
        )
    })?;
    let organisation = a
        .organisation
        .as_deref()
        .map(|o| parse_id("organisation", o))
        .transpose()?;
    let language = a
        .language
        .as_deref()
        .map(|l| {
            Lang::ALL
                .into_iter()
                .find(|x| x.code() == l)
                .ok_or_else(|| format!("unknown language {l:?}: expected ar, fr or en"))
        })
        .transpose()?;
    // Ask for the password before touching the database, so a typo costs nothing.
    let password = read_password()?;
    // The same policy as the administration pages; the terminal already compared the two.
    accounts::check_new_password(&password, &password)
        .map_err(|e| AccountError::from(e).message(Lang::En))?;
    let store = db::open(&a.db).await?;
    if store
        .user_by_name(&a.username)
        .await
        .map_err(|e| e.to_string())?
        .is_some()
    {
        return Err(format!("a user named {:?} already exists", a.username));
    }
    let party = find_or_create_party(&*store, &a.party, a.party_name.as_deref()).await?;
    let person = match a.person.as_deref() {
        None => None,
        Some(p) => {
            let id = parse_id("person", p)?;
            match store.person(id).await.map_err(|e| e.to_string())? {
                Some(found) if found.party_id == party => Some(id),
                Some(_) => return Err(format!("person {id} is of another party")),
                None => return Err(format!("no person {id}")),
            }
        }
    };
    let mut commissions = Vec::with_capacity(a.commissions.len());
    for c in &a.commissions {
        commissions.push(crate::commissions::resolve(&*store, c).await?);
    }
    let user = User {
        person_id: person,
        id: new_id(),
        username: a.username.clone(),
        display_name: a.display_name.clone(),
        party_id: party,
        organisation_id: organisation,
        role,
        clearance,
        commission_ids: commissions,
        active: true,
        totp_enabled: false,
        email: a.email.clone(),
        language,
        version: 0,
    };
    let saved = accounts::create_user(&*store, &Actor::new("cli"), &user, &password)
        .await
        .map_err(|e| e.message(Lang::En))?;
    println!(
        "user {} created ({}, id {})",
        saved.username,
        role.key(),
        saved.id
    );
    Ok(())
}

fn parse_id(what: &str, text: &str) -> Result<Id, String> {
    text.parse()
        .map_err(|_| format!("{what} {text:?} is not an id (expected a UUID)"))
}

/// The party with this ISO code; on a database that has none, created when a name is given.
async fn find_or_create_party(
    store: &dyn Store,
    iso: &str,
    name: Option<&str>,
) -> Result<Id, String> {
    let iso = iso.trim().to_ascii_uppercase();
    let parties = store.parties().await.map_err(|e| e.to_string())?;
    if let Some(p) = parties
        .iter()
        .find(|p| p.iso_code.as_deref() == Some(iso.as_str()))
    {
        return Ok(p.id);
    }
    let Some(name) = name else {
        let known: Vec<&str> = parties
            .iter()
            .filter_map(|p| p.iso_code.as_deref())
            .collect();
        return Err(if known.is_empty() {
            format!(
                "unknown party {iso}: the database has no party yet; add --party-name to create it"
            )
        } else {
            format!(
                "unknown party {iso}: known ISO codes are {}",
                known.join(", ")
            )
        });
    };
    // The name goes in as Arabic when written in Arabic script, else as French (the
    // interface's default); the other languages are completed later in the pages.
    let arabic = name.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let text = if arabic {
        LocalizedText::new(name, "", "")
    } else {
        LocalizedText::new("", name, "")
    };
    let party = Party {
        id: new_id(),
        kind: PartyKind::State,
        iso_code: Some(iso.clone()),
        name: text.clone(),
        short_name: text,
        protection: Default::default(),
        version: 0,
    };
    let saved = store
        .save_party(&Actor::new("cli"), &party)
        .await
        .map_err(|e| format!("party {iso} refused: {e}"))?;
    Ok(saved.id)
}

/// TAAWUN_PASSWORD, else typed twice on the terminal without echo, else one line of stdin.
fn read_password() -> Result<String, String> {
    if let Ok(p) = std::env::var(PASSWORD_VAR) {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ").map_err(|e| e.to_string())?;
        let again = rpassword::prompt_password("Password again: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err(String::from("the two passwords differ"));
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    if password.is_empty() {
        return Err(format!(
            "no password: set {PASSWORD_VAR} or type it on standard input"
        ));
    }
    Ok(password)
}
