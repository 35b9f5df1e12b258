//! Every GET route that reads its query string, fed hostile values: none
//! may answer with a 5xx on either engine, and the values no text can
//! hold (U+0000, bad UTF-8) or no search should run (50,000 characters)
//! are refused with a 4xx before any query runs.
//!
//! The routes are not listed by hand: the test follows every link and
//! GET form a person in each role can reach from the home page (so a new
//! page is swept as soon as something links to it), and takes every GET
//! call with query parameters from the OpenAPI document.

use std::collections::{BTreeMap, BTreeSet};

use cohesion_domain::identity::Role;
use cohesion_services::accounts::demo::{DEMO_ACCOUNTS, DEMO_PASSWORD};

use crate::support::{servers_with_people, Server};

/// Values no route may answer with a 5xx; already percent-encoded.
fn hostile() -> Vec<(&'static str, String)> {
    vec![
        ("nul", "%00".to_owned()),
        ("nul inside", "a%00b".to_owned()),
        ("long: 50,000 characters", "x".repeat(50_000)),
        ("long: 25,000 LIKE wildcards", "%25_".repeat(12_500)),
        ("bad UTF-8", "%FF%FE".to_owned()),
        ("truncated UTF-8", "%C3%28".to_owned()),
        ("markup", "%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_owned()),
        ("quotes", "%27%22)%3B--".to_owned()),
        ("right-to-left override", "%E2%80%AEabc".to_owned()),
        ("negative", "-1".to_owned()),
        ("huge number", "99999999999999999999999".to_owned()),
    ]
}

/// A path with UUIDs (and numbers) as `{}`: one page of each kind is
/// enough.
fn shape(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            let number = !seg.is_empty() && seg.chars().all(|c| c.is_ascii_digit());
            if uuid::Uuid::parse_str(seg).is_ok() || number {
                "{}"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn unescape(attr: &str) -> String {
    attr.replace("&amp;", "&")
        .replace("&#x2F;", "/")
        .replace("&#x3D;", "=")
}

/// Each attribute value `name="…"` in `html`.
fn attrs<'h>(html: &'h str, name: &str) -> Vec<&'h str> {
    let key = format!(" {name}=\"");
    html.split(key.as_str())
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// The query names each GET form on the page sends, by its action.
fn get_forms(html: &str, page: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for form in html.split("<form").skip(1) {
        let (tag, body) = form.split_once('>').unwrap_or((form, ""));
        let is_get = tag.to_ascii_lowercase().contains("method=\"get\"")
            || !tag.to_ascii_lowercase().contains("method=");
        if !is_get {
            continue;
        }
        let body = body.split("</form>").next().unwrap_or_default();
        let action = attrs(tag, "action")
            .first()
            .map(|a| unescape(a))
            .unwrap_or_else(|| page.to_owned());
        let names = attrs(body, "name").into_iter().map(unescape).collect();
        out.push((action, names));
    }
    out
}

/// What a crawl found: each kind of page, an address of it, the query
/// names seen on it, and whose cookie reaches it.
#[derive(Default)]
struct Found {
    routes: BTreeMap<String, (String, BTreeSet<String>, String)>,
}

impl Found {
    fn note(&mut self, target: &str, names: BTreeSet<String>, cookie: &str) {
        let target = target.split('#').next().unwrap_or_default();
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        if !path.starts_with('/') || path.starts_with("//") || path.starts_with("/assets/") {
            return;
        }
        let mut names = names;
        names.extend(form_urlencoded::parse(query.as_bytes()).map(|(k, _)| k.into_owned()));
        let entry = self
            .routes
            .entry(shape(path))
            .or_insert_with(|| (path.to_owned(), BTreeSet::new(), cookie.to_owned()));
        entry.1.extend(names);
    }
}

/// Follows every same-site link and GET form from the home page, as the
/// person with `cookie`, visiting one page of each kind. (The list of
/// consultations is a second start: no page links to it yet.)
async fn crawl(s: &Server, cookie: &str, found: &mut Found) {
    let mut queue = vec![
        "/consultations".to_owned(),
        "/".to_owned(),
        "/?lang=ar".to_owned(),
    ];
    let mut seen = BTreeSet::new();
    while let Some(url) = queue.pop() {
        let (path, _) = url.split_once('?').unwrap_or((&url, ""));
        if !seen.insert(format!("{}?{}", shape(path), url.contains("lang=ar"))) || seen.len() > 400
        {
            continue;
        }
        if path.contains("sign-out") || path.ends_with(".csv") || path.ends_with(".xlsx") {
            continue;
        }
        let (status, html) = s.page(&url, cookie).await;
        assert!(
            status < 500,
            "{url} answered {status} before any hostile value"
        );
        for href in attrs(&html, "href") {
            let href = unescape(href);
            if href.starts_with('/') && !href.starts_with("//") && !href.starts_with("/assets/") {
                found.note(&href, BTreeSet::new(), cookie);
                queue.push(href);
            }
        }
        for (action, names) in get_forms(&html, path) {
            found.note(&action, names, cookie);
        }
        found.note(&url, BTreeSet::new(), cookie);
    }
}

/// The GET calls of the API with their query parameters, ids filled in
/// with `id`.
fn api_routes(doc: &serde_json::Value, id: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let Some(get) = item.get("get") else { continue };
        let names: BTreeSet<String> = get["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["in"] == "query")
            .map(|p| p["name"].as_str().unwrap().to_owned())
            .collect();
        let mut filled = String::new();
        for seg in path.split('/').filter(|s| !s.is_empty()) {
            filled.push('/');
            filled.push_str(if seg.starts_with('{') { id } else { seg });
        }
        out.push((filled, names));
    }
    out
}

async fn sign_in_as(s: &Server, role: Role) -> String {
    let who = DEMO_ACCOUNTS.iter().find(|a| a.role == role).unwrap();
    s.sign_in(who.email, DEMO_PASSWORD).await.0
}

#[tokio::test]
async fn no_get_route_answers_hostile_query_values_with_a_5xx() {
    for s in servers_with_people().await {
        cohesion_services::consultations::demo::load(s.db())
            .await
            .unwrap();
        let mut found = Found::default();
        crawl(&s, "", &mut found).await;
        for role in [
            Role::Administrator,
            Role::Officer,
            Role::Analyst,
            Role::Resident,
        ] {
            let cookie = sign_in_as(&s, role).await;
            crawl(&s, &cookie, &mut found).await;
        }
        // Pages named in the brief must have been reached by the crawl.
        for must in ["/consultations", "/admin/people", "/admin/audit"] {
            assert!(
                found.routes.contains_key(must),
                "the crawl never reached {must}: {:?}",
                found.routes.keys().collect::<Vec<_>>()
            );
        }
        assert!(
            found.routes.keys().any(|k| k.ends_with("/answers")),
            "the crawl never reached an answers page: {:?}",
            found.routes.keys().collect::<Vec<_>>()
        );
        let doc: serde_json::Value = s.get("/api/v1/openapi.json").await.json().await.unwrap();
        let (some_id, _, _) = found
            .routes
            .iter()
            .find(|(k, _)| k.starts_with("/consultations/{}"))
            .map(|(_, v)| v.clone())
            .unwrap();
        let id = some_id.split('/').nth(2).unwrap().to_owned();
        let admin = sign_in_as(&s, Role::Administrator).await;
        let mut targets: Vec<(String, BTreeSet<String>, String)> =
            found.routes.into_values().collect();
        targets.extend(
            api_routes(&doc, &id)
                .into_iter()
                .map(|(path, names)| (path, names, admin.clone())),
        );
        let mut swept = 0;
        for (path, mut names, cookie) in targets {
            // Every route also meets a name it does not expect.
            names.insert("q".to_owned());
            for name in &names {
                for (what, value) in hostile() {
                    let url = format!("{path}?{name}={value}");
                    let res = s.get_with(&url, &cookie).await;
                    let status = res.status().as_u16();
                    assert!(status < 500, "{path}?{name}= with {what} answered {status}");
                    // (A language that is not one of ours is refused
                    // before anything else looks at the query.)
                    let refused = what.starts_with("nul")
                        || what.contains("UTF-8")
                        || what.starts_with("long");
                    if refused {
                        assert!(
                            (400..500).contains(&status),
                            "{path}?{name}= with {what} answered {status}"
                        );
                    }
                    if what.starts_with("long") && name != "lang" {
                        assert_eq!(status, 422, "{path}?{name}= with {what}");
                    }
                    swept += 1;
                }
            }
        }
        assert!(
            swept > 300,
            "only {swept} requests: the crawl found too little"
        );
    }
}

/// The refusals say what is wrong: a stable code in JSON, a sentence in
/// pages, in the visitor's language.
#[tokio::test]
async fn nul_and_overlong_values_are_refused_with_a_reason() {
    for s in servers_with_people().await {
        let res = s.get("/api/v1/consultations?q=a%00b").await;
        assert_eq!(res.status(), 400);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["code"], "nul_character");
        let res = s
            .get(&format!("/api/v1/consultations?q={}", "x".repeat(1001)))
            .await;
        assert_eq!(res.status(), 422);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["code"], "query_too_long");
        // A thousand characters (Arabic ones too) are still a search.
        let res = s
            .get(&format!("/consultations?q={}", "%D8%B9".repeat(1000)))
            .await;
        assert_eq!(res.status(), 200);

        let (status, html) = s.page("/consultations?topic=%00", "").await;
        assert_eq!(status, 400);
        assert!(html.contains("null character"), "{html}");
        let (status, html) = s
            .page(
                &format!("/consultations?q={}&lang=ar", "x".repeat(50_000)),
                "",
            )
            .await;
        assert_eq!(status, 422);
        assert!(html.contains("أطول من المسموح"));

        // JSON bodies too: a string holding U+0000 is refused as such.
        let res = s
            .client
            .post(s.url("/api/v1/session"))
            .header("content-type", "application/json")
            .body(r#"{"email":"a\u0000@example.org","password":"x"}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["code"], "nul_character");
    }
}
