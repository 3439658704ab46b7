//! Street addresses in English (`123 Main Street`) and French (`1234 rue
//! Sainte-Catherine`), post-office boxes, and Canadian postal codes.

use super::{bare, words_of};

/// Street types written after the name (English): `123 Main Street`.
const STREET_TYPES_AFTER: [&str; 40] = [
    "street",
    "st",
    "avenue",
    "ave",
    "av",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "dr",
    "lane",
    "ln",
    "way",
    "court",
    "ct",
    "crescent",
    "cres",
    "place",
    "pl",
    "terrace",
    "terr",
    "circle",
    "cir",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "square",
    "sq",
    "trail",
    "trl",
    "row",
    "close",
    "gardens",
    "grove",
    "mews",
    "heights",
    "line",
    "concession",
];

/// Street types written before the name (French): `1234 rue Sainte-Catherine`.
const STREET_TYPES_BEFORE: [&str; 24] = [
    "rue",
    "avenue",
    "av",
    "boulevard",
    "boul",
    "bd",
    "blvd",
    "chemin",
    "ch",
    "route",
    "rang",
    "place",
    "côte",
    "cote",
    "montée",
    "montee",
    "allée",
    "allee",
    "impasse",
    "promenade",
    "croissant",
    "terrasse",
    "ruelle",
    "quai",
];

/// Street types so plain that a lower-case one-word name before them still
/// makes an address (`9 maple street`).
const PLAIN_STREET_TYPES: [&str; 6] = ["street", "st", "avenue", "ave", "boulevard", "blvd"];

/// Words that make a number a quantity, not a civic number ("3 blocks").
const QUANTITIES: [&str; 24] = [
    "years", "year", "blocks", "block", "times", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week",
    "months", "month", "km", "miles", "mile", "ans", "fois", "heures", "jours", "semaines", "mois",
];

/// Words after which a four-digit number is a year (`in 2019 Place des Arts…`).
const BEFORE_A_YEAR: [&str; 16] = [
    "in",
    "en",
    "since",
    "depuis",
    "until",
    "till",
    "by",
    "year",
    "année",
    "from",
    "summer",
    "winter",
    "été",
    "hiver",
    "printemps",
    "automne",
];

/// A civic number: digits, maybe a letter (`221B`) or a unit (`12-345`).
fn is_civic_number(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    let (main, unit) = word.split_once('-').map_or((word, None), |(a, b)| (b, Some(a)));
    let digits = main.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &main[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 6
        && digits.chars().all(|c| c.is_ascii_digit())
        && suffix.len() <= 1
        && unit.is_none_or(|u| !u.is_empty() && u.len() <= 5 && u.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A street name word: capitalised, an ordinal (`5th`, `1re`), or a
/// compass point (`W`, `NE`).
fn is_name_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| matches!(c, ',' | '.'));
    let ordinal = word.len() >= 2
        && word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th", "e", "re", "er"].iter().any(|s| word.to_lowercase().ends_with(s));
    word.chars().next().is_some_and(char::is_uppercase) || ordinal
}

pub(super) fn has_address(text: &str) -> bool {
    has_postal_code(text) || has_po_box(text) || has_street_address(&words_of(text))
}

fn has_street_address(words: &[&str]) -> bool {
    (0..words.len()).any(|i| {
        let number = words[i];
        let quantity = words.get(i + 1).is_some_and(|w| QUANTITIES.contains(&bare(w).as_str()));
        let year = number.len() == 4
            && (number.starts_with("19") || number.starts_with("20"))
            && i > 0
            && BEFORE_A_YEAR.contains(&bare(words[i - 1]).as_str());
        if !is_civic_number(number) || quantity || year {
            return false;
        }
        let rest = &words[i + 1..];
        // French: the type comes first, then at least one word of the name.
        let french = rest.first().is_some_and(|w| STREET_TYPES_BEFORE.contains(&bare(w).as_str())) && rest.len() >= 2;
        // English: one to three name words, then the type.
        let english = (1..=3).any(|names| {
            rest.len() > names
                && rest[..names].iter().all(|w| is_name_word(w))
                && STREET_TYPES_AFTER.contains(&bare(rest[names]).as_str())
        });
        let plain = rest.len() >= 2
            && rest[0].chars().all(char::is_alphabetic)
            && PLAIN_STREET_TYPES.contains(&bare(rest[1]).as_str());
        french || english || plain
    })
}

/// `PO Box 1234`, `P.O. Box 12`, `C.P. 1234`, `case postale 56`.
fn has_po_box(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["po box ", "p.o. box ", "p.o box ", "post office box ", "c.p. ", "case postale "].iter().any(|prefix| {
        lower.match_indices(prefix).any(|(at, _)| {
            let boundary = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            boundary && lower[at + prefix.len()..].chars().next().is_some_and(|c| c.is_ascii_digit())
        })
    })
}

/// A Canadian postal code, `H2X 1Y4` (or `h2x1y4`, `H2X-1Y4`): the letters
/// Canada Post uses, in the full six-character shape — `H1N1`, `B2B` or `A4`
/// are too short to be one.
fn has_postal_code(text: &str) -> bool {
    const FIRST: &str = "ABCEGHJKLMNPRSTVXY";
    const OTHER: &str = "ABCEGHJKLMNPRSTVWXYZ";
    let chars: Vec<char> = text.chars().map(|c| c.to_ascii_uppercase()).collect();
    let letter = |c: char, set: &str| set.contains(c);
    (0..chars.len()).any(|i| {
        let boundary_before = i == 0 || !chars[i - 1].is_alphanumeric();
        let Some(first) = chars.get(i..i + 3) else { return false };
        let gap = usize::from(matches!(chars.get(i + 3), Some(' ' | '-')));
        let Some(second) = chars.get(i + 3 + gap..i + 6 + gap) else { return false };
        let boundary_after = chars.get(i + 6 + gap).is_none_or(|c| !c.is_alphanumeric());
        boundary_before
            && boundary_after
            && letter(first[0], FIRST)
            && first[1].is_ascii_digit()
            && letter(first[2], OTHER)
            && second[0].is_ascii_digit()
            && letter(second[1], OTHER)
            && second[2].is_ascii_digit()
    })
}
