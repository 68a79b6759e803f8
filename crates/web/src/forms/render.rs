//! The widgets, written out as HTML: every value typed by a user is escaped here, inputs
//! of a localized text carry their language's `lang` and `dir`, other text inputs and
//! choices `dir="auto"`, so hostile text can neither inject markup nor reorder the page.
//! Each input names its core path; errors for that path sit under it and are tied to it
//! by `aria-describedby` / `aria-invalid`.

use std::fmt::Write as _;
use taawun_core::Lang;

use super::errors::Errors;
use super::input::Input;
use super::spec::{Field, Item, Rows, Ty, counter, dom_id};
use crate::ctx::Ctx;
use crate::markup::{Markup, escape};

pub fn render(ctx: &Ctx, items: &[Item], input: &Input, errors: &Errors) -> Markup {
    let mut out = String::new();
    items_html(ctx, items, input, errors, "", &mut out);
    Markup(out)
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (_, true) => prefix.to_string(),
        _ => format!("{prefix}.{path}"),
    }
}

fn items_html(
    ctx: &Ctx,
    items: &[Item],
    input: &Input,
    e: &Errors,
    prefix: &str,
    out: &mut String,
) {
    for item in items {
        match item {
            Item::Field(f) => field_html(ctx, f, input, e, &join(prefix, &f.path), out),
            Item::Group { legend, items, .. } => {
                let _ = write!(
                    out,
                    "<fieldset class=\"group\"><legend>{}</legend>",
                    escape(legend)
                );
                items_html(ctx, items, input, e, prefix, out);
                out.push_str("</fieldset>");
            }
            Item::Rows(r) => rows_html(ctx, r, input, e, prefix, out),
        }
    }
}

fn rows_html(ctx: &Ctx, r: &Rows, input: &Input, e: &Errors, prefix: &str, out: &mut String) {
    let list = join(prefix, &r.path);
    let id = dom_id(&list);
    let _ = write!(
        out,
        "<fieldset class=\"rows\" id=\"{id}\"><legend>{}</legend>",
        escape(&r.legend)
    );
    errors_html(&e.at(&list), &id, out);
    let _ = write!(
        out,
        "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
        escape(&counter(&list)),
        r.rows.len()
    );
    for (i, row) in r.rows.iter().enumerate() {
        let class = if r.table { "row line" } else { "row block" };
        let legend = match &row.legend {
            Some(l) => l.0.clone(),
            None => escape(&ctx.tn("form-row", i + 1)),
        };
        let _ = write!(out, "<fieldset class=\"{class}\"><legend>{legend}</legend>");
        items_html(ctx, &row.items, input, e, &format!("{list}.{i}"), out);
        out.push_str("</fieldset>");
    }
    out.push_str("</fieldset>");
}

fn errors_html(messages: &[&str], id: &str, out: &mut String) {
    if messages.is_empty() {
        return;
    }
    let _ = write!(out, "<div class=\"field-error\" id=\"e-{id}\">");
    for m in messages {
        let _ = write!(out, "<p>{}</p>", escape(m));
    }
    out.push_str("</div>");
}

/// `aria-describedby` / `aria-invalid` of an input with a hint and errors.
fn aria(id: &str, hint: bool, invalid: bool) -> String {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("h-{id}"));
    }
    if invalid {
        ids.push(format!("e-{id}"));
    }
    let mut s = String::new();
    if !ids.is_empty() {
        let _ = write!(s, " aria-describedby=\"{}\"", ids.join(" "));
    }
    if invalid {
        s.push_str(" aria-invalid=\"true\"");
    }
    s
}

fn field_html(ctx: &Ctx, f: &Field, input: &Input, e: &Errors, name: &str, out: &mut String) {
    let id = dom_id(name);
    let errs = match f.ty {
        Ty::Multi(_) => e.under(name),
        _ => e.at(name),
    };
    let invalid = !errs.is_empty();
    let label = escape(&f.label);
    let hint = f
        .hint
        .as_deref()
        .map(|h| format!("<p class=\"hint\" id=\"h-{id}\">{}</p>", escape(h)));
    let a = aria(&id, hint.is_some(), invalid);
    let n = escape(name);
    let value = escape(input.get(name));
    match &f.ty {
        Ty::Text3 { long, .. } => {
            let _ = write!(
                out,
                "<fieldset class=\"field l3\" id=\"{id}\"><legend>{label}</legend><div class=\"l3row\">"
            );
            for l in Lang::ALL {
                let code = l.code();
                let v = escape(input.get(&format!("{name}.{code}")));
                let lid = format!("{id}-{code}");
                let _ = write!(
                    out,
                    "<div class=\"l3cell\"><label for=\"{lid}\">{}</label>",
                    escape(&ctx.t(&format!("lang-name-{code}")))
                );
                let attrs = format!(
                    "id=\"{lid}\" name=\"{n}.{code}\" lang=\"{code}\" dir=\"{}\"{a}",
                    l.dir()
                );
                if *long {
                    let _ = write!(out, "<textarea {attrs} rows=\"4\">{v}</textarea></div>");
                } else {
                    let _ = write!(out, "<input type=\"text\" {attrs} value=\"{v}\"></div>");
                }
            }
            out.push_str("</div>");
        }
        Ty::Multi(opts) => {
            let _ = write!(
                out,
                "<fieldset class=\"field multi\" id=\"{id}\"{a}><legend>{label}</legend>"
            );
            let chosen = input.all(name);
            for (i, o) in opts.iter().enumerate() {
                let checked = if chosen.contains(&o.value) {
                    " checked"
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<label class=\"check\"><input type=\"checkbox\" id=\"{id}-{i}\" name=\"{n}\" value=\"{}\"{checked}> <bdi>{}</bdi></label>",
                    escape(&o.value),
                    o.label
                );
            }
        }
        Ty::Check => {
            let checked = if value.is_empty() { "" } else { " checked" };
            let _ = write!(
                out,
                "<div class=\"field\"><label class=\"check\"><input type=\"checkbox\" id=\"{id}\" name=\"{n}\" value=\"true\"{checked}{a}> {label}</label>"
            );
        }
        Ty::HiddenId => {
            let _ = write!(
                out,
                "<input type=\"hidden\" name=\"{n}\" value=\"{value}\">"
            );
            return;
        }
        Ty::Select(opts) => {
            let _ = write!(
                out,
                "<div class=\"field\"><label for=\"{id}\">{label}</label><select id=\"{id}\" name=\"{n}\"{a}>"
            );
            if f.optional || f.counts() {
                let _ = write!(
                    out,
                    "<option value=\"\">{}</option>",
                    escape(&ctx.t("form-none"))
                );
            }
            let raw = input.get(name);
            for o in opts {
                let sel = if o.value == raw { " selected" } else { "" };
                let _ = write!(
                    out,
                    "<option value=\"{}\" dir=\"auto\"{sel}>{}</option>",
                    escape(&o.value),
                    o.label
                );
            }
            out.push_str("</select>");
        }
        Ty::Line { dir, .. } => {
            let _ = write!(
                out,
                "<div class=\"field\"><label for=\"{id}\">{label}</label><input type=\"text\" id=\"{id}\" name=\"{n}\" dir=\"{dir}\" value=\"{value}\"{a}>"
            );
        }
        Ty::Int { .. } | Ty::Float => {
            let mode = if matches!(f.ty, Ty::Int { .. }) {
                "numeric"
            } else {
                "decimal"
            };
            let _ = write!(
                out,
                "<div class=\"field\"><label for=\"{id}\">{label}</label><input type=\"text\" inputmode=\"{mode}\" id=\"{id}\" name=\"{n}\" dir=\"ltr\" value=\"{value}\"{a}>"
            );
        }
        Ty::Date => {
            let _ = write!(
                out,
                "<div class=\"field\"><label for=\"{id}\">{label}</label><input type=\"date\" id=\"{id}\" name=\"{n}\" dir=\"ltr\" value=\"{value}\"{a}>"
            );
        }
    }
    if let Some(h) = hint {
        out.push_str(&h);
    }
    errors_html(&errs, &id, out);
    let close = match f.ty {
        Ty::Text3 { .. } | Ty::Multi(_) => "</fieldset>",
        _ => "</div>",
    };
    out.push_str(close);
}
