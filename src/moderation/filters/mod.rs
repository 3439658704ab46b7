//! What happens to a post when it is written: [`screen`] looks for crisis
//! words, identifying details and the staff's word lists, and [`verdict`]
//! adds the group's pre-moderation to decide whether it is published or held,
//! and which flags it raises for the facilitators.
//!
//! | found | the post | the facilitators | the author |
//! |---|---|---|---|
//! | crisis words | published, never silenced | an urgent flag, first in the queue | the group's crisis resources at once |
//! | identifying details | held | the held post, with what was found | which kind of detail, to edit it out |
//! | a staff hold word | held | the held post | that the facilitators read it first |
//! | pre-moderation applies | held | the held post | that posts here are read first |
//! | a staff flag word | published | a flag | nothing |
//!
//! Staff posts are never held or flagged.

pub mod details;
pub mod words;

pub use details::Detail;
use words::WordList;

use crate::groups::policy::{Premoderation, Standing};

/// The lists that apply in a group: its organisation's and its own.
#[derive(Debug, Clone, Default)]
pub struct Lists {
    pub crisis: WordList,
    pub hold: WordList,
    pub flag: WordList,
}

impl Lists {
    /// From the stored texts; an organisation without its own crisis list
    /// uses Hearth's default one.
    pub fn from_stored(organisation: [Option<&str>; 3], group: [&str; 3]) -> Self {
        let [crisis, hold, flag] = organisation;
        Self {
            crisis: WordList::joined(&[crisis.unwrap_or(words::DEFAULT_CRISIS_WORDS), group[0]]),
            hold: WordList::joined(&[hold.unwrap_or_default(), group[1]]),
            flag: WordList::joined(&[flag.unwrap_or_default(), group[2]]),
        }
    }
}

/// What a post's text contains.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screening {
    pub crisis: Vec<String>,
    pub details: Vec<Detail>,
    pub hold_words: Vec<String>,
    pub flag_words: Vec<String>,
}

pub fn screen(text: &str, lists: &Lists) -> Screening {
    Screening {
        crisis: lists.crisis.found_in(text),
        details: details::find(text),
        hold_words: lists.hold.found_in(text),
        flag_words: lists.flag.found_in(text),
    }
}

/// Why a post waits for a facilitator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldReason {
    Detail(Detail),
    Words,
    Premoderation,
}

impl HoldReason {
    pub fn code(self) -> &'static str {
        match self {
            Self::Detail(detail) => detail.code(),
            Self::Words => "words",
            Self::Premoderation => "premoderation",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "words" => Some(Self::Words),
            "premoderation" => Some(Self::Premoderation),
            other => Detail::from_code(other).map(Self::Detail),
        }
    }

    /// Stored as codes separated by spaces (`posts.held_reason`).
    pub fn join(reasons: &[Self]) -> String {
        reasons.iter().map(|r| r.code()).collect::<Vec<_>>().join(" ")
    }

    pub fn split(stored: &str) -> Vec<Self> {
        stored.split_whitespace().filter_map(Self::from_code).collect()
    }
}

/// A flag a published post raises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// Urgent: the words found, and any identifying details too.
    Crisis {
        words: Vec<String>,
        details: Vec<Detail>,
    },
    Words(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Publish(Vec<Flag>),
    Hold(Vec<HoldReason>),
}

impl Verdict {
    /// The stored reasons when the post is held (`posts.held_reason`).
    pub fn held(&self) -> Option<String> {
        match self {
            Self::Hold(reasons) => Some(HoldReason::join(reasons)),
            Self::Publish(_) => None,
        }
    }

    pub fn flags(&self) -> &[Flag] {
        match self {
            Self::Publish(flags) => flags,
            Self::Hold(_) => &[],
        }
    }
}

/// Publish or hold, given what the text holds, who writes, and how many of
/// their posts the group has published so far.
pub fn verdict(screening: Screening, premoderation: Premoderation, standing: Standing, published: i64) -> Verdict {
    if standing.is_staff() {
        return Verdict::Publish(Vec::new());
    }
    let Screening { crisis, details, hold_words, flag_words } = screening;
    let mut flags = Vec::new();
    if !crisis.is_empty() {
        // Never silenced: published whatever else was found.
        flags.push(Flag::Crisis { words: crisis, details });
        if !flag_words.is_empty() {
            flags.push(Flag::Words(flag_words));
        }
        return Verdict::Publish(flags);
    }
    let mut reasons: Vec<HoldReason> = details.into_iter().map(HoldReason::Detail).collect();
    if !hold_words.is_empty() {
        reasons.push(HoldReason::Words);
    }
    if premoderation.holds(standing, published) {
        reasons.push(HoldReason::Premoderation);
    }
    if !reasons.is_empty() {
        return Verdict::Hold(reasons);
    }
    if !flag_words.is_empty() {
        flags.push(Flag::Words(flag_words));
    }
    Verdict::Publish(flags)
}

#[cfg(test)]
mod tests;
