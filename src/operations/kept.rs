//! Nothing a member wrote is lost when the database cannot take it. While a
//! form is handled, this layer keeps a copy of its fields (bounded by the
//! body limit); if the answer is "storage unavailable" (503: database down,
//! restarting, disk full), the member gets a page that says so and gives the
//! text back in a form that sends it again to the same address with a valid
//! CSRF token. Passwords, codes and tokens are never given back: a form that
//! held one gets the plain 503 page. Nothing of the form is logged.

use askama::Template;
use axum::{
    body::{Body, Bytes},
    extract::{MatchedPath, Request, State},
    http::{HeaderMap, Method, header},
    middleware::Next,
    response::Response,
};
use http_body_util::BodyExt;

use crate::web::{
    AppState, BODY_LIMIT_BYTES,
    context::RequestContext,
    csrf,
    error::{ErrorPage, STORAGE_UNAVAILABLE_KEY},
    page::{PageCtx, render_with_status},
};

/// How a form field is given back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Never shown again (passwords, codes, tokens).
    Secret,
    /// Words a person wrote, shown with a label so they can be read and edited.
    Writing { label_key: &'static str, multiline: bool },
    /// A choice or a step of the form (which button, which version): carried
    /// along unseen so that sending again does what the member meant.
    Carried,
}

/// Fields people write in, by the names Hearth's forms give them. A test
/// checks that every `<textarea>` in the templates is listed here.
const WRITING: &[(&str, &str, bool)] = &[
    ("title", "kept-field-title", false),
    ("subject", "kept-field-subject", false),
    ("warning", "kept-field-warning", false),
    ("body", "kept-field-body", true),
    ("note", "kept-field-note", false),
    ("reason", "kept-field-reason", true),
    ("name", "kept-field-name", false),
    ("purpose", "kept-field-purpose", true),
    ("facilitation", "kept-field-facilitation", true),
    // moderation, with the labels its forms show: what a reporter adds,
    // staff's note to a member, the word lists
    ("details", "report-details-label", true),
    ("message", "moderation-note-label", true),
    ("crisis_words", "moderation-crisis-words-label", true),
    ("hold_words", "moderation-hold-words-label", true),
    ("flag_words", "moderation-flag-words-label", true),
];

pub fn field_kind(name: &str) -> FieldKind {
    let lower = name.to_ascii_lowercase();
    let secret = ["password", "secret", "token", "totp", "code", "csrf"].iter().any(|word| lower.contains(word))
        || matches!(lower.as_str(), "current" | "new");
    if secret {
        return FieldKind::Secret;
    }
    match WRITING.iter().find(|(field, _, _)| *field == lower) {
        Some((_, label_key, multiline)) => FieldKind::Writing { label_key, multiline: *multiline },
        None => FieldKind::Carried,
    }
}

#[derive(Debug)]
pub struct KeptField {
    pub name: String,
    pub value: String,
    pub label_key: &'static str,
    pub multiline: bool,
}

#[derive(Template)]
#[template(path = "operations/kept.html")]
struct KeptView {
    ctx: PageCtx,
    action: String,
    writing: Vec<KeptField>,
    carried: Vec<(String, String)>,
}

fn is_form_post(request: &Request) -> bool {
    request.method() == Method::POST
        && request.extensions().get::<MatchedPath>().is_some()
        && request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// Reads at most `limit + 1` bytes: all of a body within the limit, or enough
/// of a longer one for the handler to refuse it as too large.
async fn read_up_to(body: Body, limit: usize) -> Bytes {
    let mut body = body;
    let mut read = Vec::new();
    while read.len() <= limit {
        match body.frame().await {
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    read.extend_from_slice(&data);
                }
            }
            // A client that went away gets nothing back; the handler sees what came.
            Some(Err(_)) | None => break,
        }
    }
    Bytes::from(read)
}

/// The layer, outside the page context (which renders the 503 and leaves
/// the request's context on it).
pub async fn give_back_unsaved_forms(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !is_form_post(&request) {
        return next.run(request).await;
    }
    let action = request.uri().path_and_query().map_or_else(|| request.uri().path().to_owned(), |p| p.to_string());
    let headers = request.headers().clone();
    let (parts, body) = request.into_parts();
    let body = read_up_to(body, BODY_LIMIT_BYTES).await;
    let kept = (body.len() <= BODY_LIMIT_BYTES).then(|| body.clone());
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let unavailable =
        response.extensions().get::<ErrorPage>().is_some_and(|page| page.message_key == STORAGE_UNAVAILABLE_KEY);
    match kept {
        Some(body) if unavailable => give_back(&state, response, &headers, action, &body),
        _ => response,
    }
}

fn give_back(state: &AppState, unavailable: Response, headers: &HeaderMap, action: String, body: &[u8]) -> Response {
    let Ok(fields) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(body) else { return unavailable };
    let Some(context) = unavailable.extensions().get::<RequestContext>() else { return unavailable };
    // Only the member's own form, by its token and origin, comes back; and
    // only to a path of this site.
    let token = fields.iter().find(|(name, _)| name == "csrf").map_or("", |(_, value)| value.as_str());
    if !csrf::form_passes(headers, token) || !action.starts_with('/') || action.starts_with("//") {
        return unavailable;
    }
    let mut writing = Vec::new();
    let mut carried = Vec::new();
    for (name, value) in fields {
        match field_kind(&name) {
            FieldKind::Secret if name == "csrf" => {}
            FieldKind::Secret => return unavailable,
            FieldKind::Writing { label_key, multiline } => {
                writing.push(KeptField { name, value, label_key, multiline })
            }
            FieldKind::Carried => carried.push((name, value)),
        }
    }
    let view = KeptView { ctx: PageCtx::new(state, context), action, writing, carried };
    match render_with_status(unavailable.status(), &view) {
        Ok(mut page) => {
            for (name, value) in unavailable.headers() {
                if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                    page.headers_mut().append(name.clone(), value.clone());
                }
            }
            page
        }
        Err(err) => {
            tracing::error!(cause = %err, "rendering the unsaved-form page failed");
            unavailable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_never_given_back() {
        for name in ["password", "current", "new", "code", "recovery_code", "csrf", "totp", "new_password", "Token"] {
            assert_eq!(field_kind(name), FieldKind::Secret, "{name}");
        }
        assert!(matches!(field_kind("body"), FieldKind::Writing { multiline: true, .. }));
        assert!(matches!(field_kind("title"), FieldKind::Writing { multiline: false, .. }));
        for name in ["action", "page", "version", "consent", "group"] {
            assert_eq!(field_kind(name), FieldKind::Carried, "{name}");
        }
    }
}
