//! A discussion's Atom feed: its newest published comments, each as
//! everyone may read it. Everything placed in the XML is escaped, and
//! characters XML cannot carry are left out.

use std::fmt::Write as _;

use axum::extract::Path;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use cohesion_domain::discussion::record::Comment;
use cohesion_services::discussions::reading;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::page::find;
use crate::kit::{AppError, PageCtx};

/// `text` escaped for XML, without the characters XML 1.0 forbids.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn stamp(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// The Fluent text without its isolation marks, which a feed reader
/// would show as they are.
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

pub(super) async fn feed(ctx: PageCtx, Path(id): Path<String>) -> Result<Response, AppError> {
    let d = find(&ctx, &id).await?;
    let comments = reading::feed(&ctx.state.db, &d).await?;
    let base = ctx.state.config.public_url.trim_end_matches('/');
    let page = format!("{base}/discussions/{}", d.id);
    let locale = ctx.locale();
    let updated = comments
        .iter()
        .map(|c| c.edited_at.unwrap_or(c.created_at))
        .max()
        .or(d.published_at)
        .unwrap_or(d.created_at);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = write!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <id>urn:uuid:{}</id>\n<title>{}</title>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{}/feed.atom\"/>\n\
         <updated>{}</updated>\n",
        xml(locale.tag()),
        d.id,
        xml(&plain(&locale.t_text(
            "discussion-feed-title",
            "title",
            &d.title
        ))),
        xml(&page),
        xml(&page),
        stamp(updated),
    );
    for c in &comments {
        entry(&mut out, &ctx, &page, c);
    }
    out.push_str("</feed>\n");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/atom+xml; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        out,
    )
        .into_response())
}

fn entry(out: &mut String, ctx: &PageCtx, page: &str, c: &Comment) {
    let locale = ctx.locale();
    let name = c
        .author_name
        .clone()
        .unwrap_or_else(|| locale.t("comment-anonymous").into_owned());
    let title_id = match c.parent_id {
        None => "discussion-feed-entry",
        Some(_) => "discussion-feed-entry-reply",
    };
    let _ = write!(
        out,
        "<entry>\n<id>urn:uuid:{}</id>\n<title>{}</title>\n\
         <author><name>{}</name></author>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}/comments/{}#comment-{}\"/>\n\
         <published>{}</published>\n<updated>{}</updated>\n\
         <content type=\"text\">{}</content>\n</entry>\n",
        c.id,
        xml(&plain(&locale.t_text(title_id, "name", &name))),
        xml(&name),
        xml(page),
        c.root_id,
        c.id,
        stamp(c.created_at),
        stamp(c.edited_at.unwrap_or(c.created_at)),
        xml(&c.body),
    );
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn markup_and_forbidden_characters_do_not_reach_the_feed() {
        assert_eq!(
            xml("<script>\"a\" & 'b'</script>\u{1}\u{FFFF}\n"),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;\n"
        );
    }
}
