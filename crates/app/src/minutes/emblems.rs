//! The states' emblems in the minutes' header: each party's emblem as an administrator
//! uploaded it on the party (`Purpose::Emblem`), in the order of the commission's parties,
//! which is the order of the header's names. A party with no emblem gets nothing, and the
//! header prints its name alone. Emblems are not part of the adopted text: an adopted
//! version is printed with the emblems in force.

use taawun_core::Session;
use taawun_core::attachment::{Attachment, Purpose};
use taawun_store::{StoreResult, Visible};

/// The emblem in force of each of the commission's two parties.
pub async fn emblem_files(v: &Visible, s: &Session) -> StoreResult<[Option<Attachment>; 2]> {
    let mut out: [Option<Attachment>; 2] = Default::default();
    let Some(c) = v.commission(s.commission_id).await? else {
        return Ok(out);
    };
    for (slot, party) in out.iter_mut().zip(&c.party_ids) {
        let files = v
            .attachments(taawun_core::RecordKind::Party, *party)
            .await?;
        // The newest emblem file's version in force.
        *slot = files
            .iter()
            .map(|f| f.current())
            .filter(|a| a.purpose == Purpose::Emblem)
            .max_by_key(|a| (a.uploaded_at, a.id))
            .cloned();
    }
    Ok(out)
}

/// The emblems' content, for the PDF.
pub async fn emblems(v: &Visible, s: &Session) -> StoreResult<[Option<Vec<u8>>; 2]> {
    let mut out: [Option<Vec<u8>>; 2] = Default::default();
    for (slot, file) in out.iter_mut().zip(emblem_files(v, s).await?) {
        if let Some(a) = file {
            *slot = v.attachment_content(a.id).await?.map(|(_, bytes)| bytes);
        }
    }
    Ok(out)
}
