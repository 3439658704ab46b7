//! Social-media handles (`@name` near a platform's name, `u/name`,
//! `@name@server`) and links to profiles on social platforms.

use super::{bare, is_domain, words_of};

/// Names of platforms people give their handle for.
const PLATFORMS: [&str; 27] = [
    "instagram",
    "insta",
    "ig",
    "snapchat",
    "snap",
    "tiktok",
    "twitter",
    "facebook",
    "fb",
    "telegram",
    "whatsapp",
    "signal",
    "discord",
    "kik",
    "threads",
    "bluesky",
    "bsky",
    "mastodon",
    "reddit",
    "twitch",
    "youtube",
    "linkedin",
    "pinterest",
    "tumblr",
    "onlyfans",
    "viber",
    "skype",
];

/// `@name@server.social`, `u/name`, or a handle-shaped word (`@jane`,
/// `jane_doe92`) within three words after a platform's name.
pub(super) fn has_handle(text: &str) -> bool {
    let words = words_of(text);
    let handle_shaped = |word: &str| {
        let word = word.trim_end_matches([',', '.', '!', '?', ';', ':']);
        let name = word.strip_prefix('@').unwrap_or(word);
        let has_letter = name.chars().any(char::is_alphabetic);
        let at = word.starts_with('@');
        let marked = at || name.chars().any(|c| c.is_ascii_digit() || c == '_' || c == '.');
        let long_enough = name.chars().count() >= if at { 2 } else { 3 };
        long_enough && has_letter && marked && name.chars().all(|c| c.is_alphanumeric() || "._-".contains(c))
    };
    let fediverse = |word: &str| {
        word.strip_prefix('@').is_some_and(|rest| {
            rest.split_once('@').is_some_and(|(user, server)| !user.is_empty() && is_domain(server))
        })
    };
    let reddit = |word: &str| {
        word.strip_prefix("u/").or_else(|| word.strip_prefix("/u/")).is_some_and(|name| {
            name.len() >= 3 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
    };
    words.iter().enumerate().any(|(i, word)| {
        let after_platform = words[i.saturating_sub(3)..i].iter().any(|w| PLATFORMS.contains(&bare(w).as_str()));
        fediverse(word) || reddit(word) || (after_platform && handle_shaped(word))
    })
}

/// Where a link names a person's profile: the platform's domain and a path.
const PROFILE_SITES: [&str; 26] = [
    "facebook.com/",
    "fb.com/",
    "fb.me/",
    "instagram.com/",
    "instagr.am/",
    "twitter.com/",
    "x.com/",
    "tiktok.com/@",
    "snapchat.com/add/",
    "linkedin.com/in/",
    "t.me/",
    "wa.me/",
    "youtube.com/@",
    "youtube.com/c/",
    "youtube.com/channel/",
    "reddit.com/u/",
    "reddit.com/user/",
    "onlyfans.com/",
    "threads.net/@",
    "bsky.app/profile/",
    "twitch.tv/",
    "discord.gg/",
    "pinterest.com/",
    "tumblr.com/",
    "github.com/",
    "vk.com/",
];

pub(super) fn has_profile_link(text: &str) -> bool {
    let lower = text.to_lowercase();
    let site_profile = PROFILE_SITES.iter().any(|site| {
        lower.match_indices(site).any(|(at, _)| {
            let boundary = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric() || c == '.');
            let subdomain_ok = !lower[..at].ends_with('-');
            let path = lower[at + site.len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_');
            boundary && subdomain_ok && path
        })
    });
    // A fediverse profile on any server: https://server.social/@name
    let fediverse = lower.match_indices("/@").any(|(at, _)| {
        let before = &lower[..at];
        let host = before.rsplit("://").next().unwrap_or_default();
        before.contains("://") && is_domain(host) && lower[at + 2..].chars().next().is_some_and(char::is_alphanumeric)
    });
    site_profile || fediverse
}
