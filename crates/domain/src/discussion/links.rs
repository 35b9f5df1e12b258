//! Links in a comment. Comments are plain text; a web address in them is
//! shown as a link marked as the writer's (`rel="nofollow ugc noopener"`,
//! added where it is rendered) with its site's name beside it, so readers
//! see where it goes before they follow it.

use crate::consultation::safe_url;

/// A piece of one paragraph of a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// A web address and the site it goes to ("example.org").
    Link {
        url: &'a str,
        site: String,
    },
}

/// A comment's paragraphs (split at blank lines), each as its pieces.
pub fn paragraphs(text: &str) -> Vec<Vec<Piece<'_>>> {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(pieces)
        .collect()
}

/// One paragraph's text and links, in order.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut plain_from = 0;
    let mut offset = 0;
    while let Some(at) = find_scheme(rest) {
        let start = offset + at;
        let candidate = &text[start..];
        let end = candidate
            .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
            .unwrap_or(candidate.len());
        let url = trim_trailing(&candidate[..end]);
        match site_of(url) {
            Some(site) if safe_url(url) => {
                if plain_from < start {
                    out.push(Piece::Text(&text[plain_from..start]));
                }
                out.push(Piece::Link { url, site });
                plain_from = start + url.len();
                offset = plain_from;
            }
            _ => offset = start + end.max(1),
        }
        rest = &text[offset..];
    }
    if plain_from < text.len() {
        out.push(Piece::Text(&text[plain_from..]));
    }
    out
}

fn find_scheme(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()
}

/// An address without the punctuation that ends the sentence around it;
/// a closing bracket stays when the address opened one ("…/Foo_(bar)").
fn trim_trailing(url: &str) -> &str {
    let mut url = url;
    loop {
        let Some(last) = url.chars().last() else {
            return url;
        };
        let unbalanced_close = last == ')' && url.matches(')').count() > url.matches('(').count();
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '،' | '؛' | '؟'
        ) || unbalanced_close
        {
            url = &url[..url.len() - last.len_utf8()];
        } else {
            return url;
        }
    }
}

/// The site an address goes to, lowercased and without "www.": `None`
/// for an address with no host, or with a user name in it
/// ("https://council.gov@evil.example" goes to evil.example, which is
/// what such addresses are written to hide).
pub fn site_of(url: &str) -> Option<String> {
    let after = url.split_once("://")?.1;
    let authority = after.split(['/', '?', '#']).next()?;
    if authority.contains('@') {
        return None;
    }
    let host = authority
        .rsplit_once(':')
        .filter(|(_, port)| port.chars().all(|c| c.is_ascii_digit()))
        .map_or(authority, |(host, _)| host)
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (host.contains('.') && !host.starts_with('.') && !host.ends_with('.')).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(url: &str, site: &str) -> Piece<'static> {
        Piece::Link {
            url: Box::leak(url.to_owned().into_boxed_str()),
            site: site.to_owned(),
        }
    }

    #[test]
    fn links_are_found_with_their_site_and_sentence_punctuation_left_out() {
        assert_eq!(
            pieces("See https://www.Example.org/report.pdf. And http://news.example/a_(b)!"),
            [
                Piece::Text("See "),
                link("https://www.Example.org/report.pdf", "example.org"),
                Piece::Text(". And "),
                link("http://news.example/a_(b)", "news.example"),
                Piece::Text("!"),
            ]
        );
        assert_eq!(
            pieces("انظر https://example.org/تقرير، شكرًا"),
            [
                Piece::Text("انظر "),
                link("https://example.org/تقرير", "example.org"),
                Piece::Text("، شكرًا"),
            ]
        );
    }

    #[test]
    fn disguised_and_broken_addresses_stay_text() {
        for text in [
            "https://council.gov@evil.example/login",
            "javascript:alert(1)",
            "https://",
            "https://localhost",
            "http://.example",
        ] {
            assert_eq!(pieces(text), [Piece::Text(text)], "{text}");
        }
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let p = paragraphs("One\nline two\n\nhttps://a.example");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0], [Piece::Text("One\nline two")]);
        assert_eq!(p[1], [link("https://a.example", "a.example")]);
    }

    #[test]
    fn ports_are_not_part_of_the_site() {
        assert_eq!(
            site_of("https://example.org:8443/x").as_deref(),
            Some("example.org")
        );
    }
}
