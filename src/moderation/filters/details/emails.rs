//! E-mail addresses, plain or disguised (`name [at] example [dot] org`).

use super::is_domain;

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// `name@example.org`, and the same written to dodge filters:
/// `name [at] example [dot] org`, `name (arobase) example (point) ca`,
/// `name at example dot com`.
pub(super) fn has_email(text: &str) -> bool {
    has_plain_email(text) || has_plain_email(&unmask_email(text))
}

fn has_plain_email(text: &str) -> bool {
    text.char_indices().filter(|(_, c)| *c == '@').any(|(at, _)| {
        let local_len = text[..at].chars().rev().take_while(|c| is_local_char(*c)).count();
        let domain: String = text[at + 1..].chars().take_while(|c| is_domain_char(*c)).collect();
        local_len > 0 && is_domain(&domain)
    })
}

/// Top-level domains common enough to trust in `name at example dot com`.
const SPELLED_TLDS: [&str; 14] =
    ["com", "ca", "org", "net", "fr", "qc", "info", "me", "io", "co", "uk", "be", "ch", "us"];

/// Rewrites `[at]`, `(at)`, `{at}`, `(arobase)` as `@` and `[dot]`, `(dot)`,
/// `(point)` as `.`; bare ` at `/` dot ` only when the text ends up as
/// `word@word.tld` with a common top-level domain.
fn unmask_email(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut unmasked = lower.clone();
    for (masked, plain) in [
        ("[at]", "@"),
        ("(at)", "@"),
        ("{at}", "@"),
        ("[arobase]", "@"),
        ("(arobase)", "@"),
        ("[dot]", "."),
        ("(dot)", "."),
        ("{dot}", "."),
        ("[point]", "."),
        ("(point)", "."),
    ] {
        unmasked = unmasked.replace(masked, plain);
    }
    let words: Vec<&str> = unmasked.split_whitespace().collect();
    let mut spelled = Vec::new();
    for window in words.windows(5) {
        if let [local, at, domain, dot, tld] = window
            && matches!(*at, "at" | "arobase" | "@")
            && matches!(*dot, "dot" | "point" | ".")
            && SPELLED_TLDS.contains(&tld.trim_end_matches(|c: char| !c.is_ascii_alphabetic()))
        {
            spelled.push(format!("{local}@{domain}.{}", tld.trim_end_matches(|c: char| !c.is_ascii_alphabetic())));
        }
    }
    let compact: String = unmasked.split_whitespace().filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    let glued = compact.replace(" @ ", "@").replace(" . ", ".").replace("@ ", "@").replace(" @", "@");
    format!("{glued}\n{}", spelled.join("\n"))
}
