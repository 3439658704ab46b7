//! Writing the planned forum: accounts, organisations and staff, groups and
//! memberships, then topics with their posts and reactions in chunks of one
//! transaction each, then read markers. Ids are assigned here, in order, so
//! every counter is known before its row is written: a topic's post count,
//! last post and time, a marker's read count.

use std::time::Instant;

use rand::{Rng, seq::IndexedRandom, seq::index};
use rand_chacha::ChaCha8Rng;
use sqlx::{AnyConnection, Connection};

use super::{
    bulk::{Batch, Value, restart_identities},
    plan::{FULL_PAGE, Plan, Shape},
    progress,
    text::{self, Body, TOPIC_WORDS, WARNINGS},
};
use crate::{
    accounts::pseudonym::Pseudonym,
    clock::UnixTime,
    db::Backend,
    groups::{agreements, store as groups_store},
    markdown,
    web::i18n::Locale,
};

type Result<T> = std::result::Result<T, sqlx::Error>;

/// Topics per transaction.
const TOPICS_PER_CHUNK: usize = 2_000;
/// How far back the forum goes (within the default retention of a year).
const HISTORY_SECONDS: i64 = 240 * 86_400;
/// The share of posts that carry a content warning, and that get reactions.
const WARNED: f64 = 0.1;
const REACTED: f64 = 0.2;
/// The share of replies written by a facilitator.
const BY_FACILITATOR: f64 = 0.05;
/// Each member has opened up to this many of the newest topics of each of their groups.
const RECENT_TOPICS: usize = 40;
const OPENED_TOPICS: usize = 12;

const MEMBER_NAMES: &[&str] = &[
    "Willow", "Rowan", "Hazel", "Robin", "Sparrow", "Juniper", "Linden", "Maple", "Fern", "Ivy", "Heron", "Wren",
    "Aspen", "Briar", "Cedar", "Clover", "Dune", "Ember", "Finch", "Harbor", "Lark", "Meadow", "Moss", "River", "Sage",
    "Skye", "Sorrel", "Tansy", "Thistle", "Vale", "Yarrow", "Brook",
];

const GROUP_NAMES: &[&str] = &[
    "After leaving",
    "Tuesday circle",
    "New beginnings",
    "Parents together",
    "Quiet hours",
    "Rebuilding",
    "Evening group",
    "Open door",
    "Steady ground",
    "Morning light",
];

pub(super) struct Seeding<'a> {
    pub(super) backend: Backend,
    pub(super) shape: Shape,
    pub(super) plan: &'a Plan,
    pub(super) bodies: &'a [Body],
    pub(super) password_hash: &'a str,
    pub(super) now: UnixTime,
    pub(super) started: Instant,
}

/// What the manifest and the summary need to know of the written forum.
pub(super) struct Forum {
    pseudonyms: Vec<String>,
    slugs: Vec<String>,
    group_ids: Vec<i64>,
    topics: Vec<WrittenTopic>,
    pub(super) reactions: u64,
    pub(super) read_markers: u64,
}

struct WrittenTopic {
    id: i64,
    group: usize,
    first_post_id: i64,
    posts: usize,
    author: i64,
    word: usize,
    /// How many of its first posts its author wrote (their marker covers them).
    author_prefix: usize,
    /// The first page's posts' own HTML, in bytes.
    page_html_bytes: usize,
}

pub(super) struct ManifestLine {
    pub(super) pseudonym: String,
    pub(super) topic_path: String,
    pub(super) group_path: String,
    pub(super) search_word: &'static str,
    pub(super) page_html_bytes: usize,
}

/// Ids of the accounts: the admin first, then each organisation's lead and
/// facilitators, then the members.
struct People {
    leads: Vec<i64>,
    /// Per organisation.
    facilitators: Vec<Vec<i64>>,
    first_member: i64,
}

impl People {
    fn new(shape: &Shape) -> Self {
        let mut next = 2;
        let mut take = || {
            next += 1;
            next - 1
        };
        let leads = (0..shape.organisations).map(|_| take()).collect();
        let facilitators =
            (0..shape.organisations).map(|org| (0..facilitators_of(shape, org)).map(|_| take()).collect()).collect();
        Self { leads, facilitators, first_member: take() }
    }

    fn member(&self, index: usize) -> i64 {
        self.first_member + index as i64
    }

    /// A group's facilitator (each of its organisation's facilitators has a share of its groups).
    fn facilitator_of(&self, shape: &Shape, group: usize) -> i64 {
        let staff = &self.facilitators[group % shape.organisations];
        staff[(group / shape.organisations) % staff.len()]
    }
}

/// One facilitator for every five groups of the organisation, at least one.
fn facilitators_of(shape: &Shape, organisation: usize) -> usize {
    let groups = (organisation..shape.groups).step_by(shape.organisations).count();
    groups.div_ceil(5).max(1)
}

impl Seeding<'_> {
    pub(super) async fn write(&self, conn: &mut AnyConnection, rng: &mut ChaCha8Rng) -> Result<Forum> {
        let people = People::new(&self.shape);
        let mut tx = conn.begin().await?;
        let pseudonyms = self.accounts(&mut tx, &people).await?;
        let (slugs, group_ids) = self.groups(&mut tx, &people).await?;
        tx.commit().await?;
        progress(
            self.started,
            &format!("{} members, their staff, {} groups and the memberships", pseudonyms.len(), slugs.len()),
        );

        let mut forum = Forum {
            pseudonyms,
            slugs,
            group_ids,
            topics: Vec::with_capacity(self.shape.topics),
            reactions: 0,
            read_markers: 0,
        };
        let mut next_post_id = 1;
        let chunks = self.shape.topics.div_ceil(TOPICS_PER_CHUNK);
        for chunk in 0..chunks {
            let range = chunk * TOPICS_PER_CHUNK..((chunk + 1) * TOPICS_PER_CHUNK).min(self.shape.topics);
            let mut tx = conn.begin().await?;
            next_post_id = self.topics(&mut tx, rng, &people, range, next_post_id, &mut forum).await?;
            tx.commit().await?;
            if (chunk + 1) * 10 / chunks != chunk * 10 / chunks || chunk + 1 == chunks {
                progress(self.started, &format!("{} of {} posts", next_post_id - 1, self.shape.posts));
            }
        }
        let mut tx = conn.begin().await?;
        forum.read_markers = self.read_markers(&mut tx, rng, &people, &forum).await?;
        restart_identities(&mut tx, self.backend, &["users", "topics", "posts"]).await?;
        tx.commit().await?;
        progress(self.started, &format!("{} read markers", forum.read_markers));
        Ok(forum)
    }

    async fn accounts(&self, conn: &mut AnyConnection, people: &People) -> Result<Vec<String>> {
        let mut accounts: Vec<(i64, String, i64)> = vec![(1, "Keeper".to_owned(), 1)];
        for (org, lead) in people.leads.iter().enumerate() {
            accounts.push((*lead, format!("Lead-{}", org + 1), 0));
        }
        for (org, staff) in people.facilitators.iter().enumerate() {
            for (n, id) in staff.iter().enumerate() {
                accounts.push((*id, format!("Guide-{}-{}", org + 1, n + 1), 0));
            }
        }
        let mut pseudonyms = Vec::with_capacity(self.shape.members);
        for member in 0..self.shape.members {
            let name = format!("{}-{:05}", MEMBER_NAMES[member % MEMBER_NAMES.len()], member + 1);
            accounts.push((people.member(member), name.clone(), 0));
            pseudonyms.push(name);
        }
        let created = self.now - HISTORY_SECONDS - 86_400;
        let mut users = Batch::new(
            self.backend,
            "users",
            &["id", "pseudonym", "pseudonym_key", "password_hash", "is_admin", "created_at"],
        );
        for (id, name, is_admin) in accounts {
            let pseudonym = Pseudonym::parse(&name).map_err(|_| sqlx::Error::Protocol(format!("bad name {name}")))?;
            let row = vec![
                id.into(),
                pseudonym.as_str().to_owned().into(),
                pseudonym.key().to_owned().into(),
                self.password_hash.into(),
                is_admin.into(),
                created.into(),
            ];
            users.push(conn, row).await?;
        }
        users.flush(conn).await?;
        Ok(pseudonyms)
    }

    /// Organisations with their lead and facilitators, groups (agreements
    /// version 1) and memberships with the agreements accepted.
    async fn groups(&self, conn: &mut AnyConnection, people: &People) -> Result<(Vec<String>, Vec<i64>)> {
        let created = self.now - HISTORY_SECONDS - 86_400;
        let mut organisations = Vec::with_capacity(self.shape.organisations);
        for org in 0..self.shape.organisations {
            let id = groups_store::insert_organisation(&mut *conn, &format!("Network {}", org + 1), created).await?;
            groups_store::set_staff(&mut *conn, id, people.leads[org], "lead", created).await?;
            for facilitator in &people.facilitators[org] {
                groups_store::set_staff(&mut *conn, id, *facilitator, "facilitator", created).await?;
            }
            organisations.push(id);
        }
        let agreements_md = agreements::default_for(Locale::En);
        let agreements_html = markdown::to_html(agreements_md);
        let mut slugs = Vec::with_capacity(self.shape.groups);
        let mut group_ids = Vec::with_capacity(self.shape.groups);
        for group in 0..self.shape.groups {
            let name = format!("{} {}", GROUP_NAMES[group % GROUP_NAMES.len()], group + 1);
            let slug = name.to_lowercase().replace(' ', "-");
            let id = groups_store::insert_group_in(
                conn,
                groups_store::NewGroup {
                    organisation_id: organisations[group % self.shape.organisations],
                    slug: &slug,
                    name: &name,
                    purpose: "Peer support between members, at everyone's own pace.",
                    facilitation: "A facilitator reads every weekday and answers check-ins within a day.",
                    starts_at: None,
                    ends_at: None,
                    agreements_md,
                    agreements_html: &agreements_html,
                    facilitators: &[people.facilitator_of(&self.shape, group)],
                    now: created,
                },
            )
            .await?;
            group_ids.push(id);
            slugs.push(slug);
        }
        let mut memberships =
            Batch::new(self.backend, "memberships", &["group_id", "user_id", "joined_at", "agreed_version"]);
        for (member, groups) in self.plan.member_groups.iter().enumerate() {
            for group in groups {
                let row = vec![group_ids[*group].into(), people.member(member).into(), created.into(), 1.into()];
                memberships.push(conn, row).await?;
            }
        }
        memberships.flush(conn).await?;
        Ok((slugs, group_ids))
    }

    /// The topics of `range`, each with its posts (ids from `next_post_id`)
    /// and their reactions. Returns the next post id.
    async fn topics(
        &self,
        conn: &mut AnyConnection,
        rng: &mut ChaCha8Rng,
        people: &People,
        range: std::ops::Range<usize>,
        mut next_post_id: i64,
        forum: &mut Forum,
    ) -> Result<i64> {
        struct Post {
            author: i64,
            body: usize,
            warning: Option<&'static str>,
            at: i64,
        }
        let step = (HISTORY_SECONDS * 9 / 10) / self.shape.topics.max(1) as i64;
        let latest = self.now - 60;
        let mut written: Vec<(String, Vec<Post>)> = Vec::with_capacity(range.len());
        let mut topics = Batch::new(
            self.backend,
            "topics",
            &[
                "id",
                "group_id",
                "author_id",
                "title",
                "warning",
                "created_at",
                "last_post_id",
                "last_post_at",
                "post_count",
            ],
        );
        for index in range.clone() {
            let planned = &self.plan.topics[index];
            let members = &self.plan.group_members[planned.group];
            let author = people.member(*members.choose(rng).unwrap_or(&0));
            let warning = rng.random_bool(WARNED).then(|| *WARNINGS.choose(rng).unwrap_or(&""));
            let mut at =
                (self.now - HISTORY_SECONDS + index as i64 * step + rng.random_range(0..step.max(1))).min(latest);
            let posts: Vec<Post> = (0..planned.posts)
                .map(|n| {
                    let (writer, warned) = if n == 0 {
                        (author, warning)
                    } else if rng.random_bool(BY_FACILITATOR) {
                        (people.facilitator_of(&self.shape, planned.group), None)
                    } else {
                        let warned = rng.random_bool(WARNED).then(|| *WARNINGS.choose(rng).unwrap_or(&""));
                        (people.member(*members.choose(rng).unwrap_or(&0)), warned)
                    };
                    let post =
                        Post { author: writer, body: rng.random_range(0..self.bodies.len()), warning: warned, at };
                    at = (at + rng.random_range(300..8 * 3600)).min(latest);
                    post
                })
                .collect();
            let id = index as i64 + 1;
            let title = text::title(rng, TOPIC_WORDS[planned.word]);
            let last = posts.last().map_or(at, |p| p.at);
            let row = vec![
                id.into(),
                forum.group_ids[planned.group].into(),
                author.into(),
                title.clone().into(),
                warning.into(),
                posts.first().map_or(at, |p| p.at).into(),
                (next_post_id + posts.len() as i64 - 1).into(),
                last.into(),
                (posts.len() as i64).into(),
            ];
            topics.push(conn, row).await?;
            forum.topics.push(WrittenTopic {
                id,
                group: planned.group,
                first_post_id: next_post_id,
                posts: posts.len(),
                author,
                word: planned.word,
                author_prefix: posts.iter().take_while(|p| p.author == author).count(),
                page_html_bytes: posts.iter().take(FULL_PAGE).map(|p| self.bodies[p.body].html.len()).sum(),
            });
            next_post_id += posts.len() as i64;
            written.push((title, posts));
        }
        topics.flush(conn).await?;

        let mut rows = Batch::new(
            self.backend,
            "posts",
            &[
                "id",
                "topic_id",
                "group_id",
                "author_id",
                "warning",
                "body_md",
                "body_html",
                "search_text",
                "created_at",
            ],
        );
        // Sent after every post of the chunk: a reaction's post must exist first (PostgreSQL checks at once).
        let mut reaction_rows: Vec<Vec<Value<'_>>> = Vec::new();
        let mut post_id = forum.topics[range.start].first_post_id;
        for (index, (title, posts)) in range.zip(&written) {
            let group = self.plan.topics[index].group;
            for (n, post) in posts.iter().enumerate() {
                let body = &self.bodies[post.body];
                // A first post is found by its topic's title too.
                let search_text: Value<'_> = if n == 0 {
                    markdown::fold_for_search(&format!("{title}\n{}", body.md)).into()
                } else {
                    body.search_text.as_str().into()
                };
                let row = vec![
                    post_id.into(),
                    (index as i64 + 1).into(),
                    forum.group_ids[group].into(),
                    post.author.into(),
                    post.warning.into(),
                    body.md.as_str().into(),
                    body.html.as_str().into(),
                    search_text,
                    post.at.into(),
                ];
                rows.push(conn, row).await?;
                if rng.random_bool(REACTED) {
                    let members = &self.plan.group_members[group];
                    let count = rng.random_range(1..=3).min(members.len());
                    for member in index::sample(rng, members.len(), count) {
                        let kind = *crate::discussions::store::REACTION_KINDS.choose(rng).unwrap_or(&"support");
                        let row =
                            vec![post_id.into(), people.member(members[member]).into(), kind.into(), post.at.into()];
                        reaction_rows.push(row);
                    }
                }
                post_id += 1;
            }
        }
        rows.flush(conn).await?;
        let mut reactions = Batch::new(self.backend, "reactions", &["post_id", "user_id", "kind", "created_at"]);
        for row in reaction_rows {
            reactions.push(conn, row).await?;
        }
        reactions.flush(conn).await?;
        forum.reactions += reactions.inserted;
        Ok(next_post_id)
    }

    /// Each topic's author has read up to their own first posts (as the app
    /// marks them); each member has opened some of the newest topics of their
    /// groups, read to the end or partway (at least one partway where a
    /// topic has more than one post), so there are unread posts to show.
    async fn read_markers(
        &self,
        conn: &mut AnyConnection,
        rng: &mut ChaCha8Rng,
        people: &People,
        forum: &Forum,
    ) -> Result<u64> {
        let mut reads =
            Batch::new(self.backend, "topic_reads", &["user_id", "topic_id", "last_read_post_id", "read_count"]);
        let marker = |user: i64, topic: &WrittenTopic, read: usize| -> Vec<Value<'static>> {
            vec![user.into(), topic.id.into(), (topic.first_post_id + read as i64 - 1).into(), (read as i64).into()]
        };
        for topic in &forum.topics {
            reads.push(conn, marker(topic.author, topic, topic.author_prefix)).await?;
        }
        let mut by_group: Vec<Vec<&WrittenTopic>> = vec![Vec::new(); self.shape.groups];
        for topic in &forum.topics {
            by_group[topic.group].push(topic);
        }
        for (member, groups) in self.plan.member_groups.iter().enumerate() {
            let user = people.member(member);
            for group in groups {
                let recent = &by_group[*group][by_group[*group].len().saturating_sub(RECENT_TOPICS)..];
                let mut partway_yet = false;
                for pick in index::sample(rng, recent.len(), OPENED_TOPICS.min(recent.len())) {
                    let topic = recent[pick];
                    if topic.author == user {
                        continue;
                    }
                    let read = match rng.random_range(0..100) {
                        _ if topic.posts > 1 && !partway_yet => rng.random_range(1..topic.posts),
                        0..45 => topic.posts,
                        45..85 if topic.posts > 1 => rng.random_range(1..topic.posts),
                        _ => continue,
                    };
                    partway_yet |= read < topic.posts;
                    reads.push(conn, marker(user, topic, read)).await?;
                }
            }
        }
        reads.flush(conn).await?;
        Ok(reads.inserted)
    }
}

impl Forum {
    /// Up to `count` members, each with a full-page topic of one of their groups.
    pub(super) fn manifest(&self, rng: &mut ChaCha8Rng, plan: &Plan, count: usize) -> Vec<ManifestLine> {
        let mut members: Vec<usize> =
            index::sample(rng, plan.member_groups.len(), count.min(plan.member_groups.len())).into_vec();
        members.sort_unstable();
        members
            .into_iter()
            .filter_map(|member| {
                let group = *plan.member_groups[member].choose(rng)?;
                let long: Vec<&WrittenTopic> =
                    self.topics.iter().filter(|t| t.group == group && t.posts >= FULL_PAGE).collect();
                let topic = long.choose(rng)?;
                Some(ManifestLine {
                    pseudonym: self.pseudonyms[member].clone(),
                    topic_path: format!("/topics/{}", topic.id),
                    group_path: format!("/groups/{}", self.slugs[group]),
                    search_word: TOPIC_WORDS[topic.word],
                    page_html_bytes: topic.page_html_bytes,
                })
            })
            .collect()
    }
}
