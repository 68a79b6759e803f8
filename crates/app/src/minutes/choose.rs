//! Which text of the minutes a reader gets. Without a version: the draft as it stands
//! while one is being written, else the version in force. With a version: that adopted
//! version. An adopted text is shown only to a reader who may see every record it was made
//! from (`readable`); to anyone else it does not exist, exactly as a version never adopted,
//! so no answer tells them that something hidden is in it.

use taawun_core::Session;
use taawun_core::minutes::{AdoptedMinutes, MinutesStatus, MinutesText};
use taawun_store::{StoreResult, Visible};

use super::{Stage, draw, readable};

pub enum Chosen {
    /// Drawn now, from what the reader may see.
    Draft(MinutesText),
    Adopted(AdoptedMinutes),
}

impl Chosen {
    pub fn text(&self) -> &MinutesText {
        match self {
            Chosen::Draft(t) => t,
            Chosen::Adopted(a) => &a.text,
        }
    }

    pub fn stage(&self) -> Stage<'_> {
        match self {
            Chosen::Draft(_) => Stage::Draft,
            Chosen::Adopted(a) => Stage::Adopted {
                version: a.version,
                on: a.adopted_on,
                sha256: &a.sha256,
            },
        }
    }
}

pub async fn choose(v: &Visible, s: &Session, version: Option<u32>) -> StoreResult<Option<Chosen>> {
    let adopted = match version {
        Some(n) => s.minutes.adopted_version(n),
        None if s.minutes.status == MinutesStatus::Draft => {
            return Ok(Some(Chosen::Draft(draw(v, s).await?.text)));
        }
        None => s.minutes.latest_adopted(),
    };
    match adopted {
        Some(a) if readable(v, a).await? => Ok(Some(Chosen::Adopted(a.clone()))),
        _ => Ok(None),
    }
}

/// The adopted versions the reader may read, oldest first.
pub async fn readable_versions<'a>(
    v: &Visible,
    s: &'a Session,
) -> StoreResult<Vec<&'a AdoptedMinutes>> {
    let mut out = Vec::new();
    for a in &s.minutes.adopted {
        if readable(v, a).await? {
            out.push(a);
        }
    }
    Ok(out)
}
