//! A session's minutes: what they say, resolved from what the reader may see (`draw`);
//! how they are worded in each language for the PDF and the print view (`word`); and the
//! two moves of their life, adopting the version being drafted and starting the next one
//! (`adopt`, `revise`). The web forms and the PDF both come here, so the text a head of
//! delegation signs and the text whose hash is kept are made in one place.

mod choose;
mod draw;
mod emblems;
mod life;
mod word;

pub use choose::{Chosen, choose, readable_versions};
pub use draw::{Drawn, draw, readable};
pub use emblems::{emblem_files, emblems};
pub use life::{adopt, pending_scan, revise};
pub use word::{Stage, word};
