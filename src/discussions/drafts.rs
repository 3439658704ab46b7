//! Drafts of posts: the fields every post form has, how they are checked
//! (lengths, one-line titles and warnings, no control characters), and how a
//! refused or previewed draft is put back in its form.

use axum::http::StatusCode;
use serde::Deserialize;

use super::views::{FormErrors, PostForm, Preview};
use crate::markdown;

pub const TITLE_MAX_CHARS: usize = 120;
pub const WARNING_MAX_CHARS: usize = 120;
pub const BODY_MAX_CHARS: usize = 20_000;

/// The fields of every post form; missing ones are empty.
#[derive(Debug, Default, Deserialize)]
pub(super) struct PostFields {
    #[serde(default)]
    title: String,
    #[serde(default)]
    warning: String,
    #[serde(default)]
    body: String,
    /// "preview" or "publish"; anything else previews, which loses nothing.
    #[serde(default)]
    action: String,
}

impl PostFields {
    fn publishing(&self) -> bool {
        self.action == "publish"
    }
}

/// A checked draft: a title (for topics) and a warning on one line, a body
/// with its line ends normalised and no control characters (PostgreSQL
/// refuses NUL in text).
#[derive(Debug, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub warning: Option<String>,
    pub body: String,
}

pub(super) fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn clean_body(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect();
    kept.trim_end().trim_start_matches('\n').to_owned()
}

impl Draft {
    fn parse(fields: &PostFields, with_title: bool) -> Result<Self, FormErrors> {
        Self::from_text(&fields.title, &fields.warning, &fields.body, with_title)
    }

    /// Checks a post's fields however they arrived (a post form, a redaction).
    pub fn from_text(title: &str, warning: &str, body: &str, with_title: bool) -> Result<Self, FormErrors> {
        let mut errors = FormErrors::default();
        let title = if with_title { one_line(title) } else { String::new() };
        if with_title && title.is_empty() {
            errors.title = Some("topic-title-empty");
        } else if title.chars().count() > TITLE_MAX_CHARS {
            errors.title = Some("topic-title-too-long");
        }
        let warning = one_line(warning);
        if warning.chars().count() > WARNING_MAX_CHARS {
            errors.warning = Some("post-warning-too-long");
        }
        let body = clean_body(body);
        if body.trim().is_empty() {
            errors.body = Some("post-body-empty");
        } else if body.chars().count() > BODY_MAX_CHARS {
            errors.body = Some("post-body-too-long");
        }
        if errors.is_empty() {
            Ok(Self { title, warning: (!warning.is_empty()).then_some(warning), body })
        } else {
            Err(errors)
        }
    }

    pub fn html(&self) -> String {
        markdown::to_html(&self.body)
    }

    /// What search matches: a first post's title and body, a reply's body.
    pub fn search_text(&self, with_title: bool) -> String {
        if with_title {
            markdown::fold_for_search(&format!("{}\n{}", self.title, self.body))
        } else {
            markdown::fold_for_search(&self.body)
        }
    }

    /// Everything the filters read: title, warning and body.
    pub fn screened_text(&self) -> String {
        format!("{}\n{}\n{}", self.title, self.warning.as_deref().unwrap_or_default(), self.body)
    }

    fn preview(&self, with_title: bool) -> Preview {
        Preview { title: with_title.then(|| self.title.clone()), warning: self.warning.clone(), html: self.html() }
    }
}

/// The form again with what the member typed, exactly as typed.
pub(super) fn refilled(
    mut form: PostForm,
    fields: &PostFields,
    errors: FormErrors,
    preview: Option<Preview>,
) -> PostForm {
    form.title.clone_from(&fields.title);
    form.warning.clone_from(&fields.warning);
    form.body.clone_from(&fields.body);
    form.errors = errors;
    form.preview = preview;
    form
}

pub(super) enum Checked {
    /// Show the form again: 200 with a preview, or 422 with messages.
    Again(StatusCode, PostForm),
    Publish(Draft),
}

pub(super) fn check(form: PostForm, fields: &PostFields) -> Checked {
    let with_title = form.with_title;
    match Draft::parse(fields, with_title) {
        Err(errors) => Checked::Again(StatusCode::UNPROCESSABLE_ENTITY, refilled(form, fields, errors, None)),
        Ok(draft) if fields.publishing() => Checked::Publish(draft),
        Ok(draft) => {
            let preview = draft.preview(with_title);
            Checked::Again(StatusCode::OK, refilled(form, fields, FormErrors::default(), Some(preview)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(title: &str, warning: &str, body: &str) -> PostFields {
        PostFields { title: title.into(), warning: warning.into(), body: body.into(), action: "publish".into() }
    }

    #[test]
    fn drafts_are_checked_and_tidied() {
        let draft =
            Draft::parse(&fields("  A\ttitle\n ", " heavy\u{0}  ", "\r\n\r\nline one\r\nline\u{0} two\n\n"), true)
                .unwrap();
        assert_eq!(
            draft,
            Draft { title: "A title".into(), warning: Some("heavy".into()), body: "line one\nline two".into() }
        );
        assert_eq!(Draft::parse(&fields("", "", "x"), true).unwrap_err().title, Some("topic-title-empty"));
        assert_eq!(
            Draft::parse(&fields(&"é".repeat(121), "", "x"), true).unwrap_err().title,
            Some("topic-title-too-long")
        );
        assert!(Draft::parse(&fields(&"é".repeat(120), "", "x"), true).is_ok());
        assert_eq!(Draft::parse(&fields("", "", " \n "), false).unwrap_err().body, Some("post-body-empty"));
        assert_eq!(
            Draft::parse(&fields("", "", &"a".repeat(20_001)), false).unwrap_err().body,
            Some("post-body-too-long")
        );
        assert_eq!(
            Draft::parse(&fields("", &"w".repeat(121), "x"), false).unwrap_err().warning,
            Some("post-warning-too-long")
        );
        assert_eq!(Draft::parse(&fields("ignored", "", "x"), false).unwrap().title, "");
    }
}
