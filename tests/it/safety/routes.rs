//! Every route Hearth serves, read from `src/web/paths.rs` (where the router
//! takes every URL from, which a test here checks), with its placeholders
//! filled from a test's data: tests that walk "every route" cover routes
//! added later without being edited.

use std::collections::HashMap;

/// `(NAME, "/pattern")` for every constant in `src/web/paths.rs`.
pub fn every_route() -> Vec<(String, String)> {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/web/paths.rs")).unwrap();
    let routes: Vec<(String, String)> = source
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub const "))
        .filter_map(|rest| {
            let (name, value) = rest.split_once(": &str = \"")?;
            Some((name.to_owned(), value.strip_suffix("\";")?.to_owned()))
        })
        .collect();
    assert!(routes.len() > 40, "read the routes from paths.rs: {routes:?}");
    routes
}

/// What fills a route's placeholders: `{slug}`, `{code}`, each `{id}` by
/// the word before it (`/topics/{id}` takes `ids["topics"]`), any other by its
/// own name (`{partnership}` takes `ids["partnership"]`); unknown: 1.
#[derive(Debug, Default, Clone)]
pub struct Fill {
    pub slug: String,
    pub ids: HashMap<&'static str, i64>,
}

impl Fill {
    pub fn path(&self, pattern: &str) -> String {
        let mut filled = Vec::new();
        let mut previous = "";
        for segment in pattern.split('/') {
            let value = match segment {
                "{slug}" => self.slug.clone(),
                "{code}" => "no-such-code".to_owned(),
                "{id}" => self.ids.get(previous).copied().unwrap_or(1).to_string(),
                other => match other.strip_prefix('{').and_then(|name| name.strip_suffix('}')) {
                    Some(name) => self.ids.get(name).copied().unwrap_or(1).to_string(),
                    None => other.to_owned(),
                },
            };
            filled.push(value);
            previous = segment;
        }
        filled.join("/")
    }
}

/// The router takes every URL from `paths.rs`: no `.route(` spells one by
/// hand, so the list above is every route there is.
#[test]
fn every_route_in_the_router_comes_from_paths() {
    let mut pending = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    let mut routes = 0;
    while let Some(path) = pending.pop() {
        for entry in std::fs::read_dir(path).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            // `.route(` with arguments is the router's (a `.route()` is some other method).
            for call in source.split(".route(").skip(1).filter(|call| !call.starts_with(')')) {
                routes += 1;
                assert!(
                    call.trim_start().starts_with("paths::"),
                    "{} adds a route that is not in src/web/paths.rs: .route({}",
                    path.display(),
                    call.lines().next().unwrap_or_default()
                );
            }
        }
    }
    assert!(routes > 40, "found the router's routes ({routes})");
}

#[test]
fn placeholders_are_filled_by_the_word_before_them() {
    let fill = Fill { slug: "circle".to_owned(), ids: HashMap::from([("topics", 7), ("members", 3)]) };
    assert_eq!(fill.path("/topics/{id}/reply"), "/topics/7/reply");
    assert_eq!(fill.path("/groups/{slug}/members/{id}/remove"), "/groups/circle/members/3/remove");
    assert_eq!(fill.path("/posts/{id}/edit"), "/posts/1/edit");
    assert_eq!(fill.path("/join/{code}/agree"), "/join/no-such-code/agree");
    assert_eq!(fill.path("/organisations/{id}/staff/{user}/remove"), "/organisations/1/staff/1/remove");
    let fill = Fill { ids: HashMap::from([("partnership", 4)]), ..fill };
    assert_eq!(fill.path("/organisations/{id}/partners/{partnership}/end"), "/organisations/1/partners/4/end");
}
