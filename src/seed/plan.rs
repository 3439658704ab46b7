//! The forum's shape, decided before anything is written: who belongs to
//! which groups, and how many posts each topic gets (most topics are short,
//! a share are long threads of fifty posts and more, so a topic's first page
//! is a full page). Pure and seeded, so it is the same for the same seed.

use rand::{Rng, seq::index};
use rand_chacha::ChaCha8Rng;

use super::text::TOPIC_WORDS;

/// How big a forum to seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Size {
    /// For the test suite: a handful of members, two groups.
    #[value(hide = true)]
    Tiny,
    /// 2 organisations, 20 groups, 2 000 members, 2 000 topics, 20 000 posts.
    Small,
    /// 5 organisations, 200 groups, 20 000 members, 200 000 topics, 2 000 000 posts.
    Large,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    pub(super) organisations: usize,
    pub(super) groups: usize,
    pub(super) members: usize,
    pub(super) topics: usize,
    pub(super) posts: usize,
    /// Distinct post bodies rendered once and reused.
    pub(super) bodies: usize,
}

impl Size {
    pub(super) fn shape(self) -> Shape {
        match self {
            Self::Tiny => Shape { organisations: 1, groups: 2, members: 12, topics: 10, posts: 300, bodies: 64 },
            Self::Small => {
                Shape { organisations: 2, groups: 20, members: 2_000, topics: 2_000, posts: 20_000, bodies: 2_000 }
            }
            Self::Large => Shape {
                organisations: 5,
                groups: 200,
                members: 20_000,
                topics: 200_000,
                posts: 2_000_000,
                bodies: 8_000,
            },
        }
    }
}

/// A page of posts on the topic page (`discussions::topics::POSTS_PER_PAGE`).
pub(super) const FULL_PAGE: usize = crate::discussions::store::POSTS_PER_PAGE as usize;
/// The share of topics that are long threads.
const LONG_SHARE: f64 = 0.05;
const LONG_POSTS: std::ops::RangeInclusive<usize> = FULL_PAGE..=FULL_PAGE * 5 / 2;
/// The most groups a member joins.
const MOST_GROUPS: usize = 4;

#[derive(Debug, Clone)]
pub(super) struct TopicPlan {
    pub(super) group: usize,
    pub(super) posts: usize,
    /// The word its title is about (an index into `TOPIC_WORDS`).
    pub(super) word: usize,
}

#[derive(Debug, Clone)]
pub(super) struct Plan {
    /// For each member, the groups they belong to.
    pub(super) member_groups: Vec<Vec<usize>>,
    /// For each group, its members.
    pub(super) group_members: Vec<Vec<usize>>,
    /// In the order they were started (oldest first).
    pub(super) topics: Vec<TopicPlan>,
}

impl Plan {
    pub(super) fn new(rng: &mut ChaCha8Rng, shape: &Shape) -> Self {
        let groups = shape.groups;
        let mut member_groups = Vec::with_capacity(shape.members);
        let mut group_members = vec![Vec::new(); groups];
        for member in 0..shape.members {
            // Every group has members: the first is member % groups.
            let first = member % groups;
            let extra = rng.random_range(0..MOST_GROUPS).min(groups - 1);
            let mut mine = vec![first];
            for other in index::sample(rng, groups, extra + 1) {
                if mine.len() > extra {
                    break;
                }
                if other != first {
                    mine.push(other);
                }
            }
            for group in &mine {
                group_members[*group].push(member);
            }
            member_groups.push(mine);
        }
        Self { member_groups, group_members, topics: topic_lengths(rng, shape) }
    }
}

/// Each group's first topic is long, then about one in twenty; the others
/// are short, and the total comes out at exactly `shape.posts`.
fn topic_lengths(rng: &mut ChaCha8Rng, shape: &Shape) -> Vec<TopicPlan> {
    let mut topics: Vec<TopicPlan> = (0..shape.topics)
        .map(|index| {
            let group = if index < shape.groups { index } else { rng.random_range(0..shape.groups) };
            let long = index < shape.groups || rng.random_bool(LONG_SHARE);
            let posts = if long { rng.random_range(LONG_POSTS) } else { 0 };
            TopicPlan { group, posts, word: rng.random_range(0..TOPIC_WORDS.len()) }
        })
        .collect();
    let long_posts: usize = topics.iter().map(|t| t.posts).sum();
    let short = topics.iter().filter(|t| t.posts == 0).count();
    let mean = shape.posts.saturating_sub(long_posts) as f64 / short.max(1) as f64;
    for topic in topics.iter_mut().filter(|t| t.posts == 0) {
        // 1 + an exponential spread around the mean, under a full page.
        let spread = -(1.0 - rng.random::<f64>()).ln() * (mean - 1.0).max(0.0);
        topic.posts = (1 + spread as usize).min(FULL_PAGE - 1);
    }
    let mut total: usize = topics.iter().map(|t| t.posts).sum();
    while total != shape.posts {
        let topic = &mut topics[rng.random_range(0..shape.topics)];
        if total < shape.posts && (topic.posts < FULL_PAGE - 1 || topic.posts >= FULL_PAGE) {
            topic.posts += 1;
            total += 1;
        } else if total > shape.posts && topic.posts > 1 && topic.posts != FULL_PAGE {
            topic.posts -= 1;
            total -= 1;
        }
    }
    topics
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn the_shape_is_exact_and_every_group_has_a_full_page_topic() {
        for size in [Size::Tiny, Size::Small] {
            let shape = size.shape();
            let plan = Plan::new(&mut ChaCha8Rng::seed_from_u64(1), &shape);
            assert_eq!(plan.topics.len(), shape.topics);
            assert_eq!(plan.topics.iter().map(|t| t.posts).sum::<usize>(), shape.posts);
            for group in 0..shape.groups {
                assert!(plan.topics.iter().any(|t| t.group == group && t.posts >= FULL_PAGE), "{size:?} {group}");
                assert!(!plan.group_members[group].is_empty());
            }
            assert!(plan.member_groups.iter().all(|g| !g.is_empty() && g.len() <= MOST_GROUPS));
        }
    }
}
