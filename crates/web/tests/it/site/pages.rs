//! The information pages, in both languages.

use crate::support::PAGES;
use crate::support::{servers_with_demo, start};

#[tokio::test]
async fn every_page_renders_in_english_and_arabic_with_landmarks() {
    for s in servers_with_demo().await {
        for path in PAGES {
            for (lang, dir) in [("en", "ltr"), ("ar", "rtl")] {
                let res = s.get(&format!("{path}?lang={lang}")).await;
                assert_eq!(res.status(), 200, "{path} in {lang}");
                let html = res.text().await.unwrap();
                assert!(
                    html.contains(&format!(r#"<html lang="{lang}" dir="{dir}""#)),
                    "{path} {lang}"
                );
                for needle in [
                    r#"class="govuk-skip-link""#,
                    r#"<main class="govuk-main-wrapper" id="main-content">"#,
                    "<header",
                    "<footer",
                    "<h1",
                ] {
                    assert!(html.contains(needle), "{path} in {lang} lacks {needle}");
                }
                assert_eq!(html.matches("<h1").count(), 1, "one h1 on {path}");
                // Nothing before the main content outside a landmark: the
                // phase banner is in the header's.
                let header = html
                    .split_once("<header>")
                    .and_then(|(_, h)| h.split_once("</header>"))
                    .map(|(h, _)| h)
                    .unwrap_or_else(|| panic!("{path}: one <header>"));
                assert!(header.contains("govuk-phase-banner"), "{path} in {lang}");
                // The language switcher offers the other language.
                let other = if lang == "en" { "ar" } else { "en" };
                assert!(
                    html.contains(&format!(r#"hreflang="{other}" lang="{other}""#)),
                    "{path} switcher"
                );
            }
        }
    }
}

#[tokio::test]
async fn home_shows_the_programme_in_the_chosen_language() {
    for s in servers_with_demo().await {
        let en = s.get("/?lang=en").await.text().await.unwrap();
        assert!(en.contains("Brightwater Together"));
        let ar = s.get("/?lang=ar").await.text().await.unwrap();
        assert!(ar.contains("برايتووتر معًا"));
        assert!(ar.contains("طرق المشاركة"), "Arabic chrome");
    }
}

#[tokio::test]
async fn an_empty_site_shows_empty_states_not_errors() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let home = s.get("/").await.text().await.unwrap();
    assert!(home.contains("has not published its programme here yet"));
    let involved = s.get("/get-involved").await.text().await.unwrap();
    for text in [
        "There are no open consultations at the moment.",
        "No funding rounds are open at the moment.",
    ] {
        assert!(involved.contains(text), "{text}");
    }
}
