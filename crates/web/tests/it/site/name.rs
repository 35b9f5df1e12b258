//! One name for the site in each language: the header, every page's
//! `<title>`, the error pages and the emails' last line all give the
//! programme's name (the product's only while there is no programme).

use cohesion_storage::outbox;
use cohesion_testkit::http;

use crate::support::{servers_with_demo, start};

/// The text of the first `<tag …>…</tag>` element in `html`.
fn element<'a>(html: &'a str, tag: &str) -> &'a str {
    let open = html
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("<{tag}> in {html}"));
    let start = open + html[open..].find('>').unwrap() + 1;
    let end = start + html[start..].find(&format!("</{tag}>")).unwrap();
    &html[start..end]
}

/// The site's name as the header shows it.
fn header_name(html: &str) -> &str {
    let at = html
        .find("app-header__product-name")
        .expect("the header's name");
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    &rest[start..start + rest[start..].find('<').unwrap()]
}

#[tokio::test]
async fn every_page_and_error_page_gives_the_programmes_name() {
    for s in servers_with_demo().await {
        for (lang, name) in [("en", "Brightwater Together"), ("ar", "برايتووتر معًا")]
        {
            for path in ["/", "/about", "/no-such-page", "/consultations/not-an-id"] {
                let res = s.get(&format!("{path}?lang={lang}")).await;
                let status = res.status();
                let html = res.text().await.unwrap();
                assert_eq!(header_name(&html), name, "{lang} {path} ({status})");
                let title = element(&html, "title");
                assert!(
                    title.ends_with(&format!(" – {name}")),
                    "{lang} {path}: {title}"
                );
                for product in ["Cohesion", "كوهيجن"] {
                    assert!(!title.contains(product), "{lang} {path}: {title}");
                    assert!(!header_name(&html).contains(product));
                }
            }
        }
        // The 404 is the page people meet most often after a bad link.
        let html = s.get("/no-such-page?lang=ar").await.text().await.unwrap();
        assert_eq!(element(&html, "title"), "الصفحة غير موجودة – برايتووتر معًا");
    }
}

#[tokio::test]
async fn without_a_programme_the_product_names_the_site_everywhere() {
    let s = start(cohesion_testkit::sqlite().await).await;
    for (lang, name) in [("en", "Cohesion"), ("ar", "كوهيجن")] {
        for path in ["/", "/no-such-page"] {
            let html = s
                .get(&format!("{path}?lang={lang}"))
                .await
                .text()
                .await
                .unwrap();
            assert_eq!(header_name(&html), name, "{lang} {path}");
            assert!(element(&html, "title").ends_with(&format!(" – {name}")));
        }
    }
}

#[tokio::test]
async fn emails_are_signed_with_the_sites_name_in_their_language() {
    for s in servers_with_demo().await {
        for (lang, email, sign_off) in [
            (
                "en",
                "robin@example.org",
                "This email was sent by Brightwater Together.",
            ),
            (
                "ar",
                "fatima@example.org",
                "أُرسلت هذه الرسالة من برايتووتر معًا.",
            ),
        ] {
            let (csrf_cookie, token) =
                http::open_form(&s.client, &s.url(&format!("/sign-up?lang={lang}"))).await;
            let body = serde_urlencoded::to_string([
                ("csrf", token.as_str()),
                ("email", email),
                ("display_name", "Robin"),
                ("password", "a long river of quiet words"),
            ])
            .unwrap();
            let cookie = format!("cohesion_csrf={csrf_cookie}; cohesion_lang={lang}");
            let res = http::post_form(&s.client, &s.url("/sign-up"), &cookie, &body).await;
            assert_eq!(res.status(), 303, "{lang}");
            let mut c = s.db().acquire().await.unwrap();
            let mail = outbox::to_address(c.conn(), email, 1).await.unwrap();
            let text = mail[0].body.trim_end();
            assert!(text.ends_with(sign_off), "{lang}: {text}");
            assert!(!text.contains("Cohesion") && !text.contains("كوهيجن"));
            assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
        }
    }
}
