//! Hostile text in every field a member fills: each line of the XSS corpus and
//! of the Big List of Naughty Strings goes through post bodies (new topics,
//! previews and replies), titles, content warnings and pseudonyms, over HTTP.
//! No request may fail with a 5xx, and neither the stored HTML nor any page
//! that shows it may carry anything a browser would run or fetch: a small
//! tag scanner reads the HTML the way a browser tokenises it.

use hearth::accounts::invites;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::support::{Backend, GroupSetup, PASSWORD, Page, TestApp, Visitor};

pub const XSS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/xss-vectors.txt");
pub const BLNS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/blns.txt");

/// Lines per post body (and never more characters than this, well under the
/// body limit, so every batch is published).
const LINES_PER_POST: usize = 20;
const CHARS_PER_POST: usize = 12_000;

/// The non-blank lines of a corpus (without `#` comment lines when the file
/// has them), read when the test runs.
pub fn corpus_lines(path: &str, has_comments: bool) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|err| panic!("reading {path}: {err}"));
    text.lines()
        .filter(|line| !(line.trim().is_empty() || has_comments && line.starts_with('#')))
        .map(str::to_owned)
        .collect()
}

/// The corpus in post-sized batches.
pub fn batches<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut batches: Vec<Vec<&'a str>> = vec![Vec::new()];
    let mut chars = 0;
    for line in lines {
        let last = batches.last_mut().unwrap();
        if !last.is_empty() && (last.len() == LINES_PER_POST || chars + line.len() > CHARS_PER_POST) {
            batches.push(Vec::new());
            chars = 0;
        }
        batches.last_mut().unwrap().push(line);
        chars += line.len() + 2;
    }
    batches
}

// ----- a tag scanner -----

/// A tag as a browser's tokeniser reads it: lower-case name, attributes with
/// lower-case names and their values with character references decoded.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attributes: Vec<(String, String)>,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn describe(&self) -> String {
        let attributes: String = self.attributes.iter().map(|(n, v)| format!(" {n}=\"{v}\"")).collect();
        let tag = format!("<{}{attributes}>", self.name);
        tag.chars().take(200).collect()
    }
}

/// Elements whose content is text to the tokeniser, up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// Every start and end tag in `html`, in order (comments and doctypes skipped).
fn tags(html: &str) -> Vec<Tag> {
    // ASCII lower-casing keeps every byte where it was.
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = lower[at..].find('<') {
        let open = at + offset;
        let next = bytes.get(open + 1).copied().unwrap_or(b' ');
        let skip_to =
            |text: &str, from: usize, end: &str| lower[from..].find(end).map_or(text.len(), |i| from + i + end.len());
        at = match next {
            b'!' if lower[open..].starts_with("<!--") => skip_to(html, open + 4, "-->"),
            b'!' | b'?' => skip_to(html, open + 2, ">"),
            b'/' if bytes.get(open + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let (mut tag, end) = read_tag(html, &lower, open + 2);
                tag.closing = true;
                found.push(tag);
                end
            }
            b'/' => skip_to(html, open + 2, ">"),
            letter if letter.is_ascii_alphabetic() => {
                let (tag, end) = read_tag(html, &lower, open + 1);
                let raw = RAW_TEXT.contains(&tag.name.as_str());
                let closing = format!("</{}", tag.name);
                found.push(tag);
                if raw { lower[end..].find(&closing).map_or(html.len(), |i| end + i) } else { end }
            }
            _ => open + 1,
        };
    }
    found
}

/// Reads a tag's name and attributes from `start` (just past `<` or `</`);
/// returns it and where it ends (past `>`).
fn read_tag(html: &str, lower: &str, start: usize) -> (Tag, usize) {
    let bytes = html.as_bytes();
    let mut at = start;
    let until =
        |at: usize, stop: &dyn Fn(u8) -> bool| (at..bytes.len()).find(|&i| stop(bytes[i])).unwrap_or(bytes.len());
    let name_end = until(at, &|b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
    let name = lower[at..name_end].to_owned();
    at = name_end;
    let mut attributes = Vec::new();
    loop {
        at = until(at, &|b| !(b.is_ascii_whitespace() || b == b'/'));
        if at >= bytes.len() {
            break;
        }
        if bytes[at] == b'>' {
            at += 1;
            break;
        }
        // A name may start with `=`; it runs to a space, `/`, `>` or a later `=`.
        let name_end = until(at + 1, &|b| b.is_ascii_whitespace() || b == b'/' || b == b'>' || b == b'=');
        let attribute = lower[at..name_end].to_owned();
        at = until(name_end, &|b| !b.is_ascii_whitespace());
        let mut value = String::new();
        if bytes.get(at) == Some(&b'=') {
            at = until(at + 1, &|b| !b.is_ascii_whitespace());
            match bytes.get(at) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = until(at + 1, &|b| b == quote);
                    value = decode(&html[at + 1..end]);
                    at = (end + 1).min(bytes.len());
                }
                _ => {
                    let end = until(at, &|b| b.is_ascii_whitespace() || b == b'>');
                    value = decode(&html[at..end]);
                    at = end;
                }
            }
        }
        attributes.push((attribute, value));
    }
    (Tag { name, closing: false, attributes }, at)
}

/// Character references decoded as a browser does in attribute values
/// (numeric ones also without their `;`).
fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        let numeric = rest.strip_prefix('#');
        let decoded = if let Some(number) = numeric {
            let (hex, digits) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (true, hex),
                None => (false, number),
            };
            let len = digits
                .find(|c: char| !(if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() }))
                .unwrap_or(digits.len());
            let code = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 }).ok();
            code.map(|code| {
                let used = digits.len() - digits[len..].len() + usize::from(digits[len..].starts_with(';'));
                let prefix = number.len() - digits.len() + 1;
                (char::from_u32(code).unwrap_or('\u{fffd}'), prefix + used)
            })
        } else {
            let len = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
            let character = match rest[..len].to_ascii_lowercase().as_str() {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "lpar" => Some('('),
                "rpar" => Some(')'),
                "sol" => Some('/'),
                "bsol" => Some('\\'),
                "semi" => Some(';'),
                "nbsp" => Some('\u{a0}'),
                _ => None,
            };
            character.map(|c| (c, len + usize::from(rest[len..].starts_with(';'))))
        };
        match decoded {
            Some((character, used)) => {
                out.push(character);
                rest = &rest[used..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

/// The scheme of a URL as a browser resolves it (tabs, new lines and
/// surrounding controls ignored), lower case; `None` for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let url: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let colon = url.find(':')?;
    if url[..colon].contains(['/', '?', '#']) {
        return None;
    }
    Some(url[..colon].to_ascii_lowercase())
}

/// Attributes whose value a browser fetches or navigates to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "srcset",
    "ping",
    "xlink:href",
    "lowsrc",
    "dynsrc",
    "codebase",
    "manifest",
    "longdesc",
    "usemap",
    "icon",
];

/// Elements that must never come from a member's text.
const FORBIDDEN_IN_CONTENT: &[&str] = &[
    "script", "img", "iframe", "object", "embed", "svg", "math", "style", "link", "meta", "form", "input", "button",
    "textarea", "select", "base", "frame", "frameset", "applet", "video", "audio", "source", "track", "picture",
    "template", "noscript", "image", "isindex", "portal", "marquee", "xml", "div", "span", "table", "label",
];

/// Elements no Hearth page has at all.
const FORBIDDEN_ON_PAGES: &[&str] = &[
    "img", "iframe", "object", "embed", "svg", "math", "style", "base", "frame", "frameset", "applet", "video",
    "audio", "source", "track", "picture", "template", "noscript", "image", "isindex", "portal", "marquee", "xml",
];

const LINK_REL: &str = "nofollow noopener noreferrer";

/// Problems with one tag wherever it is: handlers, URLs a browser would run.
fn any_tag_problems(tag: &Tag, problems: &mut Vec<String>) {
    for (name, value) in &tag.attributes {
        if name.starts_with("on") {
            problems.push(format!("event handler `{name}` in {}", tag.describe()));
        }
        if URL_ATTRIBUTES.contains(&name.as_str())
            && let Some(scheme) = scheme(value)
            && !matches!(scheme.as_str(), "http" | "https")
        {
            problems.push(format!("`{scheme}:` URL in {}", tag.describe()));
        }
        if matches!(name.as_str(), "style" | "srcdoc" | "formaction" | "xmlns" | "is") {
            problems.push(format!("attribute `{name}` in {}", tag.describe()));
        }
    }
    if tag.name == "a"
        && let Some(href) = tag.get("href")
        && (scheme(href).is_some() || href.trim_start().starts_with("//"))
        && tag.get("rel") != Some(LINK_REL)
    {
        problems.push(format!("a link elsewhere without rel=\"{LINK_REL}\": {}", tag.describe()));
    }
}

/// Problems with a tag that came from a member's text (stored post HTML, or
/// inside a post's `div.prose` on a page).
fn content_tag_problems(tag: &Tag, problems: &mut Vec<String>) {
    if tag.closing {
        return;
    }
    any_tag_problems(tag, problems);
    if FORBIDDEN_IN_CONTENT.contains(&tag.name.as_str()) {
        problems.push(format!("element `{}` from content: {}", tag.name, tag.describe()));
    }
    if tag.get("src").is_some() {
        problems.push(format!("`src` from content: {}", tag.describe()));
    }
    // (A link elsewhere without it was reported above.)
    let relative = tag.get("href").is_none_or(|href| scheme(href).is_none() && !href.trim_start().starts_with("//"));
    if tag.name == "a" && relative && tag.get("rel") != Some(LINK_REL) {
        problems.push(format!("a link without rel=\"{LINK_REL}\": {}", tag.describe()));
    }
}

/// Everything wrong with one post's stored HTML.
fn stored_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if html.to_ascii_lowercase().contains("<script") {
        problems.push("`<script` in stored HTML".to_owned());
    }
    for tag in tags(html) {
        content_tag_problems(&tag, &mut problems);
    }
    problems
}

/// Everything wrong with a page: only the layout's own script, stylesheet,
/// icon and meta tags, forms that post to Hearth, and member content (each
/// post's `div.prose`) held to the stored-HTML rules.
fn page_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let scripts = html.to_ascii_lowercase().matches("<script").count();
    if scripts != 1 {
        problems.push(format!("{scripts} `<script` on the page, not just the layout's"));
    }
    let mut prose_depth = 0usize;
    for tag in tags(html) {
        if prose_depth > 0 {
            if tag.name == "div" {
                prose_depth = if tag.closing { prose_depth - 1 } else { prose_depth + 1 };
                if prose_depth == 0 {
                    continue;
                }
            }
            content_tag_problems(&tag, &mut problems);
            continue;
        }
        if tag.closing {
            continue;
        }
        if tag.name == "div" && tag.get("class") == Some("prose") {
            prose_depth = 1;
        }
        any_tag_problems(&tag, &mut problems);
        let name = tag.name.as_str();
        let only = |allowed: &[&str]| tag.attributes.iter().all(|(n, _)| allowed.contains(&n.as_str()));
        let fine = match name {
            "script" => tag.get("src") == Some("/assets/hearth.js") && only(&["src", "defer"]),
            "link" => {
                matches!(tag.get("rel"), Some("icon" | "stylesheet"))
                    && tag.get("href").is_some_and(|href| href.starts_with("/assets/"))
            }
            "meta" => only(&["charset", "name", "content"]),
            "form" => tag.get("action").is_some_and(|action| action.starts_with('/') && !action.starts_with("//")),
            _ => !FORBIDDEN_ON_PAGES.contains(&name) && tag.get("src").is_none(),
        };
        if !fine {
            problems.push(format!("unexpected on the page: {}", tag.describe()));
        }
    }
    problems
}

#[test]
fn the_scanner_reads_tags_as_a_browser_does() {
    let found = tags(
        "<p>a</p><!-- <img src=x> --><A HREF = 'java&#x09;script&colon;x' OnClick=y>t</a><textarea><b></textarea><i/>",
    );
    let names: Vec<_> = found.iter().map(|t| (t.name.as_str(), t.closing)).collect();
    assert_eq!(
        names,
        [("p", false), ("p", true), ("a", false), ("a", true), ("textarea", false), ("textarea", true), ("i", false)]
    );
    assert_eq!(found[2].get("href"), Some("java\tscript:x"));
    assert_eq!(scheme(found[2].get("href").unwrap()).as_deref(), Some("javascript"));
    assert_eq!(found[2].get("onclick"), Some("y"));
    assert_eq!(decode("&#106&#97;v&#x61;&lt;&amp;&bogus;"), "java<&&bogus;");
    assert_eq!(
        stored_problems(r#"<p><a href="https://x.org/" rel="nofollow noopener noreferrer">x</a> &lt;script&gt;</p>"#),
        Vec::<String>::new()
    );
    assert_eq!(stored_problems("<svg/onload=alert(1)>").len(), 2);
    assert_eq!(stored_problems(r#"<a href="javascript:alert(1)">x</a>"#).len(), 2);
    let page = r#"<html><head><script src="/assets/hearth.js" defer></script></head><body><div class="prose"><form action="/x"></form></div><form action="/sign-out"></form></body></html>"#;
    assert_eq!(page_problems(page).len(), 1, "{:?}", page_problems(page));
}

// ----- the journey -----

/// Collects what went wrong, so one run lists every problem, and counts what
/// was looked at.
#[derive(Default)]
struct Findings {
    problems: Vec<String>,
    pages: usize,
    /// Posts' `div.prose` regions scanned as member content on pages.
    prose: usize,
}

impl Findings {
    fn page(&mut self, what: &str, page: &Page) {
        assert!(page.status.as_u16() < 500, "{what}: {} {}", page.status, page.body);
        self.pages += 1;
        self.prose += tags(&page.body).iter().filter(|t| t.name == "div" && t.get("class") == Some("prose")).count();
        for problem in page_problems(&page.body) {
            self.problems.push(format!("{what}: {problem}"));
        }
    }

    fn assert_none(&self) {
        let shown: Vec<&str> = self.problems.iter().take(60).map(String::as_str).collect();
        assert!(
            self.problems.is_empty(),
            "{} problem(s), the first:\n  - {}",
            self.problems.len(),
            shown.join("\n  - ")
        );
    }
}

fn topic_id(page: &Page) -> i64 {
    let location = page.location().unwrap_or_default();
    let id = location.strip_prefix("/topics/").unwrap_or_default();
    id.split(['?', '#']).next().unwrap_or_default().parse().unwrap_or_else(|_| panic!("topic location {location:?}"))
}

/// Posts a new topic: its id when published (303), `None` when refused (422).
async fn new_topic(
    writer: &Visitor,
    slug: &str,
    fields: &[(&str, &str)],
    what: &str,
    findings: &mut Findings,
) -> Option<i64> {
    let mut form = fields.to_vec();
    form.push(("action", "publish"));
    let page = writer.post(&format!("/groups/{slug}/topics/new"), &form).await;
    match page.status {
        StatusCode::SEE_OTHER => Some(topic_id(&page)),
        StatusCode::UNPROCESSABLE_ENTITY => {
            findings.page(&format!("{what}, refused"), &page);
            None
        }
        other => panic!("{what}: {other}\n{}", page.body),
    }
}

/// Each line alone as a title and as a content warning (both at once when
/// both fit; each alone otherwise, where a line too long must be a 422).
async fn titles_and_warnings(writer: &Visitor, slug: &str, lines: &[&str], findings: &mut Findings) -> Vec<i64> {
    let mut topics = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let label = format!("Line {n}");
        let what = format!("line {n} as title and warning");
        let both = [("title", *line), ("warning", *line), ("body", label.as_str())];
        if let Some(id) = new_topic(writer, slug, &both, &what, findings).await {
            topics.push(id);
            continue;
        }
        let title = [("title", *line), ("body", label.as_str())];
        topics.extend(new_topic(writer, slug, &title, &format!("line {n} as title"), findings).await);
        let warning = [("title", label.as_str()), ("warning", *line), ("body", label.as_str())];
        topics.extend(new_topic(writer, slug, &warning, &format!("line {n} as warning"), findings).await);
    }
    topics
}

/// The lines in batches as topic bodies (previewed first, then published,
/// one paragraph a line) and as replies (one block, so lines run together).
async fn bodies(writer: &Visitor, replier: &Visitor, slug: &str, lines: &[&str], findings: &mut Findings) -> Vec<i64> {
    let mut topics = Vec::new();
    for (n, batch) in batches(lines).iter().enumerate() {
        let title = format!("Batch {n}");
        let paragraphs = batch.join("\n\n");
        let fields = [("title", title.as_str()), ("warning", "Batch"), ("body", paragraphs.as_str())];
        let mut preview = fields.to_vec();
        preview.push(("action", "preview"));
        let page = writer.post(&format!("/groups/{slug}/topics/new"), &preview).await;
        assert_eq!(page.status, StatusCode::OK, "{title} previewed: {}", page.body);
        findings.page(&format!("{title} previewed"), &page);
        let id = new_topic(writer, slug, &fields, &title, findings).await;
        let id = id.unwrap_or_else(|| panic!("{title} was refused"));
        topics.push(id);

        let block = batch.join("\n");
        let reply_path = format!("/topics/{id}/reply");
        replier.get(&format!("/topics/{id}")).await;
        let reply = [("warning", batch[0]), ("body", block.as_str()), ("action", "preview")];
        let page = replier.post(&reply_path, &reply).await;
        findings.page(&format!("reply to {title} previewed"), &page);
        let reply = [("warning", batch[0]), ("body", block.as_str()), ("action", "publish")];
        let page = replier.post(&reply_path, &reply).await;
        if page.status == StatusCode::UNPROCESSABLE_ENTITY {
            // The warning line was too long; the body must still go in.
            findings.page(&format!("reply to {title}, refused"), &page);
            let reply = [("warning", "Batch"), ("body", block.as_str()), ("action", "publish")];
            let page = replier.post(&reply_path, &reply).await;
            assert_eq!(page.status, StatusCode::SEE_OTHER, "reply to {title}: {}", page.body);
        } else {
            assert_eq!(page.status, StatusCode::SEE_OTHER, "reply to {title}: {}", page.body);
        }
    }
    topics
}

/// Each line as the pseudonym of someone joining the group: most are refused
/// (422, never a 5xx); each one accepted starts a topic, so the name is shown.
async fn pseudonyms(app: &TestApp, group: &GroupSetup, lines: &[&str], findings: &mut Findings) -> (Vec<i64>, usize) {
    let mut topics = Vec::new();
    let mut accepted = 0;
    let mut joining: Option<(Visitor, String)> = None;
    for (n, line) in lines.iter().enumerate() {
        let (visitor, invite) = match joining.take() {
            Some(pending) => pending,
            None => {
                let spec = invites::InviteSpec {
                    expires_in: std::time::Duration::from_secs(86_400),
                    note: None,
                    created_by: None,
                    grants_admin: false,
                    groups: &[group.id],
                };
                let created = invites::create(&app.state, spec).await.unwrap();
                let invite = created.url.strip_prefix(&app.base).unwrap().to_owned();
                let visitor = app.visitor();
                assert_eq!(visitor.get(&invite).await.status, StatusCode::OK);
                let form = visitor.post(&format!("{invite}/agree"), &[("consent", "yes")]).await;
                assert_eq!(form.status, StatusCode::OK, "{}", form.body);
                (visitor, invite)
            }
        };
        let fields = [("consent", "yes"), ("pseudonym", *line), ("password", PASSWORD)];
        let page = visitor.post(&format!("{invite}/account"), &fields).await;
        match page.status {
            StatusCode::UNPROCESSABLE_ENTITY => {
                findings.page(&format!("line {n} as a pseudonym, refused"), &page);
                joining = Some((visitor, invite));
            }
            StatusCode::OK => {
                accepted += 1;
                findings.page(&format!("line {n} as a pseudonym, recovery codes"), &page);
                let agreements = visitor.get(&format!("/groups/{}/agreements", group.slug)).await;
                findings.page(&format!("line {n} as a pseudonym, agreements"), &agreements);
                let (version,): (i64,) = sqlx::query_as("SELECT agreements_version FROM support_groups WHERE id = $1")
                    .bind(group.id)
                    .fetch_one(&app.state.db.read)
                    .await
                    .unwrap();
                let version = version.to_string();
                let accept = visitor
                    .post(&format!("/groups/{}/agreements", group.slug), &[("version", &version), ("accept", "yes")])
                    .await;
                assert!(accept.status.is_redirection(), "line {n} accepting the agreements: {}", accept.body);
                let home = visitor.get("/").await;
                findings.page(&format!("line {n} as a pseudonym, home"), &home);
                let fields = [("title", "Hello"), ("body", "Hello, everyone.")];
                let what = format!("line {n} as a pseudonym, topic");
                let id = new_topic(&visitor, &group.slug, &fields, &what, findings).await;
                topics.push(id.unwrap_or_else(|| panic!("{what}: refused")));
            }
            other => panic!("line {n} as a pseudonym: {other}\n{}", page.body),
        }
    }
    (topics, accepted)
}

/// A query string value, percent-encoded.
fn query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn hostile_text_never_reaches_a_page_as_markup(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("naughty").await;
    // The group's staff write and read: their posts are never held for review
    // (a line of the corpus may look like an e-mail address or a phone number),
    // and they see everything members write, held or not.
    let writer = group.facilitator.clone();
    let replier = group.lead.clone();
    writer.get(&format!("/groups/{}", group.slug)).await;
    let mut corpus = corpus_lines(XSS, false);
    corpus.extend(corpus_lines(BLNS, true));
    let lines: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let mut findings = Findings::default();

    let mut topics = titles_and_warnings(&writer, &group.slug, &lines, &mut findings).await;
    topics.extend(bodies(&writer, &replier, &group.slug, &lines, &mut findings).await);
    let (named, accepted) = pseudonyms(&app, &group, &lines, &mut findings).await;
    topics.extend(named);
    assert!(accepted > 0, "no line was accepted as a pseudonym, so none was shown");

    // What was stored.
    let stored: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, body_html FROM posts").fetch_all(&app.state.db.read).await.unwrap();
    assert!(stored.len() > lines.len(), "{} posts stored", stored.len());
    for (id, html) in &stored {
        for problem in stored_problems(html) {
            findings.problems.push(format!("post {id} as stored: {problem}"));
        }
    }

    // Every page that shows it: each topic, the group's topic list page by
    // page, the notifications of the batches' author, and search (each line
    // as the query too, since the page repeats it).
    for id in &topics {
        let page = replier.get(&format!("/topics/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "topic {id}");
        findings.page(&format!("topic {id}"), &page);
    }
    let mut next = Some(format!("/groups/{}", group.slug));
    let mut group_pages = 0;
    while let Some(path) = next.take() {
        let page = replier.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        findings.page(&path, &page);
        group_pages += 1;
        next = tags(&page.body)
            .iter()
            .filter_map(|tag| tag.get("href"))
            .find(|href| href.starts_with(&format!("/groups/{}?", group.slug)) && href.contains("before="))
            .map(str::to_owned);
    }
    assert!(group_pages > 1, "the group's topics fit on one page?");
    let notifications = writer.get("/notifications").await;
    assert_eq!(notifications.status, StatusCode::OK);
    findings.page("notifications", &notifications);
    for query in ["alert", "script", "javascript", "onerror", "img"].iter().chain(lines.iter().step_by(7)) {
        let page = replier.get(&format!("/search?q={}", query_value(query))).await;
        findings.page(&format!("search for {query:?}"), &page);
    }

    eprintln!(
        "{backend:?}: {} lines; {} topics, {accepted} pseudonyms accepted, {} posts stored; {} pages with {} posts scanned",
        lines.len(),
        topics.len(),
        stored.len(),
        findings.pages,
        findings.prose
    );
    assert!(
        findings.prose > stored.len(),
        "the pages showed fewer posts than were stored: is `div.prose` still their mark?"
    );
    findings.assert_none();
    app.stop().await;
}

on_both_backends!(hostile_text_never_reaches_a_page_as_markup);
