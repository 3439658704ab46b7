//! The words of the seeded forum: topic titles, content warnings and post
//! bodies in Markdown, from small word banks and a seeded generator, so the
//! same seed writes the same forum. Bodies come in a realistic spread, from
//! a one-line reply to several paragraphs with emphasis, lists, quotes and
//! links; a pool of them is rendered once with the app's own renderer and
//! reused, as rendering two million posts would take longer than storing them.

use rand::{Rng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use crate::markdown;

/// What topics are about; every title has one, so each is also a word that
/// search finds in the groups whose topics use it.
pub(super) const TOPIC_WORDS: &[&str] = &[
    "boundaries",
    "mornings",
    "paperwork",
    "gardening",
    "custody",
    "sleep",
    "holidays",
    "courage",
    "therapy",
    "friendships",
    "budgeting",
    "cooking",
    "walking",
    "journaling",
    "anxiety",
    "birthdays",
    "housing",
    "school",
    "siblings",
    "music",
    "breathing",
    "trust",
    "anger",
    "work",
    "weekends",
    "parenting",
    "grief",
    "patience",
    "healing",
    "letters",
    "library",
    "neighbours",
    "painting",
    "running",
    "sunlight",
    "rainy",
    "kitchen",
    "appointments",
    "lawyers",
    "savings",
    "training",
    "volunteering",
    "reading",
    "podcasts",
    "swimming",
    "knitting",
    "photography",
    "moving",
    "furniture",
    "pets",
    "dogs",
    "cats",
    "plants",
    "dreams",
    "memories",
    "routines",
    "evenings",
    "shopping",
    "driving",
    "buses",
    "phones",
    "passwords",
    "privacy",
    "apologies",
    "laughter",
    "tears",
    "hope",
    "forgiveness",
    "confidence",
    "meditation",
    "yoga",
    "dancing",
    "singing",
    "baking",
    "soup",
    "tea",
    "coffee",
    "winter",
    "summer",
    "autumn",
    "spring",
    "beaches",
    "mountains",
    "parks",
    "museums",
    "classes",
    "exams",
    "interviews",
    "colleagues",
    "mothers",
    "fathers",
    "grandparents",
    "cousins",
    "weddings",
    "anniversaries",
    "paperbacks",
    "crafts",
    "puzzles",
    "gratitude",
];

const FEELINGS: &[&str] = &[
    "calmer",
    "tired",
    "hopeful",
    "nervous",
    "proud",
    "overwhelmed",
    "lighter",
    "unsure",
    "grateful",
    "restless",
    "safe",
    "brave",
    "lonely",
    "steady",
    "relieved",
    "shaky",
    "curious",
    "stronger",
];

const OPENERS: &[&str] = &[
    "Today I",
    "Last week I",
    "Some days I",
    "This morning I",
    "Yesterday I",
    "For the first time in years I",
    "Lately I",
    "Every evening I",
    "After our last talk I",
    "On Sunday I",
    "I finally",
    "My counsellor and I",
];

const ACTIONS: &[&str] = &[
    "thought a lot about",
    "wrote down my feelings about",
    "talked to my sister about",
    "made a plan for",
    "tried something new with",
    "read a little about",
    "spent an hour on",
    "asked for help with",
    "said no to more",
    "found some peace in",
    "stopped worrying about",
    "laughed about",
    "cried a bit over",
    "made space for",
    "went back to",
];

const ENDINGS: &[&str] = &[
    ".",
    " and it helped.",
    ", which felt strange at first.",
    " and felt {feeling} afterwards.",
    " without asking anyone's permission.",
    ". It was a small step, but mine.",
    " and I want to keep going.",
    ", and I am still thinking about it.",
    ". Has anyone else tried this?",
    " and slept better that night.",
];

const REPLIES: &[&str] = &[
    "Thank you for sharing this.",
    "That *is* a big deal.",
    "I know that feeling so well.",
    "Sending you warmth today.",
    "This made me smile.",
    "You are not alone in this.",
    "Same here, some weeks are harder than others.",
    "I'm really glad you wrote this.",
    "Small steps count, **every one of them**.",
    "Take all the time you need.",
];

const TITLES: &[&str] = &[
    "Small wins with {word}",
    "How do you cope with {word}?",
    "Thinking about {word} again",
    "A week of {word}",
    "Does anyone else struggle with {word}?",
    "A question about {word}",
    "Good news about {word}",
    "Feeling stuck with {word}",
    "What helps you with {word}?",
    "Ideas for {word}",
    "Starting over: {word}",
    "Notes on {word}",
    "Finding my way with {word}",
    "Let's talk about {word}",
];

/// Content warnings as members write them.
pub(super) const WARNINGS: &[&str] = &[
    "mentions nightmares",
    "talks about court",
    "describes an argument",
    "mentions a hospital stay",
    "family conflict",
    "mentions shouting",
    "talks about fear",
    "mentions an ex-partner",
];

/// A topic title that names `word`.
pub(super) fn title(rng: &mut ChaCha8Rng, word: &str) -> String {
    TITLES.choose(rng).unwrap_or(&"{word}").replace("{word}", word)
}

fn sentence(rng: &mut ChaCha8Rng) -> String {
    let word = TOPIC_WORDS.choose(rng).copied().unwrap_or_default();
    let shown = match rng.random_range(0..10) {
        0 => format!("*{word}*"),
        1 => format!("**{word}**"),
        _ => word.to_owned(),
    };
    let ending = ENDINGS.choose(rng).copied().unwrap_or(".");
    let feeling = FEELINGS.choose(rng).copied().unwrap_or_default();
    format!(
        "{} {} {shown}{}",
        OPENERS.choose(rng).copied().unwrap_or_default(),
        ACTIONS.choose(rng).copied().unwrap_or_default(),
        ending.replace("{feeling}", feeling)
    )
}

fn paragraph(rng: &mut ChaCha8Rng, sentences: std::ops::RangeInclusive<usize>) -> String {
    let count = rng.random_range(sentences);
    (0..count).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

fn list(rng: &mut ChaCha8Rng) -> String {
    let count = rng.random_range(2..=5);
    let bullet = if rng.random_bool(0.5) { "-" } else { "1." };
    (0..count)
        .map(|_| format!("{bullet} {}", TOPIC_WORDS.choose(rng).copied().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn link(rng: &mut ChaCha8Rng) -> String {
    let word = TOPIC_WORDS.choose(rng).copied().unwrap_or_default();
    format!("There is a [page about {word}](https://example.org/support/{word}) that helped me.")
}

/// One post body in Markdown: mostly short replies and single paragraphs,
/// some longer posts of several paragraphs with a list, a quote or a link.
pub(super) fn body(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..100) {
        0..40 => {
            let reply = REPLIES.choose(rng).copied().unwrap_or_default();
            if rng.random_bool(0.5) { reply.to_owned() } else { format!("{reply} {}", sentence(rng)) }
        }
        40..75 => paragraph(rng, 2..=5),
        75..93 => {
            let mut parts = vec![paragraph(rng, 2..=4), paragraph(rng, 1..=4)];
            match rng.random_range(0..3) {
                0 => parts.insert(1, list(rng)),
                1 => parts.insert(0, format!("> {}", sentence(rng))),
                _ => parts.push(link(rng)),
            }
            parts.join("\n\n")
        }
        _ => {
            let paragraphs = rng.random_range(4..=7);
            let mut parts: Vec<String> = (0..paragraphs).map(|_| paragraph(rng, 3..=6)).collect();
            parts.insert(1, format!("> {}\n> {}", sentence(rng), sentence(rng)));
            parts.insert(3, list(rng));
            parts.push(link(rng));
            parts.join("\n\n")
        }
    }
}

/// A post body as stored: source, sanitised HTML and folded search text.
#[derive(Debug, Clone)]
pub(super) struct Body {
    pub(super) md: String,
    pub(super) html: String,
    pub(super) search_text: String,
}

/// `count` bodies, each rendered and folded once.
pub(super) fn pool(rng: &mut ChaCha8Rng, count: usize) -> Vec<Body> {
    (0..count)
        .map(|_| {
            let md = body(rng);
            Body { html: markdown::to_html(&md), search_text: markdown::fold_for_search(&md), md }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn bodies_spread_from_one_line_to_several_paragraphs() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let bodies = pool(&mut rng, 400);
        let shortest = bodies.iter().map(|b| b.md.len()).min().unwrap_or_default();
        let longest = bodies.iter().map(|b| b.md.len()).max().unwrap_or_default();
        assert!(shortest < 60 && longest > 1000, "{shortest}..{longest}");
        for piece in ["<em>", "<strong>", "<li>", "<blockquote>", "<a href="] {
            assert!(bodies.iter().any(|b| b.html.contains(piece)), "{piece}");
        }
    }

    #[test]
    fn the_same_seed_writes_the_same_words() {
        let words = |seed| pool(&mut ChaCha8Rng::seed_from_u64(seed), 50).into_iter().map(|b| b.md).collect::<Vec<_>>();
        assert_eq!(words(3), words(3));
        assert_ne!(words(3), words(4));
    }
}
