//! `taawun generate`: fills an empty database with a realistic data set — one host state
//! and its partners, their commissions, sessions, agreements, action plans and their
//! follow-up, users — the same for the same seed, row for row, ids and times included.
//!
//! Every record goes through the store's one write path (`Store::save_all`, or each
//! `save_*` in turn with `one_by_one`), so rules, permission, audit rows and their chain,
//! the search index, follow-up facts and effective protection are what real saves leave.
//! Records are built part by part (`registry`, `commissions`, `agreements`, `plans`,
//! `followup`, `users`), each part's writes handed to the store before the next is built,
//! so memory holds one part at a time. Chance comes from `dice` alone, seeded; times are
//! the records' own (a report is saved on the day it reports), never the clock's.

mod agreements;
mod commissions;
mod dice;
mod followup;
mod plans;
mod profile;
mod registry;
mod users;
mod words;
mod world;

pub use profile::{Profile, Sizes, as_of};

use crate::accounts::{HashError, check_new_password, hash_with_seeded_salt};
use chrono::{DateTime, NaiveDate, Utc};
use dice::Dice;
use std::time::Instant;
use taawun_core::{Id, LocalizedText, Marking, Protection, Releasability};
use taawun_store::{Actor, Save, Store, StoreError, Write};
use words::Tri;
use world::World;

/// What to generate, and how to write it.
#[derive(Debug, Clone)]
pub struct Options {
    pub profile: Profile,
    pub seed: u64,
    /// Every generated user's password (hashed once, the hash shared).
    pub password: String,
    /// Each write in its own transaction through the ordinary `save_*` calls, instead of
    /// `save_all`: slower, and there to prove the two leave the same rows.
    pub one_by_one: bool,
}

/// What was generated.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Records saved, by kind (in the order they were made), then the passwords set.
    pub counts: Vec<(&'static str, usize)>,
    /// Rows of the audit log (the head of its chain).
    pub audit_rows: i64,
    pub seconds: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// The database already holds records or accounts: a data set is only ever generated
    /// into an empty one, so it is never mixed with real records.
    #[error("the database is not empty: generate fills only an empty database")]
    NotEmpty,
    #[error("the password is refused: {0}")]
    Password(String),
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error("{part}: {source}")]
    Store {
        part: &'static str,
        source: StoreError,
    },
}

/// Generates `options.profile` into `store`, which must be empty. `say` hears how far it
/// has come, one line at a time (the command line prints them on stderr).
pub async fn run(
    store: &dyn Store,
    options: &Options,
    say: &(dyn Fn(&str) + Send + Sync),
) -> Result<Summary, GenerateError> {
    let started = Instant::now();
    let not_empty = |e| GenerateError::Store {
        part: "checking the database",
        source: e,
    };
    if !store.is_empty().await.map_err(not_empty)?
        || !store.users().await.map_err(not_empty)?.is_empty()
    {
        return Err(GenerateError::NotEmpty);
    }
    check_new_password(&options.password, &options.password)
        .map_err(|e| GenerateError::Password(e.to_string()))?;
    // Hashed once: argon2 is slow on purpose, and a thousand accounts sharing one
    // password may share its hash. Its salt comes from the seed, like everything else.
    let mut dice = Dice::new(options.seed ^ 0x5a17);
    let mut salt = [0u8; 16];
    salt[..8].copy_from_slice(&dice.next().to_le_bytes());
    salt[8..].copy_from_slice(&dice.next().to_le_bytes());
    let password = options.password.clone();
    let hash = tokio::task::spawn_blocking(move || hash_with_seeded_salt(&password, salt))
        .await
        .map_err(|e| HashError::new(e.to_string()))??;

    let mut g = Gen::new(options, hash);
    let mut writer = Writer {
        store,
        one_by_one: options.one_by_one,
        say,
        counts: Vec::new(),
    };
    registry::make(&mut g);
    writer.send("registry", &mut g).await?;
    commissions::make(&mut g);
    writer.send("commissions and sessions", &mut g).await?;
    agreements::make(&mut g);
    writer.send("agreements and clauses", &mut g).await?;
    plans::make(&mut g);
    writer.send("plans and items", &mut g).await?;
    commissions::conclude(&mut g);
    writer.send("decisions", &mut g).await?;
    followup::make(&mut g);
    writer
        .send("progress updates and activities", &mut g)
        .await?;
    users::make(&mut g);
    writer.send("users", &mut g).await?;

    let head = store.audit_head().await.map_err(|e| GenerateError::Store {
        part: "reading the audit head",
        source: e,
    })?;
    Ok(Summary {
        counts: writer.counts,
        audit_rows: head.seq,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Hands each part's writes to the store and counts them.
struct Writer<'a> {
    store: &'a dyn Store,
    one_by_one: bool,
    say: &'a (dyn Fn(&str) + Send + Sync),
    counts: Vec<(&'static str, usize)>,
}

impl Writer<'_> {
    async fn send(&mut self, part: &'static str, g: &mut Gen) -> Result<(), GenerateError> {
        let saves = std::mem::take(&mut g.saves);
        for save in &saves {
            let kind = kind_of(&save.write, save_is_new(save));
            if let Some(kind) = kind {
                match self.counts.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, n)) => *n += 1,
                    None => self.counts.push((kind, 1)),
                }
            }
        }
        let total = saves.len();
        let say = self.say;
        say(&format!("{part}: {total} writes"));
        let failed = |source| GenerateError::Store { part, source };
        if self.one_by_one {
            for save in &saves {
                save.one_by_one(self.store).await.map_err(failed)?;
            }
        } else {
            let progress = move |done: usize| {
                if done % 20_000 < 2_000 || done == total {
                    say(&format!("  {part}: {done} of {total}"));
                }
            };
            self.store
                .save_all(&saves, &progress)
                .await
                .map_err(failed)?;
        }
        Ok(())
    }
}

/// Whether a save creates its record (version 0) rather than updating it.
fn save_is_new(save: &Save) -> bool {
    let version = match &save.write {
        Write::Party(r) => r.version,
        Write::Organisation(r) => r.version,
        Write::Rank(r) => r.version,
        Write::Person(r) => r.version,
        Write::Area(r) => r.version,
        Write::Agreement(r) => r.version,
        Write::Clause(r) => r.version,
        Write::Commission(r) => r.version,
        Write::Session(r) => r.version,
        Write::Plan(r) => r.version,
        Write::Item(r) => r.version,
        Write::Progress(r) => r.version,
        Write::Activity(r) => r.version,
        Write::User(r) => r.version,
        Write::Password { .. } => 0,
    };
    version == 0
}

/// The name a summary counts a new record under; updates are not counted.
fn kind_of(write: &Write, new: bool) -> Option<&'static str> {
    if !new {
        return None;
    }
    Some(match write {
        Write::Party(_) => "parties",
        Write::Organisation(_) => "organisations",
        Write::Rank(_) => "ranks",
        Write::Person(_) => "people",
        Write::Area(_) => "areas",
        Write::Agreement(_) => "agreements",
        Write::Clause(_) => "clauses",
        Write::Commission(_) => "commissions",
        Write::Session(_) => "sessions",
        Write::Plan(_) => "plans",
        Write::Item(_) => "items",
        Write::Progress(_) => "progress updates",
        Write::Activity(_) => "activities",
        Write::User(_) => "users",
        Write::Password { .. } => "passwords",
    })
}

/// The generator's state: its dice, what is made so far, and the writes of the part
/// being built.
struct Gen {
    dice: Dice,
    sizes: Sizes,
    password_hash: String,
    world: World,
    saves: Vec<Save>,
}

/// Who the audit log says made the generated records.
const ACTOR: &str = "generate";

impl Gen {
    fn new(options: &Options, password_hash: String) -> Self {
        Gen {
            dice: Dice::new(options.seed),
            sizes: options.profile.sizes(),
            password_hash,
            world: World::default(),
            saves: Vec::new(),
        }
    }

    /// A moment of `day`, never after the day the data set is as of: the audit time of
    /// a write and the time in the id of a record made then.
    fn moment(&mut self, day: NaiveDate) -> DateTime<Utc> {
        self.dice.moment(day.min(as_of()))
    }

    /// A new record's id, made at `at`.
    fn id(&mut self, at: DateTime<Utc>) -> Id {
        self.dice.id(at)
    }

    fn save(&mut self, at: DateTime<Utc>, write: Write) {
        self.saves
            .push(Save::new(&Actor::new(ACTOR).dated(at), write));
    }

    /// A text in the languages a ministry writes it in: mostly Arabic and French, often
    /// English too, sometimes one language alone.
    fn text(&mut self, ar: &str, fr: &str, en: &str) -> LocalizedText {
        match self.dice.below(100) {
            0..=49 => LocalizedText::new(ar, fr, en),
            50..=79 => LocalizedText::new(ar, fr, ""),
            80..=91 => LocalizedText::new("", fr, ""),
            _ => LocalizedText::new(ar, "", ""),
        }
    }

    /// `text` of a phrase in the three languages.
    fn tri(&mut self, t: Tri) -> LocalizedText {
        self.text(t.0, t.1, t.2)
    }

    /// A protection as a ministry marks its records: about 70% unclassified, 20%
    /// restricted, 8% confidential, 2% secret; one in ten releasable to its originator
    /// only, one of `parties` (whose records these are).
    fn protection(&mut self, parties: &[Id]) -> Protection {
        let marking = match self.dice.below(100) {
            0..=69 => Marking::Unclassified,
            70..=89 => Marking::Restricted,
            90..=97 => Marking::Confidential,
            _ => Marking::Secret,
        };
        let mut p = Protection {
            marking,
            ..Protection::default()
        };
        if !parties.is_empty() && self.dice.chance(10) {
            p.releasability = Releasability::OriginatorOnly;
            p.originator = Some(*self.dice.pick(parties));
        }
        p
    }
}
