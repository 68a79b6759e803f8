//! What a save must not lose: the form was shown from a `Visible` copy, from which
//! references to records the user may not see were removed. Before saving, those stored
//! references are put back (appended after the visible ones, so the positions the user
//! saw, and the errors about them, stay where they were).

use taawun_core::{Id, RecordKind};
use taawun_store::{StoreResult, Visible};

/// Restores a stored optional reference the user could not see (and so could not keep).
pub async fn opt(
    v: &Visible,
    entity: RecordKind,
    stored: Option<Id>,
    new: &mut Option<Id>,
) -> StoreResult<()> {
    if let (None, Some(id)) = (*new, stored)
        && !v.can_see_id(entity, id).await?
    {
        *new = Some(id);
    }
    Ok(())
}

/// Appends the stored ids the user could not see.
pub async fn ids(
    v: &Visible,
    entity: RecordKind,
    stored: &[Id],
    new: &mut Vec<Id>,
) -> StoreResult<()> {
    for id in stored {
        if !new.contains(id) && !v.can_see_id(entity, *id).await? {
            new.push(*id);
        }
    }
    Ok(())
}

/// Appends the stored entries whose reference the user could not see.
pub async fn entries<T: Clone>(
    v: &Visible,
    entity: RecordKind,
    stored: &[T],
    new: &mut Vec<T>,
    id_of: impl Fn(&T) -> Id,
) -> StoreResult<()> {
    for e in stored {
        if !v.can_see_id(entity, id_of(e)).await? {
            new.push(e.clone());
        }
    }
    Ok(())
}
