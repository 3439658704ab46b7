//! Phone numbers: North American (with or without the 1, brackets, dots,
//! dashes or spaces), French national numbers, other national numbers in
//! groups of three or more digits, and anything written with a `+` country
//! code — but not dates, times, prices, years, counts or toll-free services.

/// North American toll-free area codes: services (crisis lines, shelters),
/// not people, so sharing one is not sharing someone's number.
const TOLL_FREE: [&str; 7] = ["800", "833", "844", "855", "866", "877", "888"];

/// Runs of digits joined by spaces, dashes, dots or brackets (at most two
/// separator characters between groups), optionally after a `+`; each run
/// is judged by its digit groups.
pub(super) fn has_phone(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            || (matches!(chars[i], '+' | '(') && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        let after_word =
            i > 0 && (chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], '/' | ':' | ',' | '$' | '€'));
        if !starts || after_word {
            i += 1;
            continue;
        }
        let (groups, plus, end) = digit_groups(&chars, i);
        let glued_after =
            chars.get(end).is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | ':' | '$' | '€' | '%'))
                || (chars.get(end) == Some(&',') && chars.get(end + 1).is_some_and(char::is_ascii_digit));
        if !glued_after && is_phone(&groups, plus) {
            return true;
        }
        i = end.max(i + 1);
    }
    false
}

/// The digit groups of the run starting at `start`, whether it began with
/// `+`, and where it ends.
fn digit_groups(chars: &[char], start: usize) -> (Vec<String>, bool, usize) {
    let plus = chars[start] == '+';
    let mut groups: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut separators = 0;
    let mut end = start;
    let mut i = start + usize::from(plus);
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            if separators > 0 && !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            current.push(c);
            separators = 0;
            end = i + 1;
        } else if matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}') && separators < 2 {
            separators += 1;
            if c == ')' {
                end = i + 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    if !current.is_empty() {
        groups.push(current);
    }
    (groups, plus, end)
}

fn is_phone(groups: &[String], plus: bool) -> bool {
    let digits: String = groups.concat();
    let sizes: Vec<usize> = groups.iter().map(String::len).collect();
    let n = digits.len();
    if plus {
        // E.164: a country code of 1–3 digits, at most 15 digits in all.
        return (8..=15).contains(&n) && (sizes.len() == 1 || sizes.first().is_some_and(|first| *first <= 4));
    }
    let first = digits.as_bytes().first().copied().unwrap_or(b'x');
    is_north_american(&digits, &sizes)
        || (first == b'0' && n == 10 && (sizes == [2, 2, 2, 2, 2] || sizes == [10]))
        || (first == b'0' && (10..=11).contains(&n) && sizes.len() >= 2 && sizes.iter().all(|s| *s >= 3))
}

/// `514-555-0199`, `(514) 555-0199`, `1 514 555 0199`, `5145550199`: an area
/// code and exchange that start with 2–9, and not a toll-free service.
fn is_north_american(digits: &str, sizes: &[usize]) -> bool {
    let national = match (digits.len(), sizes) {
        (10, [10] | [3, 3, 4] | [3, 7]) => digits,
        (11, [11] | [1, 3, 3, 4]) if digits.starts_with('1') => &digits[1..],
        _ => return false,
    };
    let valid = |position: usize| national.as_bytes().get(position).is_some_and(|d| (b'2'..=b'9').contains(d));
    valid(0) && valid(3) && !TOLL_FREE.contains(&&national[..3])
}
