//! The four handlers every record form shares — `new` and `create` on its `new` route,
//! `edit` and `update` on its `edit` route — written once for top-level forms (parties,
//! agreements…) and for forms under a parent (an agreement's articles, a commission's plans,
//! a plan's items, an item's activities and progress updates). What differs per form is
//! declared by `Placed` (the blank record and the form, from the parent), `ChildForm` (how
//! the parent of a new record is found and checked) and `Editable` (the parent of a stored
//! record); top-level forms declare `record::TopForm`, which gives them all three with no
//! parent. The steps themselves are those of `record`.

use std::future::Future;

use axum::extract::State;
use axum::response::Response;
use taawun_core::{Id, RecordKind, User};
use taawun_store::StoreResult;
use taawun_store::Visible;

use super::errors::Errors;
use super::input::{Input, Posted};
use super::page::{Form, show};
use super::record::{self, Record, TopForm};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::lookup::reader;
use crate::markup::{Markup, escape};
use crate::pages::describe::describe;
use crate::pages::views::Crumb;
use crate::{AppState, ctx::Ctx, error::WebError};

/// A record's form, given what the record hangs from.
pub trait Placed: Record {
    /// What the form and the blank record are built from: the parent record, or only what
    /// the form needs of it (its id), so an edit reads no more than it must; `()` for a
    /// top-level record.
    type Parent: Send + Sync;

    /// A new record under `parent`, before anything is typed.
    fn blank(
        v: &Visible,
        parent: &Self::Parent,
        user: &User,
    ) -> impl Future<Output = Result<Self, WebError>> + Send;

    /// The form, for a new record (`shown` is `None`) or the one the reader may edit;
    /// `fresh` on a GET, so lists get their blank rows.
    fn form(
        ctx: &Ctx,
        v: &Visible,
        parent: &Self::Parent,
        input: &Input,
        fresh: bool,
        shown: Option<&Self>,
    ) -> impl Future<Output = Result<Form, WebError>> + Send;

    /// Values the form shows that the record does not hold as such (an item's leads laid
    /// out one per party); nothing by default.
    fn arrange(_input: &mut Input, _rec: &Self, _parent: &Self::Parent) {}
}

/// A record created under a parent named by the `{id}` of its `new` route.
pub trait ChildForm: Placed {
    /// The kind of record the `{id}` of the `new` route names (the form's breadcrumb
    /// leads through it).
    const PARENT: RecordKind;

    /// The parent of a new record, as the reader sees it, once `decide` lets the reader
    /// create under it (hidden or unknown is 404, not allowed is 403).
    fn parent_for_new(
        ctx: &Ctx,
        v: &Visible,
        id: Id,
    ) -> impl Future<Output = Result<Self::Parent, WebError>> + Send;
}

/// A record that can be edited once stored.
pub trait Editable: Placed {
    /// The parent of `rec` (already read through `Visible` and editable), for its form.
    fn parent_of(
        v: &Visible,
        rec: &Self,
    ) -> impl Future<Output = Result<Self::Parent, WebError>> + Send;
}

/// GET of a child's `new` route.
pub(crate) async fn new<R: ChildForm>(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(parent): IdPath,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let p = R::parent_for_new(&ctx, &v, parent).await?;
    blank_page::<R>(&ctx, &v, &p, &user, Some((R::PARENT, parent))).await
}

/// POST of a child's `new` route.
pub(crate) async fn create<R: ChildForm>(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(parent): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let p = R::parent_for_new(&ctx, &v, parent).await?;
    save_blank::<R>(&ctx, &s, &v, &p, &user, &input, Some((R::PARENT, parent))).await
}

/// GET of a top-level `new` route.
pub(crate) async fn new_top<R: TopForm>(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, WebError> {
    R::may_create(&ctx)?;
    blank_page::<R>(&ctx, &reader(&s, &ctx), &(), &user, None).await
}

/// POST of a top-level `new` route.
pub(crate) async fn create_top<R: TopForm>(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    R::may_create(&ctx)?;
    let v = reader(&s, &ctx);
    save_blank::<R>(&ctx, &s, &v, &(), &user, &input, None).await
}

/// Where a form stands: the breadcrumb leads from home through the record it edits (or the
/// one a new record goes under) to the form, and the title names that record ("Modifier
/// l'action — 3.1 Mise en place…", the name isolated), so an officer with several tabs open
/// knows which is which.
async fn place(
    ctx: &Ctx,
    v: &Visible,
    f: &mut Form,
    about: Option<(RecordKind, Id)>,
    editing: bool,
) -> Result<(), WebError> {
    let Some((kind, id)) = about else {
        f.crumbs
            .push(Crumb::new(ctx.path.clone(), Markup(escape(&f.title))));
        return Ok(());
    };
    let Some(d) = describe(ctx, v, kind, id).await? else {
        return Ok(());
    };
    // The full way down: the record's parents (commission › plan › item…), then the record.
    for (up_kind, up_id) in lineage(v, kind, id).await? {
        if let Some(up) = describe(ctx, v, up_kind, up_id).await?
            && let Some(href) = up.href
            && !f.crumbs.iter().any(|c| c.href == href)
        {
            f.crumbs.push(Crumb::new(href, up.title));
        }
    }
    // A report or an activity is shown on its item's page, already on the way.
    if let Some(href) = &d.href
        && !f.crumbs.iter().any(|c| &c.href == href)
    {
        f.crumbs.push(Crumb::new(href.clone(), d.title.clone()));
    }
    let title = f.title.clone();
    f.crumbs
        .push(Crumb::new(ctx.path.clone(), Markup(escape(&title))));
    if editing {
        f.subject = Some(d.title);
    }
    Ok(())
}

/// The records `kind` `id` hangs from, outermost first, as far as the reader sees them.
async fn lineage(v: &Visible, kind: RecordKind, id: Id) -> StoreResult<Vec<(RecordKind, Id)>> {
    let mut chain = Vec::new();
    let (mut kind, mut id) = (kind, id);
    // A record's parents are a handful (item › plan › commission): the loop is short.
    while chain.len() < 8 {
        let up = match kind {
            RecordKind::ActionItem => v
                .item(id)
                .await?
                .map(|i| (RecordKind::ActionPlan, i.plan_id)),
            RecordKind::ActionPlan => v
                .plan(id)
                .await?
                .map(|p| (RecordKind::Commission, p.commission_id)),
            RecordKind::Session => v
                .session(id)
                .await?
                .map(|s| (RecordKind::Commission, s.commission_id)),
            RecordKind::Agreement => v
                .agreement(id)
                .await?
                .and_then(|a| a.commission_id.map(|c| (RecordKind::Commission, c))),
            RecordKind::Clause => v
                .clause(id)
                .await?
                .map(|c| (RecordKind::Agreement, c.agreement_id)),
            RecordKind::Activity => v
                .activity(id)
                .await?
                .and_then(|a| a.item_id.map(|i| (RecordKind::ActionItem, i))),
            RecordKind::ProgressUpdate => v
                .progress_update(id)
                .await?
                .map(|u| (RecordKind::ActionItem, u.item_id)),
            RecordKind::Organisation => v
                .organisation(id)
                .await?
                .map(|o| (RecordKind::Party, o.party_id)),
            RecordKind::Person => v.person(id).await?.map(|p| (RecordKind::Party, p.party_id)),
            _ => None,
        };
        let Some(up) = up else { break };
        chain.push(up);
        (kind, id) = up;
    }
    chain.reverse();
    Ok(chain)
}

/// The form of a new record under `p`.
async fn blank_page<R: Placed>(
    ctx: &Ctx,
    v: &Visible,
    p: &R::Parent,
    user: &User,
    under: Option<(RecordKind, Id)>,
) -> Result<Response, WebError> {
    let rec = R::blank(v, p, user).await?;
    let mut input = Input::of(&rec);
    R::arrange(&mut input, &rec, p);
    let mut f = R::form(ctx, v, p, &input, true, None).await?;
    place(ctx, v, &mut f, under, false).await?;
    show(ctx, &f, &input, &Errors::default())
}

/// The post laid over a blank record under `p` (only built once the post reads cleanly).
async fn save_blank<R: Placed>(
    ctx: &Ctx,
    s: &AppState,
    v: &Visible,
    p: &R::Parent,
    user: &User,
    input: &Input,
    under: Option<(RecordKind, Id)>,
) -> Result<Response, WebError> {
    let mut f = R::form(ctx, v, p, input, false, None).await?;
    place(ctx, v, &mut f, under, false).await?;
    let base = R::blank(v, p, user);
    record::save_new(ctx, s, v, user, &f, input, base).await
}

/// GET of an `edit` route: the record the reader may edit, at its version.
pub(crate) async fn edit<R: Editable>(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let rec: R = record::shown(&v, id).await?;
    let p = R::parent_of(&v, &rec).await?;
    let mut input = Input::of(&rec);
    R::arrange(&mut input, &rec, &p);
    let mut f = R::form(&ctx, &v, &p, &input, true, Some(&rec)).await?;
    place(&ctx, &v, &mut f, Some((R::KIND, id)), true).await?;
    record::show_at(&ctx, f, &input, &rec)
}

/// POST of an `edit` route: the post laid over the stored record (see `record::save_edit`).
pub(crate) async fn update<R: Editable>(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let shown: R = record::shown(&v, id).await?;
    let p = R::parent_of(&v, &shown).await?;
    let mut f = R::form(&ctx, &v, &p, &input, false, Some(&shown)).await?;
    place(&ctx, &v, &mut f, Some((R::KIND, id)), true).await?;
    record::save_edit::<R>(&ctx, &s, &v, &user, &f, &input, id).await
}

// Top-level forms hang from nothing: their blank record and form ignore the parent.
impl<R: TopForm> Placed for R {
    type Parent = ();

    async fn blank(_: &Visible, _: &(), user: &User) -> Result<Self, WebError> {
        Ok(<R as TopForm>::blank(user))
    }

    async fn form(
        ctx: &Ctx,
        v: &Visible,
        _: &(),
        input: &Input,
        fresh: bool,
        shown: Option<&Self>,
    ) -> Result<Form, WebError> {
        <R as TopForm>::form(ctx, v, input, fresh, shown.map(|r| r.id())).await
    }
}

impl<R: TopForm> Editable for R {
    async fn parent_of(_: &Visible, _: &Self) -> Result<(), WebError> {
        Ok(())
    }
}
