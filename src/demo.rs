//! `hearth demo`: fills an empty database with a small, believable forum —
//! an organisation, an English and a French group, a lead, a facilitator,
//! members, topics, replies, a content warning, a reply held for review and
//! an urgent report in the facilitators' queue — and prints how to sign in as
//! each role, so anyone can see Hearth working in a minute.

use crate::{
    accounts::{password::Password, pseudonym::Pseudonym, secret, store as accounts_store},
    discussions::store::{self as discussions_store, NewPost},
    groups::{agreements, store as groups_store},
    markdown,
    moderation::{
        filters::{Detail, HoldReason},
        reports::store::{self as reports_store, NewReport},
    },
    web::{AppState, i18n::Locale},
};

struct Person {
    pseudonym: &'static str,
    role: &'static str,
}

const PEOPLE: [Person; 6] = [
    Person { pseudonym: "Keeper", role: "instance admin" },
    Person { pseudonym: "Maya Lead", role: "lead of Harbour Network" },
    Person { pseudonym: "Sam Guide", role: "facilitator of both groups" },
    Person { pseudonym: "Willow", role: "member (English group)" },
    Person { pseudonym: "Rowan", role: "member (English group)" },
    Person { pseudonym: "Camille", role: "membre (groupe en français)" },
];

struct DemoTopic {
    group: &'static str,
    author: &'static str,
    title: &'static str,
    warning: Option<&'static str>,
    body: &'static str,
    /// (author, words)
    replies: &'static [(&'static str, &'static str)],
    /// A reply the phone-number filter held for the facilitators: (author, words).
    held_reply: Option<(&'static str, &'static str)>,
    /// A member worried about the topic's author reports it: (reporter, what they wrote).
    at_risk_report: Option<(&'static str, &'static str)>,
}

const TOPICS: [DemoTopic; 3] = [
    DemoTopic {
        group: "after-leaving",
        author: "Willow",
        title: "Small wins this week",
        warning: None,
        body: "I made it to the library on my own on **Tuesday**. It felt like a big deal.\n\nWhat small wins did you have?",
        replies: &[
            ("Rowan", "That *is* a big deal. I cooked a meal I like for the first time in years."),
            ("Sam Guide", "Thank you both for sharing these. Small steps count."),
        ],
        held_reply: Some(("Rowan", "If anyone wants to talk on the phone, my number is 613-555-0142.")),
        at_risk_report: None,
    },
    DemoTopic {
        group: "after-leaving",
        author: "Rowan",
        title: "Sleeping again",
        warning: Some("mentions nightmares"),
        body: "Some nights are still hard. What helps you settle?\n\n- breathing exercises\n- a lamp left on",
        replies: &[("Willow", "A playlist of rain sounds helps me.")],
        held_reply: None,
        at_risk_report: Some(("Willow", "Rowan sounds exhausted lately. Could someone check in with them?")),
    },
    DemoTopic {
        group: "cercle-du-mardi",
        author: "Camille",
        title: "Bonjour à toutes et à tous",
        warning: None,
        body: "Je suis nouvelle ici. Merci de m’accueillir dans ce **cercle**.",
        replies: &[("Sam Guide", "Bienvenue, Camille. Prends ton temps, on est là.")],
        held_reply: None,
        at_risk_report: None,
    },
];

/// Refuses to touch a database that already has accounts.
pub async fn run(state: &AppState) -> Result<(), String> {
    if accounts_store::admin_exists(&state.db.read).await.map_err(|e| e.to_string())? {
        return Err("this database already has accounts; `hearth demo` only fills an empty one".to_owned());
    }
    let password_text = secret::new_recovery_code();
    let password = Password::parse(&password_text, &[]).map_err(|_| "generated password refused".to_owned())?;
    let hash = state.hasher.hash(&password).await.map_err(|e| e.to_string())?;
    let now = state.clock.now();
    let db = &state.db.write;
    let err = |e: sqlx::Error| e.to_string();

    let mut ids = std::collections::HashMap::new();
    for person in &PEOPLE {
        let pseudonym =
            Pseudonym::parse(person.pseudonym).map_err(|_| format!("bad demo name {}", person.pseudonym))?;
        let is_admin = person.pseudonym == "Keeper";
        let id = accounts_store::insert_user(db, &pseudonym, &hash, is_admin, now).await.map_err(|e| match e {
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                format!("an account named {} exists; `hearth demo` only fills an empty database", person.pseudonym)
            }
            other => other.to_string(),
        })?;
        ids.insert(person.pseudonym, id);
    }
    let id = |name: &str| ids.get(name).copied().unwrap_or_default();

    let organisation = groups_store::insert_organisation(db, "Harbour Network", now).await.map_err(err)?;
    groups_store::set_staff(db, organisation, id("Maya Lead"), "lead", now).await.map_err(err)?;
    groups_store::set_staff(db, organisation, id("Sam Guide"), "facilitator", now).await.map_err(err)?;
    let groups = [
        (
            "after-leaving",
            "After leaving",
            "A space to share the everyday of rebuilding after leaving an abusive relationship.",
            "Sam reads every weekday and answers check-ins within a day.",
            Locale::En,
            ["Willow", "Rowan"].as_slice(),
        ),
        (
            "cercle-du-mardi",
            "Cercle du mardi",
            "Un lieu d’entraide pour les personnes qui reconstruisent leur vie.",
            "Sam lit chaque jour de semaine et répond aux échanges privés en moins d’un jour.",
            Locale::Fr,
            ["Camille"].as_slice(),
        ),
    ];
    let mut group_ids = std::collections::HashMap::new();
    for (slug, name, purpose, facilitation, locale, members) in groups {
        let agreements_md = agreements::default_for(locale);
        let new = groups_store::NewGroup {
            organisation_id: organisation,
            slug,
            name,
            purpose,
            facilitation,
            starts_at: None,
            ends_at: None,
            agreements_md,
            agreements_html: &markdown::to_html(agreements_md),
            facilitators: &[id("Sam Guide")],
            now,
        };
        let group_id = groups_store::insert_group(db, new).await.map_err(err)?;
        groups_store::set_resources(
            db,
            group_id,
            "- Crisis line (24/7): **1-800-000-0000**\n- Ask the facilitators for local services near you.",
            &markdown::to_html(
                "- Crisis line (24/7): **1-800-000-0000**\n- Ask the facilitators for local services near you.",
            ),
        )
        .await
        .map_err(err)?;
        for member in members {
            groups_store::join(db, group_id, id(member), now).await.map_err(err)?;
            groups_store::accept_agreements(db, group_id, id(member), 1).await.map_err(err)?;
        }
        group_ids.insert(slug, group_id);
    }

    for (offset, topic) in (0_i64..).zip(TOPICS) {
        let DemoTopic { group, author, title, warning, body, replies, held_reply, at_risk_report } = topic;
        let group_id = group_ids.get(group).copied().unwrap_or_default();
        let at = now - 3_600 * (10 - offset);
        let mut tx = db.begin().await.map_err(err)?;
        let first = post(id(author), warning, body, Some(title), at);
        let (topic_id, first_post_id) =
            discussions_store::insert_topic(&mut tx, group_id, title, &first.as_new(None)).await.map_err(err)?;
        for (minutes, (replier, text)) in (1_i64..).zip(replies.iter()) {
            let reply = post(id(replier), None, text, None, at + 60 * minutes);
            discussions_store::insert_reply(&mut tx, topic_id, group_id, &reply.as_new(None), false)
                .await
                .map_err(err)?;
        }
        if let Some((replier, text)) = held_reply {
            let reply = post(id(replier), None, text, None, at + 1_800);
            let phone = HoldReason::join(&[HoldReason::Detail(Detail::Phone)]);
            discussions_store::insert_reply(&mut tx, topic_id, group_id, &reply.as_new(Some(&phone)), false)
                .await
                .map_err(err)?;
        }
        if let Some((reporter, details)) = at_risk_report {
            let report = NewReport {
                group_id,
                topic_id,
                post_id: first_post_id,
                about: "topic",
                reporter_id: id(reporter),
                reason: "at-risk",
                details,
                now: at + 2_400,
            };
            reports_store::insert(&mut tx, report).await.map_err(err)?;
        }
        tx.commit().await.map_err(err)?;
    }

    println!(
        "Demo data created: organisation \"Harbour Network\", groups \"After leaving\" (English) and \"Cercle du mardi\" (French)."
    );
    println!("Every demo account has the password: {password_text}");
    for person in &PEOPLE {
        println!("  {:<10} — {}", person.pseudonym, person.role);
    }
    println!("Start the server (`hearth serve`) and sign in as any of them.");
    println!("Staff and the admin set up two-factor sign-in (an authenticator app) at their first sign-in.");
    Ok(())
}

struct DemoPost {
    author_id: i64,
    warning: Option<&'static str>,
    body_md: &'static str,
    body_html: String,
    search_text: String,
    at: i64,
}

impl DemoPost {
    fn as_new<'a>(&'a self, held: Option<&'a str>) -> NewPost<'a> {
        NewPost {
            held,
            author_id: self.author_id,
            warning: self.warning,
            body_md: self.body_md,
            body_html: &self.body_html,
            search_text: &self.search_text,
            now: self.at,
        }
    }
}

fn post(author_id: i64, warning: Option<&'static str>, body: &'static str, title: Option<&str>, at: i64) -> DemoPost {
    let searchable = title.map_or_else(|| body.to_owned(), |t| format!("{t}\n{body}"));
    DemoPost {
        author_id,
        warning,
        body_md: body,
        body_html: markdown::to_html(body),
        search_text: markdown::fold_for_search(&searchable),
        at,
    }
}
