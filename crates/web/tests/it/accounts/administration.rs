//! Administrators' pages: people, roles, suspension, the audit log and
//! the outbox.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{user_id, NADIA, TOM};
use crate::support::servers_with_people;

#[tokio::test]
async fn administration_is_for_administrators_only() {
    for s in servers_with_people().await {
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let tom_id = user_id(&s, TOM).await;
        for path in [
            "/admin/people",
            "/admin/audit",
            "/admin/outbox",
            &format!("/admin/people/{tom_id}"),
        ] {
            assert_eq!(s.page(path, &tom).await.0, 403, "{path}");
        }
        let res = s
            .post(
                &format!("/admin/people/{tom_id}/roles"),
                &tom,
                &[
                    ("csrf", &tom_csrf),
                    ("role", "moderator"),
                    ("grant", "true"),
                ],
            )
            .await;
        assert_eq!(res.status(), 403, "the server refuses what the page hides");

        let (admin, csrf) = s.sign_in(NADIA, DEMO_PASSWORD).await;
        let (status, html) = s.page("/admin/people?q=TOM", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains(TOM) && !html.contains("amina@brightwater.example"));
        let html = s.page("/admin/people?role=administrator", &admin).await.1;
        assert!(html.contains(NADIA) && !html.contains(TOM));
        assert_eq!(s.page("/admin/people?role=root", &admin).await.0, 422);
        assert_eq!(s.page("/admin/people?after=zzz", &admin).await.0, 400);
        assert_eq!(s.page("/admin/people/not-an-id", &admin).await.0, 404);
        let forged = uuid::Uuid::now_v7();
        assert_eq!(
            s.page(&format!("/admin/people/{forged}"), &admin).await.0,
            404
        );

        let path = format!("/admin/people/{tom_id}/roles");
        let res = s
            .post(
                &path,
                &admin,
                &[("csrf", &csrf), ("role", "root"), ("grant", "true")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &path,
                &admin,
                &[("csrf", &csrf), ("role", "moderator"), ("grant", "maybe")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &path,
                &admin,
                &[
                    ("csrf", &csrf),
                    ("role", "moderator"),
                    ("grant", "true"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        let done = format!("/admin/people/{tom_id}?done=role-granted&role=moderator");
        assert_eq!(res.headers()["location"], done.as_str());
        let html = s.page(&done, &admin).await.1;
        // A button's label carries no bidi marks, which would be copied;
        // the role is lower case mid-sentence, and the banner says who
        // and which role.
        assert!(html.contains("Withdraw the moderator role"), "{html}");
        assert!(html.contains("Make them an analyst"));
        let banner = crate::support::text_of(&html).replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            banner.contains("Tom Fletcher is now a moderator."),
            "{banner}"
        );
        assert!(
            html.contains("<bdi>Tom Fletcher</bdi>"),
            "the name isolated"
        );
        let arabic = s.page(&format!("{done}&lang=ar"), &admin).await.1;
        let arabic = crate::support::text_of(&arabic).replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            arabic.contains("لدى Tom Fletcher الآن دور مشرف."),
            "{arabic}"
        );
        assert!(arabic.contains("اسحب منه دور مشرف") && !arabic.contains("منح دور مقيّم منح"));
        // Withdrawn, it says so.
        let res = s
            .post(
                &path,
                &admin,
                &[
                    ("csrf", &csrf),
                    ("role", "analyst"),
                    ("grant", "true"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(
                &path,
                &admin,
                &[
                    ("csrf", &csrf),
                    ("role", "analyst"),
                    ("grant", "false"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        let done = format!("/admin/people/{tom_id}?done=role-withdrawn&role=analyst");
        assert_eq!(res.headers()["location"], done.as_str());
        let text = crate::support::text_of(&s.page(&done, &admin).await.1)
            .replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            text.contains("Tom Fletcher is no longer an analyst."),
            "{text}"
        );
        // An address that does not match what happened says no more than
        // that roles changed.
        let text = crate::support::text_of(
            &s.page(
                &format!("/admin/people/{tom_id}?done=role-granted&role=analyst"),
                &admin,
            )
            .await
            .1,
        );
        assert!(text.contains("The roles have been changed") && !text.contains("is now"));
        let html = s.page("/account", &tom).await.1;
        assert!(
            html.contains("Moderator"),
            "the role shows on the person's own account"
        );

        let nadia_id = user_id(&s, NADIA).await;
        let res = s
            .post(
                &format!("/admin/people/{nadia_id}/suspension"),
                &admin,
                &[("csrf", &csrf), ("suspend", "true")],
            )
            .await;
        assert_eq!(
            res.status(),
            422,
            "administrators cannot suspend themselves"
        );
        let res = s
            .post(
                &format!("/admin/people/{tom_id}/suspension"),
                &admin,
                &[("csrf", &csrf), ("suspend", "true"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            s.page("/account", &tom).await.0,
            303,
            "a suspended person is signed out"
        );

        let html = s.page("/admin/audit?action=role.grant", &admin).await.1;
        let log = crate::support::text_of(&html).replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            log.contains("Role: Moderator") && log.contains("Tom Fletcher"),
            "{log}"
        );
        assert!(html.contains(&format!("href=\"/admin/people/{tom_id}\"")));
        let html = s
            .page(&format!("/admin/audit?subject={tom_id}"), &admin)
            .await
            .1;
        assert!(html.contains("Suspended an account"));
        // "By" takes a name or an address now: one that matches nobody
        // is said so, not refused (a malformed "before" still is).
        let (status, html) = s.page("/admin/audit?actor=nope", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains("govuk-error-summary"), "{html}");
        assert_eq!(s.page("/admin/audit?before=nope", &admin).await.0, 400);
        let (status, html) = s.page("/admin/outbox", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains("Email outbox"));
    }
}

/// The status of the outbox's newest message, as the page shows it.
async fn newest_outbox_status(s: &crate::support::Server, admin: &str, lang: &str) -> String {
    let (status, html) = s.page(&format!("/admin/outbox?lang={lang}"), admin).await;
    assert_eq!(status, 200);
    let body = html.split("<tbody").nth(1).expect("a message");
    let row = body.split("</tr>").next().unwrap();
    let last = row.split("<td").last().unwrap();
    crate::support::text_of(&format!("<td{last}"))
        .trim()
        .to_owned()
}

/// Without a mail server the outbox keeps what it holds: "waiting" would
/// say something will send it. With one, it is waiting.
#[tokio::test]
async fn the_outbox_says_unsent_mail_is_not_sent_without_a_mail_server() {
    let with_server = cohesion_web::WebConfig {
        mail_configured: true,
        ..Default::default()
    };
    for (config, en, ar) in [
        (
            cohesion_web::WebConfig::default(),
            "Not sent: no email server is set up",
            "لم تُرسل: لم يُعدّ خادم بريد إلكتروني",
        ),
        (with_server, "Waiting", "في الانتظار"),
    ] {
        for s in crate::support::servers_with_people_and(config.clone()).await {
            let mut c = s.db().acquire().await.unwrap();
            cohesion_storage::outbox::push(c.conn(), TOM, "Your answers", "Thank you.")
                .await
                .unwrap();
            drop(c);
            let (admin, _) = s.sign_in(NADIA, DEMO_PASSWORD).await;
            assert_eq!(newest_outbox_status(&s, &admin, "en").await, en);
            assert_eq!(newest_outbox_status(&s, &admin, "ar").await, ar);
        }
    }
}

/// The markup of the first `<h1>`, its tags and isolation marks taken out.
fn heading(html: &str) -> String {
    let h1 = html.split("<h1").nth(1).expect("a heading");
    let h1 = h1.split_once('>').unwrap().1.split("</h1>").next().unwrap();
    crate::support::text_of(h1)
        .replace(['\u{2068}', '\u{2069}'], "")
        .trim()
        .to_owned()
}

/// The list of people's table row naming `who`, as text.
fn row_of(html: &str, who: &str) -> String {
    let body = html.split("<tbody").nth(1).expect("a table");
    let row = body
        .split("<tr")
        .find(|r| r.contains(who))
        .unwrap_or_else(|| panic!("a row for {who}"));
    crate::support::text_of(row.split("</tr>").next().unwrap())
}

/// A resident's roles read "Resident" rather than nothing, residents can
/// be looked for, and a person's page is headed with their name.
#[tokio::test]
async fn residents_are_named_and_a_person_page_is_headed_by_name() {
    for s in servers_with_people().await {
        let (admin, _) = s.sign_in(NADIA, DEMO_PASSWORD).await;
        let html = s.page("/admin/people?q=brightwater", &admin).await.1;
        assert!(row_of(&html, "amina@brightwater.example").contains("Resident"));
        assert!(row_of(&html, NADIA).contains("Administrator"));
        assert!(!row_of(&html, NADIA).contains("Resident"));
        assert!(html.contains("<option value=\"resident\""), "{html}");

        let (status, html) = s.page("/admin/people?role=resident", &admin).await;
        assert_eq!(status, 200);
        let found = html.split("<tbody").nth(1).expect("a table");
        assert!(found.contains(TOM) && found.contains("amina@brightwater.example"));
        assert!(!found.contains(NADIA) && !found.contains("priya@brightwater.example"));

        let tom_id = user_id(&s, TOM).await;
        let html = s.page(&format!("/admin/people/{tom_id}"), &admin).await.1;
        assert_eq!(heading(&html), "Tom Fletcher");
        let arabic = format!("{admin}; cohesion_lang=ar");
        let html = s.page(&format!("/admin/people/{tom_id}"), &arabic).await.1;
        assert_eq!(heading(&html), "Tom Fletcher");
        let html = s.page("/admin/people?q=tom", &arabic).await.1;
        assert!(row_of(&html, TOM).contains("مقيم"));
    }
}
