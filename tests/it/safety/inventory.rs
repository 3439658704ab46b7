//! The data inventory is the whole truth: every table of the real schema is
//! in it, the consent page shows it with the instance's real settings, and
//! the README's note is the same list.

use std::collections::{BTreeSet, HashMap};

use hearth::{
    config::Config,
    safety::{
        inventory::{self, INVENTORY},
        store::ERASE_STEPS,
    },
    web::i18n::Translations,
};

use super::{plain, tables};
use crate::{
    on_both_backends,
    support::{Backend, TestApp},
};

on_both_backends!(
    every_table_is_in_the_inventory,
    every_table_that_points_at_an_account_is_erased,
    the_consent_page_lists_it_with_the_real_settings
);

async fn every_table_is_in_the_inventory(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let described: BTreeSet<&str> = INVENTORY.iter().flat_map(|item| item.tables.iter().copied()).collect();
    let schema = tables(&app, backend).await;
    let missing: Vec<&String> = schema.iter().filter(|table| !described.contains(table.as_str())).collect();
    assert!(
        missing.is_empty(),
        "tables with no entry in the data inventory: {missing:?}. Add each to src/safety/inventory.rs (what it \
         holds, who can see it, when it is deleted) and, if it holds anything of a member's, a step to \
         safety::store::ERASE_STEPS"
    );
    // PostgreSQL searches through an index on posts, not a table of its own.
    let sqlite_only = ["post_search"];
    let gone: Vec<&&str> = described
        .iter()
        .filter(|table| !schema.iter().any(|t| t == *table))
        .filter(|table| backend == Backend::Sqlite || !sqlite_only.contains(table))
        .collect();
    assert!(gone.is_empty(), "the inventory names tables that do not exist: {gone:?}");
    app.stop().await;
}

/// A table with a column that points at an account holds something of a
/// member's: erasing an account has a step for it (a cascade alone would
/// leave the choice of what to keep to the schema). The audit log points at
/// accounts without a foreign key, on purpose.
async fn every_table_that_points_at_an_account_is_erased(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
             WHERE m.type = 'table' AND f.\"table\" = 'users' ORDER BY m.name"
        }
        Backend::Postgres => {
            "SELECT DISTINCT CAST(tc.table_name AS TEXT) FROM information_schema.table_constraints tc \
             JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name \
             WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'users' ORDER BY 1"
        }
    };
    let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&app.state.db.read).await.unwrap();
    let pointing: Vec<String> = rows.into_iter().map(|(name,)| name).chain(["audit_log".to_owned()]).collect();
    assert!(pointing.len() > 15, "read the schema's references to accounts: {pointing:?}");
    let erased: BTreeSet<&str> = ERASE_STEPS.iter().map(|step| step.table).collect();
    let missing: Vec<&String> = pointing.iter().filter(|table| !erased.contains(table.as_str())).collect();
    assert!(missing.is_empty(), "tables that point at an account with no step in ERASE_STEPS: {missing:?}");
    app.stop().await;
}

async fn the_consent_page_lists_it_with_the_real_settings(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| {
        config.session_idle = std::time::Duration::from_secs(20 * 60);
        config.retention.max_days = Some(90);
        config.retention.ended_group_days = 14;
    })
    .await;
    let invite = app.invite().await;
    let page = plain(&app.visitor().get(&invite).await.body);
    let translations = Translations::load().unwrap();
    for item in inventory::shown(&translations, hearth::web::i18n::Locale::En, &app.state.config) {
        for text in [&item.what, &item.who, &item.kept] {
            assert!(page.contains(&plain(text)), "the consent page lacks {text:?}");
        }
    }
    for setting in ["after 20 minutes without activity", "at most 90 days", "14 days after it ends"] {
        assert!(page.contains(setting), "{setting}");
    }
    let french = plain(&app.visitor().with_header("accept-language", "fr-CA").get(&invite).await.body);
    assert!(french.contains("au plus 90 jours") && french.contains("Jamais votre adresse Internet"));
    app.stop().await;
}

/// The README's note (between its inventory markers) is the inventory itself.
#[test]
fn the_readme_lists_the_same_inventory() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let (start, end) = ("<!-- inventory: generated from src/safety/inventory.rs -->\n", "<!-- inventory end -->");
    let note = readme.split(start).nth(1).and_then(|rest| rest.split(end).next()).unwrap_or_default();
    let config = Config::from_sources(None, &HashMap::new()).unwrap();
    let expected = inventory::markdown(&Translations::load().unwrap(), &config);
    assert_eq!(
        note, expected,
        "the README's data note differs from the inventory; paste this between its markers:\n{expected}"
    );
}
