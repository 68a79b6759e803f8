//! Shared by the form tests: the demo instance, users of each role on either side logged in
//! through the real login form, and small readers of form pages.
#![allow(dead_code)]

use crate::common::browser::{Browser, add_user};
use crate::common::{Demo, demo};
use taawun_core::{Id, Marking, Role, User};
use taawun_store::Actor;

pub const PASSWORD: &str = "correct horse battery";

pub struct World {
    pub d: Demo,
    pub morocco: Id,
    pub mali: Id,
}

pub async fn world() -> World {
    let d = demo().await;
    let parties = d.store.parties().await.unwrap();
    let by_iso = |c: &str| {
        parties
            .iter()
            .find(|p| p.iso_code.as_deref() == Some(c))
            .unwrap()
            .id
    };
    World {
        morocco: by_iso("MA"),
        mali: by_iso("ML"),
        d,
    }
}

impl World {
    /// A user of `party` with `role`, cleared to Secret, assigned to the demo commission,
    /// logged in through `/login`.
    pub async fn login(&self, name: &str, party: Id, role: Role) -> (Browser, User) {
        let mut u = add_user(&self.d.store, name, role, PASSWORD).await;
        u.party_id = party;
        u.clearance = Marking::Secret;
        u.commission_ids = vec![self.d.ids.commission];
        let u = self.d.store.save_user(&Actor::system(), &u).await.unwrap();
        let mut b = Browser::new(&self.d.app);
        let r = b.login(name, PASSWORD).await;
        assert_eq!(r.status, 303, "login {name}: {}", r.body);
        (b, u)
    }

    /// Number of audit rows of a record (a refused save must add none).
    pub async fn audit_rows(&self, id: Id) -> usize {
        self.d.store.audit_of(id).await.unwrap().len()
    }
}

/// The `value="…"` of the input named `name` (first match), as it appears in the page.
pub fn value_of(body: &str, name: &str) -> Option<String> {
    let key = format!("name=\"{name}\"");
    let at = body.find(&key)?;
    let tag_start = body[..at].rfind('<')?;
    let tag_end = at + body[at..].find('>')?;
    let tag = &body[tag_start..tag_end];
    let v = tag.find("value=\"")? + "value=\"".len();
    Some(tag[v..].split('"').next()?.to_string())
}

/// The error message shown under the field with this path, if any.
pub fn error_at(body: &str, path: &str) -> Option<String> {
    let key = format!("id=\"e-f-{}\"", path.replace('.', "-"));
    let at = body.find(&key)?;
    let rest = &body[at..];
    let end = rest.find("</div>")?;
    Some(rest[..end].to_string())
}

impl World {
    /// A demo person by Latin name.
    pub async fn person(&self, latin: &str) -> Id {
        let people = self.d.store.people(None).await.unwrap();
        people.iter().find(|p| p.name_latin == latin).unwrap().id
    }

    /// A demo organisation by acronym.
    pub async fn org(&self, acronym: &str) -> Id {
        let orgs = self.d.store.organisations(None).await.unwrap();
        orgs.iter()
            .find(|o| o.acronym.as_deref() == Some(acronym))
            .unwrap()
            .id
    }

    /// A user as `login`, with the given clearance.
    pub async fn login_cleared(
        &self,
        name: &str,
        party: Id,
        role: Role,
        clearance: Marking,
    ) -> (Browser, User) {
        let mut u = add_user(&self.d.store, name, role, PASSWORD).await;
        u.party_id = party;
        u.clearance = clearance;
        u.commission_ids = vec![self.d.ids.commission];
        let u = self.d.store.save_user(&Actor::system(), &u).await.unwrap();
        let mut b = Browser::new(&self.d.app);
        assert_eq!(b.login(name, PASSWORD).await.status, 303);
        (b, u)
    }
}

/// The id at the end of a redirect to `/kind/{id}`.
pub fn id_from(r: &crate::common::Reply) -> Id {
    let to = crate::common::browser::location(r);
    to.rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no id in {to:?}"))
}

/// The protection fields every form posts.
pub const OPEN: [(&str, &str); 2] = [
    ("protection.marking", "unclassified"),
    ("protection.releasability", "all_parties"),
];

/// The selected option's value of the select named `name`.
pub fn selected(body: &str, name: &str) -> Option<String> {
    let at = body.find(&format!(
        "<select id=\"f-{}\" name=\"{name}\"",
        name.replace('.', "-")
    ))?;
    let end = at + body[at..].find("</select>")?;
    let sel = &body[at..end];
    let opt = sel.find(" selected>")?;
    let start = sel[..opt].rfind("value=\"")? + "value=\"".len();
    Some(sel[start..].split('"').next()?.to_string())
}
