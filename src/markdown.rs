//! Markdown to sanitised HTML, in one place, run once when a post is written
//! (reads never parse Markdown). CommonMark through pulldown-cmark, then
//! ammonia as the last word on what HTML may be stored: raw HTML in the source
//! is shown as text, an image becomes a plain link (embedding it would leak
//! every reader's address to its host), and links get
//! `rel="nofollow noopener noreferrer"`.

use std::collections::HashSet;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// Elements a post may contain after sanitising; everything else is removed.
const ALLOWED_TAGS: &[&str] = &[
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Renders Markdown source to HTML that is safe to store and serve as is.
pub fn to_html(source: &str) -> String {
    let events = Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH).map(|event| match event {
        // Raw HTML is shown as the text the member typed.
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Image { dest_url, title, id, .. }) => {
            Event::Start(Tag::Link { link_type: LinkType::Inline, dest_url, title, id })
        }
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        // Headings would shout in a thread; keep them below the page's own.
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: level.max(pulldown_cmark::HeadingLevel::H3), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(level.max(pulldown_cmark::HeadingLevel::H3))),
        other => other,
    });
    let mut html = String::with_capacity(source.len() + source.len() / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitise(&html)
}

fn sanitise(html: &str) -> String {
    ammonia::Builder::empty()
        .tags(ALLOWED_TAGS.iter().copied().collect::<HashSet<_>>())
        .tag_attributes([("a", ["href"].into_iter().collect()), ("ol", ["start"].into_iter().collect())].into())
        .url_schemes(["http", "https"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("nofollow noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// Text as search compares it: compatibility-normalised, accents removed,
/// lower case, so "Éloïse" is found by "eloise".
pub fn fold_for_search(text: &str) -> String {
    text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_common_subset() {
        let html = to_html("*soft* **strong** `code`\n\n> quoted\n\n- one\n- two\n\n1. first");
        for piece in ["<em>soft</em>", "<strong>strong</strong>", "<code>code</code>", "<blockquote>", "<li>one</li>"] {
            assert!(html.contains(piece), "{piece} missing from {html}");
        }
    }

    #[test]
    fn raw_html_is_text_and_images_become_links() {
        let html = to_html("<script>alert(1)</script> <b onclick=x>hi</b>\n\n![a map](https://example.org/map.png)");
        assert!(!html.contains("<script") && !html.contains("<b ") && !html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains(r#"<a href="https://example.org/map.png" rel="nofollow noopener noreferrer">a map</a>"#));
    }

    #[test]
    fn dangerous_links_lose_their_target() {
        for source in ["[x](javascript:alert(1))", "[x](data:text/html,hi)", "<javascript:alert(1)>", "[x](vbscript:y)"]
        {
            // The words may stay as text; no link may point there.
            let html = to_html(source);
            assert!(!html.contains("href="), "{html}");
        }
    }

    #[test]
    fn headings_stay_below_the_page_title() {
        assert_eq!(to_html("# Big").trim(), "<h3>Big</h3>");
    }

    #[test]
    fn search_text_is_folded() {
        assert_eq!(fold_for_search("Éloïse ÇA ﬁne"), "eloise ca fine");
    }
}
