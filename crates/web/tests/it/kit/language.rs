//! The language a request is answered in.

use crate::support::start;

#[tokio::test]
async fn language_is_chosen_by_query_then_cookie_then_accept_language() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let lang_of = |html: String| {
        let start = html.find("<html lang=\"").unwrap() + 12;
        html[start..start + 2].to_owned()
    };
    let res = s
        .client
        .get(s.url("/about"))
        .header("accept-language", "ar-SA,ar;q=0.9")
        .send()
        .await
        .unwrap();
    assert!(
        res.headers().get("set-cookie").is_none(),
        "negotiation alone sets no cookie"
    );
    assert_eq!(lang_of(res.text().await.unwrap()), "ar");

    let res = s
        .client
        .get(s.url("/about"))
        .header("accept-language", "ar")
        .header("cookie", "cohesion_lang=en")
        .send()
        .await
        .unwrap();
    assert_eq!(
        lang_of(res.text().await.unwrap()),
        "en",
        "cookie beats Accept-Language"
    );

    let res = s
        .client
        .get(s.url("/about?lang=ar"))
        .header("cookie", "cohesion_lang=en")
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.starts_with("cohesion_lang=ar;")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert_eq!(
        lang_of(res.text().await.unwrap()),
        "ar",
        "explicit choice beats the cookie"
    );

    let res = s
        .client
        .get(s.url("/about"))
        .header("cookie", "cohesion_lang=klingon")
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "a bad cookie is ignored");
    assert_eq!(lang_of(res.text().await.unwrap()), "en");
}
