//! Everything Hearth stores, who can see it and when it is deleted: one list,
//! the only source for the consent page a newcomer reads before joining and
//! for the README's note. Its wording takes the instance's real settings
//! (session timeouts, retention limits). A test compares the tables named
//! here with the real schema, so a table nobody described fails the build
//! of trust: a new table is one more line here (and a step in erasure).

use crate::{
    accounts::security::second_step::CHALLENGE_SECONDS,
    config::Config,
    moderation::{members::reset::RESET_VALID_SECONDS, roles::store::REQUEST_DAYS},
    web::i18n::{Locale, Translations},
};

use super::purge::SPENT_INVITE_DAYS;

/// When something is deleted: a fixed sentence, or one that depends on
/// whether the instance limits retention.
#[derive(Debug, Clone, Copy)]
pub enum Kept {
    Always(&'static str),
    ByRetention { limited: &'static str, unlimited: &'static str },
}

/// One kind of data: message keys for what it is, who sees it and when it
/// goes, and the tables that hold it.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    pub what: &'static str,
    pub who: &'static str,
    pub kept: Kept,
    pub tables: &'static [&'static str],
}

const POSTS_KEPT: Kept = by_retention("inventory-posts-kept", "inventory-posts-kept-unlimited");

/// Kept by retention (`purge`): a sentence for an instance that limits it,
/// one for an instance that does not.
const fn by_retention(limited: &'static str, unlimited: &'static str) -> Kept {
    Kept::ByRetention { limited, unlimited }
}

pub const INVENTORY: &[Item] = &[
    Item {
        what: "inventory-account",
        who: "inventory-account-who",
        kept: Kept::Always("inventory-account-kept"),
        tables: &["users"],
    },
    Item {
        what: "inventory-secrets",
        who: "inventory-secrets-who",
        kept: Kept::Always("inventory-secrets-kept"),
        tables: &["recovery_codes", "password_resets"],
    },
    Item {
        what: "inventory-sessions",
        who: "inventory-sessions-who",
        kept: Kept::Always("inventory-sessions-kept"),
        tables: &["sessions", "sign_in_challenges"],
    },
    Item {
        what: "inventory-memberships",
        who: "inventory-memberships-who",
        kept: Kept::Always("inventory-memberships-kept"),
        tables: &["memberships", "invites", "invite_groups"],
    },
    Item {
        what: "inventory-posts",
        who: "inventory-posts-who",
        kept: POSTS_KEPT,
        tables: &["topics", "posts", "post_search", "reactions"],
    },
    Item {
        what: "inventory-check-ins",
        who: "inventory-check-ins-who",
        kept: POSTS_KEPT,
        tables: &["check_ins", "check_in_messages"],
    },
    Item {
        what: "inventory-reads",
        who: "inventory-reads-who",
        kept: Kept::Always("inventory-reads-kept"),
        tables: &["topic_reads", "check_in_reads", "notifications"],
    },
    // moderation (issue 4)
    Item {
        what: "inventory-redactions",
        who: "inventory-redactions-who",
        kept: Kept::Always("inventory-redactions-kept"),
        tables: &["redactions"],
    },
    Item {
        what: "inventory-reports",
        who: "inventory-reports-who",
        kept: by_retention("inventory-reports-kept", "inventory-reports-kept-unlimited"),
        tables: &["reports"],
    },
    Item {
        what: "inventory-notices",
        who: "inventory-notices-who",
        kept: by_retention("inventory-notices-kept", "inventory-notices-kept-unlimited"),
        tables: &["member_notices"],
    },
    Item {
        what: "inventory-staff-notes",
        who: "inventory-staff-notes-who",
        kept: by_retention("inventory-staff-notes-kept", "inventory-staff-notes-kept-unlimited"),
        tables: &["staff_notes"],
    },
    Item {
        what: "inventory-audit",
        who: "inventory-audit-who",
        kept: by_retention("inventory-audit-kept", "inventory-audit-kept-unlimited"),
        tables: &["audit_log"],
    },
    Item {
        what: "inventory-groups",
        who: "inventory-groups-who",
        kept: Kept::Always("inventory-groups-kept"),
        tables: &[
            "organisations",
            "staff",
            "support_groups",
            "group_facilitators",
            "agreements",
            "instance_resources",
            "partnerships",
            "partnership_groups",
            "role_requests",
        ],
    },
];

/// One item in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub what: String,
    pub who: String,
    pub kept: String,
}

/// The inventory in `locale`, with this instance's settings in its sentences.
pub fn shown(translations: &Translations, locale: Locale, config: &Config) -> Vec<Shown> {
    let minutes = |d: std::time::Duration| i64::try_from(d.as_secs() / 60).unwrap_or(i64::MAX);
    let limits = &config.retention;
    let numbers = [
        ("idle", minutes(config.session_idle)),
        ("hours", minutes(config.session_lifetime) / 60),
        ("challenge", CHALLENGE_SECONDS / 60),
        ("invite", SPENT_INVITE_DAYS),
        ("min", i64::from(limits.min_days)),
        ("max", limits.max_days.map_or(0, i64::from)),
        ("ended", i64::from(limits.ended_group_days)),
        ("reset", RESET_VALID_SECONDS / 3600),
        ("request", REQUEST_DAYS),
    ];
    INVENTORY
        .iter()
        .map(|item| {
            let kept = match item.kept {
                Kept::Always(key) => key,
                Kept::ByRetention { limited, unlimited } => {
                    if limits.max_days.is_some() {
                        limited
                    } else {
                        unlimited
                    }
                }
            };
            Shown {
                what: translations.get(locale, item.what, &[]),
                who: translations.get(locale, item.who, &[]),
                kept: translations.get_counts(locale, kept, &numbers),
            }
        })
        .collect()
}

/// The same as a Markdown table, for the README (English, default settings).
pub fn markdown(translations: &Translations, config: &Config) -> String {
    let clean = |text: &str| text.replace(['\u{2068}', '\u{2069}'], "").replace('|', "\\|");
    let mut table = String::from("| what Hearth stores | who can see it | when it is deleted |\n|---|---|---|\n");
    for item in shown(translations, Locale::En, config) {
        table.push_str(&format!("| {} | {} | {} |\n", clean(&item.what), clean(&item.who), clean(&item.kept)));
    }
    table
}
