//! Word lists: one word or phrase a line, compared with a post after both
//! are folded (accents and case removed, as search does), whole words only;
//! a trailing `*` makes the last word a prefix (`suicid*` finds "suicidal"
//! and "suicidaire"). Lines starting with `#` are comments.

use crate::markdown::fold_for_search;

/// Hearth's crisis words, in English and French: a post using one is
/// published (never silenced), flagged urgent for the facilitators, and its
/// author sees the group's crisis resources at once. An organisation edits
/// its own copy of this list.
pub const DEFAULT_CRISIS_WORDS: &str = "\
# English
suicid*
kill myself
killing myself
end my life
ending my life
take my own life
want to die
wanna die
better off dead
no reason to live
not worth living
can't go on
cannot go on
hurt myself
hurting myself
self harm
self-harm
cutting myself
overdose
he will kill me
he's going to kill me
she will kill me
going to kill me
i am in danger
i'm in danger
not safe at home
# Français
me suicider
me tuer
envie de mourir
je veux mourir
veux mourir
en finir
mettre fin à mes jours
mettre fin à ma vie
plus la force
plus envie de vivre
me faire du mal
me blesser
automutilation
surdose
il va me tuer
elle va me tuer
va me tuer
je suis en danger
pas en sécurité
";

/// One entry: its words as compared, and whether the last is a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// The line as staff wrote it, to show in the queue.
    written: String,
    words: Vec<String>,
    prefix: bool,
}

/// A parsed list; empty lists match nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordList {
    entries: Vec<Entry>,
}

fn folded_words(text: &str) -> Vec<String> {
    fold_for_search(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

impl WordList {
    /// Longest list accepted, in characters, and longest entry.
    pub const MAX_CHARS: usize = 10_000;
    pub const ENTRY_MAX_CHARS: usize = 100;

    pub fn parse(text: &str) -> Self {
        let entries = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(|line| {
                let prefix = line.ends_with('*');
                let words = folded_words(line.trim_end_matches('*'));
                (!words.is_empty()).then(|| Entry { written: line.to_owned(), words, prefix })
            })
            .collect();
        Self { entries }
    }

    /// Several lists as one (an organisation's and a group's).
    pub fn joined(lists: &[&str]) -> Self {
        Self { entries: lists.iter().flat_map(|text| Self::parse(text).entries).collect() }
    }

    /// The entries found in a text (as written in the list), each once.
    pub fn found_in(&self, text: &str) -> Vec<String> {
        let words = folded_words(text);
        self.entries
            .iter()
            .filter(|entry| {
                let n = entry.words.len();
                words.windows(n).any(|window| {
                    window.iter().zip(&entry.words).enumerate().all(|(i, (word, wanted))| {
                        if entry.prefix && i == n - 1 { word.starts_with(wanted.as_str()) } else { word == wanted }
                    })
                })
            })
            .map(|entry| entry.written.clone())
            .fold(Vec::new(), |mut found, written| {
                if !found.contains(&written) {
                    found.push(written);
                }
                found
            })
    }
}

/// A list as staff typed it, checked: not too long, no entry too long.
pub fn check(text: &str) -> Result<String, &'static str> {
    let text = text.replace("\r\n", "\n");
    if text.chars().count() > WordList::MAX_CHARS {
        return Err("moderation-words-too-long");
    }
    if text.lines().any(|line| line.trim().chars().count() > WordList::ENTRY_MAX_CHARS) {
        return Err("moderation-words-entry-too-long");
    }
    Ok(text.lines().map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_and_phrases_match_folded() {
        let list = WordList::parse("kill myself\nÉTÉ\n# a comment\n\nsuicid*\n");
        assert_eq!(list.found_in("Some days I want to KILL myself."), ["kill myself"]);
        assert_eq!(list.found_in("cet ete-la"), ["ÉTÉ"]);
        assert_eq!(list.found_in("Je suis suicidaire"), ["suicid*"]);
        assert_eq!(list.found_in("suicidal, SUICIDE and suicid"), ["suicid*"]);
        assert!(list.found_in("skill myself up; myself kill").is_empty(), "whole words, in order");
        assert!(list.found_in("pétée").is_empty());
        assert_eq!(WordList::parse("# only a comment\n   \n*"), WordList::default());
    }

    #[test]
    fn the_default_crisis_words_catch_english_and_french() {
        let crisis = WordList::parse(DEFAULT_CRISIS_WORDS);
        for text in [
            "I can't go on like this",
            "Sometimes I think everyone would be better off dead without me",
            "I keep thinking about suicide",
            "He said he's going to kill me if I leave",
            "J'ai envie de mourir ce soir",
            "Je n'ai plus la force",
            "Il va me tuer s'il me trouve",
            "Je pense à l'automutilation",
            "Je veux en finir",
            "I'm in danger tonight",
            "Je suis en danger",
        ] {
            assert!(!crisis.found_in(text).is_empty(), "{text}");
        }
        for text in [
            "The kids were killing it at the recital",
            "That movie was to die for",
            "Je me suis fait mal au dos en jardinant",
            "On a fini le casse-tête",
            "I finally feel safe at home",
            "Those frogs are in danger of extinction",
        ] {
            assert!(crisis.found_in(text).is_empty(), "{text}: {:?}", crisis.found_in(text));
        }
    }

    #[test]
    fn lists_are_joined_and_checked() {
        let both = WordList::joined(&["alpha", "beta gamma"]);
        assert_eq!(both.found_in("Beta  gamma, alpha!"), ["alpha", "beta gamma"]);
        assert_eq!(check("  one \r\n\r\n two  ").unwrap(), "one\ntwo");
        assert_eq!(check(&"x".repeat(101)), Err("moderation-words-entry-too-long"));
        assert_eq!(check(&"ab\n".repeat(4_000)), Err("moderation-words-too-long"));
    }
}
