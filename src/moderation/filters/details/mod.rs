//! Identifying details people share by accident: phone numbers, e-mail
//! addresses, street addresses (and Canadian postal codes), social-media
//! handles and links to profiles — in Canadian and international formats,
//! in English and French text. Hand-written rather than a regular-expression
//! engine because the hard part is what *not* to hold: dates, times, prices,
//! years, counts, ranges and words like "H1N1" or "B2B" in ordinary sentences.
//! Every rule errs towards holding only what has the shape of a detail; the
//! facilitators see held posts and can approve a false alarm at once.

/// A kind of identifying detail, as stored in a held post's reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Detail {
    Phone,
    Email,
    Address,
    Handle,
    ProfileLink,
}

impl Detail {
    pub const ALL: [Self; 5] = [Self::Phone, Self::Email, Self::Address, Self::Handle, Self::ProfileLink];

    pub fn code(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Address => "address",
            Self::Handle => "handle",
            Self::ProfileLink => "profile-link",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|detail| detail.code() == code)
    }

    /// How the author is told what was found ("a phone number").
    pub fn message_key(self) -> &'static str {
        match self {
            Self::Phone => "filter-detail-phone",
            Self::Email => "filter-detail-email",
            Self::Address => "filter-detail-address",
            Self::Handle => "filter-detail-handle",
            Self::ProfileLink => "filter-detail-profile-link",
        }
    }
}

mod emails;
mod phones;
mod places;
mod social;

/// The kinds of details in a text, each once, in `Detail` order.
pub fn find(text: &str) -> Vec<Detail> {
    let mut found = Vec::new();
    type Check = fn(&str) -> bool;
    let checks: [(Detail, Check); 5] = [
        (Detail::Phone, phones::has_phone),
        (Detail::Email, emails::has_email),
        (Detail::Address, places::has_address),
        (Detail::Handle, social::has_handle),
        (Detail::ProfileLink, social::has_profile_link),
    ];
    for (detail, check) in checks {
        if check(text) {
            found.push(detail);
        }
    }
    found
}

// ----- shared by the detectors -----

/// A domain with a dot and a top-level label of two or more letters.
fn is_domain(domain: &str) -> bool {
    let domain = domain.trim_end_matches(['.', '-']);
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| !label.is_empty())
        && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Words split at spaces and brackets, punctuation kept.
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '"' | '«' | '»' | '“' | '”'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word without the punctuation around it, in lower case.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '!' | '?')).to_lowercase()
}
