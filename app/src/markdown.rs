//! Member-written markdown becomes HTML only through here: rendered by pulldown-cmark, then cleaned by
//! an ammonia allow-list so no raw HTML, script or style ever survives.
use ammonia::Builder;
use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;

pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    sanitizer().clean(&unsafe_html).to_string()
}

fn sanitizer() -> Builder<'static> {
    let tags: HashSet<&str> = [
        "p",
        "br",
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
        "hr",
    ]
    .into_iter()
    .collect();
    let mut builder = Builder::default();
    builder
        .tags(tags)
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect());
    builder
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_emphasis_and_paragraphs() {
        assert_eq!(render("Hello *world*"), "<p>Hello <em>world</em></p>\n");
    }

    #[test]
    fn raw_html_and_scripts_do_not_survive() {
        let html = render("<script>alert(1)</script><img src=x onerror=alert(1)> ok");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn links_get_safe_rel_and_javascript_urls_are_dropped() {
        let html = render("[site](https://example.org) [bad](javascript:alert(1))");
        assert!(
            html.contains("rel=\"noopener noreferrer nofollow\""),
            "{html}"
        );
        assert!(!html.contains("javascript:"), "{html}");
    }
}
