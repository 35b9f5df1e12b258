//! The Markdown subset officers write consultation bodies in: paragraphs,
//! headings (shifted down so the page keeps one `h1`), emphasis, lists,
//! quotes and links. Raw HTML is shown as text, images become their
//! description, and links go only to the web, email or this site, so what
//! an officer pastes can never run script in a resident's browser.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn safe_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || cohesion_domain::text::is_local_path(url.trim())
        || lower.starts_with('#')
}

fn shift(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => HeadingLevel::H2,
        HeadingLevel::H3 => HeadingLevel::H3,
        _ => HeadingLevel::H4,
    }
}

/// Renders `text` to HTML that is safe to embed as it is.
pub fn render(text: &str) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH);
    let events = parser.filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        // An image's description stays, as text.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Heading { level, .. }) => Some(Event::Start(Tag::Heading {
            level: shift(level),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(shift(level)))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = if safe_link(&dest_url) {
                dest_url
            } else {
                CowStr::Borrowed("#")
            };
            Some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn links_that_look_local_but_lead_off_the_site_go_nowhere() {
        for bad in ["//evil.example", "/\\evil.example", "/\\/evil.example"] {
            let html = render(&format!("[x](<{bad}>)"));
            assert!(html.contains("href=\"#\""), "{bad}: {html}");
            assert!(!html.contains("evil"), "{bad}: {html}");
        }
        assert!(render("[about](/about)").contains("href=\"/about\""));
    }

    #[test]
    fn markup_and_scripts_never_pass() {
        let html = render("# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![img](x.png) <b onclick=x>b</b>");
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b "), "{html}");
    }

    #[test]
    fn the_subset_renders() {
        let html = render("Some *emphasis* and a [link](https://example.org).\n\n- one\n- two");
        assert!(html.contains("<em>emphasis</em>"));
        assert!(html.contains(r#"<a href="https://example.org">link</a>"#));
        assert!(html.contains("<li>one</li>"));
    }
}
