//! Consultations can be found by following links (issue 16): the
//! navigation leads to them, the home page lists what is open with its
//! closing date, *Get involved* lists what is open, upcoming and
//! recently closed from the database, and staff get a dashboard
//! (`/manage`) made of each feature's panel. Residents are refused it.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use time::macros::format_description;
use time::{Duration, OffsetDateTime};

use super::{add_question, create, publish, ANALYST, OFFICER, OPEN_FROM, TOM};
use crate::support::{servers_with_people, Server};

const ADMIN: &str = "nadia@brightwater.example";
const MODERATOR: &str = "grace@brightwater.example";

/// The local date and time `days` from now, as the officers' form
/// takes it.
fn days_from_now(days: i64) -> String {
    let at = OffsetDateTime::now_utc() + Duration::days(days);
    at.format(format_description!("[year]-[month]-[day]T[hour]:[minute]"))
        .unwrap()
}

/// The navigation of a page: what is between its `<nav` and `</nav>`
/// for the menu (the second nav; the first is the language switcher).
fn navigation(html: &str) -> &str {
    let start = html.find("id=\"navigation\"").expect("the menu");
    let end = html[start..].find("</ul>").unwrap();
    &html[start..start + end]
}

/// The part of a page from the heading `from` to the next level-3 or
/// level-2 heading (one group of a listing).
fn group<'a>(html: &'a str, from: &str) -> &'a str {
    let start = html
        .find(&format!(">{from}</h3>"))
        .unwrap_or_else(|| panic!("no group {from} in {html}"));
    let rest = &html[start + from.len() + 6..];
    let end = rest
        .find("<h3")
        .into_iter()
        .chain(rest.find("<h2"))
        .chain(rest.find("</section>"))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Creates and publishes a consultation between `opens` and `closes`,
/// with the one question publishing needs.
async fn published_between(
    s: &Server,
    who: (&str, &str),
    title: &str,
    opens: &str,
    closes: &str,
) -> String {
    let id = create(s, who.0, who.1, title, (opens, closes), "yes").await;
    let question = [
        ("csrf", who.1),
        ("page", "1"),
        ("kind", "short_text"),
        ("text", "What would help?"),
    ];
    let res = add_question(s, who.0, &id, &question).await;
    assert_eq!(res.status(), 303, "a question for {title}");
    publish(s, who.0, who.1, &id, "consultation").await;
    id
}

#[tokio::test]
async fn the_navigation_leads_to_consultations_and_staff_to_manage() {
    for s in servers_with_people().await {
        let (_, html) = s.page("/", "").await;
        let nav = navigation(&html);
        assert!(
            nav.contains("href=\"/consultations\">Consultations</a>"),
            "{nav}"
        );
        assert!(
            !nav.contains("/manage"),
            "anonymous visitors have no Manage: {nav}"
        );
        let (_, html) = s.page("/?lang=ar", "").await;
        assert!(navigation(&html).contains("href=\"/consultations\">الاستشارات العامة</a>"));

        let res = s.get("/manage").await;
        assert_eq!(res.status(), 303, "anonymous: sent to sign in");
        assert_eq!(res.headers()["location"], "/sign-in?next=%2Fmanage");

        // A resident has no Manage; moderators do, for their queue (the
        // discussions' panel), so they are among the staff below.
        let (cookie, _) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let (_, html) = s.page("/consultations", &cookie).await;
        assert!(
            !navigation(&html).contains("/manage"),
            "a resident sees no Manage"
        );
        let (status, html) = s.page("/manage", &cookie).await;
        assert_eq!(status, 403, "{html}");
        for staff in [OFFICER, ANALYST, ADMIN, MODERATOR] {
            let (cookie, _) = s.sign_in(staff, DEMO_PASSWORD).await;
            let (_, html) = s.page("/", &cookie).await;
            assert!(
                navigation(&html).contains("href=\"/manage\">Manage</a>"),
                "{staff} has Manage"
            );
            let (status, html) = s.page("/manage?lang=ar", &cookie).await;
            assert_eq!(status, 200, "{staff}");
            assert!(
                html.contains("<h1 class=\"govuk-heading-xl\">الإدارة</h1>"),
                "{html}"
            );
            assert!(navigation(&html).contains("aria-current=\"page\""));
        }
    }
}

#[tokio::test]
async fn the_home_page_lists_what_is_open_with_its_closing_date() {
    for s in servers_with_people().await {
        let (_, html) = s.page("/", "").await;
        assert!(
            html.contains("Nothing is open for your views at the moment."),
            "{html}"
        );
        // The empty page is now kept for anonymous visitors: publishing
        // through this server must still show at once.
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let officer = (cookie.as_str(), csrf.as_str());
        let open = published_between(
            &s,
            officer,
            "Lighting the canal path",
            OPEN_FROM,
            "2099-07-31T17:00",
        )
        .await;
        let upcoming = "Youth clubs next year";
        published_between(
            &s,
            officer,
            upcoming,
            &days_from_now(30),
            &days_from_now(60),
        )
        .await;
        create(
            &s,
            officer.0,
            officer.1,
            "A draft nobody sees",
            (OPEN_FROM, "2099-01-01T09:00"),
            "yes",
        )
        .await;

        let (_, html) = s.page("/", "").await;
        let listed = group_open(&html);
        assert!(
            listed.contains(&format!("href=\"/consultations/{open}\"")),
            "{listed}"
        );
        assert!(listed.contains("Lighting the canal path"));
        assert!(
            listed.contains(
                "Closes <time datetime=\"2099-07-31T16:00:00Z\">31 July 2099 at 5pm</time>"
            ),
            "{listed}"
        );
        assert!(!html.contains(upcoming) && !html.contains("A draft nobody sees"));
        assert!(!html.contains("Nothing is open for your views"));
        let (_, ar) = s.page("/?lang=ar", "").await;
        assert!(ar.contains("31 يوليو 2099 الساعة 5 مساءً"), "{ar}");
        assert!(ar.contains("مفتوحة لرأيك الآن"));
    }
}

/// The home page's "open now" section.
fn group_open(html: &str) -> &str {
    let start = html.find("id=\"open-now\"").expect("the open-now section");
    let end = html[start..].find("</section>").unwrap();
    &html[start..start + end]
}

#[tokio::test]
async fn get_involved_lists_open_upcoming_and_recently_closed() {
    for s in servers_with_people().await {
        let (_, html) = s.page("/get-involved", "").await;
        for empty in [
            "There are no open consultations at the moment.",
            "No consultations are due to open yet.",
            "No consultations have closed in the last three months.",
        ] {
            assert!(html.contains(empty), "{empty}");
        }
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let officer = (cookie.as_str(), csrf.as_str());
        published_between(
            &s,
            officer,
            "Open: the canal path",
            OPEN_FROM,
            "2099-07-31T17:00",
        )
        .await;
        published_between(
            &s,
            officer,
            "Upcoming: youth clubs",
            &days_from_now(20),
            &days_from_now(50),
        )
        .await;
        published_between(
            &s,
            officer,
            "Closed: market day",
            &days_from_now(-60),
            &days_from_now(-10),
        )
        .await;
        published_between(
            &s,
            officer,
            "Long closed: old bridge",
            &days_from_now(-400),
            &days_from_now(-200),
        )
        .await;
        create(
            &s,
            officer.0,
            officer.1,
            "Draft: not yet",
            (OPEN_FROM, "2099-01-01T09:00"),
            "yes",
        )
        .await;

        let (status, html) = s.page("/get-involved", "").await;
        assert_eq!(status, 200);
        let open = group(&html, "Open now");
        assert!(
            open.contains("Open: the canal path") && !open.contains("youth"),
            "{open}"
        );
        let upcoming = group(&html, "Opening soon");
        assert!(
            upcoming.contains("Upcoming: youth clubs") && upcoming.contains("Opens "),
            "{upcoming}"
        );
        let closed = group(&html, "Recently closed");
        assert!(closed.contains("Closed: market day"), "{closed}");
        assert!(
            !html.contains("old bridge"),
            "closed long ago: only in the full list"
        );
        assert!(!html.contains("Draft: not yet"));
        assert!(html.contains("href=\"/consultations\">See every consultation</a>"));
        let (_, ar) = s.page("/get-involved?lang=ar", "").await;
        assert!(group(&ar, "أُغلقت مؤخرًا").contains("Closed: market day"));
        assert!(
            ar.contains("lang=\"en\">Closed: market day</bdi>"),
            "untranslated, marked"
        );
    }
}

#[tokio::test]
async fn the_dashboard_has_each_roles_panels() {
    for s in servers_with_people().await {
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let officer = (cookie.as_str(), csrf.as_str());
        let open = published_between(
            &s,
            officer,
            "Open: the canal path",
            OPEN_FROM,
            "2099-07-31T17:00",
        )
        .await;
        // Closed with a response: its results are to publish.
        let closed = published_between(
            &s,
            officer,
            "Closed: market day",
            &days_from_now(-60),
            "2099-07-31T17:00",
        )
        .await;
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{closed}/respond");
        let answer = [("csrf", tom_csrf.as_str()), ("q1", "Longer opening hours")];
        assert_eq!(
            s.post(&format!("{respond}/1"), &tom, &answer)
                .await
                .status(),
            303
        );
        let sent = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(sent.status(), 303);
        let (opened, closes) = (days_from_now(-60), days_from_now(-10));
        let dates = [
            ("csrf", csrf.as_str()),
            ("title", "Closed: market day"),
            ("summary", "What would bring you to market day?"),
            ("opens_at", opened.as_str()),
            ("closes_at", closes.as_str()),
        ];
        let res = s
            .post(
                &format!("/staff/consultations/{closed}/edit"),
                officer.0,
                &dates,
            )
            .await;
        assert_eq!(res.status(), 303, "closed since");
        // Closed without any: nothing to publish.
        let unanswered = published_between(
            &s,
            officer,
            "Closed: nobody came",
            &days_from_now(-60),
            &days_from_now(-10),
        )
        .await;
        let draft = create(
            &s,
            officer.0,
            officer.1,
            "Draft: not yet",
            (OPEN_FROM, "2099-01-01T09:00"),
            "yes",
        )
        .await;

        let (status, html) = s.page("/manage", &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("href=\"/staff/consultations/new\">Create a consultation</a>"));
        let drafts = group(&html, "Drafts");
        assert!(
            drafts.contains(&format!("href=\"/staff/consultations/{draft}\"")),
            "{drafts}"
        );
        assert!(group(&html, "Open").contains(&format!("href=\"/staff/consultations/{open}\"")));
        let to_publish = group(&html, "Results to publish");
        assert!(
            to_publish.contains(&format!("href=\"/staff/consultations/{closed}\"")),
            "{to_publish}"
        );
        assert!(!to_publish.contains(&open));
        assert!(!to_publish.contains(&unanswered), "no results to publish");
        let missing = group(&html, "Translations missing");
        assert!(
            missing.contains(&open) && missing.contains(&draft),
            "{missing}"
        );
        assert!(missing.contains("texts not translated yet"), "{missing}");
        assert!(
            !missing.contains(&closed),
            "closed ones without results or findings shown are not checked"
        );
        assert!(
            !html.contains("/admin/people"),
            "officers do not administer people"
        );
        // The analyst's tools for what has responses; none before.
        assert!(html.contains(&format!(
            "href=\"/staff/consultations/{closed}/analysis\">Crosstabs</a>"
        )));
        assert!(!html.contains(&format!(
            "href=\"/staff/consultations/{open}/analysis\">Crosstabs</a>"
        )));

        let (cookie, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let (status, html) = s.page("/manage", &cookie).await;
        assert_eq!(status, 200);
        assert!(!html.contains("Create a consultation") && !html.contains("Draft: not yet"));
        assert!(!html.contains(">Drafts</h3>") && !html.contains("Results to publish"));
        for tool in [
            "analysis",
            "answers",
            "weighting",
            "responses.csv",
            "responses.xlsx",
        ] {
            assert!(
                html.contains(&format!("href=\"/staff/consultations/{closed}/{tool}\"")),
                "the analyst reaches {tool}"
            );
        }
        assert!(!html.contains("/admin/"));

        let (cookie, _) = s.sign_in(ADMIN, DEMO_PASSWORD).await;
        let (_, html) = s.page("/manage", &cookie).await;
        for admin in ["/admin/people", "/admin/audit", "/admin/outbox"] {
            assert!(html.contains(&format!("href=\"{admin}\"")), "{admin}");
        }
        assert!(
            html.contains("Create a consultation"),
            "administrators run engagement too"
        );
    }
}
