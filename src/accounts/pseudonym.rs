//! Pseudonyms: the only name a member has here. Parsed once into a value that
//! carries its comparison key, so two names that merely *look* alike (case,
//! compatibility forms, Cyrillic "і" for Latin "i") cannot both exist.

use unicode_normalization::UnicodeNormalization;
use unicode_security::skeleton;

pub const MIN_CHARS: usize = 3;
pub const MAX_CHARS: usize = 32;

/// Names that would let someone pass for staff, in English and French.
/// Compared by key, so their look-alikes are refused too.
const RESERVED: &[&str] = &[
    "admin",
    "administrator",
    "administrateur",
    "administratrice",
    "staff",
    "personnel",
    "équipe",
    "facilitator",
    "facilitateur",
    "facilitatrice",
    "animateur",
    "animatrice",
    "moderator",
    "modérateur",
    "modératrice",
    "modo",
    "mod",
    "intervenant",
    "intervenante",
    "hearth",
    "system",
    "système",
    "root",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pseudonym {
    display: String,
    key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PseudonymProblem {
    TooShort,
    TooLong,
    BadCharacter,
    Reserved,
}

impl PseudonymProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            Self::TooShort => "pseudonym-too-short",
            Self::TooLong => "pseudonym-too-long",
            Self::BadCharacter => "pseudonym-bad-character",
            Self::Reserved => "pseudonym-reserved",
        }
    }
}

impl Pseudonym {
    pub fn parse(input: &str) -> Result<Self, PseudonymProblem> {
        let normalised: String = input.nfkc().collect();
        // Runs of spaces collapse so "Wil  low" cannot shadow "Wil low".
        let display = normalised.split_whitespace().collect::<Vec<_>>().join(" ");
        let length = display.chars().count();
        if length < MIN_CHARS {
            return Err(PseudonymProblem::TooShort);
        }
        if length > MAX_CHARS {
            return Err(PseudonymProblem::TooLong);
        }
        if !display.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.')) {
            return Err(PseudonymProblem::BadCharacter);
        }
        let key = comparison_key(&display);
        let reserved = RESERVED
            .iter()
            .map(|word| comparison_key(word))
            .any(|word| key == word || key.split(|c: char| !c.is_alphanumeric()).any(|part| part == word));
        if reserved {
            return Err(PseudonymProblem::Reserved);
        }
        Ok(Self { display, key })
    }

    pub fn as_str(&self) -> &str {
        &self.display
    }

    /// Equal for names that differ only in case or in look-alike characters.
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// The key to look up a pseudonym typed at sign-in or recovery, which may
/// not be a valid new pseudonym (spaces are collapsed as when it was created).
pub fn lookup_key(typed: &str) -> String {
    comparison_key(&typed.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// UTS #39 skeleton of the case-folded name, case-folded again because the
/// skeleton's prototypes may be capitals.
fn comparison_key(name: &str) -> String {
    let folded: String = name.nfkc().collect::<String>().to_lowercase();
    skeleton(&folded).collect::<String>().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_letters_of_any_script_digits_and_separators() {
        for name in ["Willow", "Marie-Ève", "sun_flower.22", "Лиса", "نور", "小鸟儿", "Rain drop"] {
            assert!(Pseudonym::parse(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn trims_normalises_and_collapses_spaces() {
        let name = Pseudonym::parse("  Ｗillow   Tree ").unwrap();
        assert_eq!(name.as_str(), "Willow Tree");
        assert_eq!(Pseudonym::parse("Willow\tTree").unwrap().as_str(), "Willow Tree");
    }

    #[test]
    fn refuses_bad_lengths_and_characters() {
        assert_eq!(Pseudonym::parse("ab"), Err(PseudonymProblem::TooShort));
        assert_eq!(Pseudonym::parse("   "), Err(PseudonymProblem::TooShort));
        assert_eq!(Pseudonym::parse(&"a".repeat(33)), Err(PseudonymProblem::TooLong));
        for bad in ["<script>", "wil@low", "a\u{0}b c", "👍👍👍", "x\u{202e}yz", "a\u{200b}bc"] {
            assert!(Pseudonym::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn look_alikes_share_a_key() {
        let willow = Pseudonym::parse("Willow").unwrap();
        for twin in ["WILLOW", "willow", "W\u{456}llow", "Wi\u{217c}\u{217c}ow", "ｗｉｌｌｏｗ"] {
            let twin = Pseudonym::parse(twin).unwrap();
            assert_eq!(twin.key(), willow.key(), "{}", twin.as_str());
        }
        assert_ne!(Pseudonym::parse("Willa").unwrap().key(), willow.key());
    }

    #[test]
    fn staff_names_and_their_look_alikes_are_reserved() {
        for name in ["admin", "ADMIN", "Adm\u{456}n", "Modératrice", "facilitator", "Staff team", "équipe"] {
            assert_eq!(Pseudonym::parse(name), Err(PseudonymProblem::Reserved), "{name}");
        }
        assert!(Pseudonym::parse("Madminton").is_ok());
    }
}
