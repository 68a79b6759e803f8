//! `GET /files/{id}`: one version's content, always as a download (`Content-Disposition:
//! attachment`) with the type found in its content, `nosniff`, and a sandboxing policy, so
//! that no file — whatever its name says — is ever rendered by the browser as a page of this
//! site. A version of a record the reader may not see is the same 404 as an unknown id.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use taawun_core::attachment::{Attachment, FileType};

use crate::lookup::reader;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

/// What a downloaded file may do if a browser opens it after all: nothing.
const DOWNLOAD_POLICY: &str = "default-src 'none'; sandbox";

pub(crate) async fn download(
    ctx: Ctx,
    State(s): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let Some((found, content)) = v.attachment_content(id).await? else {
        return Err(WebError::NotFound);
    };
    let disposition = HeaderValue::from_str(&disposition(&download_name(&found)))
        .map_err(|e| WebError::Internal(format!("content-disposition: {e}")))?;
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static(found.file_type.media_type()),
        ),
        (header::CONTENT_DISPOSITION, disposition),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DOWNLOAD_POLICY),
        ),
        // Classified scans stay out of shared caches and the browser's.
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
    ];
    Ok((headers, content).into_response())
}

/// The name a download is saved under: the uploaded one, given the extension of what it
/// really is when its own differs (`scan.html` holding a PDF saves as `scan.html.pdf`).
pub(crate) fn download_name(a: &Attachment) -> String {
    let wanted = a.file_type.extension();
    let has = a
        .name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    let fits = match (has.as_deref(), a.file_type) {
        (Some("jpeg"), FileType::Jpeg) | (Some("tiff"), FileType::Tiff) => true,
        (Some(ext), _) => ext == wanted,
        (None, _) => false,
    };
    if fits {
        a.name.clone()
    } else {
        format!("{}.{wanted}", a.name)
    }
}

/// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266, RFC 8187): an ASCII fallback
/// for old clients, and the exact name — Arabic included — percent-encoded for the others.
pub(crate) fn disposition(name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        let plain = b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b);
        if plain {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn arabic_names_are_percent_encoded_and_quotes_cannot_break_out() {
        let d = disposition("محضر \"x\".pdf");
        assert!(d.starts_with("attachment; filename=\"____ _x_.pdf\"; filename*=UTF-8''"));
        assert!(d.ends_with("%D9%85%D8%AD%D8%B6%D8%B1%20%22x%22.pdf"), "{d}");
    }
}
