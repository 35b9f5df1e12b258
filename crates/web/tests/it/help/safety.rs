//! Help pages set no cookie, are not kept and send no `Referer` on:
//! whatever the language asked for and whoever is signed in.

use crate::support::servers_with_people;

const PATHS: &[&str] = &[
    "/help",
    "/help?lang=ar",
    "/help/danger",
    "/help/talk?lang=ar",
    "/help/choose?route=talk&lang=ar",
    "/help/choose",
    "/help/nothing-here?lang=ar",
    "/api/v1/help/routes?lang=ar",
    "/api/v1/help/routes/online",
    "/api/v1/help/routes/none",
];

fn check(res: &reqwest::Response, path: &str) {
    let h = res.headers();
    assert!(
        h.get("set-cookie").is_none(),
        "{path}: {:?}",
        h.get("set-cookie")
    );
    assert_eq!(h["cache-control"], "no-store", "{path}");
    assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
}

#[tokio::test]
async fn help_answers_set_no_cookie_and_carry_both_headers() {
    for s in servers_with_people().await {
        for path in PATHS {
            let res = s.get(path).await;
            check(&res, path);
        }
        let (admin, _) = s
            .sign_in(
                super::NADIA,
                cohesion_services::accounts::demo::DEMO_PASSWORD,
            )
            .await;
        for path in PATHS {
            let res = s
                .get_with(path, &format!("{admin}; cohesion_lang=ar"))
                .await;
            check(&res, path);
        }
        // Elsewhere `?lang=` is remembered as before.
        let res = s.get("/about?lang=ar").await;
        assert!(res.headers().get("set-cookie").is_some());
        // The language cookie is read on help pages, never set.
        let html = s
            .get_with("/help", "cohesion_lang=ar")
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains("lang=\"ar\""));
    }
}

#[tokio::test]
async fn help_pages_load_nothing_from_other_sites() {
    for s in servers_with_people().await {
        let html = s.html("/help/danger").await;
        for tag in ["<script", "<link", "<img"] {
            for part in html.split(tag).skip(1) {
                let head = &part[..part.find('>').unwrap_or(part.len())];
                assert!(
                    !head.contains("src=\"http") && !head.contains("href=\"http"),
                    "{tag}{head}"
                );
            }
        }
    }
}
