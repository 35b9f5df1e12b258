//! The cross-site-scripting corpus (`frontend/e2e/xss-corpus.json`, shared
//! with the browser test) through the comment renderer on every engine:
//! each payload is posted as a comment, and its thread page, the API and
//! the feed must show it as text. The pages are read with a small tag
//! scanner rather than by searching for strings, because a payload is
//! meant to survive as text inside attribute values (an author's name in
//! a label) and must then be told apart from real markup.

use cohesion_services::discussions::reading;
use serde_json::Value;

use super::{open_id, servers, sign_in, AMINA, TOM};
use crate::support::Server;

const CORPUS: &str = include_str!("../../../../../frontend/e2e/xss-corpus.json");

/// Who posts: four members in turn, so that nobody reaches the posting
/// rate that holds comments (20 in ten minutes) or the throttle.
const POSTERS: [&str; 4] = [
    AMINA,
    TOM,
    "sian@brightwater.example",
    "omar@brightwater.example",
];

struct Payload {
    id: String,
    text: String,
    /// Addresses the renderer should make links of, with their sites.
    links: Vec<(String, String)>,
}

fn corpus() -> (Vec<Payload>, Value) {
    let doc: Value = serde_json::from_str(CORPUS).expect("the corpus is JSON");
    let payloads = doc["payloads"]
        .as_array()
        .expect("payloads")
        .iter()
        .map(|p| Payload {
            id: p["id"].as_str().unwrap().to_owned(),
            // As a comment keeps it: direction controls and zero-width
            // characters (the corpus's bidi payloads) are taken out.
            text: cohesion_domain::discussion::comment::body("text", p["text"].as_str().unwrap())
                .unwrap(),
            links: p["links"]
                .as_array()
                .map(|l| {
                    l.iter()
                        .map(|l| {
                            (
                                l["href"].as_str().unwrap().to_owned(),
                                l["site"].as_str().unwrap().to_owned(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect::<Vec<_>>();
    assert!(payloads.len() >= 30, "a corpus of 30 or more");
    (payloads, doc)
}

impl Payload {
    /// What a reader sees: the text, each link followed by its site.
    fn shown(&self) -> String {
        let mut out = self.text.clone();
        for (href, site) in &self.links {
            out = out.replacen(href.as_str(), &format!("{href} ({site})"), 1);
        }
        out
    }
}

/// A start tag: its name and attributes, values decoded.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The start tags of `html` and its text, entities decoded. Enough of
/// HTML's syntax for markup the server writes: comments, the doctype,
/// end tags, quoted and bare attribute values.
fn scan(html: &str) -> (Vec<Tag>, String) {
    let mut tags = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&decode(&rest[..at]));
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").expect("a closed comment");
            rest = &after[end + 3..];
            continue;
        }
        if rest.starts_with("</") || rest.starts_with("<!") {
            let end = rest.find('>').expect("a closed tag");
            rest = &rest[end + 1..];
            continue;
        }
        let (tag, len) = start_tag(&rest[1..]);
        tags.push(tag);
        rest = &rest[1 + len..];
    }
    text.push_str(&decode(rest));
    (tags, text)
}

/// One start tag after its `<`, and how many bytes it took.
fn start_tag(s: &str) -> (Tag, usize) {
    let name_end = s
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .expect("a tag name");
    let name = s[..name_end].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut i = name_end;
    let bytes = s.as_bytes();
    loop {
        while i < s.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        assert!(i < s.len(), "an unclosed <{name}>");
        if bytes[i] == b'>' {
            return (Tag { name, attrs }, i + 1);
        }
        let start = i;
        while i < s.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let attr = s[start..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < s.len() && bytes[i] == b'=' {
            i += 1;
            if bytes[i] == b'"' || bytes[i] == b'\'' {
                let quote = bytes[i] as char;
                let end = s[i + 1..].find(quote).expect("a closed value") + i + 1;
                value = decode(&s[i + 1..end]);
                i = end + 1;
            } else {
                let end = s[i..]
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .map_or(s.len(), |e| e + i);
                value = decode(&s[i..end]);
                i = end;
            }
        }
        attrs.push((attr, value));
    }
}

/// `s` with its character references decoded.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|e| *e < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What no page of ours may hold, whatever people wrote: a script of
/// anyone but the site, an element that embeds or redirects, an event
/// handler, an element a payload made (they carry `xss`), or an address
/// that runs script.
fn assert_inert(tags: &[Tag], label: &str) {
    for t in tags {
        for (name, value) in &t.attrs {
            assert!(
                !name.starts_with("on")
                    && name != "xss"
                    && name != "srcdoc"
                    && name != "formaction",
                "{label}: <{} {name}=…>",
                t.name
            );
            if matches!(
                name.as_str(),
                "href" | "src" | "action" | "data" | "xlink:href"
            ) {
                let v = value.trim().to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:")
                        && !v.starts_with("data:")
                        && !v.starts_with("vbscript:"),
                    "{label}: <{} {name}={value:?}>",
                    t.name
                );
            }
        }
        assert!(
            !matches!(
                t.name.as_str(),
                "iframe" | "object" | "embed" | "base" | "math" | "template" | "noscript" | "style"
            ),
            "{label}: <{}>",
            t.name
        );
        if t.name == "script" {
            assert!(
                t.attr("src").is_some_and(|s| s.starts_with('/')),
                "{label}: an inline or foreign script"
            );
        }
        if t.name == "meta" {
            assert!(t.attr("http-equiv").is_none(), "{label}: <meta http-equiv>");
        }
        if t.name == "a" && t.attr("rel") == Some("nofollow ugc noopener") {
            let href = t.attr("href").unwrap_or_default();
            assert!(
                href.starts_with("https://") || href.starts_with("http://"),
                "{label}: a writer's link to {href:?}"
            );
        }
    }
}

async fn post_json(s: &Server, who: &(String, String), path: &str, body: Value) -> Value {
    let res = s
        .client
        .post(s.url(path))
        .header("cookie", &who.0)
        .header("x-csrf-token", &who.1)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{path}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn every_payload_in_the_corpus_renders_as_text() {
    let (payloads, _) = corpus();
    for s in servers().await {
        let id = open_id(&s).await;
        let mut people = Vec::new();
        for email in POSTERS {
            people.push(sign_in(&s, email).await);
        }
        for (n, p) in payloads.iter().enumerate() {
            let who = &people[n % people.len()];
            let posted = post_json(
                &s,
                who,
                &format!("/api/v1/discussions/{id}/comments"),
                serde_json::json!({ "text": p.text }),
            )
            .await;
            assert_eq!(posted["text"], p.text.as_str(), "{}: kept as written", p.id);
            let cid = posted["id"].as_str().unwrap();
            let (status, html) = s
                .page(&format!("/discussions/{id}/comments/{cid}"), &who.0)
                .await;
            assert_eq!(status, 200, "{}", p.id);
            let (tags, text) = scan(&html);
            assert_inert(&tags, &p.id);
            assert!(
                text.contains(&p.shown()),
                "{}: not shown as written in\n{html}",
                p.id
            );
            for (href, _) in &p.links {
                assert!(
                    tags.iter().any(|t| t.name == "a"
                        && t.attr("href") == Some(href.as_str())
                        && t.attr("rel") == Some("nofollow ugc noopener")),
                    "{}: no link to {href}",
                    p.id
                );
            }
        }

        // The API gives each back as written, in JSON strings.
        let res = s
            .client
            .get(s.url(&format!("/api/v1/discussions/{id}/comments")))
            .header("cookie", &people[0].0)
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-type"], "application/json");
        let page: Value = res.json().await.unwrap();
        let texts: Vec<&str> = page["threads"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t["comment"]["text"].as_str())
            .collect();
        let last = &payloads[payloads.len() - 1];
        assert!(texts.contains(&last.text.as_str()), "{}", last.id);

        // The feed holds them as text of its elements, never as markup.
        let feed = s.html(&format!("/discussions/{id}/feed.atom")).await;
        let (tags, text) = scan(&feed);
        assert!(
            tags.iter().all(|t| matches!(
                t.name.as_str(),
                "?xml"
                    | "feed"
                    | "id"
                    | "title"
                    | "link"
                    | "updated"
                    | "entry"
                    | "author"
                    | "name"
                    | "published"
                    | "content"
            )),
            "only Atom's elements"
        );
        // It holds the newest comments only.
        let newest = usize::try_from(reading::FEED_ENTRIES).unwrap();
        for p in payloads.iter().rev().take(newest) {
            assert!(text.contains(&p.text), "{}: not in the feed", p.id);
        }
    }
}

/// `who` asks to be called `name`, through the account's form.
async fn rename(s: &Server, who: &(String, String), name: &str) -> reqwest::Response {
    let form = [("csrf", who.1.as_str()), ("display_name", name)];
    s.post("/account/name", &who.0, &form).await
}

#[tokio::test]
async fn names_from_the_corpus_are_text_wherever_they_are_shown() {
    let (_, doc) = corpus();
    for s in servers().await {
        let id = open_id(&s).await;
        let amina = sign_in(&s, AMINA).await;
        let name = doc["names"]["amina"].as_str().unwrap();
        let res = rename(&s, &amina, name).await;
        assert_eq!(res.status(), 303, "the name is accepted");
        for refused in doc["refused_names"].as_array().unwrap() {
            let refused = refused.as_str().unwrap();
            let res = rename(&s, &amina, refused).await;
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            let (tags, _) = scan(&html);
            assert_inert(&tags, "the name form, refused");
            assert!(
                tags.iter().any(|t| t.attr("value") == Some(refused)),
                "what was typed is given back as a value"
            );
        }
        let posted = post_json(
            &s,
            &amina,
            &format!("/api/v1/discussions/{id}/comments"),
            serde_json::json!({ "text": "Named by the corpus." }),
        )
        .await;
        let cid = posted["id"].as_str().unwrap();
        let tom = sign_in(&s, TOM).await;
        for (path, who) in [
            (format!("/discussions/{id}/comments/{cid}"), &tom),
            (format!("/discussions/{id}"), &tom),
            ("/account".to_owned(), &amina),
            ("/account/data".to_owned(), &amina),
        ] {
            let (status, html) = s.page(&path, &who.0).await;
            assert_eq!(status, 200, "{path}");
            let (tags, text) = scan(&html);
            assert_inert(&tags, &path);
            assert!(text.contains(name), "{path}: the name as written");
        }
        let feed = s.html(&format!("/discussions/{id}/feed.atom")).await;
        assert!(scan(&feed).1.contains(name), "the feed names her");
        // Signed out, the same name is text too.
        let html = s.html(&format!("/discussions/{id}/comments/{cid}")).await;
        let (tags, text) = scan(&html);
        assert_inert(&tags, "signed out");
        assert!(text.contains(name));
    }
}

#[test]
fn the_scanner_finds_handlers_and_reads_escaped_text() {
    let (tags, text) =
        scan("<!doctype html><p title=\"a &quot;b&quot; onerror=x\">&lt;img onerror=x&gt;</p><img src=x onerror=y>");
    assert_eq!(tags.len(), 2);
    assert_eq!(tags[0].attr("title"), Some("a \"b\" onerror=x"));
    assert_eq!(text, "<img onerror=x>");
    assert!(tags[1].attrs.iter().any(|(n, _)| n == "onerror"));
}
