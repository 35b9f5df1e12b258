//! What publishing and withdrawing say, and how a consultation's dates
//! read, follow where it stands: an upcoming one is listed under
//! "Opening soon" until it opens (the home page lists only open ones), a
//! closed one takes no responses either way and never says it opens; a
//! withdrawn one is listed as withdrawn, not as a draft, and offers no
//! results it has not got.

use cohesion_domain::consultation::format_datetime;
use cohesion_services::accounts::demo::DEMO_PASSWORD;
use time::{Duration, OffsetDateTime};

use super::details_problems::words;
use super::{build_survey, create, publish, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::{servers_with_people, Server};

/// A consultation with a survey, between `dates`, published or not.
async fn with_survey(
    s: &Server,
    (cookie, csrf): (&str, &str),
    title: &str,
    dates: (&str, &str),
    published: bool,
) -> String {
    let id = create(s, cookie, csrf, title, dates, "no").await;
    build_survey(s, cookie, csrf, &id).await;
    if published {
        publish(s, cookie, csrf, &id, "consultation").await;
    }
    id
}

/// The words of the page that asks before publishing (or withdrawing).
async fn asked(s: &Server, cookie: &str, id: &str, publish: &str, lang: &str) -> String {
    let path = format!(
        "/staff/consultations/{id}/publication?what=consultation&publish={publish}&lang={lang}"
    );
    let (status, html) = s.page(&path, cookie).await;
    assert_eq!(status, 200, "{path}");
    words(&html)
}

#[tokio::test]
async fn publishing_says_where_it_will_be_listed_as_its_dates_make_it() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let me = (officer.as_str(), csrf.as_str());
        let upcoming = ("2098-01-04T09:00", "2098-02-01T17:00");
        let id = with_survey(&s, me, "Later", upcoming, false).await;
        let text = asked(&s, &officer, &id, "yes", "en").await;
        assert!(
            text.contains(
                "It will be listed under “Opening soon” on Get involved, and open on 4 January 2098 at 9am"
            ),
            "{text}"
        );
        assert!(
            !text.contains("listed on the home page and"),
            "not on the home page until it opens: {text}"
        );
        // In Arabic, the page by the menu's name for it.
        let text = asked(&s, &officer, &id, "yes", "ar").await;
        assert!(
            text.contains("«شارك معنا»") && !text.contains("«شارك»"),
            "{text}"
        );
        assert!(text.contains("«تُفتح قريبًا»"), "{text}");

        let id = with_survey(&s, me, "Now", (OPEN_FROM, OPEN_UNTIL), false).await;
        let text = asked(&s, &officer, &id, "yes", "en").await;
        assert!(
            text.contains("listed on the home page and under “Open now” on Get involved")
                && text.contains("It will take responses straight away"),
            "{text}"
        );

        let id = with_survey(
            &s,
            me,
            "Long ago",
            ("2021-03-01T09:00", "2021-04-01T17:00"),
            false,
        )
        .await;
        let text = asked(&s, &officer, &id, "yes", "en").await;
        assert!(
            text.contains(
                "Its closing date, 1 April 2021 at 5pm, has passed: nobody will be able to respond"
            ),
            "{text}"
        );
        assert!(
            !text.contains("home page") && !text.contains("Recently closed"),
            "{text}"
        );
        let now = OffsetDateTime::now_utc();
        let recent = (
            format_datetime(now - Duration::days(40)),
            format_datetime(now - Duration::days(10)),
        );
        let id = with_survey(&s, me, "Lately", (&recent.0, &recent.1), false).await;
        let text = asked(&s, &officer, &id, "yes", "en").await;
        assert!(
            text.contains("under “Recently closed” on Get involved"),
            "{text}"
        );
    }
}

#[tokio::test]
async fn a_closed_consultation_reads_as_having_run() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let me = (officer.as_str(), csrf.as_str());
        let past = ("2021-03-01T09:00", "2021-04-01T17:00");
        let id = with_survey(&s, me, "Long ago", past, true).await;
        for (path, cookie) in [
            (format!("/consultations/{id}"), ""),
            (format!("/staff/consultations/{id}"), officer.as_str()),
        ] {
            let (status, html) = s.page(&path, cookie).await;
            assert_eq!(status, 200, "{path}");
            assert!(!html.contains("<bdi>Opens</bdi>"), "{path}");
            assert!(html.contains("<bdi>Ran</bdi>"), "{path}");
            assert!(
                words(&html).contains("from 1 March 2021 at 9am to 1 April 2021 at 5pm"),
                "{path}"
            );
        }
        let html = s.page(&format!("/consultations/{id}?lang=ar"), "").await.1;
        assert!(html.contains("<bdi>جرت</bdi>") && !html.contains("<bdi>تفتح</bdi>"));

        // Open: it opened; upcoming: it opens.
        let id = with_survey(&s, me, "Now", (OPEN_FROM, OPEN_UNTIL), true).await;
        let html = s.page(&format!("/consultations/{id}"), "").await.1;
        assert!(html.contains("<bdi>Opened</bdi>") && html.contains("<bdi>Closes</bdi>"));
        let id = with_survey(
            &s,
            me,
            "Later",
            ("2098-01-04T09:00", "2098-02-01T17:00"),
            true,
        )
        .await;
        let html = s.page(&format!("/consultations/{id}"), "").await.1;
        assert!(html.contains("<bdi>Opens</bdi>") && html.contains("<bdi>Closes</bdi>"));
    }
}

/// The items of the Manage dashboard's group headed `heading`, as text.
fn group(html: &str, heading: &str) -> String {
    let start = html
        .find(&format!("<h3 class=\"govuk-heading-m\">{heading}</h3>"))
        .unwrap_or_else(|| panic!("no group {heading}"));
    let rest = &html[start + heading.len()..];
    let end = rest.find("<h3 ").unwrap_or(rest.len());
    words(&rest[..end])
}

#[tokio::test]
async fn withdrawing_a_closed_consultation_says_what_applies_and_it_is_listed_as_withdrawn() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let me = (officer.as_str(), csrf.as_str());
        let past = ("2021-03-01T09:00", "2021-04-01T17:00");
        let id = with_survey(&s, me, "A closed one to withdraw", past, true).await;
        let text = asked(&s, &officer, &id, "no", "en").await;
        assert!(
            text.contains("It has closed already. Its page will no longer be public"),
            "{text}"
        );
        assert!(!text.contains("nobody will be able to respond"), "{text}");
        let text = asked(&s, &officer, &id, "no", "ar").await;
        assert!(text.contains("أُغلقت بالفعل"), "{text}");
        // An open one: nobody will be able to respond.
        let open = with_survey(&s, me, "An open one", (OPEN_FROM, OPEN_UNTIL), true).await;
        let text = asked(&s, &officer, &open, "no", "en").await;
        assert!(text.contains("nobody will be able to respond"), "{text}");

        let res = s
            .post(
                &format!("/staff/consultations/{id}/publication"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("what", "consultation"),
                    ("publish", "no"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);

        // Its own group on Manage, not the drafts'.
        let html = s.page("/manage", &officer).await.1;
        assert!(group(&html, "Withdrawn").contains("A closed one to withdraw"));
        assert!(!group(&html, "Drafts").contains("A closed one to withdraw"));
        let html = s.page("/manage?lang=ar", &officer).await.1;
        assert!(group(&html, "المسحوبة").contains("A closed one to withdraw"));

        // Staff still see its page; with no responses, no results to see.
        let (status, html) = s.page(&format!("/consultations/{id}"), &officer).await;
        assert_eq!(status, 200);
        assert!(!html.contains(&format!("href=\"/consultations/{id}/results\"")));
        assert!(!words(&html).contains("See the results"));
    }
}
