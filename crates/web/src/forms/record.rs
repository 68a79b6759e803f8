//! The steps every record form repeats, written once: show a record the reader may edit
//! at its version, save a new record built over its blank one, and save an edit built
//! over the record as STORED (not the `Visible` copy) with hidden references put back.
//! The handlers that run these steps are in `handlers`.

use std::future::Future;

use axum::response::Response;
use serde::{Serialize, de::DeserializeOwned};
use taawun_core::{
    ActionItem, ActionPlan, Activity, Agreement, Area, Clause, Commission, Id, Kinded,
    Organisation, Party, Person, ProgressUpdate, Protection, Rank, User,
};
use taawun_store::{StoreResult, Visible};

use super::errors::Errors;
use super::input::Input;
use super::page::{Form, finish, read, show};
use super::parse::build;
use super::{editable, keep_originator};
use crate::doors::{Acting, Raw};
use crate::{AppState, ctx::Ctx, error::WebError};

/// How a record type is read and written: the same for every form of it, so declared
/// once per type by `stored!` below rather than by each form.
/// Its kind (`Kinded::KIND`) is what permission checks name it by (`Visible::allows`).
pub trait Stored:
    Kinded + Raw + Serialize + DeserializeOwned + Send + Sync + Sized + 'static
{
    fn id(&self) -> Id;
    fn version(&self) -> i64;
    fn set_version(&mut self, version: i64);
    fn protection(&mut self) -> &mut Protection;
    /// The record as the reader may see it.
    fn shown(v: &Visible, id: Id) -> impl Future<Output = StoreResult<Option<Self>>> + Send;
    /// Saved as the acting user.
    fn save(s: &Acting, r: &Self) -> impl Future<Output = StoreResult<Self>> + Send;
}

macro_rules! stored {
    ($($ty:ty => $read:ident, $save:ident;)*) => {$(
        impl Stored for $ty {
            fn id(&self) -> Id {
                self.id
            }
            fn version(&self) -> i64 {
                self.version
            }
            fn set_version(&mut self, version: i64) {
                self.version = version;
            }
            fn protection(&mut self) -> &mut Protection {
                &mut self.protection
            }
            async fn shown(v: &Visible, id: Id) -> StoreResult<Option<Self>> {
                v.$read(id).await
            }
            async fn save(s: &Acting, r: &Self) -> StoreResult<Self> {
                s.$save(r).await
            }
        }
    )*};
}

stored! {
    ActionItem => item, save_item;
    ActionPlan => plan, save_plan;
    Activity => activity, save_activity;
    Agreement => agreement, save_agreement;
    Area => area, save_area;
    Clause => clause, save_clause;
    Commission => commission, save_commission;
    Organisation => organisation, save_organisation;
    Party => party, save_party;
    ProgressUpdate => progress_update, save_progress;
    Person => person, save_person;
    Rank => rank, save_rank;
}

/// What differs per form once the record type is known: where a saved record leads, and
/// which stored references a save must keep (see `keep`).
pub trait Record: Stored {
    /// Where the browser goes once the record is saved.
    fn to(&self) -> String;
    /// Puts back into `rec` the references of `raw` the reader could not see.
    fn keep(
        _v: &Visible,
        _raw: &Self,
        _rec: &mut Self,
    ) -> impl Future<Output = StoreResult<()>> + Send {
        async { Ok(()) }
    }
}

/// The record, as the reader sees it, if they may edit it (404 hidden, 403 not theirs).
pub async fn shown<R: Stored>(v: &Visible, id: Id) -> Result<R, WebError> {
    editable(v, R::KIND, id, R::shown(v, id).await?).await
}

/// The edit page: the form at the record's version, so a later save detects changes
/// made meanwhile.
pub fn show_at<R: Stored>(
    ctx: &Ctx,
    mut f: Form,
    input: &Input,
    rec: &R,
) -> Result<Response, WebError> {
    f.version = rec.version();
    show(ctx, &f, input, &Errors::default())
}

/// A create POST: the post read against `f`, laid over `base` (only computed once the
/// post reads cleanly), saved as the user, then the redirect or the form again.
pub async fn save_new<R: Record>(
    ctx: &Ctx,
    s: &AppState,
    v: &Visible,
    user: &User,
    f: &Form,
    input: &Input,
    base: impl Future<Output = Result<R, WebError>>,
) -> Result<Response, WebError> {
    let p = match read(ctx, f, input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let rec: R = build(&base.await?, &p.tree)?;
    let saved = R::save(&s.acting(user), &rec).await;
    finish(
        ctx,
        v,
        f,
        input,
        &p,
        &rec,
        saved,
        R::to,
        R::shown(v, rec.id()),
    )
    .await
}

/// An update POST (the caller has checked the record is editable): the post laid over
/// the stored record, hidden references kept, the originator kept, the version the form
/// was read at, saved as the user.
pub async fn save_edit<R: Record>(
    ctx: &Ctx,
    s: &AppState,
    v: &Visible,
    user: &User,
    f: &Form,
    input: &Input,
    id: Id,
) -> Result<Response, WebError> {
    let p = match read(ctx, f, input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let acting = s.acting(user);
    let raw: R = acting.stored(v, id).await?.ok_or(WebError::NotFound)?;
    let mut rec: R = build(&raw, &p.tree)?;
    R::keep(v, &raw, &mut rec).await?;
    keep_originator(rec.protection(), user);
    rec.set_version(input.version());
    let saved = R::save(&acting, &rec).await;
    finish(ctx, v, f, input, &p, &rec, saved, R::to, R::shown(v, id)).await
}

/// A record created from a top-level route: whether the reader may create one, its blank
/// record, and its form (`fresh` on a GET, so lists get their blank rows).
pub trait TopForm: Record {
    fn may_create(ctx: &Ctx) -> Result<(), WebError>;
    fn blank(user: &User) -> Self;
    fn form(
        ctx: &Ctx,
        v: &Visible,
        input: &Input,
        fresh: bool,
        id: Option<Id>,
    ) -> impl Future<Output = Result<Form, WebError>> + Send;
}
